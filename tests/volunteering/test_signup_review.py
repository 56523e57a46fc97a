"""Spam signals hold a sign-up: it takes no place and sends nothing until a moderator releases it."""

import pytest
from wagtail.models import ModelLogEntry

from volunteering.builders import OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Place, Signup
from volunteering.signups import signup_review
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail

from ..forms import form_token
from .test_signup import SCOPE, emails_to, link_in, signup_post


@pytest.fixture
def last_place(opportunity):
    """A session with one place left."""
    return OpportunitySessionBuilder(opportunity=opportunity, places=1)


@pytest.mark.parametrize(
    ("honeypot", "age", "reasons"),
    [
        ("http://spam.example", 10, ["honeypot"]),
        ("", 1, ["speed"]),
        ("x", 0.5, ["honeypot", "speed"]),
    ],
    ids=["honeypot", "speed", "both"],
)
def test_spam_signals_hold_and_take_no_place(client, last_place, honeypot, age, reasons):
    fields = {"your_website": honeypot, "form_token": form_token(SCOPE, age=age)}
    response = signup_post(client, last_place.opportunity, session=last_place.pk, **fields)
    assert response.status_code == 302  # the resident is not told it looked like spam
    held = Signup.objects.get()
    assert (held.review_status, held.held_reasons) == (ReviewStatus.HELD, reasons)
    assert held.place == Place.NONE
    assert not OutgoingEmail.objects.exists()
    html = client.get(response["Location"]).content.decode()
    assert "Sign-up received" in html and "We check some sign-ups by hand" in html
    assert "We have emailed" not in html
    # The place is still there for the next person.
    signup_post(client, last_place.opportunity, session=last_place.pk, email="bob@example.org")
    assert Signup.objects.get(email="bob@example.org").place == Place.BOOKED


def test_many_posts_from_one_address_are_held(client, session, settings):
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = 1
    signup_post(client, session.opportunity, session=session.pk)
    signup_post(client, session.opportunity, session=session.pk, email="bob@example.org")
    assert Signup.objects.get(email="bob@example.org").held_reasons == ["rate"]
    assert Signup.objects.get(email="alice@example.org").review_status == ReviewStatus.ACCEPTED


def _held(session, **fields) -> Signup:
    return SignupBuilder(
        opportunity=session.opportunity,
        session=session,
        place=Place.NONE,
        review_status=ReviewStatus.HELD,
        held_reasons=["speed"],
        **fields,
    )


def test_release_books_the_place_and_sends_the_emails(client, last_place, admin_user):
    held = _held(last_place, email="held@example.org")
    old_hash = held.token_hash
    signup_review(held, admin_user, True)
    held.refresh_from_db()
    assert (held.review_status, held.place) == (ReviewStatus.RELEASED, Place.BOOKED)
    [confirmation] = emails_to("held@example.org")
    assert "You have a place" in confirmation.subject
    assert held.token_hash != old_hash  # a new link, since only the hash was kept
    assert "Your sign-up" in client.get(link_in(confirmation)).content.decode()
    assert len(emails_to("gns@example.org")) == 1  # the organisation's notice
    assert ModelLogEntry.objects.filter(
        object_id=str(held.pk), action="website.review.release"
    ).exists()


def test_release_when_full_joins_the_waiting_list(last_place, admin_user):
    SignupBuilder(opportunity=last_place.opportunity, session=last_place, place=Place.BOOKED)
    held = _held(last_place)
    signup_review(held, admin_user, True)
    held.refresh_from_db()
    assert held.place == Place.WAITING


def test_spam_takes_no_place_and_sends_nothing(last_place, admin_user):
    held = _held(last_place)
    signup_review(held, admin_user, False)
    held.refresh_from_db()
    assert (held.review_status, held.place) == (ReviewStatus.SPAM, Place.NONE)
    assert not OutgoingEmail.objects.exists()


def test_releasing_twice_sends_the_emails_once(last_place, admin_user):
    held = _held(last_place)
    signup_review(held, admin_user, True)
    signup_review(Signup.objects.get(pk=held.pk), admin_user, True)
    assert OutgoingEmail.objects.count() == 2


def test_a_held_sign_up_cancelled_by_its_resident_stays_cancelled(last_place, admin_user):
    held = _held(last_place, status="withdrawn")
    signup_review(held, admin_user, True)
    held.refresh_from_db()
    assert held.place == Place.NONE
    assert not OutgoingEmail.objects.exists()
