"""Public comments: moderation before or after, replies one deep, reports, and official replies."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consultations.builders import ConsultationPageBuilder
from consultations.models import CommentStatus, ConsultationComment
from website.emails.models import OutgoingEmail
from website.staff.services import staff_groups_sync

from ..conftest import staff_client_for
from ..forms import form_token

SCOPE = "consultation-comment"


@pytest.fixture
def consultation(section_pages):
    return ConsultationPageBuilder(
        parent=section_pages["consultations"], title="City Centre Living", comments_enabled=True
    )


def _post(client, page, **data):
    fields = {"display_name": "Sam", "body": "Great idea", "form_token": form_token(SCOPE)}
    fields.update(data)
    return client.post(page.url + "comments/", fields)


def _comment(page, body="A comment", **fields):
    return ConsultationComment.objects.create(
        consultation=page, display_name="Ann", body=body, status=CommentStatus.PUBLISHED, **fields
    )


def test_comments_appear_at_once_by_name_only(client, consultation):
    response = _post(
        client, consultation, email="sam@example.org", body="<script>alert(1)</script>"
    )
    assert response.status_code == 302 and response["Location"].endswith("#comments")
    html = client.get(consultation.url).content.decode()
    assert "Your comment is published." in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "sam@example.org" not in html and "1 comment" in html


def test_premoderated_comments_wait(client, consultation):
    consultation.comments_premoderated = True
    consultation.save_revision().publish()
    _post(client, consultation, body="Please check me")
    assert ConsultationComment.objects.get().status == CommentStatus.PENDING
    html = client.get(consultation.url).content.decode()
    assert "Please check me" not in html and "once a moderator has checked it" in html


def test_spam_signals_hold_a_comment_for_a_moderator(client, consultation):
    _post(client, consultation, your_website="http://spam.example")
    comment = ConsultationComment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.held_reasons == ["honeypot"]


def test_replies_go_one_level_deep(client, consultation):
    top = _comment(consultation)
    reply = _comment(consultation, parent=top)
    _post(client, consultation, parent=str(reply.pk), body="Reply to a reply")
    newest = ConsultationComment.objects.latest("pk")
    assert newest.parent == top


def test_errors_keep_the_text_and_show_the_summary(client, consultation):
    response = _post(client, consultation, display_name="", body="Kept text")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Enter a name to show" in html and "Kept text" in html
    assert not ConsultationComment.objects.exists()


def test_three_reports_hide_a_comment_and_tell_moderators(consultation, django_user_model):
    staff_groups_sync()
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "x" * 20)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    comment = _comment(consultation)
    url = f"{consultation.url}comments/{comment.pk}/report/"
    same = Client()
    for _attempt in range(3):  # one person reporting again counts once
        same.post(url, {"form_token": form_token("consultation-report")})
    comment.refresh_from_db()
    assert comment.report_count == 1 and comment.status == CommentStatus.PUBLISHED
    for _person in range(2):
        Client().post(url, {"form_token": form_token("consultation-report"), "reason": "Rude"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert OutgoingEmail.objects.get().to == ["mod@example.org"]


@pytest.fixture
def moderator_client(consultation, django_user_model):
    staff_groups_sync()
    user = django_user_model.objects.create_user("mod", password="x" * 20)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user, staff_client_for(user)


def test_moderator_hides_with_a_reason_the_author_is_told(moderator_client, consultation, client):
    user, staff = moderator_client
    comment = _comment(consultation, body="Rude words", email="ann@example.org")
    inspect = staff.get(f"/admin/consultation_comments/inspect/{comment.pk}/").content.decode()
    assert "Block this email" in inspect and "Reply as the council" in inspect and "Hide" in inspect
    url = f"/admin/consultation_comments/moderate/{comment.pk}/"
    assert staff.post(url, {"publish": "0", "reason": "Personal attack"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN and comment.hidden_reason == "Personal attack"
    email = OutgoingEmail.objects.get()
    assert email.to == ["ann@example.org"] and "Personal attack" in email.body_text
    assert ModelLogEntry.objects.filter(
        object_id=str(comment.pk), action="website.personal_data.hide", user=user
    ).exists()
    assert "Rude words" not in client.get(consultation.url).content.decode()


def test_moderator_publishes_a_waiting_comment(moderator_client, consultation, client):
    _user, staff = moderator_client
    comment = _comment(consultation, body="Waiting one")
    ConsultationComment.objects.filter(pk=comment.pk).update(status=CommentStatus.PENDING)
    staff.post(f"/admin/consultation_comments/moderate/{comment.pk}/", {"publish": "1"})
    assert "Waiting one" in client.get(consultation.url).content.decode()


def test_official_reply_is_marked(moderator_client, consultation, client):
    _user, staff = moderator_client
    comment = _comment(consultation)
    staff.post(
        f"/admin/consultation_comments/reply/{comment.pk}/", {"body": "We will look at this."}
    )
    html = client.get(consultation.url).content.decode()
    assert "Official council reply" in html and "We will look at this." in html
    assert ConsultationComment.objects.get(is_official=True).parent == comment


def test_comments_are_paginated_with_a_fixed_number_of_queries(
    client, consultation, django_assert_max_num_queries
):
    client.get(consultation.url)
    top = [
        ConsultationComment(
            consultation=consultation, display_name=f"P{n}", body=f"Comment {n:03}",
            status=CommentStatus.PUBLISHED,
        )
        for n in range(500)
    ]  # fmt: skip
    ConsultationComment.objects.bulk_create(top)
    with django_assert_max_num_queries(35):
        html = client.get(consultation.url).content.decode()
    assert "500 comments" in html and html.count('class="app-comment"') == 20
    last = client.get(consultation.url + "?comments=25").content.decode()
    assert "Comment 499" in last and "comments=24" in last


def test_closed_consultations_show_comments_but_take_no_more(client, consultation):
    _comment(consultation, body="Earlier comment")
    now = timezone.now()
    consultation.opens_at, consultation.closes_at = now - timedelta(days=9), now - timedelta(days=1)
    consultation.save_revision().publish()
    html = client.get(consultation.url).content.decode()
    assert "Earlier comment" in html and "Comments are closed." in html
    assert _post(client, consultation).status_code == 404


def test_disabled_comments(client, section_pages):
    page = ConsultationPageBuilder(parent=section_pages["consultations"], comments_enabled=False)
    assert 'id="comments"' not in client.get(page.url).content.decode()
    assert _post(client, page).status_code == 404


def test_blocked_senders_wait_for_a_moderator(moderator_client, consultation):
    user, staff = moderator_client
    client = Client(REMOTE_ADDR="203.0.113.7")
    _post(client, consultation, email="troll@example.org", body="First")
    comment = ConsultationComment.objects.get()
    assert comment.sender_hash and "203.0.113.7" not in comment.sender_hash
    for kind in ("email", "address"):
        response = staff.post(
            f"/admin/consultation_comments/block/{comment.pk}/", {"kind": kind, "reason": "Abuse"}
        )
        assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="website.review.block", user=user).count() == 2
    _post(
        Client(REMOTE_ADDR="198.51.100.1"), consultation, email="TROLL@example.org", body="By email"
    )
    _post(Client(REMOTE_ADDR="203.0.113.7"), consultation, body="By address")
    waiting = ConsultationComment.objects.filter(status=CommentStatus.PENDING)
    assert sorted(c.body for c in waiting) == ["By address", "By email"]
    assert all(c.held_reasons == ["blocked"] for c in waiting)
    _post(Client(REMOTE_ADDR="198.51.100.2"), consultation, body="Someone else")
    assert ConsultationComment.objects.get(body="Someone else").status == CommentStatus.PUBLISHED
