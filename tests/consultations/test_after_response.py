"""After responding: a rating, equality answers and emails, each optional and kept apart."""

import pytest

from consultations.builders import ConsultationPageBuilder
from consultations.models import (
    ConsultationQuestion,
    ConsultationResponse,
    EqualityMonitoring,
    OutcomeSubscription,
    ProcessRating,
)
from website.emails.models import OutgoingEmail

from ..forms import form_token


@pytest.fixture
def responded(client, section_pages):
    """A client that has just responded to a one-question consultation."""
    page = ConsultationPageBuilder(parent=section_pages["consultations"], title="Plan for Nature")
    question = ConsultationQuestion.objects.create(
        page=page, kind="short_text", label="Favourite park", sort_order=0
    )
    data = {
        f"q_{question.key.hex}": "Central Park",
        "form_token": form_token("consultation-response"),
    }
    assert client.post(page.url + "respond/", data).status_code == 302
    return page


def _post(client, page, route, scope, **data):
    return client.post(f"{page.url}respond/{route}/", {"form_token": form_token(scope), **data})


def test_extras_are_only_for_the_session_that_responded(responded):
    from django.test import Client

    stranger = Client()
    assert stranger.get(responded.url + "respond/sent/").status_code == 404
    assert (
        _post(stranger, responded, "rating", "consultation-rating", rating="5").status_code == 404
    )
    assert stranger.get(responded.url + "respond/about-you/").status_code == 404


def test_rating_is_stored_once(client, responded):
    html = client.get(responded.url + "respond/sent/").content.decode()
    assert "How was taking part in this consultation?" in html
    response = _post(client, responded, "rating", "consultation-rating", rating="4", comment="Easy")
    assert response.status_code == 302
    _post(client, responded, "rating", "consultation-rating", rating="1")
    rating = ProcessRating.objects.get()
    assert (rating.rating, rating.comment, rating.consultation) == (4, "Easy", responded)
    assert "Thank you for your feedback." in client.get(response["Location"]).content.decode()


def test_rating_needs_a_choice(client, responded):
    response = _post(client, responded, "rating", "consultation-rating", rating="9")
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not ProcessRating.objects.exists()


def test_equality_answers_are_stored_apart(client, responded):
    form = client.get(responded.url + "respond/about-you/").content.decode()
    assert form.count('value="prefer_not_to_say"') == len(EqualityMonitoring.QUESTION_FIELDS)
    data = {"age_band": "35_44", "ethnicity": "prefer_not_to_say", "carer": "yes"}
    assert client.post(responded.url + "respond/about-you/", data).status_code == 302
    stored = EqualityMonitoring.objects.get()
    assert (stored.age_band, stored.ethnicity, stored.carer, stored.sex) == (
        "35_44",
        "prefer_not_to_say",
        "yes",
        "",
    )
    # Nothing joins it to a response or a person: no foreign key but the consultation, no time.
    relations = {f.name for f in EqualityMonitoring._meta.get_fields() if f.is_relation}
    assert relations == {"consultation"}
    assert not any(
        f.get_internal_type() == "DateTimeField" for f in EqualityMonitoring._meta.fields
    )


def test_skipping_every_equality_question_stores_nothing(client, responded):
    assert client.post(responded.url + "respond/about-you/", {}).status_code == 302
    assert not EqualityMonitoring.objects.exists()


def test_copy_of_the_response_is_emailed(client, responded):
    response = _post(
        client,
        responded,
        "updates",
        "consultation-updates",
        email="Alice@Example.org",
        send_copy="on",
    )
    assert response.status_code == 302
    email = OutgoingEmail.objects.get()
    assert email.to == ["alice@example.org"]
    assert "Favourite park" in email.body_text and "Central Park" in email.body_text
    assert not OutcomeSubscription.objects.exists()
    assert "alice" not in str(ConsultationResponse.objects.get().answers).lower()


def test_outcome_emails_need_confirming_by_post(client, responded):
    _post(
        client, responded, "updates", "consultation-updates", email="bob@example.org", outcome="on"
    )
    subscription = OutcomeSubscription.objects.get()
    assert subscription.confirmed_at is None
    email = OutgoingEmail.objects.get()
    confirm_path = f"{responded.url}updates/confirm/{subscription.token}/"
    assert confirm_path in email.body_text
    assert client.get(confirm_path).status_code == 200  # a mail scanner following the link
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert client.post(confirm_path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    # Asking again once confirmed sends nothing more.
    _post(
        client, responded, "updates", "consultation-updates", email="BOB@example.org", outcome="on"
    )
    assert OutgoingEmail.objects.count() == 1 and OutcomeSubscription.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "bob@@example.org", "outcome": "on"}, "correct format"),
        ({"email": "bob@example.org"}, "Select what you would like us to email you"),
        ({"email": "", "send_copy": "on"}, "Enter your email address"),
    ],
)
def test_updates_form_errors(client, responded, data, message):
    response = _post(client, responded, "updates", "consultation-updates", **data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_unknown_confirmation_token(client, responded):
    assert client.post(f"{responded.url}updates/confirm/not-a-token/").status_code == 404


def test_every_form_that_asks_for_personal_details_links_the_privacy_notice(
    client, responded, site
):
    from website.core.models import SiteSettings
    from website.standard_pages.builders import StandardPageBuilder

    privacy = StandardPageBuilder(parent=site.root_page, slug="privacy", title="Privacy notice")
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_page = privacy
    site_settings.save()
    responded.comments_enabled = True
    responded.save_revision().publish()
    link = 'href="/privacy/">privacy notice</a>'
    for path in ("respond/", "respond/sent/", "respond/about-you/", ""):
        assert link in client.get(responded.url + path).content.decode(), path
