"""A consultation's status follows from its times alone, to the second, in Europe/London."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from consultations.builders import ConsultationPageBuilder
from consultations.models import ConsultationPage, ConsultationStatus
from consultations.selectors import status_filter

LONDON = ZoneInfo("Europe/London")
SECOND = timedelta(seconds=1)


def _at(*args, fold=0) -> datetime:
    """A London wall-clock time, as the exact instant (UTC), so arithmetic is exact too."""
    return datetime(*args, tzinfo=LONDON, fold=fold).astimezone(UTC)


@pytest.fixture
def consultation(section_pages):
    """Opens just after the spring clock change, closes just after the autumn one, 2026."""
    return ConsultationPageBuilder(
        parent=section_pages["consultations"],
        opens_at=_at(2026, 3, 29, 9, 0),  # BST began at 01:00 GMT that morning
        closes_at=_at(2026, 10, 25, 1, 30, fold=1),  # the second 01:30, in GMT
        results_published_at=_at(2026, 12, 1, 12, 0),
    )


def _status_in_database(page, now) -> set[str]:
    return {
        status
        for status in ConsultationStatus
        if ConsultationPage.objects.filter(pk=page.pk).filter(status_filter(status, now=now))
    }


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (_at(2026, 3, 29, 9, 0) - SECOND, ConsultationStatus.FORTHCOMING),
        (_at(2026, 3, 29, 9, 0), ConsultationStatus.OPEN),
        (_at(2026, 10, 25, 1, 30, fold=0), ConsultationStatus.OPEN),  # the first 01:30 (BST)
        (_at(2026, 10, 25, 1, 30, fold=1) - SECOND, ConsultationStatus.OPEN),
        (_at(2026, 10, 25, 1, 30, fold=1), ConsultationStatus.CLOSED),
        (_at(2026, 12, 1, 12, 0) - SECOND, ConsultationStatus.CLOSED),
        (_at(2026, 12, 1, 12, 0), ConsultationStatus.RESULTS),
    ],
    ids=[
        "second-before-opening", "opening", "first-0130-on-clock-change",
        "second-before-closing", "closing", "second-before-results", "results",
    ],
)  # fmt: skip
def test_status_at_the_exact_boundaries(consultation, moment, expected):
    assert _at(2026, 10, 25, 1, 30, fold=1) - _at(2026, 10, 25, 1, 30) == timedelta(hours=1)
    assert consultation.status(moment) == expected
    assert _status_in_database(consultation, moment) == {expected}  # the finder agrees


def test_no_published_results_stays_closed(section_pages):
    page = ConsultationPageBuilder(
        parent=section_pages["consultations"],
        opens_at=_at(2025, 1, 1, 9, 0),
        closes_at=_at(2025, 2, 1, 9, 0),
    )
    assert page.status(_at(2030, 1, 1, 0, 0)) == ConsultationStatus.CLOSED


def test_scheduled_opening_needs_no_editor(client, section_pages):
    from django.utils import timezone

    page = ConsultationPageBuilder(
        parent=section_pages["consultations"],
        opens_at=timezone.now() + timedelta(seconds=2),
        closes_at=timezone.now() + timedelta(days=30),
    )
    assert "This consultation opens on" in client.get(page.url).content.decode()
    ConsultationPage.objects.filter(pk=page.pk).update(opens_at=timezone.now() - SECOND)
    html = client.get(page.url).content.decode()
    assert "This consultation is open" in html and 'id="how-to-respond"' in html


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"closes_at": _at(2026, 1, 1, 9, 0)}, "closes_at"),
        ({"results_published_at": _at(2026, 1, 15, 9, 0)}, "results_published_at"),
    ],
)
def test_dates_must_be_in_order(section_pages, fields, error_field):
    dates = {"opens_at": _at(2026, 1, 1, 9, 0), "closes_at": _at(2026, 2, 1, 9, 0), **fields}
    page = ConsultationPage(title="x", **dates)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error_field in error.value.message_dict
