"""Consultation pages: built by an officer in the admin, and what residents see at each stage."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from consultations.builders import ConsultationPageBuilder
from consultations.models import ConsultationPage
from website.staff.services import staff_groups_sync

from ..conftest import staff_client_for


@pytest.fixture
def officer(section_pages, django_user_model):
    staff_groups_sync()
    user = django_user_model.objects.create_user("officer", password="x" * 20)
    user.groups.add(Group.objects.get(name="Consultation officers"))
    return staff_client_for(user)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_officer_builds_and_publishes_a_consultation(officer, section_pages, client):
    index = section_pages["consultations"]
    opens = timezone.now() - timedelta(hours=1)
    data = {
        "title": "Plan for Nature",
        "slug": "plan-for-nature",
        "introduction": "Help shape the city's plan for nature.",
        "opens_at": _local(opens),
        "closes_at": _local(opens + timedelta(days=42)),
        "results_published_at": "",
        "why_we_are_asking": rich_text("<p>Green spaces matter to health.</p>"),
        "what_is_being_decided": rich_text("<p>Which parks get new trees first.</p>"),
        "what_cannot_change": rich_text(""),
        "decision_maker": "Cabinet",
        "expected_decision_date": "",
        "is_citywide": "on",
        "key_dates": streamfield(
            [("key_date", {"date": "2026-03-02", "label": "Cabinet decides", "description": ""})]
        ),
        "events": streamfield([]),
        "body": streamfield([]),
        "other_ways_to_respond": streamfield(
            [("by_phone", {"number": "01632 960123", "times": "Weekdays 9 to 5"})]
        ),
        "contact": streamfield([]),
        "actions": inline_formset([]),
        "you_said": rich_text(""),
        "we_did": rich_text(""),
        "decision_record_url": "",
        "questions": inline_formset(
            [
                {"kind": "agree_scale", "label": "More trees are a good idea", "required": "on"},
                {
                    "kind": "single_choice",
                    "label": "Which park first?",
                    "choices": "Central\nTamar",
                },
            ]
        ),
        "action-publish": "publish",
    }
    url = f"/admin/pages/add/consultations/consultationpage/{index.pk}/"
    response = officer.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConsultationPage.objects.get(slug="plan-for-nature")
    assert page.live and page.is_citywide
    html = client.get(page.url).content.decode()
    for text in ("Green spaces matter", "Cabinet decides", "01632 960123", "All of Plymouth"):
        assert text in html
    assert [q.label for q in page.questions.all()] == [
        "More trees are a good idea",
        "Which park first?",
    ]
    assert "Respond online" in html
    form = client.get(page.url + "respond/").content.decode()
    assert "Strongly agree" in form and "Tamar" in form


def test_choice_questions_need_two_options(officer, section_pages):
    from consultations.models import ConsultationQuestion

    question = ConsultationQuestion(kind="single_choice", label="Pick", choices="Only one")
    with pytest.raises(ValidationError):
        question.clean()


def test_officer_cannot_add_consultations_elsewhere(officer, home):
    url = f"/admin/pages/add/consultations/consultationpage/{home.pk}/"
    assert officer.get(url).status_code != 200


@pytest.mark.parametrize(
    ("days", "message", "shows_how_to_respond"),
    [
        ((5, 40, None), "This consultation opens on", True),
        ((-5, 40, None), "This consultation is open", True),
        ((-50, -5, None), "We are reading every response", False),
        ((-50, -20, -2), "We published what you told us", False),
    ],
    ids=["forthcoming", "open", "closed", "results"],
)
def test_page_says_where_the_consultation_stands(
    client, section_pages, days, message, shows_how_to_respond
):
    now = timezone.now()
    opens, closes, results = days
    page = ConsultationPageBuilder(
        parent=section_pages["consultations"],
        opens_at=now + timedelta(days=opens),
        closes_at=now + timedelta(days=closes),
        results_published_at=now + timedelta(days=results) if results else None,
        other_ways_to_respond=[("by_email", {"email": "consultations@example.org"})],
    )
    html = client.get(page.url).content.decode()
    assert message in html
    assert ('id="how-to-respond"' in html) is shows_how_to_respond
    assert ("consultations@example.org" in html) is shows_how_to_respond


def test_home_page_shows_open_consultations_and_latest_results(client, section_pages):
    now = timezone.now()
    ConsultationPageBuilder(parent=section_pages["consultations"], title="City Centre Living")
    ConsultationPageBuilder(
        parent=section_pages["consultations"],
        title="Pride in Place",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=20),
        results_published_at=now - timedelta(days=1),
    )
    html = client.get("/").content.decode()
    open_section = html.split('id="open-consultations-heading"')[1].split("</section>")[0]
    results_section = html.split('id="results-heading"')[1].split("</section>")[0]
    assert "City Centre Living" in open_section and "Closes" in open_section
    assert "Pride in Place" in results_section and "Pride in Place" not in open_section


def test_copying_a_consultation_keeps_its_form_but_not_its_responses(section_pages, admin_user):
    from consultations.models import ConsultationQuestion, ConsultationResponse

    page = ConsultationPageBuilder(parent=section_pages["consultations"], title="Original")
    ConsultationQuestion.objects.create(page=page, kind="short_text", label="Why?", sort_order=0)
    ConsultationResponse.objects.create(consultation=page, answers={})
    copy = page.copy(update_attrs={"title": "Copy", "slug": "copy"}, user=admin_user)
    assert [q.label for q in copy.questions.all()] == ["Why?"]
    assert copy.responses.count() == 0
