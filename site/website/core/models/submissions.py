"""What every resident submission shares: when it came, whether it is held, and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    """Where a submission stands with the moderators."""

    ACCEPTED = "accepted", _("Accepted")  # no spam signal: handled as normal
    HELD = "held", _("Held for review")
    RELEASED = "released", _("Released by a moderator")
    SPAM = "spam", _("Marked as spam")


class HeldReason(models.TextChoices):
    """Why the form toolkit held a submission for review (a submission may have several)."""

    HONEYPOT = "honeypot", _("Hidden field filled in")
    SPEED = "speed", _("Sent within seconds of opening the form")
    TIMESTAMP = "timestamp", _("Form token missing, forged or expired")
    RATE = "rate", _("Many submissions from one address")
    CAPTCHA_SCORE = "captcha_score", _("Low reCAPTCHA score")
    CAPTCHA_UNAVAILABLE = "captcha_unavailable", _("reCAPTCHA could not be checked")
    BLOCKED = "blocked", _("From a blocked email or address")


class PublicSubmission(models.Model):
    """Abstract base for anything a resident sends through a public form.

    `idempotency_key` comes from the signed form token, so a double click, Back-and-resubmit
    or replay of one rendered form stores one row. Concrete models list the fields that hold
    personal data in PERSONAL_DATA_FIELDS (the README's data inventory must cover them).
    """

    PERSONAL_DATA_FIELDS: tuple[str, ...] = ()

    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    # NULL, not "", when there is no token: unique must allow many rows without one.
    idempotency_key = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    review_status = models.CharField(
        _("review status"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.ACCEPTED,
        db_index=True,
    )
    held_reasons = models.JSONField(_("held because"), default=list, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def held_reason_labels(self) -> list[str]:
        labels = dict(HeldReason.choices)
        return [str(labels.get(reason, reason)) for reason in self.held_reasons]
