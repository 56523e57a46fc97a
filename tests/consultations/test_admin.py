"""Responses in the admin: consultation officers only, escaped, searchable, and audit-logged."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from consultations.builders import ConsultationPageBuilder
from consultations.models import ConsultationQuestion, ConsultationResponse
from website.core.models import ReviewStatus
from website.staff.services import staff_groups_sync

from ..conftest import staff_client_for

URL = "/admin/consultation_responses/"


@pytest.fixture
def responses(section_pages):
    page = ConsultationPageBuilder(parent=section_pages["consultations"], title="Plan for Nature")
    question = ConsultationQuestion.objects.create(
        page=page, kind="long_text", label="What should change?", sort_order=0
    )
    other = ConsultationPageBuilder(parent=section_pages["consultations"], title="Pride in Place")
    return {
        "benches": ConsultationResponse.objects.create(
            consultation=page, answers={str(question.key): "<script>alert(1)</script> benches"}
        ),
        "held": ConsultationResponse.objects.create(
            consultation=page,
            answers={str(question.key): "Buy cheap pills"},
            review_status=ReviewStatus.HELD,
            held_reasons=["honeypot"],
        ),
        "other": ConsultationResponse.objects.create(consultation=other, answers={}),
    }


@pytest.fixture
def member(db, django_user_model):
    staff_groups_sync()

    def _member(group_name):
        user = django_user_model.objects.create_user(group_name[:10], password="x" * 20)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return _member


def test_officer_reads_a_response_escaped_and_audit_logged(member, responses):
    officer = member("Consultation officers")
    response = staff_client_for(officer).get(f"{URL}inspect/{responses['benches'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "What should change?" in html and "&lt;script&gt;alert(1)&lt;/script&gt; benches" in html
    assert "<script>alert(1)" not in html
    entry = ModelLogEntry.objects.get(object_id=str(responses["benches"].pk))
    assert (entry.action, entry.user_id) == ("website.personal_data.view", officer.pk)


def test_list_filters_by_consultation_and_searches_answers(member, responses):
    client = staff_client_for(member("Consultation officers"))
    page_id = responses["benches"].consultation_id
    filtered = client.get(f"{URL}?consultation={page_id}").content.decode()
    assert f"Response {responses['other'].pk}<" not in filtered
    assert f"Response {responses['benches'].pk}" in filtered
    searched = client.get(f"{URL}?q=benches").content.decode()
    assert f"Response {responses['benches'].pk}" in searched
    assert f"Response {responses['held'].pk}<" not in searched


def test_officer_releases_or_rejects_held_responses(member, responses):
    client = staff_client_for(member("Consultation officers"))
    client.post(f"{URL}review/{responses['held'].pk}/", {"release": "0"})
    responses["held"].refresh_from_db()
    assert responses["held"].review_status == ReviewStatus.SPAM


@pytest.mark.parametrize(
    "group", ["Moderators", "Comms editors", "Volunteer coordinators", "Directory editors"]
)
def test_other_groups_cannot_read_responses(member, responses, group):
    client = staff_client_for(member(group))
    assert client.get(URL).status_code != 200
    assert client.get(f"{URL}inspect/{responses['benches'].pk}/").status_code != 200
    assert not ModelLogEntry.objects.exists()


def test_list_query_count_does_not_grow(member, responses, django_assert_max_num_queries):
    client = staff_client_for(member("Consultation officers"))
    page = responses["benches"].consultation
    client.get(URL)
    ConsultationResponse.objects.bulk_create(
        ConsultationResponse(consultation=page, answers={"x": str(n)}) for n in range(300)
    )
    with django_assert_max_num_queries(40):
        assert client.get(URL).status_code == 200


def test_officer_types_in_a_paper_response_once(member, responses):
    from ..forms import form_token

    officer = member("Consultation officers")
    client = staff_client_for(officer)
    page = responses["benches"].consultation
    question = page.questions.get()
    url = f"{URL}enter/{page.pk}/"
    form = client.get(url).content.decode()
    assert "What should change?" in form and "How did this response reach us?" in form
    data = {
        "channel": "paper",
        f"q_{question.key.hex}": "Written on the back of the leaflet",
        "form_token": form_token("consultation-response"),
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click
    stored = ConsultationResponse.objects.get(channel="paper")
    assert stored.entered_by == officer and stored.review_status == ReviewStatus.ACCEPTED
    assert stored.answers == {str(question.key): "Written on the back of the leaflet"}


def test_consultation_edit_page_links_to_its_responses(responses, member):
    client = staff_client_for(member("Consultation officers"))
    page = responses["benches"].consultation
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"{URL}?consultation={page.pk}" in html and f"{URL}enter/{page.pk}/" in html


def test_moderators_cannot_type_in_responses(member, responses):
    client = staff_client_for(member("Moderators"))
    page = responses["benches"].consultation
    assert client.get(f"{URL}enter/{page.pk}/").status_code != 200  # Wagtail redirects home
    client.post(f"{URL}enter/{page.pk}/", {"channel": "paper"})
    assert not ConsultationResponse.objects.filter(channel="paper").exists()


def test_officer_tags_themes_which_feed_the_summary_and_you_said(member, responses, client):
    from datetime import timedelta

    from django.utils import timezone

    officer = staff_client_for(member("Consultation officers"))
    response = responses["benches"]
    url = f"{URL}themes/{response.pk}/"
    assert officer.post(url, {"new_theme": "  More   benches "}).status_code == 302
    theme = response.consultation.themes.get()
    assert theme.name == "More benches" and list(response.themes.all()) == [theme]
    summary = officer.get(f"{URL}summary/{response.consultation_id}/").content.decode()
    assert "More benches" in summary and "Summary of responses" in summary
    assert "Accepted" in summary and "No ratings yet" in summary
    page = response.consultation
    now = timezone.now()
    page.opens_at, page.closes_at = now - timedelta(days=9), now - timedelta(days=2)
    page.results_published_at = now - timedelta(days=1)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "What people wrote about most" in html and "More benches" in html


def test_moderators_cannot_tag_or_see_the_summary(member, responses):
    client = staff_client_for(member("Moderators"))
    response = responses["benches"]
    assert client.get(f"{URL}summary/{response.consultation_id}/").status_code != 200
    client.post(f"{URL}themes/{response.pk}/", {"new_theme": "Sneaky"})
    assert not response.consultation.themes.exists()
