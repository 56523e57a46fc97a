"""reCAPTCHA v3 as a risk score, never a gate: any failure to check holds, never rejects."""

import logging

from django.conf import settings
from django_recaptcha import client

from website.core.models import HeldReason

logger = logging.getLogger(__name__)


def captcha_enabled() -> bool:
    """True when both reCAPTCHA keys are configured."""
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


def captcha_assess(*, token: str, ip: str) -> HeldReason | None:
    """The reason to hold a submission, or None when reCAPTCHA is off or the score is good.

    A missing token (JavaScript off, script blocked), a network error, a timeout or a reply
    that makes no sense all mean "could not check": the submission is kept and held.
    """
    if not captcha_enabled():
        return None
    if not token:
        return HeldReason.CAPTCHA_UNAVAILABLE
    try:
        result = client.submit(token, settings.RECAPTCHA_PRIVATE_KEY, ip)
        score = float(result.extra_data.get("score", 0.0))
    except Exception:  # any failure of someone else's service must not become our 500
        logger.warning("reCAPTCHA verification failed", exc_info=True)
        return HeldReason.CAPTCHA_UNAVAILABLE
    if not result.is_valid or score < settings.RECAPTCHA_REQUIRED_SCORE:
        return HeldReason.CAPTCHA_SCORE
    return None
