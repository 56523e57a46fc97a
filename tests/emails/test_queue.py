"""email_queue renders the templates and queues the email in the caller's transaction."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from website.emails.models import OutgoingEmail
from website.emails.services import email_queue, emails_prune

pytestmark = pytest.mark.django_db

RECIPIENT = "resident@example.org"


def _queue(**kwargs) -> OutgoingEmail:
    options = {"to": [RECIPIENT], "template": "test_message", "context": {"name": "Ann"}}
    return email_queue(**{**options, **kwargs})


def test_renders_subject_text_and_html():
    email = _queue(context={"name": "Ann O'Brien & <Sons>"}, reply_to=["officer@example.org"])
    email.refresh_from_db()
    assert email.subject == "Thanks, Ann O'Brien & <Sons>"  # one line, as typed
    assert "Hello Ann O'Brien & <Sons>." in email.body_text  # plain text is not escaped
    assert "Plymouth Community Engagement Hub" in email.body_text
    assert "<p>Hello Ann O&#x27;Brien &amp; &lt;Sons&gt;.</p>" in email.body_html
    assert "<title>Thanks, Ann O&#x27;Brien &amp; &lt;Sons&gt;</title>" in email.body_html
    assert email.to == [RECIPIENT] and email.reply_to == ["officer@example.org"]
    assert email.status == OutgoingEmail.Status.QUEUED and email.attempts == 0


def test_html_has_language_direction_and_no_remote_files():
    with translation.override("ar"):
        html = _queue().body_html
    assert '<html lang="ar" dir="rtl">' in html
    assert "<img" not in html and "src=" not in html and "<link" not in html


def test_html_is_optional():
    email = _queue(template="text_only")
    assert email.subject == "Plain" and email.body_text == "Just text for Ann.\n"
    assert email.body_html == ""


def test_missing_template_is_an_error_for_the_caller():
    with pytest.raises(TemplateDoesNotExist):
        _queue(template="no_such_message")
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    "to", [[], ["not-an-address"], ["a@example.org\nBcc: b@example.org"], RECIPIENT]
)
def test_refuses_bad_recipients(to):
    with pytest.raises((ValueError, TypeError, ValidationError)):
        _queue(to=to)
    assert not OutgoingEmail.objects.exists()


def test_enqueues_one_task_on_the_email_queue_with_ids_only():
    email = _queue()
    task = DBTaskResult.objects.get()
    assert (task.backend_name, task.queue_name, task.status) == ("database", "email", "READY")
    assert task.args_kwargs == {"args": [], "kwargs": {"email_id": email.pk, "attempt": 0}}
    assert RECIPIENT not in str(task.args_kwargs)
    assert mail.outbox == []  # nothing is sent until the worker runs


def test_commits_with_the_callers_transaction():
    with transaction.atomic():
        email = _queue()
    assert OutgoingEmail.objects.filter(pk=email.pk).exists()
    assert DBTaskResult.objects.count() == 1


def test_rollback_leaves_no_email_and_no_task():
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue()
        raise RuntimeError("the submission failed after the email was queued")
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_message_ids_are_unique_and_use_the_senders_domain(settings):
    settings.DEFAULT_FROM_EMAIL = "Hub <hub@plymouth.example>"
    first, second = _queue(), _queue()
    assert first.message_id != second.message_id
    assert first.message_id.startswith("<") and first.message_id.endswith("@plymouth.example>")


def test_prune_keeps_recent_and_unfinished_emails():
    now = timezone.now()
    Status = OutgoingEmail.Status
    ages = {
        (Status.SENT, 29): True,
        (Status.SENT, 31): False,
        (Status.FAILED, 89): True,
        (Status.FAILED, 91): False,
        (Status.RETRYING, 200): True,
    }
    emails = {}
    for status, days in ages:
        email = _queue()
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=status, created_at=now - timedelta(days=days)
        )
        emails[status, days] = email.pk
    assert emails_prune(now=now) == 2
    kept = set(OutgoingEmail.objects.values_list("pk", flat=True))
    assert {key for key, pk in emails.items() if pk in kept} == {k for k, v in ages.items() if v}
