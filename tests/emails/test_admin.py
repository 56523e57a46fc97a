"""Staff see the email queue read-only, failures first, and can retry a failed email."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse

from website.emails.models import OutgoingEmail
from website.emails.services import email_queue

from ..conftest import staff_client_for

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status
INDEX_URL = "/admin/emails/"


def _email(subject: str, status: str, **fields) -> OutgoingEmail:
    email = email_queue(to=["resident@example.org"], template="text_only", context={})
    OutgoingEmail.objects.filter(pk=email.pk).update(subject=subject, status=status, **fields)
    return OutgoingEmail.objects.get(pk=email.pk)


@pytest.fixture
def emails():
    return {
        "sent": _email("Sent one", Status.SENT, attempts=1),
        "failed": _email(
            "Failed one", Status.FAILED, attempts=6, last_error="ConnectionRefusedError: x"
        ),
        "retrying": _email("Retrying one", Status.RETRYING, attempts=2),
    }


@pytest.fixture
def viewer(django_user_model):
    """A staff member with admin access and the view permission only."""
    user = django_user_model.objects.create_user("moderator", "m@example.org", "x" * 20)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingemail"),
    )
    return user


@pytest.fixture
def outsider(django_user_model):
    """A staff member who may use the admin but not see the queue."""
    user = django_user_model.objects.create_user("outsider", "o@example.org", "x" * 20)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_superuser_sees_failed_emails_first(admin_user, emails):
    html = staff_client_for(admin_user).get(INDEX_URL).content.decode()
    assert html.index("Failed one") < html.index("Retrying one")
    assert html.index("Failed one") < html.index("Sent one")


def test_status_filter(admin_user, emails):
    html = staff_client_for(admin_user).get(INDEX_URL, {"status": "failed"}).content.decode()
    assert "Failed one" in html and "Sent one" not in html and "Retrying one" not in html


def test_search_by_recipient(admin_user, emails):
    _email("For someone else", Status.SENT)
    OutgoingEmail.objects.filter(subject="For someone else").update(to=["other@example.org"])
    html = staff_client_for(admin_user).get(INDEX_URL, {"q": "other@example"}).content.decode()
    assert "For someone else" in html and "Failed one" not in html


def test_inspect_shows_delivery_details_not_the_body(admin_user, emails):
    email = emails["failed"]
    OutgoingEmail.objects.filter(pk=email.pk).update(body_text="Private reply text")
    response = staff_client_for(admin_user).get(f"{INDEX_URL}inspect/{email.pk}/")
    html = response.content.decode()
    for shown in ("resident@example.org", "Failed one", "ConnectionRefusedError: x", "Retry now"):
        assert shown in html
    assert "Private reply text" not in html


def test_looking_at_recipients_is_audit_logged(admin_user, emails):
    from wagtail.models import ModelLogEntry

    email = emails["failed"]
    staff_client_for(admin_user).get(f"{INDEX_URL}inspect/{email.pk}/")
    entry = ModelLogEntry.objects.get(object_id=str(email.pk))
    assert (entry.action, entry.user_id) == ("website.personal_data.view", admin_user.pk)


def test_read_only(admin_user, emails):
    client = staff_client_for(admin_user)
    html = client.get(INDEX_URL).content.decode()
    assert f"{INDEX_URL}new/" not in html and f"{INDEX_URL}edit/" not in html
    for view in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"emails:{view}", args=() if view == "add" else (1,))
    assert client.get(f"{INDEX_URL}inspect/{emails['sent'].pk}/").status_code == 200
    assert "Retry now" not in client.get(f"{INDEX_URL}inspect/{emails['sent'].pk}/").text


def test_retry_now_sends_a_failed_email(admin_user, emails, smtp, run_worker):
    smtp.start()
    email = emails["failed"]
    response = staff_client_for(admin_user).post(f"{INDEX_URL}retry/{email.pk}/")
    assert response.status_code == 302
    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 7)
    assert len(smtp.handler.envelopes) == 1  # the sent and retrying ones were not touched


def test_retry_is_post_only_and_for_failed_emails(admin_user, emails):
    client = staff_client_for(admin_user)
    assert client.get(f"{INDEX_URL}retry/{emails['failed'].pk}/").status_code == 405
    client.post(f"{INDEX_URL}retry/{emails['sent'].pk}/")
    assert OutgoingEmail.objects.get(pk=emails["sent"].pk).status == Status.SENT


def test_viewer_permission(viewer, emails):
    client = staff_client_for(viewer)
    assert "Failed one" in client.get(INDEX_URL).text
    assert client.get(f"{INDEX_URL}inspect/{emails['failed'].pk}/").status_code == 200


def test_others_cannot_see_or_retry(outsider, emails):
    client = staff_client_for(outsider)
    assert client.get(INDEX_URL).status_code in (302, 403)
    assert client.get(f"{INDEX_URL}inspect/{emails['failed'].pk}/").status_code in (302, 403)
    assert client.post(f"{INDEX_URL}retry/{emails['failed'].pk}/").status_code in (302, 403)
    assert OutgoingEmail.objects.get(pk=emails["failed"].pk).status == Status.FAILED


def test_dashboard_counts_failed_emails_for_viewers_only(viewer, outsider, emails):
    _email("Another failure", Status.FAILED)
    html = staff_client_for(viewer).get("/admin/").text
    assert "2 emails failed after every retry" in html
    assert f"{INDEX_URL}?status=failed" in html
    assert "failed after every retry" not in staff_client_for(outsider).get("/admin/").text


def test_dashboard_is_quiet_without_failures(admin_user):
    _email("Fine", Status.SENT)
    assert "failed after every retry" not in staff_client_for(admin_user).get("/admin/").text


def test_only_the_view_permission_can_be_granted(admin_user):
    html = staff_client_for(admin_user).get("/admin/groups/new/").text
    for permission in Permission.objects.filter(content_type__app_label="emails"):
        offered = f'name="permissions" value="{permission.pk}"' in html
        assert offered is (permission.codename == "view_outgoingemail"), permission.codename
