"""Residents' suggestions for the asset map: a new asset, or a correction to any entry."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.models import PublicSubmission

from .entries import AssetCategory


class SuggestionKind(models.TextChoices):
    NEW = "new", _("A new asset")
    CORRECTION = "correction", _("A correction")


class SuggestionStatus(models.TextChoices):
    NEW = "new", _("Waiting for a directory editor")
    DRAFTED = "drafted", _("Draft asset made")
    LIVE = "live", _("Published")
    CORRECTED = "corrected", _("Correction made")
    DECLINED = "declined", _("Declined")


class AssetSuggestion(PublicSubmission):
    """What a resident suggested; nothing is public until a directory editor publishes it."""

    PERSONAL_DATA_FIELDS = ("name", "email")

    kind = models.CharField(_("kind"), max_length=20, choices=SuggestionKind.choices)
    entry = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("entry to correct"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    asset_name = models.CharField(_("name of the asset"), max_length=150, blank=True)
    category = models.CharField(
        _("category"), max_length=30, choices=AssetCategory.choices, blank=True
    )
    details = models.TextField(_("details"), max_length=3000)
    location = models.CharField(_("where"), max_length=300, blank=True)
    get_involved = models.TextField(_("how to get involved"), max_length=1000, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    notify = models.BooleanField(_("wants to be told when it is live"), default=False)
    language = models.CharField(_("language"), max_length=10, blank=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.NEW,
        db_index=True,
    )
    asset = models.ForeignKey(
        "directory.CommunityAssetPage",
        verbose_name=_("asset made from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notified_at = models.DateTimeField(_("resident told"), null=True, blank=True)

    class Meta(PublicSubmission.Meta):
        verbose_name = _("asset suggestion")
        verbose_name_plural = _("asset suggestions")

    def __str__(self) -> str:
        return _("Suggestion %(number)s") % {"number": self.pk}
