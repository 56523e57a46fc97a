"""Signing up: a place in a session, the waiting list when full, interest, and what follows."""

import hashlib
import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from volunteering import signups
from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Place, Signup
from website.emails.models import OutgoingEmail

from ..forms import form_token

SCOPE = "volunteering-signup"


def signup_data(**fields) -> dict:
    """A valid sign-up as a browser posts it (a form rendered 10 seconds ago)."""
    data = {
        "name": "Alice Example",
        "email": "alice@example.org",
        "phone": "",
        "postcode": "",
        "needs": "I use a wheelchair.",
        "contact_consent": "on",
        "form_token": form_token(SCOPE),
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def signup_post(client, opportunity, **fields):
    return client.post(opportunity.url + "sign-up/", signup_data(**fields))


def emails_to(address: str) -> list[OutgoingEmail]:
    return [email for email in OutgoingEmail.objects.order_by("pk") if address in email.to]


def link_in(email: OutgoingEmail) -> str:
    """The private link's path in an email."""
    return re.search(r"https?://[^/\s]+(/\S*/my-sign-up/[^/\s]+/)", email.body_text).group(1)


@pytest.fixture
def full_session(opportunity):
    """A session with one place, already taken."""
    session = OpportunitySessionBuilder(opportunity=opportunity, places=1)
    SignupBuilder(opportunity=opportunity, session=session, place=Place.BOOKED)
    return session


def test_form_lists_sessions_with_places_left_or_full(client, session, full_session):
    html = client.get(session.opportunity.url + "sign-up/").content.decode()
    assert "10 places left" in html
    assert "Full: join the waiting list" in html
    assert 'name="availability"' not in html  # sessions, so no availability question
    assert 'name="age_confirmed"' not in html  # no minimum age


def test_session_is_preselected_from_the_link(client, session):
    url = session.opportunity.url + f"sign-up/?session={session.pk}"
    html = client.get(url).content.decode()
    assert f'value="{session.pk}" checked' in html
    html = client.get(session.opportunity.url + "sign-up/?session=999999").content.decode()
    assert "checked" not in html


def test_booking_a_place(client, session, coordinator):
    opportunity = session.opportunity
    response = signup_post(client, opportunity, session=session.pk)
    assert response.status_code == 302
    assert response["Location"] == opportunity.url + "sign-up/sent/"
    signup = Signup.objects.get()
    assert (signup.place, signup.session, signup.status) == (Place.BOOKED, session, "new")
    assert (signup.name, signup.email, signup.needs) == (
        "Alice Example",
        "alice@example.org",
        "I use a wheelchair.",
    )
    assert signup.contact_consent and signup.language == "en"
    assert signup.token_expires_at == session.ends_at + timedelta(days=30)
    html = client.get(response["Location"]).content.decode()
    assert "You have a place" in html and "We have emailed a confirmation" in html
    assert "/my-sign-up/" not in html  # the link is in the email, not on the page

    [confirmation] = emails_to("alice@example.org")
    assert confirmation.subject == f"You have a place: {opportunity.title}"
    path = link_in(confirmation)
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert signup.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert client.get(path).status_code == 200
    assert confirmation.reply_to == ["gns@example.org"]


def test_organisation_is_told_without_the_residents_details(client, session, coordinator):
    signup_post(client, session.opportunity, session=session.pk)
    signup = Signup.objects.get()
    [notice] = emails_to("coordinator@example.org")
    assert notice.subject == f"New sign-up: {session.opportunity.title}"
    assert f"/admin/volunteer_signups/inspect/{signup.pk}/" in notice.body_text
    for body in (notice.body_text, notice.body_html):
        assert "wheelchair" not in body and "Alice" not in body and "alice@" not in body


def test_a_full_session_puts_people_on_the_waiting_list_in_order(client, full_session):
    opportunity = full_session.opportunity
    signup_post(client, opportunity, session=full_session.pk)
    html = client.get(opportunity.url + "sign-up/sent/").content.decode()
    assert "You are on the waiting list" in html and "number 1 on its waiting list" in html
    second = Client()
    signup_post(second, opportunity, session=full_session.pk, email="bob@example.org")
    html = second.get(opportunity.url + "sign-up/sent/").content.decode()
    assert "number 2 on its waiting list" in html
    assert list(Signup.objects.filter(place=Place.WAITING).values_list("email", flat=True)) == [
        "bob@example.org",
        "alice@example.org",
    ]  # newest first (the model's order); positions go by time
    [confirmation] = emails_to("bob@example.org")
    assert "You are on the waiting list" in confirmation.subject
    assert "number 2 on its waiting list" in confirmation.body_text


def test_registering_interest_with_availability(client, opportunity):
    html = client.get(opportunity.url + "sign-up/").content.decode()
    assert 'name="session"' not in html and 'name="availability"' in html
    response = signup_post(client, opportunity, availability=["weekends", "weekday-evening"])
    assert response.status_code == 302
    signup = Signup.objects.get()
    assert (signup.place, signup.session) == (Place.INTEREST, None)
    assert signup.availability == ["weekends", "weekday-evening"]
    assert signup.token_expires_at.date() == (timezone.now() + timedelta(days=30)).date()
    html = client.get(opportunity.url + "sign-up/sent/").content.decode()
    assert "Good Neighbours Scheme will contact you within 5 working days" in html
    assert "Weekends, Weekday evenings" in html


def test_an_opportunity_with_places_but_no_sessions(client, board, organisation):
    opportunity = OpportunityPageBuilder(parent=board, organisation=organisation, places=1)
    signup_post(client, opportunity)
    signup_post(client, opportunity, email="bob@example.org")
    assert dict(Signup.objects.values_list("email", "place")) == {
        "alice@example.org": Place.BOOKED,
        "bob@example.org": Place.WAITING,
    }


def test_phone_only_gets_the_private_link_on_the_page(client, session, coordinator):
    signup_post(client, session.opportunity, session=session.pk, email="", phone="07700 900123")
    signup = Signup.objects.get()
    assert signup.phone == "07700 900123" and signup.email == ""
    assert [email.to for email in OutgoingEmail.objects.all()] == [["coordinator@example.org"]]
    html = client.get(session.opportunity.url + "sign-up/sent/").content.decode()
    assert "Keep this private link" in html
    path = re.search(r'href="https?://[^/"]+(/[^"]*/my-sign-up/[^"]+)"', html).group(1)
    assert client.get(path).status_code == 200
    signup_post(client, session.opportunity, session=session.pk)  # another sign-up, new form
    assert (
        "Keep this private link"
        not in client.get(session.opportunity.url + "sign-up/sent/").content.decode()
    )


def test_postcode_is_normalised_and_the_distance_shown(client, session):
    signup_post(client, session.opportunity, session=session.pk, postcode="pl4 8aa")
    assert Signup.objects.get().postcode == "PL4 8AA"
    html = client.get(session.opportunity.url + "sign-up/sent/").content.decode()
    assert re.search(r"About \d+\.\d km from your postcode", html)
    assert "Contains OS data" in html


def test_minimum_age_must_be_confirmed(client, board, organisation):
    opportunity = OpportunityPageBuilder(parent=board, organisation=organisation, minimum_age=16)
    html = signup_post(client, opportunity).content.decode()
    assert "I am 16 or older" in html and "Confirm you are 16 or older" in html
    assert not Signup.objects.exists()
    signup_post(client, opportunity, age_confirmed="on")
    assert Signup.objects.get().age_confirmed


def test_consent_is_required_and_never_pre_ticked(client, session):
    html = client.get(session.opportunity.url + "sign-up/").content.decode()
    consent = re.search(r'<input[^>]*name="contact_consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    assert "I agree to Good Neighbours Scheme contacting me" in html
    html = signup_post(
        client, session.opportunity, session=session.pk, contact_consent=None
    ).content.decode()
    assert "Agree to Good Neighbours Scheme contacting you" in html
    assert not Signup.objects.exists()


def test_form_says_what_is_kept_and_links_the_privacy_notice(client, session, site):
    from website.core.models import SiteSettings
    from website.standard_pages.builders import StandardPageBuilder

    privacy = StandardPageBuilder(parent=site.root_page, slug="privacy", title="Privacy notice")
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_page = privacy
    site_settings.save()
    html = client.get(session.opportunity.url + "sign-up/").content.decode()
    assert 'href="/privacy/">privacy notice</a>' in html
    assert "We keep them for 12 months after your volunteering ends" in html


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"email": "", "phone": ""}, "email", "Enter an email address or a phone number"),
        ({"email": "alice@@example.org"}, "email", "Enter an email address in the correct format"),
        ({"postcode": "PL1-1AE"}, "postcode", "Enter a full UK postcode, like PL1 2AA"),
        ({"phone": "call me maybe"}, "phone", "Enter a phone number, like 07700 900 982"),
        ({"phone": "0770"}, "phone", "Enter a phone number, like 07700 900 982"),
        ({"phone": "+44 (0)7700 900123"}, "phone", "Enter a phone number, like 07700 900 982"),
        ({"name": ""}, "name", "Enter your name"),
        ({"session": ""}, "session", "Select a session"),
        ({"session": "999999"}, "session", "Select one of the sessions shown"),
    ],
    ids=[
        "no-contact", "double-at", "postcode-dash", "phone-words", "phone-short",
        "phone-brackets", "no-name", "no-session", "other-session",
    ],
)  # fmt: skip
def test_invalid_sign_up_gets_a_clear_error_and_keeps_the_rest(
    client, session, fields, field, error
):
    data = {"session": session.pk, "needs": "Please keep this text", **fields}
    response = signup_post(client, session.opportunity, **data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and error in html
    assert f'href="#id_{field}' in html  # the summary links to the field
    assert "Please keep this text" in html
    assert not Signup.objects.exists()


@pytest.mark.parametrize("phone", ["07700 900123", "+44 7700 900123", "01752  668000"])
def test_phone_numbers_as_typed(client, session, phone):
    signup_post(client, session.opportunity, session=session.pk, email="", phone=phone)
    assert Signup.objects.get().phone == " ".join(phone.split())


def test_closed_opportunity_shows_closed_and_takes_nothing(client, board, organisation):
    yesterday = date.today() - timedelta(days=1)
    opportunity = OpportunityPageBuilder(
        parent=board, organisation=organisation, closes_on=yesterday
    )
    response = client.get(opportunity.url + "sign-up/")
    html = response.content.decode()
    assert response.status_code == 200 and "Sign-ups are closed" in html
    assert "<form" not in html.split('id="main-content"')[1]
    assert signup_post(client, opportunity).status_code == 200
    assert not Signup.objects.exists()


def test_sessions_all_past_means_closed(client, opportunity):
    past = timezone.now() - timedelta(days=2)
    OpportunitySessionBuilder(opportunity=opportunity, starts_at=past)
    assert "Sign-ups are closed" in client.get(opportunity.url + "sign-up/").content.decode()


def test_started_sessions_are_not_offered(client, session):
    started = OpportunitySessionBuilder(
        opportunity=session.opportunity, starts_at=timezone.now() - timedelta(minutes=5)
    )
    html = client.get(session.opportunity.url + "sign-up/").content.decode()
    assert f'value="{session.pk}"' in html and f'value="{started.pk}"' not in html


def test_form_page_is_never_cached_publicly(client, session):
    response = client.get(session.opportunity.url + "sign-up/")
    assert "private" in response["Cache-Control"]


def test_confirmation_is_only_for_the_browser_that_signed_up(client, session):
    signup_post(client, session.opportunity, session=session.pk)
    assert Client().get(session.opportunity.url + "sign-up/sent/").status_code == 404
    assert client.post(session.opportunity.url + "sign-up/sent/").status_code == 405


def test_replay_stores_one_sign_up_and_sends_one_set_of_emails(client, session):
    data = signup_data(session=session.pk)
    url = session.opportunity.url + "sign-up/"
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # double click / Back and resubmit
    assert Signup.objects.count() == 1
    assert len(emails_to("alice@example.org")) == 1
    assert OutgoingEmail.objects.count() == 2  # the resident and the organisation, once each
    assert "You have a place" in client.get(url + "sent/").content.decode()


def test_a_replay_keeps_the_private_link_on_the_confirmation(client, session):
    data = signup_data(session=session.pk, email="", phone="07700 900123")
    url = session.opportunity.url + "sign-up/"
    client.post(url, data)
    client.post(url, data)
    assert "Keep this private link" in client.get(url + "sent/").content.decode()


def test_failure_part_way_leaves_nothing(client, session, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the organisation's email template broke")

    monkeypatch.setattr(signups, "_organisation_email", broken)
    client.raise_request_exception = False
    response = signup_post(client, session.opportunity, session=session.pk)
    assert response.status_code == 500
    assert not Signup.objects.exists()
    assert not OutgoingEmail.objects.exists()  # the resident's email rolled back too


def test_csrf_token_is_required(session):
    client = Client(enforce_csrf_checks=True)
    response = signup_post(client, session.opportunity, session=session.pk)
    assert response.status_code == 403
    assert not Signup.objects.exists()


def test_hard_rate_limit_refuses_with_429(client, session, settings):
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 0
    response = signup_post(client, session.opportunity, session=session.pk)
    assert response.status_code == 429 and response["Retry-After"]
    assert not Signup.objects.exists()
