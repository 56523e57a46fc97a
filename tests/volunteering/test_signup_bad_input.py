"""Bad input on the sign-up form never causes a 5xx: it gets a clear error with the rest kept, or
is stored exactly and shown harmlessly on the pages, in the admin and in the emails."""

import pytest
from django.test import Client

from volunteering.models import Signup
from website.emails.models import OutgoingEmail

from .test_signup import emails_to, link_in, signup_data, signup_post

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


def _harmless(html: str) -> None:
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html


@pytest.mark.parametrize("text", STORED_EXACTLY)
def test_odd_text_is_stored_exactly_and_escaped_everywhere(client, admin_client, session, text):
    response = signup_post(client, session.opportunity, session=session.pk, name=text, needs=text)
    assert response.status_code == 302
    signup = Signup.objects.get()
    assert signup.name == text and signup.needs == text
    [confirmation] = emails_to("alice@example.org")
    pages = [
        client.get(response["Location"]).content.decode(),
        client.get(link_in(confirmation)).content.decode(),
        admin_client.get(f"/admin/volunteer_signups/inspect/{signup.pk}/").content.decode(),
        confirmation.body_html,
    ]
    for html in pages:
        _harmless(html)
    assert text in confirmation.body_text  # plain text is not HTML: shown as typed


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": ""}, "Enter your name"),
        ({"name": "   \n\t "}, "Enter your name"),
        ({"name": "n" * 101}, "100 characters or fewer"),
        ({"needs": "x" * 2001}, "2,000 characters or fewer"),
        ({"needs": "x" * 1_000_000}, "2,000 characters or fewer"),
        ({"phone": "0" * 31}, "30 characters or fewer"),
        ({"email": "ali\u200bce@example.org"}, "correct format"),
        ({"email": "a@example.org\r\nBcc: x@example.org"}, "correct format"),
        ({"needs": "null \x00 byte"}, "Null characters are not allowed"),
        ({"postcode": "PL1\x001AE"}, "Enter a full UK postcode"),
        ({"session": "' OR '1'='1"}, "Select one of the sessions shown"),
        ({"session": "99999999999999999999"}, "Select one of the sessions shown"),
    ],
    ids=[
        "empty", "whitespace", "long-name", "one-over", "one-megabyte", "long-phone",
        "zero-width-email", "header-injection", "null-byte", "null-postcode",
        "injection-session", "huge-session",
    ],
)  # fmt: skip
def test_invalid_input_gets_a_clear_error_and_keeps_the_rest(client, session, fields, error):
    kept = "Please keep this name"
    response = signup_post(
        client, session.opportunity, **{"session": session.pk, "name": kept, **fields}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and error in html
    if "name" not in fields:
        assert kept in html
    assert not Signup.objects.exists()


def test_accepted_email_formats(client, session):
    signup_post(client, session.opportunity, session=session.pk, email="alice+tag@example.org")
    assert Signup.objects.get().email == "alice+tag@example.org"


def test_a_three_megabyte_body_is_refused_without_a_server_error(client, session):
    response = signup_post(client, session.opportunity, needs="x" * 3 * 1024 * 1024)
    assert response.status_code == 400
    assert not Signup.objects.exists()


@pytest.mark.parametrize(
    "query",
    ["?session=-1", "?session=99999999999999999999", "?session=%00", "?page=-1", "?x=%"],
)
def test_odd_query_strings_on_the_form_page(client, session, query):
    assert client.get(session.opportunity.url + "sign-up/" + query).status_code == 200


def test_wrong_methods_and_hosts(client, session):
    opportunity = session.opportunity
    assert client.put(opportunity.url + "sign-up/").status_code == 405
    assert client.post(opportunity.url + "sign-up/sent/").status_code == 405
    response = Client(HTTP_HOST="evil.example").post(
        opportunity.url + "sign-up/", signup_data(session=session.pk)
    )
    assert response.status_code == 400
    assert not Signup.objects.exists()


def test_forged_or_missing_form_token_is_kept_but_held(client, session):
    signup_post(client, session.opportunity, session=session.pk, form_token="forged")
    signup_post(client, session.opportunity, session=session.pk, form_token=None)
    assert list(Signup.objects.values_list("held_reasons", flat=True)) == [
        ["timestamp"],
        ["timestamp"],
    ]
    assert not OutgoingEmail.objects.exists()
