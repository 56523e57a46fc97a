"""Moderators review held messages in the admin; every look at personal data is audit-logged."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from website.contact.models import ContactMessage
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail
from website.staff.services import staff_groups_sync

from ..conftest import staff_client_for

RESIDENT_TEXT = '<script>alert("x")</script> O\'Brien & "Sons" \u202egnp.exe'


@pytest.fixture
def moderator(db, django_user_model):
    staff_groups_sync()
    user = django_user_model.objects.create_user("mod", password="x" * 20)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def held(db):
    return ContactMessage.objects.create(
        topic="other",
        message=RESIDENT_TEXT,
        name="Bob Example",
        email="bob@example.org",
        review_status=ReviewStatus.HELD,
        held_reasons=["speed", "rate"],
    )


def _actions(message) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(message.pk)).values_list("action", flat=True)
    )


def test_list_shows_status_and_reasons_but_no_personal_data(moderator, held):
    html = staff_client_for(moderator).get("/admin/contact_messages/").content.decode()
    assert "Held for review" in html
    assert "Sent within seconds of opening the form" in html
    assert "bob@example.org" not in html and "Bob Example" not in html
    assert _actions(held) == []


def test_viewing_a_message_is_audit_logged_and_resident_text_is_escaped(moderator, held):
    response = staff_client_for(moderator).get(f"/admin/contact_messages/inspect/{held.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "bob@example.org" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    entry = ModelLogEntry.objects.get(object_id=str(held.pk))
    assert (entry.action, entry.user_id) == ("website.personal_data.view", moderator.pk)


def test_releasing_a_held_message_sends_it_to_the_council(moderator, held):
    client = staff_client_for(moderator)
    response = client.post(f"/admin/contact_messages/review/{held.pk}/", {"release": "1"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.review_status == ReviewStatus.RELEASED and held.reviewed_by == moderator
    assert held.emailed_at is not None
    assert OutgoingEmail.objects.count() == 1
    assert "website.review.release" in _actions(held)


def test_marking_spam_sends_nothing(moderator, held):
    staff_client_for(moderator).post(f"/admin/contact_messages/review/{held.pk}/", {"release": "0"})
    held.refresh_from_db()
    assert held.review_status == ReviewStatus.SPAM
    assert not OutgoingEmail.objects.exists()
    assert "website.review.spam" in _actions(held)


def test_review_needs_a_post(moderator, held):
    response = staff_client_for(moderator).get(f"/admin/contact_messages/review/{held.pk}/")
    assert response.status_code == 405


def test_deleting_a_message_is_audit_logged(moderator, held):
    client = staff_client_for(moderator)
    response = client.post(f"/admin/contact_messages/delete/{held.pk}/")
    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(held.pk), action="wagtail.delete", user=moderator
    ).exists()


def test_staff_cannot_add_or_edit_residents_messages(admin_client, held):
    assert admin_client.get("/admin/contact_messages/new/").status_code == 404
    assert admin_client.get(f"/admin/contact_messages/edit/{held.pk}/").status_code == 404


def test_the_site_history_links_a_viewed_message_to_its_audited_page(moderator, held, admin_client):
    staff_client_for(moderator).get(f"/admin/contact_messages/inspect/{held.pk}/")
    response = admin_client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert f'href="/admin/contact_messages/inspect/{held.pk}/"' in response.content.decode()
