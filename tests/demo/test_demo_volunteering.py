"""The demo volunteering: the seeds' schemes and partners, an opportunity for every cause,
commitment and kind of place, sessions with places (one full, with a waiting list), and a few
sign-ups in every state; built once however often the loader runs."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from volunteering.models import (
    Cause,
    Commitment,
    LocationKind,
    OpportunityPage,
    OpportunitySession,
    Organisation,
    OrganisationKind,
    Place,
    Signup,
    SignupNote,
    SignupStatus,
)
from volunteering.selectors import opportunity_places_left, sessions_with_places
from website.core.models import Postcode, ReviewStatus
from website.demo.services import demo_content_load, pages_ensure, taxonomy_ensure
from website.demo.services_volunteering import volunteering_ensure

SEED_NAMES = ("Good Neighbours", "Digital Volunteer", "Age Positive", "The Box", "Marathon")


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The volunteering part of the demo, on the demo's page tree (faster than all of it)."""
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy_ensure()
        pages = pages_ensure()
        volunteering_ensure(pages)
    opportunities = list(OpportunityPage.objects.child_of(pages["volunteering"]).live())
    return pages, opportunities


@pytest.fixture
def loaded(db, django_capture_on_commit_callbacks):
    """The whole demo, as `load_demo_content` builds it."""
    with django_capture_on_commit_callbacks(execute=True):
        pages = demo_content_load()
    return pages, list(OpportunityPage.objects.child_of(pages["volunteering"]).live())


def _counts():
    return (
        Organisation.objects.count(),
        OpportunityPage.objects.count(),
        OpportunitySession.objects.count(),
        Signup.objects.count(),
        SignupNote.objects.count(),
    )


@pytest.mark.django_db
def test_running_twice_adds_nothing(loaded, django_capture_on_commit_callbacks):
    first = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        demo_content_load()
    assert _counts() == first
    assert first[1] >= 12 and first[3] >= 10


@pytest.mark.django_db
def test_schemes_and_organisations_from_the_seeds(demo):
    _pages, opportunities = demo
    names = set(Organisation.objects.values_list("name", flat=True))
    assert {"Good Neighbours Scheme", "Digital Volunteers", "Age Positive"} <= names
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(OrganisationKind.values)
    text = " ".join(f"{page.title} {page.introduction}" for page in opportunities)
    for name in (*SEED_NAMES, "National Marine Park", "delivery driver"):
        assert name.lower() in text.lower(), name
    partner_roles = [page for page in opportunities if not page.organisation.is_council]
    assert len(partner_roles) >= 3


@pytest.mark.django_db
def test_every_cause_commitment_and_kind_of_place(demo):
    _pages, opportunities = demo
    assert 12 <= len(opportunities) <= 15
    assert {page.cause for page in opportunities} == set(Cause.values)
    assert {page.commitment for page in opportunities} == set(Commitment.values)
    assert {page.location_kind for page in opportunities} == set(LocationKind.values)
    ages = Counter(page.minimum_age for page in opportunities)
    assert ages[18] >= 1 and ages[14] >= 1
    assert any(page.dbs_check_needed for page in opportunities)
    assert any(page.is_accessible for page in opportunities)
    assert any(not page.no_experience_needed for page in opportunities)
    from_home = [page for page in opportunities if page.location_kind == LocationKind.HOME]
    assert from_home and not any(page.postcode for page in from_home)


@pytest.mark.django_db
def test_places_are_real_plymouth_postcodes_with_their_ward(demo):
    _pages, opportunities = demo
    placed = [page for page in opportunities if page.location_kind == LocationKind.ADDRESS]
    assert len(placed) >= 8
    for page in placed:
        postcode = Postcode.objects.get(postcode=page.postcode)
        assert postcode.ward_code in {area.code for area in page.areas.all()}, page.title


@pytest.mark.django_db
def test_sessions_ahead_one_closed_and_a_full_one_with_a_waiting_list(demo):
    _pages, opportunities = demo
    now, today = timezone.now(), timezone.localdate()
    closed = [page for page in opportunities if not page.is_open()]
    assert len(closed) == 1 and closed[0].closes_on < today
    with_sessions = [page for page in opportunities if page.sessions.exists()]
    assert 5 <= len(with_sessions) < len(opportunities)  # and some without
    for page in with_sessions:
        ahead = page.sessions.filter(starts_at__gt=now).exists()
        assert ahead != (page in closed), page.title
    full = [
        session
        for page in with_sessions
        for session in sessions_with_places(opportunity=page)
        if session.places_left == 0 and session.starts_at > now
    ]
    assert full
    assert Signup.objects.filter(session__in=full, place=Place.WAITING).exists()


@pytest.mark.django_db
def test_sign_ups_in_every_state_and_never_over_places(demo):
    _pages, opportunities = demo
    signups = Signup.objects.all()
    assert set(signups.values_list("status", flat=True)) == set(SignupStatus.values)
    assert {Place.BOOKED, Place.WAITING, Place.INTEREST, Place.NONE} <= set(
        signups.values_list("place", flat=True)
    )
    assert signups.filter(review_status=ReviewStatus.HELD, place=Place.NONE).exists()
    assert signups.filter(hours__gt=0).exists()
    assert set(signups.values_list("language", flat=True)) == {"en", "pl", "ar"}
    # Coordinators' notes on every sign-up past "new".
    assert not signups.exclude(status=SignupStatus.NEW).filter(notes__isnull=True).exists()
    for page in opportunities:
        for session in sessions_with_places(opportunity=page):
            assert session.places_taken <= session.places
        assert (opportunity_places_left(opportunity=page) or 0) >= 0
    # New sign-ups are recent: loading the demo does not set off coordinator reminders.
    recent = timezone.now() - timedelta(days=3)
    assert not signups.filter(status=SignupStatus.NEW, created_at__lt=recent).exists()


@pytest.mark.django_db
def test_example_contact_details_only(demo):
    for email in [
        *Organisation.objects.values_list("contact_email", flat=True),
        *Signup.objects.exclude(email="").values_list("email", flat=True),
    ]:
        assert email.endswith("@example.org")
    for phone in Organisation.objects.values_list("contact_phone", flat=True):
        assert phone.startswith("01632 960")
    for phone in Signup.objects.exclude(phone="").values_list("phone", flat=True):
        assert phone.startswith("07700 900")
    for page in OpportunityPage.objects.all():
        assert "Example content" in page.what_you_will_do


@pytest.mark.django_db
def test_dates_count_from_the_day_of_loading(db, django_capture_on_commit_callbacks):
    later = timezone.localdate() + timedelta(days=400)
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy_ensure()
        opportunities = volunteering_ensure(pages_ensure(), today=later)
    starts = OpportunitySession.objects.filter(opportunity__in=opportunities)
    assert starts.filter(starts_at__date__gt=later).count() == starts.count() - 1  # the past event
    assert {page.closes_on for page in opportunities if page.closes_on} >= {later + timedelta(9)}


@pytest.mark.django_db
def test_the_board_and_every_opportunity_render(loaded, client):
    pages, opportunities = loaded
    board = client.get(pages["volunteering"].url).content.decode()
    for page in opportunities:
        if page.is_open():
            assert page.title in board
        assert client.get(page.url).status_code == 200, page.title
