"""The sign-ups admin runs a fixed number of queries however many sign-ups there are."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import staff_client_for
from volunteering.builders import (
    OpportunityPageBuilder,
    OpportunitySessionBuilder,
    OrganisationBuilder,
    SignupBuilder,
)
from volunteering.models import Place, Signup, SignupNote, SignupStatus
from website.staff.groups import VOLUNTEERING_TEAM

from .test_admin import listed, member_make

URL = "/admin/volunteer_signups/"


@pytest.fixture
def pages(board, organisation, opportunity):
    """Opportunities with sessions at the coordinator's organisation and three others."""
    others = [OrganisationBuilder() for _ in range(3)]
    opportunities = [
        opportunity,
        OpportunityPageBuilder(parent=board, organisation=organisation),
        *(OpportunityPageBuilder(parent=board, organisation=other) for other in others),
    ]
    return [(page, OpportunitySessionBuilder(opportunity=page)) for page in opportunities]


def signups_add(pages, count: int, start: int) -> None:
    """`count` sign-ups spread over every opportunity and session, all statuses and places."""
    places, statuses = list(Place.values), list(SignupStatus.values)
    expires = timezone.now() + timedelta(days=30)
    Signup.objects.bulk_create(
        (
            Signup(
                opportunity=pages[n % len(pages)][0],
                session=pages[n % len(pages)][1] if n % 2 else None,
                place=places[n % len(places)],
                status=statuses[(n // len(places)) % len(statuses)],
                name=f"Volunteer {n}",
                email=f"volunteer{n}@example.org",
                token_hash=f"{n:064d}",
                token_expires_at=expires,
            )
            for n in range(start, start + count)
        ),
        batch_size=2000,
    )


def _queries(client, django_assert_max_num_queries, params=None) -> int:
    client.get(URL, params)  # warm caches (content types, locales, permissions)
    with django_assert_max_num_queries(40) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "params", [None, {"status": "placed", "place": "booked"}], ids=["all", "filtered"]
)
def test_the_coordinators_list_with_100_or_10000_sign_ups(
    coordinator_client, pages, django_assert_max_num_queries, params
):
    signups_add(pages, 100, start=0)
    with_100 = _queries(coordinator_client, django_assert_max_num_queries, params)
    signups_add(pages, 9_900, start=100)
    with_10000 = _queries(coordinator_client, django_assert_max_num_queries, params)

    assert with_10000 == with_100
    shown = listed(coordinator_client.get(URL, params).content.decode())
    own = {page.pk for page, _session in pages[:2]}
    assert (
        shown
        and set(Signup.objects.filter(pk__in=shown).values_list("opportunity", flat=True)) <= own
    )


def test_the_teams_list_with_100_or_10000_sign_ups(
    django_user_model, pages, django_assert_max_num_queries
):
    client = staff_client_for(member_make(django_user_model, "team", VOLUNTEERING_TEAM))
    signups_add(pages, 100, start=0)
    with_100 = _queries(client, django_assert_max_num_queries)
    signups_add(pages, 9_900, start=100)
    assert _queries(client, django_assert_max_num_queries) == with_100


def test_a_sign_up_with_a_long_history_opens_in_a_fixed_number_of_queries(
    coordinator, coordinator_client, opportunity, django_assert_max_num_queries
):
    signup = SignupBuilder(opportunity=opportunity)
    url = f"{URL}inspect/{signup.pk}/"
    SignupNote.objects.create(signup=signup, status="contacted", note="First", author=coordinator)
    coordinator_client.get(url)
    with django_assert_max_num_queries(40) as few:
        coordinator_client.get(url)
    SignupNote.objects.bulk_create(
        SignupNote(signup=signup, status="contacted", note=f"Note {n}", author=coordinator)
        for n in range(100)
    )
    with django_assert_max_num_queries(len(few)):
        html = coordinator_client.get(url).content.decode()
    assert "Note 99" in html
