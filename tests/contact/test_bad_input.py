"""Bad input never causes a 5xx: it gets a clear error with the rest kept, or is stored exactly
and shown harmlessly in the page, the admin and the email."""

import pytest
from django.core import mail

from website.contact.models import ContactMessage
from website.emails.models import OutgoingEmail

from ..conftest import staff_client_for
from ..forms import form_token

URL = "/feedback/"


def _post(client, **fields):
    data = {"topic": "website", "message": "A message", "form_token": form_token("contact")}
    data.update(fields)
    return client.post(URL, data)


STORED_EXACTLY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    "' OR '1'='1",
    "100% of_people",
    "abc\u202edef",
    "e\u0301 vs \u00e9",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f44d\U0001f3fd",
    "zero\u200bwidth",
]


@pytest.mark.parametrize("text", STORED_EXACTLY)
def test_odd_text_is_stored_exactly_and_escaped_everywhere(site, client, admin_client, text):
    assert _post(client, message=text, name=text[:100]).status_code == 302
    message = ContactMessage.objects.get()
    assert message.message == text and message.name == text[:100]
    admin_html = admin_client.get(f"/admin/contact_messages/inspect/{message.pk}/").content.decode()
    email = OutgoingEmail.objects.get()
    for html in (admin_html, email.body_html):
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
    assert text in email.body_text  # plain text is not HTML: shown as typed


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"message": ""}, "Enter your message"),
        ({"message": "   \n\t "}, "Enter your message"),
        ({"message": "x" * 5001}, "5,000 characters or fewer"),
        ({"message": "x" * 1_000_000}, "5,000 characters or fewer"),
        ({"name": "n" * 101}, "100 characters or fewer"),
        ({"topic": ""}, "Select what your message is about"),
        ({"topic": "not-a-topic"}, "Select a valid choice"),
        ({"email": "alice@@example.org"}, "correct format"),
        ({"email": "ali\u200bce@example.org"}, "correct format"),
        ({"email": "a@example.org\r\nBcc: x@example.org"}, "correct format"),
        ({"message": "null \x00 byte"}, "Null characters are not allowed"),
    ],
    ids=[
        "empty", "whitespace", "one-over", "one-megabyte", "long-name", "no-topic",
        "bad-topic", "double-at", "zero-width-email", "header-injection", "null-byte",
    ],
)  # fmt: skip
def test_invalid_input_gets_a_clear_error_and_keeps_the_rest(site, client, fields, error):
    kept = "Please keep this text"
    response = _post(client, page_address=kept, **fields)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and error in html
    assert kept in html
    assert not ContactMessage.objects.exists()


def test_accepted_email_formats(site, client):
    assert _post(client, email="alice+tag@example.org").status_code == 302
    assert ContactMessage.objects.get().email == "alice+tag@example.org"


def test_a_three_megabyte_body_is_refused_without_a_server_error(site, client):
    response = _post(client, message="x" * 3 * 1024 * 1024)
    assert response.status_code == 400
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize("query", ["?page=-1", "?page=99999999999999999999", "?q=%00", "?x=%"])
def test_odd_query_strings_on_the_form_page(site, client, query):
    assert client.get(URL + query).status_code == 200


def test_nothing_is_sent_while_the_request_runs(site, client):
    _post(client)
    assert mail.outbox == []  # the worker sends; the request only queues


def test_admin_list_stays_harmless(site, client, admin_user):
    _post(client, message="<script>alert(1)</script>")
    html = staff_client_for(admin_user).get("/admin/contact_messages/").content.decode()
    assert "<script>alert(1)" not in html
