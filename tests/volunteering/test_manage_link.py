"""The resident's private link: it expires, it belongs to one sign-up of one opportunity, a new
one replaces the old, and it lets the resident change or cancel without an account."""

import hashlib
import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Place, Signup
from volunteering.signups import signup_cancel

from .test_signup import emails_to, link_in, signup_post

TOKEN = "a-private-token-for-the-tests"


def _signup_with_token(opportunity, token: str = TOKEN, **fields) -> Signup:
    fields.setdefault("token_expires_at", timezone.now() + timedelta(days=30))
    return SignupBuilder(
        opportunity=opportunity, token_hash=hashlib.sha256(token.encode()).hexdigest(), **fields
    )


def _link(opportunity, token: str = TOKEN) -> str:
    return f"{opportunity.url}my-sign-up/{token}/"


def _assert_private(response) -> None:
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Only the origin, never the path with the token (no-referrer would break CSRF: Origin null).
    assert response["Referrer-Policy"] == "strict-origin"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_the_page_shows_the_sign_up_privately(client, session):
    _signup_with_token(session.opportunity, session=session, place=Place.BOOKED, needs="Ramp")
    response = client.get(_link(session.opportunity))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your sign-up" in html and "You have a place." in html and "Ramp" in html
    assert "Change your sign-up" in html and "Cancel your sign-up" in html
    _assert_private(response)


def test_the_waiting_list_position_is_shown(client, session):
    session.places = 1
    session.save()
    SignupBuilder(opportunity=session.opportunity, session=session, place=Place.BOOKED)
    SignupBuilder(
        opportunity=session.opportunity,
        session=session,
        place=Place.WAITING,
        created_at=timezone.now() - timedelta(hours=1),
    )
    _signup_with_token(session.opportunity, session=session, place=Place.WAITING)
    html = client.get(_link(session.opportunity)).content.decode()
    assert "You are number 2 on the waiting list." in html


@pytest.mark.parametrize(
    ("minutes", "status"), [(1, 200), (-1, 404)], ids=["minute-before", "minute-after"]
)
def test_the_link_expires(client, opportunity, minutes, status):
    expires = timezone.now() + timedelta(minutes=minutes)
    _signup_with_token(opportunity, token_expires_at=expires)
    assert client.get(_link(opportunity)).status_code == status


def test_the_link_expires_30_days_after_the_last_session(client, opportunity):
    OpportunitySessionBuilder(opportunity=opportunity, starts_at=timezone.now() + timedelta(days=3))
    last = OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=timezone.now() + timedelta(days=9)
    )
    signup_post(client, opportunity, session=last.pk)
    assert Signup.objects.get().token_expires_at == last.ends_at + timedelta(days=30)


