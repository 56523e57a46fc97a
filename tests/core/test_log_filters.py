"""Private-link tokens never reach the logs."""

import logging

from website.core.log_filters import PrivateTokenFilter, token_redact


def test_tokens_in_private_link_paths_are_redacted():
    assert token_redact("Not Found: /volunteering/litter/my-sign-up/Abc_123-xyz/") == (
        "Not Found: /volunteering/litter/my-sign-up/[token]/"
    )
    assert token_redact("Forbidden (CSRF): /c/x/updates/stop/tok3n/") == (
        "Forbidden (CSRF): /c/x/updates/stop/[token]/"
    )
    assert token_redact("Not Found: /volunteering/") == "Not Found: /volunteering/"


def test_the_console_handler_redacts_a_django_request_record():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/volunteering/x/my-sign-up/s3cret-token/",),
        None,
    )
    assert PrivateTokenFilter().filter(record) is True
    assert "s3cret-token" not in record.getMessage()
    assert record.getMessage() == "Not Found: /volunteering/x/my-sign-up/[token]/"


def test_the_settings_attach_the_filter_to_the_console_handler():
    handlers = logging.getLogger().handlers
    assert any(isinstance(f, PrivateTokenFilter) for h in handlers for f in h.filters)
