"""Directory editors decide on suggestions in the admin: a draft asset, a correction made or
declined; the resident who asked is told once, when it is live; nobody else gets in."""

import re
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import ModelLogEntry, PageLogEntry

from directory.builders import AssetSuggestionBuilder, WellbeingHubPageBuilder
from directory.models import AssetSuggestion, CommunityAssetPage, SuggestionKind, SuggestionStatus
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail
from website.staff.services import staff_groups_sync

from ..conftest import staff_client_for

URL = "/admin/asset_suggestions/"
RESIDENT_TEXT = '<script>alert("x")</script> O\'Brien & "Sons" \u202egnp.exe'


def member_make(django_user_model, username: str, group: str):
    staff_groups_sync()  # after the directory exists: its page permissions are on that page
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x" * 20)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model, asset_map):
    return member_make(django_user_model, "directory-editor", "Directory editors")


@pytest.fixture
def editor_client(editor):
    return staff_client_for(editor)


@pytest.fixture
def suggestion(asset_map):
    return AssetSuggestionBuilder(
        name="Bob Example",
        email="bob@example.org",
        details="A knitting group.\n<b>Fridays</b> at 10.",
        get_involved="Just turn up.",
    )


def actions_on(suggestion) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(suggestion.pk)).values_list("action", flat=True)
    )


def emails_to(address: str) -> list[OutgoingEmail]:
    return [email for email in OutgoingEmail.objects.order_by("pk") if address in email.to]


def publish(page: CommunityAssetPage) -> CommunityAssetPage:
    """What the editor does with a draft: place it on the map, fill any gaps, then publish."""
    page = CommunityAssetPage.objects.get(pk=page.pk)
    page.postcode = "PL1 1AE"
    page.get_involved = page.get_involved or "Ask at the library."
    page.save_revision().publish()
    return page


# The list and the inspect view ------------------------------------------------------------


def test_list_shows_what_was_suggested_but_no_personal_data(editor_client, suggestion):
    response = editor_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Suggestion {suggestion.pk}" in html
    assert "Friday knit and natter" in html and "Groups and associations" in html
    assert "Waiting for a directory editor" in html and "A new asset" in html
    assert "bob@example.org" not in html and "Bob Example" not in html
    assert actions_on(suggestion) == []


@pytest.mark.parametrize(
    ("query", "listed"),
    [("status=new", True), ("status=declined", False), ("kind=correction", False),
     ("category=groups-and-associations", True), ("review_status=held", False)],
)  # fmt: skip
def test_the_list_filters(editor_client, suggestion, query, listed):
    html = editor_client.get(f"{URL}?{query}").content.decode()
    assert (f"inspect/{suggestion.pk}/" in html) is listed


