"""Writes for outgoing email: every message the site sends is queued here, never sent inline."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.validators import validate_email
from django.db import transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from .models import OutgoingEmail
from .tasks import email_send

# How long a copy of each message is kept: long enough to answer "did my email arrive?",
# and for staff to see and retry a failed one.
SENT_RETENTION = timedelta(days=30)
FAILED_RETENTION = timedelta(days=90)

Status = OutgoingEmail.Status


def email_queue(
    *, to: Sequence[str], template: str, context: dict, reply_to: Sequence[str] = ()
) -> OutgoingEmail:
    """Renders `emails/<template>` and queues it, in the caller's transaction.

    The row and its task commit or roll back with the caller's change, so a submission that
    fails leaves no email behind and a saved one always has its email on the way.
    """
    to, reply_to = _addresses(to), _addresses(reply_to)
    if not to:
        raise ValueError("An email needs at least one recipient.")
    subject, body_text, body_html = _render(template, context)
    with transaction.atomic():  # a savepoint inside the caller's transaction, or one of its own
        email = OutgoingEmail.objects.create(
            to=to, reply_to=reply_to, subject=subject, body_text=body_text, body_html=body_html
        )
        email_send.enqueue(email_id=email.pk, attempt=0)
    return email


@transaction.atomic
def email_retry(*, email: OutgoingEmail) -> OutgoingEmail:
    """Gives a failed email one more attempt now (staff, once the mail server is fixed)."""
    email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    if email.status != Status.FAILED:
        return email
    email.status = Status.QUEUED
    email.next_attempt_at = timezone.now()
    email.save(update_fields=["status", "next_attempt_at"])
    email_send.enqueue(email_id=email.pk, attempt=email.attempts)
    return email


def emails_prune(*, now: datetime | None = None) -> int:
    """Deletes sent emails after SENT_RETENTION and failed ones after FAILED_RETENTION."""
    now = now or timezone.now()
    deleted, _by_model = OutgoingEmail.objects.filter(
        status=Status.SENT, created_at__lt=now - SENT_RETENTION
    ).delete()
    deleted_failed, _by_model = OutgoingEmail.objects.filter(
        status=Status.FAILED, created_at__lt=now - FAILED_RETENTION
    ).delete()
    return deleted + deleted_failed


def _addresses(addresses: Sequence[str]) -> list[str]:
    if isinstance(addresses, str):
        raise TypeError("Pass a list of addresses, not one string.")
    for address in addresses:
        validate_email(address)  # also refuses line breaks, so no header injection
    return list(addresses)


def _render(template: str, context: dict) -> tuple[str, str, str]:
    """The subject (one line), the plain-text body and the HTML body ("" without a template)."""
    subject = " ".join(_render_text(f"emails/{template}_subject.txt", context).split())
    body_text = _render_text(f"emails/{template}.txt", context).strip() + "\n"
    try:
        get_template(f"emails/{template}.html")
    except TemplateDoesNotExist:
        return subject, body_text, ""
    # The base template names the message after its subject (<title>, the article's label).
    body_html = render_to_string(f"emails/{template}.html", {**context, "email_subject": subject})
    return subject, body_text, body_html


def _render_text(name: str, context: dict) -> str:
    # Plain text is not HTML: render without autoescaping, so "O'Brien & Sons" stays as typed.
    return get_template(name).template.render(Context(context, autoescape=False))
