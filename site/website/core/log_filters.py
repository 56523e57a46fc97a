"""Keeps residents' private-link tokens out of the logs."""

import logging
import re

# Path segments that carry a private token: a volunteer's sign-up page and consultation
# update confirm/stop links. Django logs the path of every 4xx/5xx response.
_TOKEN_IN_PATH = re.compile(r"(/(?:my-sign-up|updates/confirm|updates/stop)/)[^/\s\"']+")


def token_redact(text: str) -> str:
    """The text with any private-link token replaced by `[token]`."""
    return _TOKEN_IN_PATH.sub(r"\1[token]", text)


class PrivateTokenFilter(logging.Filter):
    """A handler filter that rewrites each record's message with tokens redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = token_redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
