"""'You said, we did': results on the page, and one email per change to those who asked."""

import time
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks

from consultations.builders import ConsultationPageBuilder
from consultations.models import (
    ConsultationAction,
    ConsultationQuestion,
    ConsultationResponse,
    OutcomeSubscription,
)
from consultations.services import outcome_notify
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail


@pytest.fixture
def published(section_pages):
    now = timezone.now()
    page = ConsultationPageBuilder(
        parent=section_pages["consultations"],
        title="Plan for Nature",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=20),
        results_published_at=now - timedelta(days=1),
        you_said="<p>Most people want more trees near schools.</p>",
        we_did="<p>Cabinet agreed to plant 500 trees.</p>",
        decision_record_url="https://democracy.example.org/decision/1",
    )
    question = ConsultationQuestion.objects.create(
        page=page, kind="yes_no", label="Do you use the park?", sort_order=0
    )
    key = str(question.key)
    for channel, answer, status in [
        ("online", "yes", ReviewStatus.ACCEPTED),
        ("online", "yes", ReviewStatus.RELEASED),
        ("paper", "no", ReviewStatus.ACCEPTED),
        ("online", "no", ReviewStatus.SPAM),  # never counted
        ("online", "no", ReviewStatus.HELD),  # not counted until released
    ]:
        ConsultationResponse.objects.create(
            consultation=page, channel=channel, answers={key: answer}, review_status=status
        )
    ConsultationAction.objects.create(
        page=page,
        description="Plant 500 trees",
        status="in_progress",
        status_date=date(2026, 11, 1),
    )
    return page


def test_results_show_counts_summaries_and_actions(client, published):
    html = client.get(published.url).content.decode()
    assert "You said, we did" in html and "3 responses in all." in html
    assert "Most people want more trees near schools." in html
    assert "Cabinet agreed to plant 500 trees." in html
    assert "https://democracy.example.org/decision/1" in html
    assert "Do you use the park? (3 answers)" in html
    assert ">67%<" in html and ">33%<" in html  # yes 2 of 3, no 1 of 3
    assert "Plant 500 trees" in html and "In progress" in html


def test_results_are_not_shown_before_publication(client, published):
    published.results_published_at = timezone.now() + timedelta(days=1)
    published.save_revision().publish()
    assert "You said, we did" not in client.get(published.url).content.decode()


def _subscriber(page, email, confirmed=True, **fields):
    return OutcomeSubscription.objects.create(
        consultation=page,
        consultation_key=page.translation_key,
        email=email,
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )


def test_each_subscriber_is_emailed_once_per_change(published):
    _subscriber(published, "a@example.org")
    _subscriber(published, "b@example.org", confirmed=False)
    _subscriber(published, "c@example.org", unsubscribed_at=timezone.now())
    assert outcome_notify(consultation=published) == 1
    assert outcome_notify(consultation=published) == 0  # nothing changed: nothing sent
    email = OutgoingEmail.objects.get()
    assert email.to == ["a@example.org"] and "Results published" in email.subject
    assert "/updates/stop/" in email.body_text
    action = published.actions.get()
    action.status = "done"
    action.save()
    assert outcome_notify(consultation=published) == 1
    update = OutgoingEmail.objects.latest("pk")
    assert "Update on what we are doing" in update.subject and "Done" in update.body_text


def test_results_published_later_are_sent_by_the_scheduled_command(published):
    published.results_published_at = timezone.now() + timedelta(hours=1)
    published.save_revision().publish()
    _subscriber(published, "a@example.org")
    call_command("consultation_updates_send")
    assert not OutgoingEmail.objects.exists()
    type(published).objects.filter(pk=published.pk).update(
        results_published_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("consultation_updates_send")
    call_command("consultation_updates_send")
    assert OutgoingEmail.objects.count() == 1


def test_publishing_in_the_admin_notifies(published, rf, admin_user):
    _subscriber(published, "a@example.org")
    for hook in hooks.get_hooks("after_publish_page"):
        hook(rf.post("/"), published)
    assert OutgoingEmail.objects.count() == 1


def test_stopping_needs_a_post_and_then_nothing_more_is_sent(client, published):
    subscription = _subscriber(published, "a@example.org")
    stop = f"{published.url}updates/stop/{subscription.token}/"
    assert client.get(stop).status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None
    assert client.post(stop).status_code == 200
    assert outcome_notify(consultation=published) == 0
    assert not OutgoingEmail.objects.exists()


def test_results_page_with_10000_responses_has_a_fixed_query_count(
    client, published, django_assert_max_num_queries
):
    key = str(published.questions.get().key)
    client.get(published.url)
    ConsultationResponse.objects.bulk_create(
        ConsultationResponse(consultation=published, answers={key: "yes"}) for _ in range(10_000)
    )
    with django_assert_max_num_queries(30):
        html = client.get(published.url).content.decode()
    assert "10003 responses in all." in html
    start = time.perf_counter()
    client.get(published.url)
    assert time.perf_counter() - start < 2  # a generous bound for a loaded CI machine


def test_you_said_we_did_index_lists_published_results(client, published, home, section_pages):
    from consultations.builders import YouSaidWeDidIndexPageBuilder

    ConsultationPageBuilder(parent=section_pages["consultations"], title="Still open")
    index = YouSaidWeDidIndexPageBuilder(parent=home)
    html = client.get(index.url).content.decode()
    assert "1 consultation with results" in html and "Plan for Nature" in html
    assert "Still open" not in html and f"{published.url}#results-heading" in html


def test_officer_is_reminded_once_when_results_are_late(published, section_pages, admin_user):
    from consultations.services import results_reminders_send

    now = timezone.now()
    late = ConsultationPageBuilder(
        parent=section_pages["consultations"],
        title="Late results",
        opens_at=now - timedelta(days=100),
        closes_at=now - timedelta(days=50),
        owner=admin_user,
    )
    ConsultationPageBuilder(  # closed recently: not yet
        parent=section_pages["consultations"],
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=5),
    )
    assert results_reminders_send(after_days=42) == 1
    assert results_reminders_send(after_days=42) == 0
    email = OutgoingEmail.objects.get()
    assert email.to == [admin_user.email] and "Late results" in email.subject
    assert f"/admin/pages/{late.pk}/edit/" in email.body_text
    call_command("consultation_reminders_send")
    assert OutgoingEmail.objects.count() == 1
