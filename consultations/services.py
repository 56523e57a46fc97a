"""Writes for consultations: responses by any channel, and what residents add after responding."""

import hashlib

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.core.public_forms.screening import Screening, submission_store
from website.emails.services import email_queue

from .models import (
    ConsultationPage,
    ConsultationResponse,
    ConsultationStatus,
    EqualityMonitoring,
    OutcomeSubscription,
    ProcessRating,
    ResponseChannel,
    ResponseTheme,
)
from .selectors import response_answer_rows


@transaction.atomic
def response_submit(
    *,
    consultation: ConsultationPage,
    answers: dict,
    screening: Screening,
    language: str,
    channel: str = ResponseChannel.ONLINE,
    entered_by=None,
) -> ConsultationResponse:
    """Stores a response once per rendered form (a double click or replay stores one row)."""
    response, _created = submission_store(
        model=ConsultationResponse,
        screening=screening,
        consultation=consultation,
        answers=answers,
        language=language,
        channel=channel,
        entered_by=entered_by,
    )
    return response


@transaction.atomic
def rating_submit(
    *, consultation: ConsultationPage, rating: int, comment: str, screening: Screening
) -> ProcessRating:
    """Stores a "how was taking part?" rating once per rendered form."""
    stored, _created = submission_store(
        model=ProcessRating,
        screening=screening,
        consultation=consultation,
        rating=rating,
        comment=comment,
    )
    return stored


def equality_submit(*, consultation: ConsultationPage, answers: dict) -> EqualityMonitoring | None:
    """Stores equality answers on their own; nothing at all if every question was skipped."""
    given = {name: value for name, value in answers.items() if value}
    if not given:
        return None
    return EqualityMonitoring.objects.create(consultation=consultation, **given)


@transaction.atomic
def updates_request(
    *,
    consultation: ConsultationPage,
    email: str,
    language: str,
    response: ConsultationResponse | None,
    send_copy: bool,
    outcome: bool,
) -> None:
    """Queues a copy of the response and/or asks the resident to confirm outcome emails."""
    email = email.strip().lower()
    if send_copy and response is not None:
        email_queue(
            to=[email],
            template="consultation_response_copy",
            context={"consultation": consultation, "rows": response_answer_rows(response)},
        )
    if outcome:
        _subscription_request(consultation=consultation, email=email, language=language)


def _subscription_request(*, consultation: ConsultationPage, email: str, language: str) -> None:
    subscription, _created = OutcomeSubscription.objects.get_or_create(
        consultation_key=consultation.translation_key,
        email=email,
        defaults={"consultation": consultation, "language": language},
    )
    if subscription.confirmed_at and not subscription.unsubscribed_at:
        return  # already confirmed: no second confirmation email
    confirm = consultation.reverse_subpage("updates_confirm", args=[subscription.token])
    email_queue(
        to=[email],
        template="consultation_outcome_confirm",
        context={"consultation": consultation, "confirm_url": consultation.full_url + confirm},
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> OutcomeSubscription | None:
    """Confirms (or re-confirms after unsubscribing) the subscription with this token."""
    subscription = OutcomeSubscription.objects.select_for_update().filter(token=token).first()
    if subscription is None:
        return None
    if not subscription.confirmed_at or subscription.unsubscribed_at:
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscription


def _results_digest(consultation: ConsultationPage) -> str:
    """A fingerprint of what subscribers are told: the results and each action's status."""
    parts = [str(consultation.results_published_at)]
    parts += [f"{a.pk}:{a.description}:{a.status}" for a in consultation.actions.all()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def outcome_notify(*, consultation: ConsultationPage, now=None) -> int:
    """Emails each confirmed subscriber once per change of results or actions; returns how many.

    Safe to run again and from several places (the publish hook, the scheduled command): each
    subscription is locked and compared with what it was last told.
    """
    if consultation.status(now) != ConsultationStatus.RESULTS:
        return 0
    digest = _results_digest(consultation)
    pending = OutcomeSubscription.objects.filter(
        consultation_key=consultation.translation_key,
        confirmed_at__isnull=False,
        unsubscribed_at__isnull=True,
    ).exclude(notified_digest=digest)
    sent = 0
    for pk in pending.values_list("pk", flat=True):
        sent += _subscriber_notify(pk=pk, consultation=consultation, digest=digest)
    return sent


@transaction.atomic
def _subscriber_notify(*, pk: int, consultation: ConsultationPage, digest: str) -> int:
    subscription = OutcomeSubscription.objects.select_for_update().get(pk=pk)
    if subscription.notified_digest == digest or subscription.unsubscribed_at:
        return 0
    first = not subscription.notified_digest
    stop = consultation.reverse_subpage("updates_stop", args=[subscription.token])
    email_queue(
        to=[subscription.email],
        template="consultation_results" if first else "consultation_actions_update",
        context={
            "consultation": consultation,
            "actions": list(consultation.actions.all()),
            "stop_url": consultation.full_url + stop,
        },
    )
    subscription.notified_digest = digest
    subscription.notified_at = timezone.now()
    subscription.save(update_fields=["notified_digest", "notified_at"])
    return 1


def subscription_stop(*, token: str) -> OutcomeSubscription | None:
    """Unsubscribes: no more emails about this consultation."""
    subscription = OutcomeSubscription.objects.filter(token=token).first()
    if subscription and not subscription.unsubscribed_at:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


@transaction.atomic
def results_reminders_send(*, after_days: int) -> int:
    """Reminds each consultation's owner, once, when it closed `after_days` ago without results."""
    from datetime import timedelta

    from .models import ResultsReminder
    from .selectors import consultations_awaiting_results

    closed_before = timezone.now() - timedelta(days=after_days)
    sent = 0
    reminded = ResultsReminder.objects.values("consultation_id")
    for page in consultations_awaiting_results(closed_before=closed_before).exclude(
        pk__in=reminded
    ):
        to = [page.owner.email] if page.owner and page.owner.email else None
        email_queue(
            to=to or list(settings.CONTACT_FORM_RECIPIENTS),
            template="consultation_results_reminder",
            context={
                "consultation": page,
                "days": after_days,
                "admin_url": settings.WAGTAILADMIN_BASE_URL,
            },
        )
        ResultsReminder.objects.create(consultation=page)
        sent += 1
    return sent


@transaction.atomic
def response_themes_set(
    *, response: ConsultationResponse, theme_ids: list[int], new_theme: str = ""
) -> None:
    """Tags a response with the chosen themes of its consultation, adding a new one if named."""
    themes = list(response.consultation.themes.filter(pk__in=theme_ids))
    name = " ".join(new_theme.split())[:100]
    if name:
        theme, _created = ResponseTheme.objects.get_or_create(
            consultation=response.consultation, name=name
        )
        themes.append(theme)
    response.themes.set(themes)
