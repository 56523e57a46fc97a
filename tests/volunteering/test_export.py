"""Exports of sign-ups: only what the user may see, as filtered, safe in a spreadsheet, audited,
and streamed from a temporary file with flat memory and a fixed number of queries."""

import io
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.conftest import staff_client_for
from volunteering.builders import (
    OpportunityPageBuilder,
    OpportunitySessionBuilder,
    OrganisationBuilder,
    SignupBuilder,
)
from volunteering.exports import LONDON
from volunteering.models import Organisation, Place, Signup, SignupStatus
from website.core.models import ReviewStatus
from website.staff.groups import VOLUNTEERING_TEAM

from .test_admin import member_make

URL = "/admin/volunteer_signups/export/"
EXPORT = "website.personal_data.export"
HEADER = [
    "Sign-up number", "Received", "Opportunity", "Organisation", "Session starts", "Place",
    "Status", "Name", "Email", "Phone", "Postcode", "Availability", "Anything we should know",
    "Confirmed minimum age", "Agreed to be contacted", "Language", "Hours volunteered",
]  # fmt: skip


def export(client, **params):
    """The export's HTTP response and its rows as lists of cell values ("" for empty)."""
    response = client.get(URL, params)
    assert response.status_code == 200, response.content[:500]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [
        ["" if v is None else v for v in row] for row in book.active.iter_rows(values_only=True)
    ]
    return response, rows, book.active


def bulk_signups(opportunity, count: int, *, start: int = 0, **fields) -> None:
    Signup.objects.bulk_create(
        (
            Signup(
                opportunity=opportunity,
                place=Place.INTEREST,
                name=f"Volunteer {n}",
                email=f"volunteer{n}@example.org",
                postcode="PL1 1AE",
                needs=f"Needs {n}",
                token_hash=f"{opportunity.pk:08d}{n:056d}",
                token_expires_at=timezone.now() + timedelta(days=30),
                **fields,
            )
            for n in range(start, start + count)
        ),
        batch_size=2000,
    )


@pytest.fixture
def other_opportunity(board):
    organisation = OrganisationBuilder(name="Age Positive", contact_email="ap@example.org")
    return OpportunityPageBuilder(parent=board, title="Tea and chat", organisation=organisation)


def test_one_row_per_sign_up_with_every_field(coordinator_client, opportunity, session):
    signup = SignupBuilder(
        opportunity=opportunity,
        session=session,
        place=Place.BOOKED,
        status=SignupStatus.PLACED,
        name="Ann Example",
        email="ann@example.org",
        phone="07700 900123",
        postcode="PL4 8AA",
        availability=["weekends", "weekday-evening"],
        needs="Step-free access, please",
        age_confirmed=True,
        language="pl",
        hours=Decimal("3.50"),
    )
    summer = datetime(2026, 7, 1, 12, 30, 5, 123456, tzinfo=UTC)  # 13:30:05 in London (BST)
    Signup.objects.filter(pk=signup.pk).update(created_at=summer)

    response, rows, _sheet = export(coordinator_client)

    starts = timezone.localtime(session.starts_at, LONDON).replace(tzinfo=None, microsecond=0)
    assert rows[0] == HEADER
    assert rows[1] == [
        signup.pk, datetime(2026, 7, 1, 13, 30, 5), "Befriending older neighbours",
        "Good Neighbours Scheme", starts, "Has a place", "Placed", "Ann Example",
        "ann@example.org", "07700 900123", "PL4 8AA", "Weekends; Weekday evenings",
        "Step-free access, please", "Yes", "Yes", "pl", 3.5,
    ]  # fmt: skip
    assert len(rows) == 2
    today = timezone.localdate(timezone=LONDON).isoformat()
    filename = f"volunteer-sign-ups-all-{today}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "no-store" in response["Cache-Control"]


def test_only_the_coordinators_own_organisation_is_exported(
    coordinator_client, opportunity, other_opportunity
):
    SignupBuilder(opportunity=opportunity, name="Mine")
    SignupBuilder(opportunity=other_opportunity, name="Theirs")
    _, rows, _sheet = export(coordinator_client)
    assert [row[7] for row in rows[1:]] == ["Mine"]


def test_the_team_exports_every_organisation(django_user_model, opportunity, other_opportunity):
    SignupBuilder(opportunity=opportunity, name="Mine")
    SignupBuilder(opportunity=other_opportunity, name="Theirs")
    team = staff_client_for(member_make(django_user_model, "team", VOLUNTEERING_TEAM))
    _, rows, _sheet = export(team)
    assert sorted(row[7] for row in rows[1:]) == ["Mine", "Theirs"]


def test_the_export_follows_the_lists_filters(
    coordinator_client, organisation, opportunity, session
):
    second = OpportunityPageBuilder(parent=opportunity.get_parent(), organisation=organisation)
    SignupBuilder(opportunity=opportunity, session=session, place=Place.BOOKED, name="Session")
    SignupBuilder(opportunity=opportunity, name="Interested", status=SignupStatus.CONTACTED)
    SignupBuilder(opportunity=second, name="Second")

    def names(**params):
        return sorted(row[7] for row in export(coordinator_client, **params)[1][1:])

    assert names(opportunity=opportunity.pk) == ["Interested", "Session"]
    assert names(session=session.pk) == ["Session"]
    assert names(status="contacted") == ["Interested"]
    assert names(place="booked") == ["Session"]
    assert names(opportunity=second.pk) == ["Second"]
    response = coordinator_client.get(URL, {"opportunity": opportunity.pk})
    assert f"volunteer-sign-ups-{opportunity.slug}-" in response["Content-Disposition"]


