"""Screening a valid public-form post for spam signals, and storing it exactly once."""

import hashlib
import time
from dataclasses import dataclass, field
from typing import TypeVar

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest

from website.core.client_ip import client_ip
from website.core.models import HeldReason, ReviewStatus

from .captcha import captcha_assess
from .forms import CAPTCHA_FIELD, HONEYPOT_FIELD, TOKEN_FIELD, PublicFormMixin, form_token_read
from .ratelimit import RateLimitResult

SubmissionT = TypeVar("SubmissionT", bound=models.Model)


@dataclass(frozen=True)
class Screening:
    """What the toolkit found: the reasons to hold (if any) and the key that stops duplicates."""

    idempotency_key: str | None
    held_reasons: list[str] = field(default_factory=list)

    @property
    def review_status(self) -> str:
        return ReviewStatus.HELD if self.held_reasons else ReviewStatus.ACCEPTED


def _token_reasons(form: PublicFormMixin) -> tuple[str | None, list[str]]:
    raw = form.protection_value(TOKEN_FIELD)
    payload = form_token_read(form.public_form_scope, raw)
    if payload is None:
        # Forged or missing: still stop replays of the same bytes.
        key = hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest() if raw else None
        return key, [HeldReason.TIMESTAMP]
    age = time.time() - payload["t"]
    key = hashlib.sha256(payload["k"].encode()).hexdigest()
    if age < settings.PUBLIC_FORM_MIN_SECONDS:
        return key, [HeldReason.SPEED]
    if age > settings.PUBLIC_FORM_MAX_AGE_SECONDS:
        return key, [HeldReason.TIMESTAMP]
    return key, []


def submission_screen(
    *, request: HttpRequest, form: PublicFormMixin, rate: RateLimitResult
) -> Screening:
    """Checks the honeypot, the signed token's age, the rate and reCAPTCHA on a valid form."""
    key, reasons = _token_reasons(form)
    if form.protection_value(HONEYPOT_FIELD).strip():
        reasons.insert(0, HeldReason.HONEYPOT)
    if rate.hold:
        reasons.append(HeldReason.RATE)
    captcha = captcha_assess(token=form.protection_value(CAPTCHA_FIELD), ip=client_ip(request))
    if captcha:
        reasons.append(captcha)
    return Screening(idempotency_key=key, held_reasons=[str(r) for r in reasons])


def staff_entry_screening(*, form: PublicFormMixin) -> Screening:
    """For a submission staff type in (a paper or phone response): no spam checks, but the
    form token still stops a double click storing it twice."""
    key, _reasons = _token_reasons(form)
    return Screening(idempotency_key=key)


def submission_store(
    *, model: type[SubmissionT], screening: Screening, **fields
) -> tuple[SubmissionT, bool]:
    """Creates the submission, or returns the one already stored from the same rendered form.

    Returns (submission, created). Call inside the caller's transaction, so that anything else
    the service writes (its email, say) commits or rolls back with it. Two concurrent posts of
    one form meet at the unique key: the loser's savepoint rolls back and it gets the winner's.
    """
    key = screening.idempotency_key
    if key and (existing := model.objects.filter(idempotency_key=key).first()):
        return existing, False
    try:
        with transaction.atomic():
            submission = model.objects.create(
                idempotency_key=key,
                review_status=screening.review_status,
                held_reasons=screening.held_reasons,
                **fields,
            )
    except IntegrityError:
        if not key:
            raise
        return model.objects.get(idempotency_key=key), False
    return submission, True
