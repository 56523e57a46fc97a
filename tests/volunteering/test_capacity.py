"""Places are never over-booked; a freed place is offered to the longest-waiting person, who
has VOLUNTEERING_OFFER_HOURS to accept before it goes to the next."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Place, Signup
from volunteering.selectors import sessions_with_places
from volunteering.signups import (
    offer_accept,
    offers_expire,
    signup_cancel,
    signup_change,
    signup_waiting_position,
    waiting_list_promote,
)
from website.emails.models import OutgoingEmail

from .test_signup import emails_to, link_in, signup_post


@pytest.fixture(autouse=True)
def _many_from_one_address(settings):
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = 100  # every test client posts from 127.0.0.1


@pytest.fixture
def one_place(opportunity):
    return OpportunitySessionBuilder(opportunity=opportunity, places=1)


def _sign_up(session, email: str) -> tuple[Signup, Client]:
    """Signs `email` up through the form; returns the sign-up and the browser."""
    client = Client()
    assert signup_post(client, session.opportunity, session=session.pk, email=email).status_code
    return Signup.objects.get(email=email), client


def _waiting(session, email: str, minutes_ago: int) -> Signup:
    return SignupBuilder(
        opportunity=session.opportunity,
        session=session,
        place=Place.WAITING,
        email=email,
        created_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def _places(signups) -> list[str]:
    for signup in signups:
        signup.refresh_from_db()
    return [signup.place for signup in signups]


def test_never_more_sign_ups_than_places(opportunity):
    session = OpportunitySessionBuilder(opportunity=opportunity, places=3)
    signups = [_sign_up(session, f"person{n}@example.org")[0] for n in range(6)]
    assert _places(signups) == [Place.BOOKED] * 3 + [Place.WAITING] * 3
    [counted] = sessions_with_places(opportunity=opportunity)
    assert (counted.places_taken, counted.places_left) == (3, 0)


def test_cancelling_by_link_offers_the_place_to_the_first_waiting(one_place, coordinator):
    first, _client = _sign_up(one_place, "first@example.org")
    second, _ = _sign_up(one_place, "second@example.org")
    third, _ = _sign_up(one_place, "third@example.org")
    assert _places([first, second, third]) == [Place.BOOKED, Place.WAITING, Place.WAITING]
    link = link_in(emails_to("first@example.org")[0])
    client = Client()
    assert "Are you sure you want to cancel?" in client.get(link + "?step=cancel").content.decode()
    response = client.post(link, {"action": "cancel"})
    assert response.status_code == 302 and response["Location"] == link
    assert "Your sign-up is cancelled" in client.get(link).content.decode()

    assert _places([first, second, third]) == [Place.NONE, Place.OFFERED, Place.WAITING]
    assert first.status == "withdrawn"
    expected = timezone.now() + timedelta(hours=48)
    assert abs(second.offer_expires_at - expected) < timedelta(minutes=1)
    offer = emails_to("second@example.org")[-1]
    assert offer.subject == f"A place has come up: {one_place.opportunity.title}"
    assert "the link in our earlier emails no longer works" in offer.body_text
    assert "Sign-up cancelled" in emails_to("first@example.org")[-1].subject
    assert "Sign-up cancelled" in emails_to("coordinator@example.org")[-1].subject
    assert len(emails_to("third@example.org")) == 1  # just the confirmation


def test_accepting_an_offer_books_the_place(one_place):
    SignupBuilder(opportunity=one_place.opportunity, session=one_place, place=Place.BOOKED)
    waiting, _ = _sign_up(one_place, "waiting@example.org")
    signup_cancel(signup=Signup.objects.get(place=Place.BOOKED), by="coordinator")
    link = link_in(emails_to("waiting@example.org")[-1])
    client = Client()
    html = client.get(link).content.decode()
    assert "A place has come up" in html and "Accept the place" in html
    response = client.post(link, {"action": "accept"})
    assert response.status_code == 302
    assert "You have accepted the place" in client.get(link).content.decode()
    waiting.refresh_from_db()
    assert (waiting.place, waiting.offer_expires_at) == (Place.BOOKED, None)
    assert emails_to("waiting@example.org")[-1].subject.startswith("You have a place")


def test_an_expired_offer_goes_to_the_next_person(one_place):
    taken = SignupBuilder(opportunity=one_place.opportunity, session=one_place, place=Place.BOOKED)
    first = _waiting(one_place, "first@example.org", minutes_ago=20)
    second = _waiting(one_place, "second@example.org", minutes_ago=10)
    signup_cancel(signup=taken, by="coordinator")
    assert _places([first, second]) == [Place.OFFERED, Place.WAITING]
    assert offers_expire() == 0  # not yet
    later = timezone.now() + timedelta(hours=48, seconds=1)
    assert offers_expire(now=later) == 1
    assert _places([first, second]) == [Place.NONE, Place.OFFERED]
    assert "has gone" in emails_to("first@example.org")[-1].subject
    assert second.offer_expires_at == later + timedelta(hours=48)
    assert emails_to("second@example.org")[-1].subject.startswith("A place has come up")
    assert offers_expire(now=later) == 0  # safe to run again


def test_accepting_too_late_lapses_the_offer(one_place):
    offered = SignupBuilder(
        opportunity=one_place.opportunity,
        session=one_place,
        place=Place.OFFERED,
        offer_expires_at=timezone.now() - timedelta(minutes=1),
    )
    nxt = _waiting(one_place, "next@example.org", minutes_ago=5)
    assert offer_accept(signup=offered) is False
    assert _places([offered, nxt]) == [Place.NONE, Place.OFFERED]


def test_turning_down_an_offer_offers_it_to_the_next(one_place):
    taken = SignupBuilder(opportunity=one_place.opportunity, session=one_place, place=Place.BOOKED)
    first = _waiting(one_place, "first@example.org", minutes_ago=20)
    second = _waiting(one_place, "second@example.org", minutes_ago=10)
    signup_cancel(signup=taken, by="coordinator")
    link = link_in(emails_to("first@example.org")[-1])
    Client().post(link, {"action": "cancel"})
    assert _places([first, second]) == [Place.NONE, Place.OFFERED]


def test_a_coordinator_cancelling_leaves_the_status_and_tells_nobody(one_place):
    taken = SignupBuilder(
        opportunity=one_place.opportunity, session=one_place, place=Place.BOOKED, status="placed"
    )
    signup_cancel(signup=taken, by="coordinator")
    taken.refresh_from_db()
    assert (taken.place, taken.status) == (Place.NONE, "placed")
    assert not OutgoingEmail.objects.exists()


def test_cancelling_twice_frees_one_place_and_emails_once(one_place):
    booked, _ = _sign_up(one_place, "booked@example.org")
    waiting = [_waiting(one_place, f"w{n}@example.org", minutes_ago=10 - n) for n in range(2)]
    before = OutgoingEmail.objects.count()
    signup_cancel(signup=booked, by="resident")
    signup_cancel(signup=booked, by="resident")
    assert _places(waiting) == [Place.OFFERED, Place.WAITING]
    assert OutgoingEmail.objects.count() == before + 3  # cancelled, organisation, one offer
    with pytest.raises(ValueError):
        signup_cancel(signup=booked, by="someone")


def test_moving_session_follows_the_same_rules(opportunity):
    first = OpportunitySessionBuilder(opportunity=opportunity, places=1)
    roomy = OpportunitySessionBuilder(opportunity=opportunity, places=5)
    full = OpportunitySessionBuilder(opportunity=opportunity, places=1)
    SignupBuilder(opportunity=opportunity, session=full, place=Place.BOOKED)
    mover, _ = _sign_up(first, "mover@example.org")
    waiting = _waiting(first, "waiting@example.org", minutes_ago=1)
    signup_change(signup=mover, session=roomy, availability=[], needs="Step-free, please")
    assert _places([mover, waiting]) == [Place.BOOKED, Place.OFFERED]  # old place offered
    assert (mover.session, mover.needs) == (roomy, "Step-free, please")
    signup_change(signup=mover, session=full, availability=[], needs="")
    assert _places([mover]) == [Place.WAITING]
    assert "Your sign-up has changed" in emails_to("mover@example.org")[-1].subject


def test_places_added_later_are_offered_to_the_waiting_list_first(one_place):
    SignupBuilder(opportunity=one_place.opportunity, session=one_place, place=Place.BOOKED)
    waiting = [_waiting(one_place, f"w{n}@example.org", minutes_ago=10 - n) for n in range(3)]
    one_place.places = 3
    one_place.save()
    promoted = waiting_list_promote(opportunity=one_place.opportunity, session=one_place)
    assert [s.email for s in promoted] == ["w0@example.org", "w1@example.org"]
    newcomer, _ = _sign_up(one_place, "newcomer@example.org")
    assert _places([*waiting, newcomer]) == [Place.OFFERED] * 2 + [Place.WAITING] * 2


def test_a_newcomer_does_not_jump_the_queue(one_place):
    waiting = _waiting(one_place, "waiting@example.org", minutes_ago=5)  # a place is free
    newcomer, _ = _sign_up(one_place, "newcomer@example.org")
    assert _places([waiting, newcomer]) == [Place.OFFERED, Place.WAITING]


def test_offers_stop_when_the_session_starts(opportunity):
    soon = OpportunitySessionBuilder(
        opportunity=opportunity, places=1, starts_at=timezone.now() + timedelta(hours=3)
    )
    taken = SignupBuilder(opportunity=opportunity, session=soon, place=Place.BOOKED)
    waiting = _waiting(soon, "waiting@example.org", minutes_ago=5)
    signup_cancel(signup=taken, by="coordinator")
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == soon.starts_at  # not 48 hours: the session starts first
    started = OpportunitySessionBuilder(
        opportunity=opportunity, places=1, starts_at=timezone.now() - timedelta(minutes=1)
    )
    taken = SignupBuilder(opportunity=opportunity, session=started, place=Place.BOOKED)
    late = _waiting(started, "late@example.org", minutes_ago=5)
    signup_cancel(signup=taken, by="coordinator")
    assert _places([late]) == [Place.WAITING]


def test_a_phone_only_volunteer_is_offered_the_place_by_the_organisation(one_place, coordinator):
    taken = SignupBuilder(opportunity=one_place.opportunity, session=one_place, place=Place.BOOKED)
    phone_only = _waiting(one_place, "", minutes_ago=5)
    token_hash = phone_only.token_hash
    signup_cancel(signup=taken, by="coordinator")
    phone_only.refresh_from_db()
    assert phone_only.place == Place.OFFERED
    assert phone_only.token_hash == token_hash  # their only link keeps working
    [notice] = emails_to("coordinator@example.org")
    assert notice.subject.startswith("Phone a volunteer to offer a place")


def test_an_opportunity_without_sessions_has_its_own_places(board, organisation):
    opportunity = OpportunityPageBuilder(parent=board, organisation=organisation, places=2)
    first = SignupBuilder(opportunity=opportunity, place=Place.BOOKED)
    SignupBuilder(opportunity=opportunity, place=Place.BOOKED)
    client = Client()
    signup_post(client, opportunity, email="waiting@example.org")
    waiting = Signup.objects.get(email="waiting@example.org")
    assert waiting.place == Place.WAITING
    signup_cancel(signup=first, by="coordinator")
    assert _places([waiting]) == [Place.OFFERED]


def test_moving_to_a_full_session_joins_the_back_of_its_waiting_list(opportunity):
    full = OpportunitySessionBuilder(opportunity=opportunity, places=1)
    other = OpportunitySessionBuilder(opportunity=opportunity, places=5)
    early = SignupBuilder(opportunity=opportunity, session=other, place=Place.BOOKED)
    SignupBuilder(opportunity=opportunity, session=full, place=Place.BOOKED)
    waiting = SignupBuilder(opportunity=opportunity, session=full, place=Place.WAITING)

    moved = signup_change(signup=early, session=full, availability=[], needs="")

    assert moved.place == Place.WAITING
    assert signup_waiting_position(signup=waiting) == 1
    assert signup_waiting_position(signup=moved) == 2


def test_moving_session_after_a_reminder_gets_a_reminder_for_the_new_one(opportunity):
    first = OpportunitySessionBuilder(opportunity=opportunity)
    second = OpportunitySessionBuilder(opportunity=opportunity)
    signup = SignupBuilder(
        opportunity=opportunity,
        session=first,
        place=Place.BOOKED,
        session_reminded_at=timezone.now(),
    )
    moved = signup_change(signup=signup, session=second, availability=[], needs="")
    moved.refresh_from_db()
    assert moved.session == second and moved.session_reminded_at is None
