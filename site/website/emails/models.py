"""Outgoing email: one row per message the site sends, kept for retries and for staff to trace."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def message_id_new() -> str:
    """A Message-ID unique across every environment, fixed for the life of one email."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return f"<{uuid.uuid4()}@{domain}>"


class OutgoingEmailQuerySet(models.QuerySet):
    """Reads of the queue."""

    def failed(self) -> "OutgoingEmailQuerySet":
        """Emails that failed on every attempt and need a person to look."""
        return self.filter(status=OutgoingEmail.Status.FAILED)


class OutgoingEmail(models.Model):
    """One rendered email, queued in the caller's transaction and sent (and retried) by a task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Retrying")
        FAILED = "failed", _("Failed")

    # Read by the data-inventory test; the README's inventory gives purpose, basis and retention.
    # last_error is listed because a mail server's refusal can quote the recipient's address.
    PERSONAL_DATA_FIELDS = ("to", "reply_to", "subject", "body_text", "body_html", "last_error")

    to = models.JSONField(_("to"), default=list, help_text=_("Recipient addresses."))
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("plain-text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    message_id = models.CharField(
        _("Message-ID"), max_length=255, unique=True, default=message_id_new, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="emails_status_created_idx")]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")

    def __str__(self) -> str:
        return self.subject
