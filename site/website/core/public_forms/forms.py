"""What every public form carries besides its own fields: a honeypot and two hidden tokens.

They are plain inputs read from the raw POST data, not form fields, so no spam check can ever
show a resident a validation error. components/public_form_protection.html renders them.
"""

import secrets
import time

from django.conf import settings
from django.core import signing

from website.core.forms import GovukFormMixin

from .captcha import captcha_enabled

HONEYPOT_FIELD = "your_website"
TOKEN_FIELD = "form_token"  # noqa: S105 (a field name)
CAPTCHA_FIELD = "captcha_token"


def form_token_new(scope: str) -> str:
    """A signed token holding a random key and the time the form was rendered."""
    payload = {"k": secrets.token_urlsafe(24), "t": time.time()}
    return signing.dumps(payload, salt=f"public-form:{scope}")


def form_token_read(scope: str, token: str) -> dict | None:
    """The token's payload, or None if it is missing or was not signed by us for this form."""
    if not token:
        return None
    try:
        payload = signing.loads(token, salt=f"public-form:{scope}")
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not {"k", "t"} <= payload.keys():
        return None
    if not isinstance(payload["t"], int | float) or not isinstance(payload["k"], str):
        return None
    return payload


class PublicFormMixin(GovukFormMixin):
    """Mix into a public form (before forms.Form) and set `public_form_scope`."""

    public_form_scope = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.public_form_scope:
            raise ValueError(f"{type(self).__name__} must set public_form_scope")
        # A re-rendered form keeps the token it was first rendered with, so correcting a
        # mistake neither counts as a fresh (fast) render nor stores a second row.
        self.form_token = self.protection_value(TOKEN_FIELD) or form_token_new(
            self.public_form_scope
        )

    def protection_value(self, name: str) -> str:
        """A protection input's posted value ("" when absent or not text)."""
        if not self.is_bound:
            return ""
        value = self.data.get(name, "")
        return value if isinstance(value, str) else ""

    @property
    def recaptcha_site_key(self) -> str:
        """The reCAPTCHA site key when reCAPTCHA is on, for the page's script."""
        return settings.RECAPTCHA_PUBLIC_KEY if captcha_enabled() else ""
