"""The demo consultations: one in every status whenever the demo is loaded, each complete and
rendering, built once however often the loader runs."""

from collections import Counter
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from consultations.models import ConsultationPage, ConsultationStatus
from website.demo.services import (
    consultations_ensure,
    demo_content_load,
    pages_ensure,
    taxonomy_ensure,
)

WAYS_TO_RESPOND = {"by_post", "by_phone", "by_email", "in_person"}


@pytest.fixture
def consultations(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = demo_content_load()
    return list(ConsultationPage.objects.child_of(pages["consultations"]).live())


def _statuses(pages, now=None) -> Counter:
    return Counter(page.status(now) for page in pages)


@pytest.mark.django_db
def test_every_status_has_an_example(consultations):
    statuses = _statuses(consultations)
    assert len(consultations) >= 6
    assert set(statuses) == set(ConsultationStatus)
    assert statuses[ConsultationStatus.OPEN] >= 2
    assert statuses[ConsultationStatus.RESULTS] >= 2
    closing = [page.closes_at for page in consultations if page.status() == "open"]
    assert min(closing) - timezone.now() < timedelta(days=7)
    for page in consultations:
        if page.results_published_at:
            assert page.closes_at < page.results_published_at <= timezone.now()


@pytest.mark.django_db
def test_dates_count_from_the_day_of_loading(db, django_capture_on_commit_callbacks):
    """Loaded on another day, the demo has every status on that day: no date is fixed."""
    later = timezone.localdate() + timedelta(days=400)
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy_ensure()
        pages = pages_ensure()
        built = consultations_ensure(pages, today=later)
    noon = timezone.make_aware(datetime.combine(later, time(12, 0)))
    assert set(_statuses(built, now=noon)) == set(ConsultationStatus)
    assert _statuses(built)[ConsultationStatus.FORTHCOMING] == len(built)  # all after today


@pytest.mark.django_db
def test_each_consultation_is_complete_and_valid(consultations):
    assert sum(page.is_citywide for page in consultations) in (1, 2)
    for page in consultations:
        assert page.why_we_are_asking and page.what_is_being_decided and page.what_cannot_change
        assert page.decision_maker and page.expected_decision_date
        assert page.topics.exists()
        assert page.is_citywide or page.areas.exists()
        assert 2 <= len(page.key_dates) <= 4
        if page.status() in ("open", "forthcoming"):
            assert 1 <= len(page.events) <= 2
            assert all(event.value["accessibility"] for event in page.events)
        assert {block.block_type for block in page.other_ways_to_respond} >= WAYS_TO_RESPOND
        assert len(page.contact) == 1
        for field in ("key_dates", "events", "body", "other_ways_to_respond", "contact"):
            value = getattr(page, field)
            value.stream_block.clean(value)  # as the admin would, on the editor's next save


@pytest.mark.django_db
def test_every_consultation_renders_marked_as_example(consultations, client):
    index = client.get("/consultations/")
    assert index.status_code == 200
    for page in consultations:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.title.replace("'", "&#x27;") in html
        assert "Example content: this consultation" in html
        if page.status() in ("open", "forthcoming"):
            assert "Freepost EXAMPLE" in html and "consultations@example.org" in html
            assert "01632 960" in html


@pytest.mark.django_db
def test_loading_twice_adds_no_consultations(consultations, django_capture_on_commit_callbacks):
    revisions = sorted(page.latest_revision_id for page in consultations)
    with django_capture_on_commit_callbacks(execute=True):
        pages = demo_content_load()
    again = ConsultationPage.objects.child_of(pages["consultations"])
    assert sorted(again.values_list("latest_revision_id", flat=True)) == revisions
    assert again.values("slug").distinct().count() == again.count() == len(consultations)


@pytest.mark.django_db
def test_results_have_actions_and_responses_and_open_ones_have_forms(consultations, client):
    from consultations.models import ConsultationStatus

    with_results = [c for c in consultations if c.status() == ConsultationStatus.RESULTS]
    assert all(c.actions.exists() and c.responses.count() == 120 for c in with_results)
    assert all(c.you_said and c.we_did for c in with_results)
    open_ones = [c for c in consultations if c.status() == ConsultationStatus.OPEN]
    assert all(c.questions.exists() for c in open_ones)
    for page in open_ones:
        assert client.get(page.url + "respond/").status_code == 200
