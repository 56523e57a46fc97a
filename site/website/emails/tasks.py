"""The send task: one attempt per run; on a mail-server error it queues the next attempt itself.

django-tasks has no retries, so each failed attempt enqueues a new task with `run_after` from
RETRY_DELAYS, in the same transaction that records the failure.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Wait before each retry: six attempts in all, the last about 8.5 hours after the first.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
# What a mail server or the network raises: worth another attempt later.
SEND_ERRORS = (smtplib.SMTPException, OSError)
ERROR_MAX_LENGTH = 500

Status = OutgoingEmail.Status


@task(backend="database", queue_name="email")
def email_send(*, email_id: int, attempt: int) -> str:
    """Sends one email once, if it is still waiting for this attempt; returns its status.

    The row stays locked while the mail server is talking, so two workers can never both send
    it; a task for an attempt that has already happened (a duplicate, or a staff retry racing
    a scheduled one) finds `attempts` moved on and does nothing.
    """
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status in (Status.SENT, Status.FAILED):
            return "skipped"
        if email.attempts != attempt:
            return "skipped"
        email.attempts += 1
        try:
            _deliver(email)
        except SEND_ERRORS as error:
            _attempt_failed(email, error)
        except Exception as error:
            # Not the server's fault (a bad address, say): the same message would fail again.
            logger.exception("Email %s cannot be sent", email.pk)
            _mark_failed(email, error)
        else:
            email.status = Status.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
        email.save(update_fields=["status", "attempts", "last_error", "sent_at", "next_attempt_at"])
        return str(email.status)


def _deliver(email: OutgoingEmail) -> None:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=email.reply_to or None,
        # The same Message-ID on every attempt, so a retry after an uncertain send (the server
        # took the message but the reply was lost) can be recognised downstream.
        headers={"Message-ID": email.message_id, "Auto-Submitted": "auto-generated"},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    if not message.send():
        raise smtplib.SMTPException("The mail backend accepted no message.")


def _attempt_failed(email: OutgoingEmail, error: BaseException) -> None:
    if email.attempts > len(RETRY_DELAYS):
        logger.error(
            "Email %s failed after %s attempts: %s", email.pk, email.attempts, error_describe(error)
        )
        _mark_failed(email, error)
        return
    email.status = Status.RETRYING
    email.last_error = error_describe(error)
    email.next_attempt_at = timezone.now() + RETRY_DELAYS[email.attempts - 1]
    email_send.using(run_after=email.next_attempt_at).enqueue(
        email_id=email.pk, attempt=email.attempts
    )
    logger.warning(
        "Email %s attempt %s failed (%s); retrying at %s",
        email.pk,
        email.attempts,
        email.last_error,
        email.next_attempt_at.isoformat(),
    )


def _mark_failed(email: OutgoingEmail, error: BaseException) -> None:
    email.status = Status.FAILED
    email.last_error = error_describe(error)
    email.next_attempt_at = None


def error_describe(error: BaseException) -> str:
    """The error's class and the server's code and reply, without recipient addresses."""
    name = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        # Its text is a dict keyed by address: keep the codes only.
        codes = sorted({code for code, _reply in error.recipients.values()})
        text = f"{name}: every recipient refused (SMTP {', '.join(map(str, codes))})"
    elif isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        if isinstance(reply, bytes):
            reply = reply.decode(errors="replace")
        text = f"{name}: SMTP {error.smtp_code} {reply}"
    else:
        text = f"{name}: {error}"
    return text[:ERROR_MAX_LENGTH]
