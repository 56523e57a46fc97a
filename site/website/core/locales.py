"""The reader's Wagtail Locale, looked up once per request."""

from django.http import HttpRequest
from wagtail.models import Locale


def locale_for_request(request: HttpRequest | None) -> Locale:
    """The active language's Locale, cached on the request (falls back to the default)."""
    cached = getattr(request, "_website_locale", None)
    if cached is not None:
        return cached
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    if request is not None:
        request._website_locale = locale
    return locale
