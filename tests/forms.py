"""Helpers for posting public forms the way a browser would, with a token of a chosen age."""

import re
import secrets
import time

from django.core import signing


def form_token(scope: str, *, age: float = 10.0, key: str | None = None) -> str:
    """A form token as if the form had been rendered `age` seconds ago."""
    payload = {"k": key or secrets.token_urlsafe(24), "t": time.time() - age}
    return signing.dumps(payload, salt=f"public-form:{scope}")


def token_in(html: str) -> str:
    """The form token a rendered page holds."""
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)
