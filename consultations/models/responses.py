"""What residents send: responses to a consultation, by any channel."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.models import PublicSubmission


class ResponseChannel(models.TextChoices):
    """How a response reached the council; every channel counts in the results."""

    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")
    EMAIL = "email", _("Email")


class ConsultationResponse(PublicSubmission):
    """One response: the answers by question key, stored exactly as given.

    Equality monitoring and contact details are never stored here (see the data inventory).
    """

    PERSONAL_DATA_FIELDS = ("answers",)  # free text and postcodes may identify someone

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    channel = models.CharField(
        _("channel"), max_length=20, choices=ResponseChannel.choices, default=ResponseChannel.ONLINE
    )
    answers = models.JSONField(_("answers"), default=dict)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who typed in a paper, phone or in-person response."),
    )

    themes = models.ManyToManyField(
        "consultations.ResponseTheme",
        verbose_name=_("themes"),
        blank=True,
        related_name="responses",
    )

    class Meta(PublicSubmission.Meta):
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")
        indexes = [models.Index(fields=["consultation", "created_at"])]

    def __str__(self):
        return _("Response %(number)s") % {"number": self.pk}


class ResponseTheme(models.Model):
    """A theme officers tag free-text answers with; the counts feed "you said"."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("theme"), max_length=100)

    class Meta:
        verbose_name = _("theme")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "name"], name="one_theme_name")
        ]

    def __str__(self):
        return self.name
