"""What residents may add after responding, each stored on its own and never joined.

The process rating and equality monitoring hold no contact details and no link to a response;
an outcome subscription holds an email address and no link to a response.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.models import PublicSubmission

PREFER_NOT_TO_SAY = ("prefer_not_to_say", _("Prefer not to say"))


class ProcessRating(PublicSubmission):
    """ "How was taking part?": the framework measures positive feedback on the process."""

    class Rating(models.IntegerChoices):
        VERY_GOOD = 5, _("Very good")
        GOOD = 4, _("Good")
        NEITHER = 3, _("Neither good nor poor")
        POOR = 2, _("Poor")
        VERY_POOR = 1, _("Very poor")

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="ratings"
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    comment = models.TextField(_("how could we improve?"), max_length=1000, blank=True)

    PERSONAL_DATA_FIELDS = ("comment",)

    class Meta(PublicSubmission.Meta):
        verbose_name = _("process rating")


def _choices(*pairs):
    return [*pairs, PREFER_NOT_TO_SAY]


class EqualityMonitoring(models.Model):
    """Optional equality questions; stored by day only, with nothing that links to a person."""

    AGE_BANDS = _choices(
        ("under_16", _("Under 16")), ("16_24", "16 to 24"), ("25_34", "25 to 34"),
        ("35_44", "35 to 44"), ("45_54", "45 to 54"), ("55_64", "55 to 64"),
        ("65_74", "65 to 74"), ("75_plus", _("75 or over")),
    )  # fmt: skip
    SEX = _choices(("female", _("Female")), ("male", _("Male")))
    YES_NO = _choices(("yes", _("Yes")), ("no", _("No")))
    ETHNICITY = _choices(
        ("asian", _("Asian or Asian British")),
        ("black", _("Black, Black British, Caribbean or African")),
        ("mixed", _("Mixed or multiple ethnic groups")),
        ("white", _("White")),
        ("other", _("Another ethnic group")),
    )
    RELIGION = _choices(
        ("none", _("No religion")), ("buddhist", _("Buddhist")), ("christian", _("Christian")),
        ("hindu", _("Hindu")), ("jewish", _("Jewish")), ("muslim", _("Muslim")),
        ("sikh", _("Sikh")), ("other", _("Another religion")),
    )  # fmt: skip
    ORIENTATION = _choices(
        ("straight", _("Straight or heterosexual")), ("gay_lesbian", _("Gay or lesbian")),
        ("bisexual", _("Bisexual")), ("other", _("Another sexual orientation")),
    )  # fmt: skip

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="+"
    )
    # The day only: a timestamp could be matched to a response's.
    received_on = models.DateField(_("received on"), auto_now_add=True)
    age_band = models.CharField(_("age"), max_length=20, choices=AGE_BANDS, blank=True)
    sex = models.CharField(_("sex"), max_length=20, choices=SEX, blank=True)
    gender_same_as_sex = models.CharField(
        _("gender identity the same as sex registered at birth"),
        max_length=20,
        choices=YES_NO,
        blank=True,
    )
    ethnicity = models.CharField(_("ethnic group"), max_length=20, choices=ETHNICITY, blank=True)
    disability = models.CharField(_("disability"), max_length=20, choices=YES_NO, blank=True)
    religion = models.CharField(_("religion"), max_length=20, choices=RELIGION, blank=True)
    sexual_orientation = models.CharField(
        _("sexual orientation"), max_length=20, choices=ORIENTATION, blank=True
    )
    carer = models.CharField(_("unpaid carer"), max_length=20, choices=YES_NO, blank=True)
    armed_forces = models.CharField(
        _("served in the armed forces"), max_length=20, choices=YES_NO, blank=True
    )

    PERSONAL_DATA_FIELDS = (
        "age_band", "sex", "gender_same_as_sex", "ethnicity", "disability", "religion",
        "sexual_orientation", "carer", "armed_forces",
    )  # fmt: skip
    QUESTION_FIELDS = PERSONAL_DATA_FIELDS

    class Meta:
        verbose_name = _("equality monitoring answers")
        verbose_name_plural = _("equality monitoring answers")

    def __str__(self):
        return _("Equality monitoring %(number)s") % {"number": self.pk}


def _token() -> str:
    return secrets.token_urlsafe(32)


class OutcomeSubscription(models.Model):
    """Email me the outcome: confirmed by a link (double opt-in), one per email and consultation."""

    consultation_key = models.UUIDField(
        _("consultation"), help_text=_("The consultation's translation key: every language.")
    )
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10, default="en")
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # What the last email said (results and each action's status), so a change is sent once.
    notified_digest = models.CharField(max_length=64, blank=True, editable=False)
    notified_at = models.DateTimeField(_("last emailed"), null=True, blank=True)

    PERSONAL_DATA_FIELDS = ("email",)

    class Meta:
        verbose_name = _("outcome subscription")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "email"], name="one_subscription_per_email"
            )
        ]

    def __str__(self):
        return _("Outcome subscription %(number)s") % {"number": self.pk}
