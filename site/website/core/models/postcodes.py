"""Postcode centres, for "near me" distances and wards (loaded from Code-Point Open)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Postcode(models.Model):
    """One postcode's centre (WGS84) and ward. Loaded from `core/data/plymouth-postcodes.csv`
    by a migration, and refreshed with `manage.py postcodes_import`. Not personal data."""

    postcode = models.CharField(_("postcode"), max_length=8, unique=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    ward_code = models.CharField(_("ward code"), max_length=9, blank=True)
    ward_name = models.CharField(_("ward"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