def test_held_and_spam_sign_ups_never_leave(coordinator_client, opportunity):
    for status in ReviewStatus.values:
        SignupBuilder(opportunity=opportunity, name=f"From {status}", review_status=status)
    _, rows, _sheet = export(coordinator_client)
    assert sorted(row[7] for row in rows[1:]) == ["From accepted", "From released"]


FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "+1", "-1+1", "@SUM(1)", "\tx", "=1+1"]


def test_formula_payloads_are_quoted_and_cells_are_text(coordinator_client, opportunity):
    for payload in FORMULAS:
        SignupBuilder(opportunity=opportunity, name=payload, needs=payload, phone="+44 7700 900123")
    SignupBuilder(opportunity=opportunity, name="escape \x1b here \u202e", needs="\x07bell")

    _, rows, sheet = export(coordinator_client)

    assert [row[7] for row in rows[1:-1]] == ["'" + payload for payload in FORMULAS]
    assert [row[12] for row in rows[1:-1]] == ["'" + payload for payload in FORMULAS]
    assert rows[1][9] == "'+44 7700 900123"
    assert (sheet["H2"].data_type, sheet["M2"].data_type) == ("s", "s")
    assert rows[-1][7] == "escape \ufffd here \u202e" and rows[-1][12] == "\ufffdbell"


def test_every_export_is_audited_against_each_organisation_in_it(
    django_user_model, coordinator, coordinator_client, organisation, opportunity, other_opportunity
):
    SignupBuilder(opportunity=opportunity)
    SignupBuilder(opportunity=opportunity)
    SignupBuilder(opportunity=other_opportunity)
    export(coordinator_client, status="new")
    team_member = member_make(django_user_model, "team", VOLUNTEERING_TEAM)
    export(staff_client_for(team_member))

    entries = ModelLogEntry.objects.filter(
        action=EXPORT, content_type=ContentType.objects.get_for_model(Organisation)
    ).order_by("pk")
    seen = [(e.user_id, int(e.object_id), e.data["rows"], e.data["filters"]) for e in entries]
    other = other_opportunity.organisation_id
    assert sorted(seen) == sorted(
        [
            (coordinator.pk, organisation.pk, 2, {"status": "new"}),
            (team_member.pk, organisation.pk, 2, {}),
            (team_member.pk, other, 1, {}),
        ]
    )


def test_another_organisations_filter_is_refused_and_not_logged(
    coordinator_client, opportunity, other_opportunity
):
    SignupBuilder(opportunity=other_opportunity, name="Theirs")
    session = OpportunitySessionBuilder(opportunity=other_opportunity)
    for params in ({"opportunity": other_opportunity.pk}, {"session": session.pk}):
        response = coordinator_client.get(URL, params)
        assert response.status_code == 404
    assert coordinator_client.get(URL, {"status": "nonsense"}).status_code == 404
    assert not ModelLogEntry.objects.filter(action=EXPORT).exists()


def test_an_empty_export_has_the_header_only(coordinator_client, opportunity):
    _, rows, _sheet = export(coordinator_client)
    assert rows == [HEADER]
    assert not ModelLogEntry.objects.filter(action=EXPORT).exists()  # nobody's data left


def test_query_count_does_not_grow_with_rows(
    coordinator_client, opportunity, other_opportunity, django_assert_max_num_queries
):
    bulk_signups(opportunity, 5)
    bulk_signups(other_opportunity, 5, start=5)
    export(coordinator_client)  # warm caches (content types, locales)
    with django_assert_max_num_queries(30) as few:
        export(coordinator_client)
    bulk_signups(opportunity, 500, start=10)
    with django_assert_max_num_queries(len(few)):
        _, rows, _sheet = export(coordinator_client)
    assert len(rows) == 506


def test_ten_thousand_sign_ups(coordinator_client, opportunity):
    bulk_signups(opportunity, 10_000)
    started = time.perf_counter()
    _, rows, _sheet = export(coordinator_client)
    seconds = time.perf_counter() - started
    assert len(rows) == 10_001
    assert [row[7] for row in rows[1:]] == [f"Volunteer {n}" for n in range(10_000)]
    assert rows[-1][8:13] == ["volunteer9999@example.org", "", "PL1 1AE", "", "Needs 9999"]
    assert seconds < 30, f"{seconds:.1f} s for 10,000 rows"  # well inside a request timeout


def _peak_memory_of_export(client) -> tuple[int, int]:
    """Peak Python memory (bytes) while the export is built, and the file's size."""
    tracemalloc.start()
    try:
        response = client.get(URL)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, sum(len(chunk) for chunk in response.streaming_content)


def test_export_memory_does_not_grow_with_rows(coordinator_client, opportunity, monkeypatch):
    # Small database reads, so that a few thousand rows (quick to trace) are many reads; four
    # times the rows would take about four times the memory if they were held at once.
    monkeypatch.setattr("volunteering.exports.CHUNK_SIZE", 250)
    bulk_signups(opportunity, 10)
    _peak_memory_of_export(coordinator_client)  # warm up imports and caches
    bulk_signups(opportunity, 990, start=10)
    peak_small, size_small = _peak_memory_of_export(coordinator_client)
    bulk_signups(opportunity, 3_000, start=1_000)
    peak_large, size_large = _peak_memory_of_export(coordinator_client)

    assert size_large > 3.5 * size_small
    assert peak_large < 1.5 * peak_small, (peak_small, peak_large)
