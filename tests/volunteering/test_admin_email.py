"""Emailing a session's volunteers: one email each to those with a place or an offer, replies
to the coordinator, once per form however often it is sent, and recorded in the audit log."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from tests.forms import form_token, token_in
from volunteering.admin_views import EMAIL_FORM_SCOPE
from volunteering.builders import SignupBuilder
from volunteering.models import Organisation, Place
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail

URL = "/admin/volunteer_signups/"


@pytest.fixture
def volunteers(opportunity, session):
    """Who is in the session: two with places, one offered one, and others who are not."""

    def make(place, **fields):
        return SignupBuilder(opportunity=opportunity, session=session, place=place, **fields)

    return {
        "booked": make(Place.BOOKED, name="Ann", email="ann@example.org"),
        "polish": make(Place.BOOKED, name="Zofia", email="zofia@example.org", language="pl"),
        "offered": make(Place.OFFERED, name="Olu", email="olu@example.org"),
        "phone_only": make(Place.BOOKED, name="Phil", email="", phone="07700 900123"),
        "waiting": make(Place.WAITING, email="wait@example.org"),
        "cancelled": make(Place.NONE, email="gone@example.org"),
        "held": make(Place.BOOKED, email="held@example.org", review_status=ReviewStatus.HELD),
        "elsewhere": SignupBuilder(opportunity=opportunity, place=Place.INTEREST),
    }


def _send(client, session, token=None, **fields):
    data = {
        "subject": "Change of meeting point",
        "message": "Meet at the east gate.\nBring gloves.",
        "form_token": token or form_token(EMAIL_FORM_SCOPE),
        **fields,
    }
    return client.post(f"{URL}session/{session.pk}/email/", data, follow=True)


def test_the_form_says_who_it_goes_to(coordinator_client, session, volunteers):
    html = coordinator_client.get(f"{URL}session/{session.pk}/email/").content.decode()
    assert "This message goes to 3 volunteers" in html
    assert "1 volunteer gave only a phone number" in html
    assert "zofia@example.org" not in html  # counts only


def test_one_email_each_to_volunteers_with_a_place_replies_to_the_coordinator(
    coordinator, coordinator_client, session, volunteers
):
    response = _send(coordinator_client, session)
    assert "Email queued for 3 volunteers." in response.content.decode()
    emails = {email.to[0]: email for email in OutgoingEmail.objects.all()}
    assert set(emails) == {"ann@example.org", "zofia@example.org", "olu@example.org"}
    ann = emails["ann@example.org"]
    assert ann.reply_to == [coordinator.email]
    assert ann.subject == "Befriending older neighbours: Change of meeting point"
    assert (
        "Hello Ann," in ann.body_text and "Meet at the east gate.\nBring gloves." in ann.body_text
    )
    assert "Good Neighbours Scheme sent you this message" in ann.body_text
    assert "Meet at the east gate.<br>Bring gloves." in ann.body_html
    # The volunteer's language around the coordinator's words.
    assert "Ten e-mail został wysłany automatycznie" in emails["zofia@example.org"].body_text


def test_the_sending_is_audited_against_the_organisation(
    coordinator, coordinator_client, organisation, session, volunteers
):
    _send(coordinator_client, session)
    entry = ModelLogEntry.objects.get(action="website.personal_data.email")
    assert entry.content_type == ContentType.objects.get_for_model(Organisation)
    assert (entry.object_id, entry.user_id) == (str(organisation.pk), coordinator.pk)
    assert entry.data["session"] == session.pk and entry.data["recipients"] == 3


def test_the_same_form_sent_twice_sends_once(coordinator_client, session, volunteers):
    token = form_token(EMAIL_FORM_SCOPE)
    _send(coordinator_client, session, token=token)
    again = _send(coordinator_client, session, token=token)
    assert "This message was already sent." in again.content.decode()
    assert OutgoingEmail.objects.count() == 3
    _send(coordinator_client, session)  # a new form is a new message
    assert OutgoingEmail.objects.count() == 6


def test_a_form_without_its_token_sends_nothing_and_keeps_the_text(
    coordinator_client, session, volunteers
):
    response = _send(coordinator_client, session, token="forged")
    html = response.content.decode()
    assert "The form had expired" in html and "Meet at the east gate." in html
    assert token_in(html) != "forged"
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"subject": "   "}, "This field is required."),
        ({"message": ""}, "This field is required."),
        ({"subject": "x" * 151}, "at most 150 characters"),
        ({"message": "x" * 5001}, "at most 5000 characters"),
    ],
)
def test_bad_input_is_refused_clearly(coordinator_client, session, volunteers, fields, error):
    response = _send(coordinator_client, session, **fields)
    assert response.status_code == 200 and error in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_markup_is_escaped_and_a_subject_stays_on_one_line(coordinator_client, session, volunteers):
    _send(
        coordinator_client,
        session,
        subject="Hello\r\nBcc: evil@example.org",
        message='<script>alert(1)</script> <a href="javascript:alert(1)">x</a>',
    )
    email = OutgoingEmail.objects.filter(to=["ann@example.org"]).get()
    assert email.subject == "Befriending older neighbours: Hello Bcc: evil@example.org"
    assert "<script>" not in email.body_html and "&lt;script&gt;alert(1)&lt;/script&gt;" in (
        email.body_html
    )
    assert '<script>alert(1)</script> <a href="javascript:alert(1)">x</a>' in email.body_text


def test_the_list_offers_the_email_once_filtered_to_a_session(
    coordinator_client, session, volunteers
):
    email_url = f"{URL}session/{session.pk}/email/"
    assert email_url not in coordinator_client.get(URL).content.decode()
    assert email_url in coordinator_client.get(URL, {"session": session.pk}).content.decode()
