"""Fixtures for the email queue: message templates, a real local SMTP server, the worker."""

import copy
import email
import email.policy
import logging
import socket
from datetime import timedelta
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

TEMPLATES = {
    "emails/test_message_subject.txt": "Thanks,\n {{ name }}\n",
    "emails/test_message.txt": (
        '{% extends "emails/base.txt" %}{% block content %}Hello {{ name }}.{% endblock %}'
    ),
    "emails/test_message.html": (
        '{% extends "emails/base.html" %}{% block content %}<p>Hello {{ name }}.</p>{% endblock %}'
    ),
    "emails/text_only_subject.txt": "Plain",
    "emails/text_only.txt": "Just text for {{ name }}.",
}


@pytest.fixture(autouse=True)
def email_templates(settings, tmp_path):
    """Test-only message templates beside the site's, which they extend."""
    for name, source in TEMPLATES.items():
        path = tmp_path / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path / "templates"]
    settings.TEMPLATES = templates


class Collector:
    """An aiosmtpd handler that keeps every message it accepts; refuses recipients if told to."""

    def __init__(self):
        self.envelopes = []
        self.refuse_recipients = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_recipients:
            return f"550 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [
            email.message_from_bytes(e.original_content, policy=email.policy.default)
            for e in self.envelopes
        ]


class SMTPServer:
    """A real SMTP server on 127.0.0.1 that a test can start, stop and start again."""

    def __init__(self, port: int):
        self.port = port
        self.handler = Collector()
        self.controller = None

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """The site's SMTP backend pointed at a local server, not yet started (so "down")."""
    server = SMTPServer(_free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 1
    yield server
    server.stop()


@pytest.fixture
def run_worker(monkeypatch):
    """Runs the real `db_worker` over every email task that is due, then returns.

    The worker closes "old" database connections between tasks; inside a test's transaction
    that would throw the transaction away, so it is made a no-op here, as Django's test client
    does for requests.
    """
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]

    def _run():
        call_command(
            "db_worker",
            "--backend=database",
            "--queue-name=email",
            "--batch",
            "--no-startup-delay",
            verbosity=0,
            stdout=StringIO(),
        )

    yield _run
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)  # the command sets these for the whole process


@pytest.fixture
def make_due():
    """Moves every waiting email task's run time to now, as if the back-off had passed."""

    def _make_due() -> int:
        return DBTaskResult.objects.filter(status="READY").update(
            run_after=timezone.now() - timedelta(seconds=1)
        )

    return _make_due