@pytest.mark.parametrize("token", ["not-a-real-token", "x" * 1000], ids=["wrong", "long"])
def test_a_wrong_link_explains_without_giving_anything_away(client, opportunity, token, caplog):
    _signup_with_token(opportunity, name="Secret Name")
    caplog.set_level(logging.DEBUG)
    response = client.get(_link(opportunity, token))
    html = response.content.decode()
    assert response.status_code == 404
    assert "This link has expired or is not right" in html
    assert "gns@example.org" in html  # how to reach the organisation
    assert "Secret Name" not in html
    _assert_private(response)
    assert not any(token in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("token", ["%00", "' OR '1'='1", "\u202e", "a.b"])
def test_odd_links_are_not_found_without_an_error(client, opportunity, token):
    assert client.get(_link(opportunity, token)).status_code == 404


def test_an_expired_link_is_not_written_to_the_logs(client, opportunity, caplog):
    _signup_with_token(opportunity, token_expires_at=timezone.now() - timedelta(days=1))
    caplog.set_level(logging.DEBUG)
    assert client.get(_link(opportunity)).status_code == 404
    assert not any(TOKEN in record.getMessage() for record in caplog.records)


def test_a_link_for_another_opportunity_is_refused(client, opportunity, board, organisation):
    _signup_with_token(opportunity)
    other = OpportunityPageBuilder(parent=board, organisation=organisation, title="Litter pick")
    assert client.get(_link(other)).status_code == 404
    assert client.post(_link(other), {"action": "cancel"}).status_code == 404
    assert Signup.objects.get().place == Place.INTEREST


def test_reuse_after_cancelling_shows_it_cancelled_and_changes_nothing(client, session):
    signup = _signup_with_token(session.opportunity, session=session, place=Place.BOOKED)
    link = _link(session.opportunity)
    client.post(link, {"action": "cancel"})
    signup.refresh_from_db()
    assert (signup.place, signup.status) == (Place.NONE, "withdrawn")
    later = Client()
    html = later.get(link).content.decode()
    assert "Your sign-up is cancelled" in html
    main = html.split('id="main-content"')[1]
    assert 'method="post"' not in main and "Change your sign-up" not in main
    assert "Are you sure" not in later.get(link + "?step=cancel").content.decode()
    for action in ("change", "accept", "cancel"):
        data = {"action": action, "session": session.pk, "needs": "Changed"}
        assert later.post(link, data).status_code == 302
    after = Signup.objects.get()
    assert (after.place, after.status, after.needs) == (Place.NONE, "withdrawn", signup.needs)
    assert after.status_changed_at == signup.status_changed_at


def test_the_old_link_stops_working_when_an_offer_brings_a_new_one(one_place_client):
    _session, old_link, client = one_place_client
    signup_cancel(signup=Signup.objects.get(place=Place.BOOKED), by="coordinator")
    new_link = link_in(emails_to("waiting@example.org")[-1])
    assert new_link != old_link
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200


@pytest.fixture
def one_place_client(opportunity):
    """A full one-place session, and a resident on its waiting list with their first link."""
    session = OpportunitySessionBuilder(opportunity=opportunity, places=1)
    SignupBuilder(opportunity=opportunity, session=session, place=Place.BOOKED)
    client = Client()
    signup_post(client, opportunity, session=session.pk, email="waiting@example.org")
    link = link_in(emails_to("waiting@example.org")[0])
    assert client.get(link).status_code == 200
    return session, link, client


def test_changing_session_from_the_link(client, opportunity):
    current = OpportunitySessionBuilder(opportunity=opportunity)
    other = OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=timezone.now() + timedelta(days=14)
    )
    _signup_with_token(opportunity, session=current, place=Place.BOOKED, email="me@example.org")
    link = _link(opportunity)
    html = client.get(link + "?step=change").content.decode()
    assert "your session now" in html and "10 places left" in html
    response = client.post(link, {"action": "change", "session": other.pk, "needs": "x" * 2001})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    response = client.post(link, {"action": "change", "session": other.pk, "needs": "A ramp"})
    assert response.status_code == 302 and response["Location"] == link
    assert "Your sign-up is changed: you have a place." in client.get(link).content.decode()
    signup = Signup.objects.get()
    assert (signup.session, signup.place, signup.needs) == (other, Place.BOOKED, "A ramp")
    changed = emails_to("me@example.org")[-1]
    assert "Your sign-up has changed" in changed.subject and link in changed.body_text


def test_changing_availability_when_there_are_no_sessions(client, opportunity):
    _signup_with_token(opportunity, availability=["weekends"])
    link = _link(opportunity)
    html = client.get(link + "?step=change").content.decode()
    assert 'name="session"' not in html and 'value="weekends" checked' in html
    client.post(link, {"action": "change", "availability": ["weekday-daytime"], "needs": ""})
    signup = Signup.objects.get()
    assert (signup.availability, signup.place) == (["weekday-daytime"], Place.INTEREST)


def test_a_lapsed_offer_cannot_be_accepted(client, session):
    past = timezone.now() - timedelta(minutes=1)
    _signup_with_token(
        session.opportunity, session=session, place=Place.OFFERED, offer_expires_at=past
    )
    link = _link(session.opportunity)
    html = client.get(link).content.decode()
    assert "was not accepted in time" in html and "Accept the place" not in html
    client.post(link, {"action": "accept"})
    assert Signup.objects.get().place == Place.NONE


def test_a_held_sign_up_says_it_is_being_checked(client, session):
    _signup_with_token(session.opportunity, session=session, place=Place.NONE, review_status="held")
    assert (
        "We are checking your sign-up." in client.get(_link(session.opportunity)).content.decode()
    )


def test_actions_need_the_csrf_token_and_known_methods(session):
    _signup_with_token(session.opportunity, session=session, place=Place.BOOKED)
    client = Client(enforce_csrf_checks=True)
    assert client.post(_link(session.opportunity), {"action": "cancel"}).status_code == 403
    assert Client().put(_link(session.opportunity)).status_code == 405
    assert Signup.objects.get().place == Place.BOOKED


def test_the_token_is_not_in_the_admin(session, admin_client):
    client = Client()
    signup_post(client, session.opportunity, session=session.pk)
    link = link_in(emails_to("alice@example.org")[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    signup = Signup.objects.get()
    for url in ("/admin/volunteer_signups/", f"/admin/volunteer_signups/inspect/{signup.pk}/"):
        assert token not in admin_client.get(url).content.decode()
