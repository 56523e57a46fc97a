"""Hours volunteered: recorded per sign-up from its admin page (audited), and totalled per
opportunity and per organisation in the database, each coordinator seeing only their own."""

from decimal import Decimal

import pytest
from wagtail.models import ModelLogEntry

from tests.conftest import staff_client_for
from volunteering.builders import OpportunityPageBuilder, OrganisationBuilder, SignupBuilder
from volunteering.coordination import hours_totals
from volunteering.models import Signup
from website.staff.groups import VOLUNTEERING_TEAM

from .test_admin import member_make

URL = "/admin/volunteer_signups/"
REPORT = f"{URL}hours-volunteered/"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("3.5", Decimal("3.50")), ("0", Decimal("0")), ("1000", Decimal("1000")), ("", None)],
)
def test_hours_are_recorded_from_the_sign_ups_page(coordinator_client, opportunity, typed, stored):
    signup = SignupBuilder(opportunity=opportunity, hours=Decimal("2"))
    response = coordinator_client.post(f"{URL}hours/{signup.pk}/", {"hours": typed}, follow=True)
    assert "Hours saved." in response.content.decode()
    assert Signup.objects.get(pk=signup.pk).hours == stored
    entry = ModelLogEntry.objects.get(action="website.submission.update")
    assert entry.data == {"hours": ["2.00", typed or None]}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "greater than or equal to 0"),
        ("1000.01", "less than or equal to 1000"),
        ("1e4", "less than or equal to 1000"),
        ("2.555", "no more than 2 decimal places"),
        ("lots", "Enter a number."),
        ("NaN", "Enter a number."),
        ("\x00", "Enter a number."),
    ],
)
def test_bad_hours_are_refused_with_a_message(coordinator_client, opportunity, typed, message):
    signup = SignupBuilder(opportunity=opportunity, hours=Decimal("2"))
    response = coordinator_client.post(f"{URL}hours/{signup.pk}/", {"hours": typed}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hours saved." not in html and message in html
    assert Signup.objects.get(pk=signup.pk).hours == Decimal("2")
    assert not ModelLogEntry.objects.filter(action="website.submission.update").exists()


@pytest.fixture
def recorded(board, organisation, opportunity):
    """Hours at two organisations: the coordinator's (two opportunities) and another."""
    second = OpportunityPageBuilder(parent=board, title="Garden day", organisation=organisation)
    other = OpportunityPageBuilder(
        parent=board,
        title="Tea and chat",
        organisation=OrganisationBuilder(name="Age Positive", contact_email="ap@example.org"),
    )
    for page, hours in [(opportunity, "3"), (opportunity, "4.5"), (opportunity, None),
                        (second, "2.25"), (other, "10")]:  # fmt: skip
        SignupBuilder(opportunity=page, hours=None if hours is None else Decimal(hours))
    return {"first": opportunity, "second": second, "other": other}


def test_totals_per_opportunity_and_organisation(recorded):
    totals = hours_totals(signups=Signup.objects.all())
    by_opportunity = {
        row["opportunity__title"]: (row["hours"], row["volunteers"])
        for row in totals["opportunities"]
    }
    assert by_opportunity == {
        "Befriending older neighbours": (Decimal("7.5"), 2),
        "Garden day": (Decimal("2.25"), 1),
        "Tea and chat": (Decimal("10"), 1),
    }
    by_organisation = {
        row["opportunity__organisation__name"]: (row["hours"], row["volunteers"])
        for row in totals["organisations"]
    }
    assert by_organisation == {
        "Good Neighbours Scheme": (Decimal("9.75"), 3),
        "Age Positive": (Decimal("10"), 1),
    }
    assert totals["total"] == {"hours": Decimal("19.75"), "volunteers": 4}


def test_the_totals_are_three_queries_whatever_the_data(recorded, django_assert_num_queries):
    with django_assert_num_queries(3):
        hours_totals(signups=Signup.objects.all())


def test_a_coordinator_sees_only_their_organisations_hours(coordinator_client, recorded):
    html = coordinator_client.get(REPORT).content.decode()
    assert "9.75 hours from 3 volunteers in all." in html
    assert "Garden day" in html and "7.5" in html
    assert "Tea and chat" not in html and "Age Positive" not in html


def test_the_team_sees_every_organisations_hours(django_user_model, recorded):
    team = staff_client_for(member_make(django_user_model, "team", VOLUNTEERING_TEAM))
    html = team.get(REPORT).content.decode()
    assert "19.75 hours from 4 volunteers in all." in html and "Age Positive" in html


def test_the_report_is_linked_from_the_sign_ups_list(coordinator_client, recorded):
    assert REPORT in coordinator_client.get(URL).content.decode()


def test_no_hours_yet(coordinator_client, opportunity):
    html = coordinator_client.get(REPORT).content.decode()
    assert "0 hours from 0 volunteers in all." in html and "No hours recorded yet." in html
