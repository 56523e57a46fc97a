"""Responding online: every question type, pages kept between steps, and the toolkit's defences."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from consultations.builders import ConsultationPageBuilder
from consultations.models import ConsultationQuestion, ConsultationResponse
from website.core.models import ReviewStatus

from ..forms import form_token

SCOPE = "consultation-response"


@pytest.fixture
def survey(section_pages):
    """A two-page survey with one question of every kind."""
    page = ConsultationPageBuilder(parent=section_pages["consultations"], title="Plan for Nature")

    def ask(kind, label, **fields):
        return ConsultationQuestion.objects.create(
            page=page, kind=kind, label=label, sort_order=ConsultationQuestion.objects.count(),
            **fields,
        )  # fmt: skip

    questions = {
        "short": ask("short_text", "Your favourite park", max_length=50),
        "long": ask("long_text", "What should change?", required=True),
        "single": ask("single_choice", "Which option?", choices="Option A\nOption B"),
        "multiple": ask("multiple_choice", "Which do you use?", choices="Parks\nBeaches\nWoods"),
        "scale": ask("agree_scale", "More trees are a good idea", required=True),
        "yes_no": ask("yes_no", "Do you have a garden?", follow_up_on="yes", follow_up_label="What do you grow?"),
        "ranking": ask("ranking", "Put these in order", choices="Trees\nPaths\nBenches", starts_new_page=True),
        "postcode": ask("postcode", "Your postcode"),
    }  # fmt: skip
    return page, questions


def _name(question, part=""):
    return f"q_{question.key.hex}" + (f"_{part}" if part else "")


def _first_page(questions, **overrides):
    data = {
        _name(questions["short"]): "Central Park",
        _name(questions["long"]): "More benches, please.",
        _name(questions["single"]): "Option B",
        _name(questions["multiple"]): ["Parks", "Woods"],
        _name(questions["scale"]): "strongly_agree",
        _name(questions["yes_no"]): "yes",
        _name(questions["yes_no"], "follow_up"): "Tomatoes",
        "form_token": form_token(SCOPE),
    }
    data.update(overrides)
    return data


def _second_page(questions, **overrides):
    ranking = questions["ranking"]
    data = {
        _name(ranking, "rank_0"): "2",
        _name(ranking, "rank_1"): "1",
        _name(ranking, "rank_2"): "3",
        _name(questions["postcode"]): "pl1 1ae",
    }
    data.update(overrides)
    return data


def _respond(client, page, first, second):
    first_response = client.post(page.url + "respond/", first)
    assert first_response.status_code == 302, first_response.content.decode()[:2000]
    assert first_response["Location"] == page.url + "respond/2/"
    return client.post(page.url + "respond/2/", second)


def test_every_question_type_is_stored_as_answered(client, survey):
    page, q = survey
    response = _respond(client, page, _first_page(q), _second_page(q))
    assert response.status_code == 302 and response["Location"] == page.url + "respond/sent/"
    stored = ConsultationResponse.objects.get()
    assert stored.channel == "online" and stored.review_status == ReviewStatus.ACCEPTED
    assert stored.answers == {
        str(q["short"].key): "Central Park",
        str(q["long"].key): "More benches, please.",
        str(q["single"].key): "Option B",
        str(q["multiple"].key): ["Parks", "Woods"],
        str(q["scale"].key): "strongly_agree",
        str(q["yes_no"].key): {"answer": "yes", "follow_up": "Tomatoes"},
        str(q["ranking"].key): ["Paths", "Trees", "Benches"],
        str(q["postcode"].key): "PL1 1AE",
    }
    assert "Response sent" in client.get(response["Location"]).content.decode()


def test_follow_up_is_dropped_for_the_other_answer(client, survey):
    # Without JavaScript the follow-up box is always on the page; its text only counts for "yes".
    page, q = survey
    _respond(client, page, _first_page(q, **{_name(q["yes_no"]): "no"}), _second_page(q))
    assert ConsultationResponse.objects.get().answers[str(q["yes_no"].key)] == "no"


def test_back_shows_the_answers_already_given(client, survey):
    page, q = survey
    client.post(page.url + "respond/", _first_page(q))
    html = client.get(page.url + "respond/").content.decode()
    assert 'value="Central Park"' in html and "More benches, please." in html
    assert 'value="strongly_agree" checked' in html


@pytest.mark.parametrize(
    ("page_number", "overrides", "message"),
    [
        (1, {"long": ""}, "Enter an answer to: What should change?"),
        (1, {"scale": ""}, "Select an answer to: More trees are a good idea"),
        (1, {"short": "x" * 51}, "50 characters or fewer"),
        (1, {"long": "x" * 5001}, "5,000 characters or fewer"),
        (1, {"single": "Option Z"}, "Select a valid choice"),
        (1, {"scale": "sort_of"}, "Select a valid choice"),
        (1, {"long": "null \x00 byte"}, "Null characters are not allowed"),
        (2, {"postcode": "PL1-1AE"}, "Enter a full UK postcode, like PL1 2AA"),
        (2, {"ranking_0": "1", "ranking_1": "1"}, "Give each option a different number"),
        (2, {"ranking_0": "9"}, "Select a valid choice"),
    ],
)
def test_bad_answers_get_clear_errors_and_keep_the_rest(
    client, survey, page_number, overrides, message
):
    page, q = survey
    named = {}
    for key, value in overrides.items():
        if key.startswith("ranking_"):
            named[_name(q["ranking"], "rank_" + key.split("_")[1])] = value
        else:
            named[_name(q[key])] = value
    if page_number == 1:
        response = client.post(page.url + "respond/", _first_page(q, **named))
    else:
        client.post(page.url + "respond/", _first_page(q))
        response = client.post(page.url + "respond/2/", _second_page(q, **named))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert not ConsultationResponse.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "' OR '1'='1",
        "e\u0301 \u202e 😀",
        '"><img src=x onerror=alert(1)>',
    ],
)
def test_odd_text_is_stored_exactly(client, survey, text):
    page, q = survey
    _respond(client, page, _first_page(q, **{_name(q["long"]): text}), _second_page(q))
    assert ConsultationResponse.objects.get().answers[str(q["long"].key)] == text


def test_replaying_the_last_page_stores_one_response(client, survey):
    page, q = survey
    _respond(client, page, _first_page(q), _second_page(q))
    token = client.get(page.url + "respond/").content.decode()  # a fresh visit is a new form
    replay = client.post(page.url + "respond/2/", _second_page(q))
    assert replay.status_code in (302, 200)
    assert ConsultationResponse.objects.count() == 1
    assert "form_token" in token


def test_honeypot_and_speed_hold_the_response(client, survey):
    page, q = survey
    first = _first_page(q, form_token=form_token(SCOPE, age=1), your_website="spam")
    _respond(client, page, first, _second_page(q))
    stored = ConsultationResponse.objects.get()
    assert stored.review_status == ReviewStatus.HELD
    assert set(stored.held_reasons) == {"honeypot", "speed"}


def test_csrf_is_enforced(survey):
    page, q = survey
    client = Client(enforce_csrf_checks=True)
    assert client.post(page.url + "respond/", _first_page(q)).status_code == 403


@pytest.mark.parametrize(("opens", "closes"), [(1, 10), (-10, -1)], ids=["forthcoming", "closed"])
def test_form_is_only_open_while_the_consultation_is(client, survey, opens, closes):
    page, q = survey
    now = timezone.now()
    page.opens_at, page.closes_at = now + timedelta(days=opens), now + timedelta(days=closes)
    page.save_revision().publish()
    response = client.post(page.url + "respond/", _first_page(q))
    assert response.status_code == 200
    assert "This consultation is not open" in response.content.decode()
    assert "Respond online" not in client.get(page.url).content.decode()
    assert not ConsultationResponse.objects.exists()


def test_last_page_is_rate_limited(client, survey, settings):
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 0
    page, q = survey
    client.post(page.url + "respond/", _first_page(q))
    assert client.post(page.url + "respond/2/", _second_page(q)).status_code == 429
    assert not ConsultationResponse.objects.exists()


def test_unknown_page_of_the_form_is_not_found(client, survey):
    page, _q = survey
    assert client.get(page.url + "respond/3/").status_code == 404
    assert client.get(page.url + "respond/0/").status_code == 404
