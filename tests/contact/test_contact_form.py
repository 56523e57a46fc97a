"""The contact form proves the public-form toolkit end to end: store once, email, hold, refuse."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from website.contact.models import ContactMessage
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail

from ..forms import form_token

URL = "/feedback/"


def _data(**overrides):
    data = {
        "topic": "website",
        "message": "The map page was hard to use on my phone.",
        "page_address": "/directory/",
        "name": "Alice Example",
        "email": "alice+tag@example.org",
        "form_token": form_token("contact"),
        "your_website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def contact_page(site, settings):
    settings.CONTACT_FORM_RECIPIENTS = ["team@example.org"]
    return URL


def test_form_page_renders_with_token_privacy_link_and_no_shared_caching(contact_page, client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="form_token"' in html
    assert 'name="your_website"' in html and "hidden" in html
    assert "private" in response["Cache-Control"]
    assert "Send message" in html


def test_valid_message_is_stored_once_and_emailed_to_the_council(contact_page, client):
    response = client.post(URL, _data())
    assert response.status_code == 302 and response["Location"] == "/feedback/sent/"
    message = ContactMessage.objects.get()
    assert message.review_status == ReviewStatus.ACCEPTED
    assert message.held_reasons == []
    assert message.email == "alice+tag@example.org"
    assert message.emailed_at is not None
    email = OutgoingEmail.objects.get()
    assert email.to == ["team@example.org"]
    assert "Alice Example" in email.body_text and email.reply_to == ["alice+tag@example.org"]
    assert client.get(response["Location"]).status_code == 200


def test_double_submit_and_replay_store_one_row_and_one_email(contact_page, client):
    data = _data()
    for _attempt in range(3):
        assert client.post(URL, data).status_code == 302
    assert ContactMessage.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        (lambda: {"your_website": "http://spam.example"}, "honeypot"),
        (lambda: {"form_token": form_token("contact", age=0.5)}, "speed"),
        (lambda: {"form_token": "forged:token"}, "timestamp"),
        (lambda: {"form_token": ""}, "timestamp"),
        (lambda: {"form_token": form_token("contact", age=3 * 24 * 3600)}, "timestamp"),
        (lambda: {"form_token": form_token("another-form")}, "timestamp"),
    ],
    ids=["honeypot", "speed", "forged", "missing", "expired", "other-form"],
)
def test_spam_signals_store_the_message_but_hold_it_unsent(contact_page, client, overrides, reason):
    response = client.post(URL, _data(**overrides()))
    assert response.status_code == 302  # the sender sees the same confirmation
    message = ContactMessage.objects.get()
    assert message.review_status == ReviewStatus.HELD
    assert reason in message.held_reasons
    assert not OutgoingEmail.objects.exists()


def test_rate_limit_holds_then_refuses_with_a_friendly_429(contact_page, client, settings):
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = 2
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 4
    statuses = [
        client.post(URL, _data(form_token=form_token("contact"))).status_code for _ in range(5)
    ]
    assert statuses == [302, 302, 302, 302, 429]
    held = ContactMessage.objects.filter(review_status=ReviewStatus.HELD)
    assert [m.held_reasons for m in held] == [["rate"], ["rate"]]
    assert ContactMessage.objects.count() == 4
    refused = client.post(URL, _data(form_token=form_token("contact")))
    assert refused.status_code == 429 and refused["Retry-After"]
    assert "Too many attempts" in refused.content.decode()


def test_rate_limit_counts_the_client_behind_a_trusted_proxy(contact_page, settings):
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 1
    settings.TRUSTED_PROXY_COUNT = 1
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert first.post(URL, _data(form_token=form_token("contact"))).status_code == 302
    assert second.post(URL, _data(form_token=form_token("contact"))).status_code == 302
    assert first.post(URL, _data(form_token=form_token("contact"))).status_code == 429


def test_spoofed_forwarded_for_does_not_escape_the_limit(contact_page, settings):
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 1  # no trusted proxy: the header is ignored
    for index, expected in enumerate([302, 429]):
        client = Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{index}")
        assert client.post(URL, _data(form_token=form_token("contact"))).status_code == expected


def test_missing_csrf_token_is_refused_and_nothing_is_stored(contact_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, _data())
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()  # in the site's design
    assert not ContactMessage.objects.exists()


def test_csrf_token_from_the_page_is_accepted(contact_page):
    client = Client(enforce_csrf_checks=True)
    client.get(URL)
    data = _data(csrfmiddlewaretoken=client.cookies["csrftoken"].value)
    assert client.post(URL, data).status_code == 302
    assert ContactMessage.objects.count() == 1


def test_failure_part_way_leaves_no_row_and_no_email(contact_page, client, monkeypatch):
    from website.contact import services

    def broken(*args, **kwargs):
        raise RuntimeError("mail template broke")

    monkeypatch.setattr(services, "email_queue", broken)
    client.raise_request_exception = False
    assert client.post(URL, _data()).status_code == 500
    assert not ContactMessage.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_message_commits_without_waiting_for_email(contact_page, client):
    # Sending happens in the worker (tests/emails prove retries with SMTP down); the request
    # only queues it, so an email outage cannot lose the message.
    assert client.post(URL, _data()).status_code == 302
    assert ContactMessage.objects.count() == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.QUEUED
    assert mail.outbox == []


def test_confirmation_and_form_urls_are_translated(contact_page, client):
    assert reverse("contact_form") == "/feedback/"
    assert client.get("/pl/feedback/").status_code == 200


def test_form_links_the_privacy_notice_in_the_readers_language(contact_page, client, site):
    from website.core.models import SiteSettings
    from website.standard_pages.builders import StandardPageBuilder

    privacy = StandardPageBuilder(parent=site.root_page, slug="privacy", title="Privacy notice")
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_page = privacy
    site_settings.save()
    assert 'href="/privacy/">privacy notice</a>' in client.get(URL).content.decode()
