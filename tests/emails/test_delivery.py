"""The worker delivers queued email through a real SMTP server, retries outages, never twice."""

import logging
import socket
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from website.emails.models import OutgoingEmail
from website.emails.services import email_queue
from website.emails.tasks import RETRY_DELAYS, email_send

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status
RECIPIENTS = ["resident@example.org", "second@example.org"]


def _queue() -> OutgoingEmail:
    return email_queue(
        to=RECIPIENTS,
        template="test_message",
        context={"name": "Ann"},
        reply_to=["officer@example.org"],
    )


def _waiting_task() -> DBTaskResult:
    return DBTaskResult.objects.get(status="READY")


def test_delivers_text_and_html(smtp, run_worker):
    smtp.start()
    email = _queue()
    run_worker()

    [envelope] = smtp.handler.envelopes
    assert envelope.rcpt_tos == RECIPIENTS
    [message] = smtp.handler.messages
    assert message["Subject"] == "Thanks, Ann"
    assert message["To"] == ", ".join(RECIPIENTS)
    assert message["Reply-To"] == "officer@example.org"
    assert message["Message-ID"] == email.message_id
    assert message["Auto-Submitted"] == "auto-generated"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Hello Ann." in text and "<p>Hello Ann.</p>" in html
    email.refresh_from_db()
    assert (email.status, email.attempts, email.next_attempt_at) == (Status.SENT, 1, None)
    assert email.sent_at is not None


def test_outage_commits_retries_then_delivers_once(smtp, run_worker, make_due, caplog):
    with transaction.atomic():  # the submission: nothing here talks to the mail server
        email = _queue()
    run_worker()  # server down: connection refused

    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.RETRYING, 1)
    assert email.last_error.startswith("ConnectionRefusedError")
    retry = _waiting_task()
    assert retry.args_kwargs["kwargs"] == {"email_id": email.pk, "attempt": 1}
    assert retry.run_after == email.next_attempt_at
    assert timezone.now() + RETRY_DELAYS[0] - timedelta(seconds=30) < retry.run_after
    assert [r.levelno for r in caplog.records if r.name == "website.emails.tasks"] == [
        logging.WARNING
    ]

    smtp.start()
    run_worker()  # the retry is not due yet
    assert smtp.handler.envelopes == []

    make_due()
    run_worker()
    run_worker()
    assert len(smtp.handler.envelopes) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 2)
    assert smtp.handler.messages[0]["Message-ID"] == email.message_id  # same on every attempt


def test_a_timeout_is_retried(smtp, run_worker, settings):
    settings.EMAIL_TIMEOUT = 0.2
    with socket.socket() as silent:  # accepts the connection, never says hello
        silent.bind(("127.0.0.1", smtp.port))
        silent.listen()
        email = _queue()
        run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.RETRYING, 1)
    assert email.last_error.startswith(("TimeoutError", "SMTPServerDisconnected"))


def test_refused_recipients_are_retried_without_recording_addresses(smtp, run_worker):
    smtp.handler.refuse_recipients = True
    smtp.start()
    email = _queue()
    run_worker()
    email.refresh_from_db()
    assert email.status == Status.RETRYING
    assert email.last_error == "SMTPRecipientsRefused: every recipient refused (SMTP 550)"
    assert smtp.handler.envelopes == []


def test_never_sends_twice(smtp, run_worker):
    smtp.start()
    email = _queue()
    run_worker()
    run_worker()
    # The same task again, directly and through the queue: both see it was sent.
    assert email_send.call(email_id=email.pk, attempt=0) == "skipped"
    email_send.enqueue(email_id=email.pk, attempt=0)
    run_worker()
    assert len(smtp.handler.envelopes) == 1
    assert OutgoingEmail.objects.get().attempts == 1


def test_a_duplicate_task_for_a_pending_email_sends_once(smtp, run_worker):
    email = _queue()
    email_send.enqueue(email_id=email.pk, attempt=0)  # e.g. enqueued twice by mistake
    smtp.start()
    run_worker()
    assert len(smtp.handler.envelopes) == 1
    assert DBTaskResult.objects.filter(return_value="skipped").count() == 1


def test_stale_retry_does_nothing(smtp, run_worker, make_due):
    email = _queue()
    run_worker()  # down: attempt 1 failed, attempt 2 scheduled
    email_send.enqueue(email_id=email.pk, attempt=0)  # a leftover task for attempt 1
    smtp.start()
    run_worker()  # the leftover runs (it is due), the scheduled retry does not (not due)
    assert smtp.handler.envelopes == []
    make_due()
    run_worker()
    assert len(smtp.handler.envelopes) == 1


def test_fails_after_the_last_retry(smtp, run_worker, make_due, caplog):
    email = _queue()
    delays = []
    for _attempt in range(len(RETRY_DELAYS) + 1):
        before = timezone.now()
        run_worker()
        email.refresh_from_db()
        if email.next_attempt_at:
            delays.append(email.next_attempt_at - before)
        make_due()

    assert (email.status, email.attempts) == (Status.FAILED, len(RETRY_DELAYS) + 1)
    assert email.next_attempt_at is None and email.last_error
    assert not DBTaskResult.objects.filter(status="READY").exists()
    for delay, expected in zip(delays, RETRY_DELAYS, strict=True):
        assert expected <= delay < expected + timedelta(seconds=30)
    assert sum(RETRY_DELAYS, timedelta()) >= timedelta(hours=8)
    levels = [r.levelno for r in caplog.records if r.name == "website.emails.tasks"]
    assert levels == [logging.WARNING] * len(RETRY_DELAYS) + [logging.ERROR]
    smtp.start()
    run_worker()
    assert smtp.handler.envelopes == []  # failed stays failed until staff retry it


def test_a_message_that_cannot_be_built_fails_at_once(run_worker, monkeypatch, caplog):
    email = _queue()

    def _broken(message):
        raise ValueError("bad header")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", _broken)
    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (
        Status.FAILED,
        1,
        "ValueError: bad header",
    )
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert [r.levelno for r in caplog.records if r.name == "website.emails.tasks"] == [
        logging.ERROR
    ]
