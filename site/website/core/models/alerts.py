"""The site-wide alert banner, shown on every page between a start and an end time."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin


class AlertBanner(TranslatableMixin, models.Model):
    """An urgent or important message across the whole site, e.g. a service outage."""

    class Level(models.TextChoices):
        IMPORTANT = "important", _("Important (blue)")
        URGENT = "urgent", _("Urgent (red)")

    title = models.CharField(_("title"), max_length=80, default=_("Important"))
    message = RichTextField(_("message"), features=["bold", "link"], max_length=1000)
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.IMPORTANT
    )
    is_enabled = models.BooleanField(_("show this banner"), default=False)
    starts_at = models.DateTimeField(
        _("show from"), null=True, blank=True, help_text=_("Leave empty to show straight away.")
    )
    ends_at = models.DateTimeField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to show until switched off."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("level"),
        FieldPanel("is_enabled"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