def test_inspect_shows_everything_escaped_and_is_audit_logged(editor, editor_client, asset_map):
    suggestion = AssetSuggestionBuilder(
        asset_name=RESIDENT_TEXT, details=RESIDENT_TEXT, name=RESIDENT_TEXT, email="c@example.org"
    )
    response = editor_client.get(f"{URL}inspect/{suggestion.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "c@example.org" in html and "Efford Library" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "Make a draft asset" in html and "Decline" in html
    assert "Mark correction made" not in html
    entry = ModelLogEntry.objects.get(object_id=str(suggestion.pk))
    assert (entry.action, entry.user_id) == ("website.personal_data.view", editor.pk)


def test_a_correction_links_its_entry_and_offers_mark_correction_made(editor_client, directory):
    hub = WellbeingHubPageBuilder(parent=directory, title="Efford Hub")
    suggestion = AssetSuggestionBuilder(kind=SuggestionKind.CORRECTION, entry=hub)
    html = editor_client.get(f"{URL}inspect/{suggestion.pk}/").content.decode()
    assert f'href="/admin/pages/{hub.pk}/edit/">Efford Hub</a>' in html
    assert "Mark correction made" in html and "Make a draft asset" not in html


def test_staff_cannot_add_or_edit_residents_suggestions(admin_client, suggestion):
    assert admin_client.get(f"{URL}new/").status_code == 404
    assert admin_client.get(f"{URL}edit/{suggestion.pk}/").status_code == 404


def test_deleting_a_suggestion_is_audit_logged(editor, editor_client, suggestion):
    assert editor_client.post(f"{URL}delete/{suggestion.pk}/").status_code == 302
    assert not AssetSuggestion.objects.exists()
    assert "wagtail.delete" in actions_on(suggestion)


# Making a draft asset, then publishing it -------------------------------------------------


def test_make_a_draft_asset(editor, editor_client, suggestion, asset_map):
    response = editor_client.post(f"{URL}draft/{suggestion.pk}/")
    page = CommunityAssetPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live and page.get_parent().pk == asset_map.pk
    assert page.title == "Friday knit and natter" and page.category == "groups-and-associations"
    assert page.description == "<p>A knitting group.<br/>&lt;b&gt;Fridays&lt;/b&gt; at 10.</p>"
    assert page.get_involved == "Just turn up."
    assert (page.address, page.postcode) == ("", "")  # the editor places it
    assert page.get_latest_revision() is not None
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.DRAFTED and suggestion.asset_id == page.pk
    assert suggestion.decided_by == editor and suggestion.decided_at is not None
    assert "website.submission.status" in actions_on(suggestion)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.create", user=editor).exists()
    assert not OutgoingEmail.objects.exists()  # nothing is live yet
    edit = editor_client.get(response["Location"])
    assert edit.status_code == 200 and "Efford Library" in edit.content.decode()  # the message


def test_a_double_click_makes_one_draft(editor_client, suggestion):
    for _click in range(2):
        assert editor_client.post(f"{URL}draft/{suggestion.pk}/").status_code == 302
    assert CommunityAssetPage.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")
@pytest.mark.django_db(transaction=True)
def test_two_editors_at_once_make_one_draft(editor, suggestion, asset_map):
    from directory.suggestions import SuggestionStateError, suggestion_draft_asset

    barrier = threading.Barrier(5)
    made = []

    def draft():
        barrier.wait()
        try:
            page = suggestion_draft_asset(suggestion=suggestion, user=editor, asset_map=asset_map)
            made.append(page.pk)
        except SuggestionStateError:  # pragma: no cover - would mean a lost race
            made.append(None)
        finally:
            connection.close()

    threads = [threading.Thread(target=draft) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert CommunityAssetPage.objects.count() == 1
    assert made == [CommunityAssetPage.objects.get().pk] * 5


def test_publishing_tells_the_resident_who_asked_exactly_once(editor_client, asset_map):
    asked = AssetSuggestionBuilder(email="asked@example.org", notify=True)
    quiet = AssetSuggestionBuilder(email="quiet@example.org", notify=False)
    for suggestion in (asked, quiet):
        editor_client.post(f"{URL}draft/{suggestion.pk}/")
    pages = {s.pk: AssetSuggestion.objects.get(pk=s.pk).asset for s in (asked, quiet)}

    page = publish(pages[asked.pk])
    (email,) = emails_to("asked@example.org")
    assert page.title in email.subject
    assert page.get_full_url() in email.body_text
    assert page.get_full_url() in email.body_html
    asked.refresh_from_db()
    assert asked.status == SuggestionStatus.LIVE and asked.notified_at is not None

    publish(page)  # published again, after an edit
    assert len(emails_to("asked@example.org")) == 1

    publish(pages[quiet.pk])
    quiet.refresh_from_db()
    assert quiet.status == SuggestionStatus.LIVE and quiet.notified_at is None
    assert emails_to("quiet@example.org") == []


def test_publishing_an_asset_nobody_suggested_sends_nothing(asset_map):
    from directory.builders import CommunityAssetPageBuilder

    publish(CommunityAssetPageBuilder(parent=asset_map))
    assert not OutgoingEmail.objects.exists()


def test_the_draft_is_made_in_the_default_language_map(editor_client, suggestion, asset_map):
    editor_client.post(f"{URL}draft/{suggestion.pk}/")
    assert CommunityAssetPage.objects.get().locale_id == asset_map.locale_id


# Corrections and declining ----------------------------------------------------------------


@pytest.mark.parametrize("notify", [True, False])
def test_mark_correction_made(editor, editor_client, directory, notify):
    hub = WellbeingHubPageBuilder(parent=directory, title="Efford Hub")
    suggestion = AssetSuggestionBuilder(
        kind=SuggestionKind.CORRECTION, entry=hub, email="r@example.org", notify=notify
    )
    response = editor_client.post(f"{URL}correction-made/{suggestion.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}inspect/{suggestion.pk}/"
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.CORRECTED and suggestion.decided_by == editor
    emails = emails_to("r@example.org")
    assert len(emails) == (1 if notify else 0)
    if notify:
        assert "Efford Hub" in emails[0].subject and hub.get_full_url() in emails[0].body_text
    editor_client.post(f"{URL}correction-made/{suggestion.pk}/")  # a double click
    assert len(emails_to("r@example.org")) == (1 if notify else 0)


def test_a_new_asset_cannot_be_marked_as_a_correction(editor_client, suggestion):
    editor_client.post(f"{URL}correction-made/{suggestion.pk}/")
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.NEW


def test_decline(editor, editor_client, suggestion):
    response = editor_client.post(f"{URL}decline/{suggestion.pk}/")
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.DECLINED and suggestion.decided_by == editor
    assert "website.submission.status" in actions_on(suggestion)
    assert not OutgoingEmail.objects.exists()
    html = editor_client.get(f"{URL}inspect/{suggestion.pk}/").content.decode()
    assert "Make a draft asset" not in html  # decided: no more buttons
    editor_client.post(f"{URL}draft/{suggestion.pk}/")
    assert not CommunityAssetPage.objects.exists()


def test_decisions_need_a_post(editor_client, suggestion):
    for action in ("draft", "correction-made", "decline"):
        assert editor_client.get(f"{URL}{action}/{suggestion.pk}/").status_code == 405


# Held suggestions -------------------------------------------------------------------------


def test_a_held_suggestion_is_released_before_anything_is_decided(editor_client, asset_map):
    held = AssetSuggestionBuilder(review_status=ReviewStatus.HELD, held_reasons=["speed"])
    html = editor_client.get(f"{URL}inspect/{held.pk}/").content.decode()
    assert "Release" in html and "Make a draft asset" not in html
    editor_client.post(f"{URL}draft/{held.pk}/")
    assert not CommunityAssetPage.objects.exists()
    for _click in range(2):
        editor_client.post(f"{URL}review/{held.pk}/", {"release": "1"})
    held.refresh_from_db()
    assert held.review_status == ReviewStatus.RELEASED
    assert len(emails_to("directory@example.org")) == 1  # the team, once
    assert "Make a draft asset" in editor_client.get(f"{URL}inspect/{held.pk}/").content.decode()


def test_marking_spam_sends_nothing(editor_client, asset_map):
    held = AssetSuggestionBuilder(review_status=ReviewStatus.HELD, held_reasons=["honeypot"])
    editor_client.post(f"{URL}review/{held.pk}/", {"release": "0"})
    held.refresh_from_db()
    assert held.review_status == ReviewStatus.SPAM
    assert not OutgoingEmail.objects.exists()


# Who can get in ---------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["Volunteer coordinators", "Comms editors", "Moderators"])
def test_other_groups_cannot_see_or_decide(django_user_model, suggestion, group):
    client = staff_client_for(member_make(django_user_model, "someone", group))
    for url in (URL, f"{URL}inspect/{suggestion.pk}/"):
        response = client.get(url)
        assert response.status_code != 200, url
        assert b"bob@example.org" not in response.content
    for action in ("draft", "correction-made", "decline", "delete"):
        client.post(f"{URL}{action}/{suggestion.pk}/")
    client.post(f"{URL}review/{suggestion.pk}/", {"release": "0"})
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.NEW
    assert suggestion.review_status == ReviewStatus.ACCEPTED
    assert not CommunityAssetPage.objects.exists()
    assert actions_on(suggestion) == []


def test_the_menu_item_is_only_for_directory_editors(django_user_model, editor_client, asset_map):
    assert "Asset suggestions" in editor_client.get("/admin/").content.decode()
    coordinator = member_make(django_user_model, "coordinator", "Volunteer coordinators")
    html = staff_client_for(coordinator).get("/admin/").content.decode()
    assert not re.search(r"Asset suggestions", html)


def test_the_resident_is_told_in_the_language_they_wrote_in(editor_client, asset_map):
    polish = AssetSuggestionBuilder(email="polish@example.org", notify=True, language="pl")
    editor_client.post(f"{URL}draft/{polish.pk}/")
    publish(AssetSuggestion.objects.get(pk=polish.pk).asset)
    (email,) = emails_to("polish@example.org")
    assert email.subject.startswith("Już na mapie zasobów społeczności")
