"""Writes for consultations: storing responses, whatever channel they came by."""

from django.db import transaction

from website.core.public_forms.screening import Screening, submission_store

from .models import ConsultationPage, ConsultationResponse, ResponseChannel


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
