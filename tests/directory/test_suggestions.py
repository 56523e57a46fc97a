"""Residents suggest an asset or a correction: stored once, the team told, spam held, bad input
stored as typed or refused clearly; names and emails go 90 days after the decision."""

import re
import threading
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from directory.builders import (
    AssetSuggestionBuilder,
    CommunityAssetPageBuilder,
    FoodPlacePageBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import AssetSuggestion, SuggestionKind, SuggestionStatus
from directory.retention import suggestions_prune
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail

from ..forms import form_token

SCOPE = "asset-suggestion"
TEAM = "directory-team@example.org"


@pytest.fixture(autouse=True)
def _team(settings):
    settings.DIRECTORY_TEAM_EMAILS = [TEAM]


@pytest.fixture
def url(asset_map):
    return asset_map.url + "suggest/"


def suggestion_data(**fields) -> dict:
    """A valid new-asset suggestion as a browser posts it (a form rendered 10 seconds ago)."""
    data = {
        "kind": "new",
        "asset_name": "Friday knit and natter",
        "category": "groups-and-associations",
        "details": "A knitting group in the library.\nEveryone welcome.",
        "location": "Efford Library",
        "get_involved": "Just turn up.",
        "name": "Alice Example",
        "email": "alice+tag@example.org",
        "notify": "on",
        "form_token": form_token(SCOPE),
        "your_website": "",
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def team_emails() -> list[OutgoingEmail]:
    return [email for email in OutgoingEmail.objects.order_by("pk") if email.to == [TEAM]]


# The journey ------------------------------------------------------------------------------


def test_form_page_renders_with_token_privacy_retention_and_no_shared_cache(client, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="form_token"' in html and 'name="your_website"' in html
    assert "private" in response["Cache-Control"]
    assert "90 days after we decide" in html
    assert "What would you like to tell us about?" in html
    assert "never a home address" in html
    notify = html.split('name="notify"', 1)[1].split(">", 1)[0]
    assert "checked" not in notify  # never pre-ticked
    assert "Find support near you" in html  # breadcrumbs: the asset map's ancestors


def test_form_links_the_privacy_notice(client, url, site):
    from website.core.models import SiteSettings
    from website.standard_pages.builders import StandardPageBuilder

    privacy = StandardPageBuilder(parent=site.root_page, slug="privacy", title="Privacy notice")
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_page = privacy
    site_settings.save()
    assert 'href="/privacy/">privacy notice</a>' in client.get(url).content.decode()


def test_new_asset_is_stored_once_and_the_team_emailed(client, url, asset_map):
    response = client.post(url, suggestion_data())
    assert response.status_code == 302
    assert response["Location"] == asset_map.url + "suggest/sent/"
    suggestion = AssetSuggestion.objects.get()
    assert suggestion.kind == SuggestionKind.NEW and suggestion.status == SuggestionStatus.NEW
    assert suggestion.review_status == ReviewStatus.ACCEPTED
    assert suggestion.details == "A knitting group in the library.\nEveryone welcome."
    assert (suggestion.email, suggestion.notify) == ("alice+tag@example.org", True)
    (email,) = OutgoingEmail.objects.all()
    assert email.to == [TEAM] and email.reply_to == ["alice+tag@example.org"]
    assert "Friday knit and natter" in email.subject
    assert "Efford Library" in email.body_text
    assert f"/admin/asset_suggestions/inspect/{suggestion.pk}/" in email.body_text
    sent = client.get(response["Location"])
    html = sent.content.decode()
    assert sent.status_code == 200 and "no-store" in sent["Cache-Control"]
    assert "What happens next" in html
    assert "We will email alice+tag@example.org once, when it is published." in html


def test_confirmation_for_another_browser_shows_no_details(client, url):
    client.post(url, suggestion_data())
    html = Client().get(url + "sent/").content.decode()
    assert "What happens next" in html and "alice+tag@example.org" not in html


def test_name_and_email_are_optional(client, url):
    response = client.post(url, suggestion_data(name="", email="", notify=None))
    assert response.status_code == 302
    suggestion = AssetSuggestion.objects.get()
    assert (suggestion.name, suggestion.email, suggestion.notify) == ("", "", False)
    assert len(team_emails()) == 1 and team_emails()[0].reply_to == []


def test_sent_page_refuses_a_post(client, url):
    assert client.post(url + "sent/").status_code == 405


# Corrections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "builder", [WellbeingHubPageBuilder, FoodPlacePageBuilder, CommunityAssetPageBuilder]
)
def test_correction_from_an_entry_link(client, url, directory, asset_map, builder):
    parent = asset_map if builder is CommunityAssetPageBuilder else directory
    entry = builder(parent=parent, title="Efford Wellbeing Place")
    html = client.get(f"{url}?entry={entry.pk}").content.decode()
    assert "Suggest a correction" in html
    assert "You are suggesting a correction to" in html and "Efford Wellbeing Place" in html
    assert re.search(rf'name="entry" value="{entry.pk}"', html)
    assert 'value="correction" checked' in html
    data = suggestion_data(
        kind="correction", entry=str(entry.pk), asset_name="", category="", location=""
    )
    assert client.post(url, data).status_code == 302
    suggestion = AssetSuggestion.objects.get()
    assert suggestion.kind == SuggestionKind.CORRECTION
    assert suggestion.entry_id == entry.pk
    assert "Efford Wellbeing Place" in team_emails()[0].subject


@pytest.mark.parametrize(
    "value", ["abc", "-1", "0", "99999999999999999999", "1\x00", "١٢", "' OR '1'='1", "draft"]
)
def test_an_entry_that_is_not_a_live_entry_is_ignored(client, url, home, asset_map, value):
    draft = CommunityAssetPageBuilder(parent=asset_map, live=False)
    value = {"draft": str(draft.pk)}.get(value, value)
    for entry in (value, str(home.pk), str(asset_map.pk)):
        response = client.get(url, {"entry": entry})
        html = response.content.decode()
        assert response.status_code == 200
        assert "You are suggesting a correction to" not in html
        assert re.search(r'<input type="hidden" name="entry"[^>]*id="id_entry">', html)
    data = suggestion_data(kind="correction", entry=value)
    assert client.post(url, data).status_code == 302
    assert AssetSuggestion.objects.get().entry_id is None


def test_a_new_asset_keeps_no_entry(client, url, directory):
    hub = WellbeingHubPageBuilder(parent=directory)
    assert client.post(url, suggestion_data(entry=str(hub.pk))).status_code == 302
    assert AssetSuggestion.objects.get().entry_id is None


def test_a_correction_needs_only_the_details(client, url):
    data = suggestion_data(
        kind="correction", asset_name="", category="", location="", name="", email="", notify=None
    )
    assert client.post(url, data).status_code == 302


# Errors -----------------------------------------------------------------------------------

ERRORS = [
    ({"kind": None}, "Select whether you are suggesting a new asset or a correction"),
    ({"kind": "other"}, "Select whether you are suggesting a new asset or a correction"),
    ({"asset_name": ""}, "Enter the name of the asset"),
    ({"asset_name": "n" * 151}, "The name must be 150 characters or fewer"),
    ({"category": ""}, "Select what kind of asset it is"),
    ({"category": "secret"}, "Select one of the kinds of asset shown"),
    ({"details": ""}, "Enter the details of your suggestion"),
    ({"details": "  \n\t "}, "Enter the details of your suggestion"),
    ({"details": "x" * 3001}, "The details must be 3,000 characters or fewer"),
    ({"details": "x" * 1_000_000}, "The details must be 3,000 characters or fewer"),
    ({"details": "null \x00 byte"}, "Null characters are not allowed"),
    ({"location": ""}, "Enter where it is"),
    ({"location": "l" * 301}, "Where it is must be 300 characters or fewer"),
    ({"get_involved": "g" * 1001}, "How to get involved must be 1,000 characters or fewer"),
    ({"name": "n" * 101}, "Your name must be 100 characters or fewer"),
    ({"email": "alice@@example.org"}, "Enter an email address in the correct format"),
    ({"email": "ali\u200bce@example.org"}, "Enter an email address in the correct format"),
    ({"email": "a@example.org\r\nBcc: x@example.org"}, "Enter an email address in the correct"),
    ({"email": "", "notify": "on"}, "Enter your email address, so we can email you when it is"),
]


@pytest.mark.parametrize(("fields", "error"), ERRORS, ids=[str(i) for i in range(len(ERRORS))])
def test_invalid_input_gets_a_clear_error_and_keeps_the_rest(client, url, fields, error):
    kept = "Please keep this text"
    response = client.post(url, suggestion_data(**({"get_involved": kept} | fields)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and error in html
    assert html.count(error) >= 2  # in the summary and by the field
    if "get_involved" not in fields:
        assert kept in html
    assert "<title>Error:" in html
    assert not AssetSuggestion.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_an_error_keeps_the_same_form_token(client, url):
    data = suggestion_data(details="")
    html = client.post(url, data).content.decode()
    assert f'name="form_token" value="{data["form_token"]}"' in html


def test_accepted_email_formats(client, url):
    assert client.post(url, suggestion_data(email="alice+tag@example.org")).status_code == 302


STORED_EXACTLY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    "' OR '1'='1",
    "100% of_people",
    "abc\u202edef",
    "e\u0301 vs \u00e9",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f44d\U0001f3fd",
]


@pytest.mark.parametrize("text", STORED_EXACTLY)
def test_odd_text_is_stored_exactly_and_escaped_in_the_admin_and_the_email(
    client, url, admin_client, text
):
    fields = {"asset_name": text, "details": text, "location": text, "name": text}
    assert client.post(url, suggestion_data(**fields)).status_code == 302
    suggestion = AssetSuggestion.objects.get()
    assert [getattr(suggestion, name) for name in fields] == [text] * 4
    response = admin_client.get(f"/admin/asset_suggestions/inspect/{suggestion.pk}/")
    assert response.status_code == 200
    email = OutgoingEmail.objects.get()
    for html in (response.content.decode(), email.body_html):
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
    assert text in email.body_text  # plain text is not HTML: shown as typed


# Spam, replays, protocol ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        (lambda: {"your_website": "http://spam.example"}, "honeypot"),
        (lambda: {"form_token": form_token(SCOPE, age=0.5)}, "speed"),
        (lambda: {"form_token": "forged:token"}, "timestamp"),
        (lambda: {"form_token": form_token("contact")}, "timestamp"),
    ],
    ids=["honeypot", "speed", "forged", "other-form"],
)
def test_spam_signals_store_the_suggestion_but_hold_it_unsent(client, url, overrides, reason):
    response = client.post(url, suggestion_data(**overrides()))
    assert response.status_code == 302  # the resident sees the same confirmation
    suggestion = AssetSuggestion.objects.get()
    assert suggestion.review_status == ReviewStatus.HELD and reason in suggestion.held_reasons
    assert not OutgoingEmail.objects.exists()


def test_double_submit_and_replay_store_one_row_and_one_email(client, url):
    data = suggestion_data()
    for _attempt in range(3):
        assert client.post(url, data).status_code == 302
    assert AssetSuggestion.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")
@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_posts_of_one_form_store_one_row(url, settings):
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = 100  # ten posts from one address: not what is tested
    data = suggestion_data()
    barrier = threading.Barrier(10)
    statuses = []

    def submit():
        barrier.wait()
        try:
            statuses.append(Client().post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 10  # everyone sees the confirmation, nobody an error
    assert AssetSuggestion.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


def test_missing_csrf_token_is_refused_and_nothing_is_stored(url):
    response = Client(enforce_csrf_checks=True).post(url, suggestion_data())
    assert response.status_code == 403
    assert not AssetSuggestion.objects.exists()


def test_csrf_token_from_the_page_is_accepted(url):
    client = Client(enforce_csrf_checks=True)
    client.get(url)
    data = suggestion_data(csrfmiddlewaretoken=client.cookies["csrftoken"].value)
    assert client.post(url, data).status_code == 302
    assert AssetSuggestion.objects.count() == 1


def test_rate_limit_holds_then_refuses_with_a_friendly_429(client, url, settings):
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = 1
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 2
    statuses = [client.post(url, suggestion_data()).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert [s.held_reasons for s in AssetSuggestion.objects.order_by("pk")] == [[], ["rate"]]
    refused = client.post(url, suggestion_data())
    assert refused.status_code == 429 and refused["Retry-After"]
    assert AssetSuggestion.objects.count() == 2


def test_failure_part_way_leaves_no_row_and_no_email(client, url, monkeypatch):
    from directory import suggestions

    def broken(*args, **kwargs):
        raise RuntimeError("mail template broke")

    monkeypatch.setattr(suggestions, "email_queue", broken)
    client.raise_request_exception = False
    assert client.post(url, suggestion_data()).status_code == 500
    assert not AssetSuggestion.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_other_methods_are_refused(client, url):
    assert client.put(url).status_code == 405


# Retention --------------------------------------------------------------------------------

DECIDED = datetime(2025, 3, 10, 11, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def suggestion_make(*, created_at=DECIDED, **fields) -> AssetSuggestion:
    suggestion = AssetSuggestionBuilder(name="Zebedee Quill", **fields)
    AssetSuggestion.objects.filter(pk=suggestion.pk).update(created_at=created_at)
    return suggestion


def personal(suggestion) -> tuple[str, str]:
    suggestion.refresh_from_db()
    return suggestion.name, suggestion.email


@pytest.mark.django_db
def test_name_and_email_go_90_days_after_the_decision():
    decided = suggestion_make(status=SuggestionStatus.DECLINED, decided_at=DECIDED)
    assert suggestions_prune(now=DECIDED + timedelta(days=90) - SECOND) == 0
    assert personal(decided)[0] == "Zebedee Quill"
    assert suggestions_prune(now=DECIDED + timedelta(days=90)) == 1
    assert personal(decided) == ("", "")
    decided.refresh_from_db()
    assert decided.details and decided.status == SuggestionStatus.DECLINED  # the row stays
    assert suggestions_prune(now=DECIDED + timedelta(days=91)) == 0  # nothing left to do


@pytest.mark.django_db
@pytest.mark.parametrize("review_status", [ReviewStatus.HELD, ReviewStatus.SPAM])
def test_held_and_spam_go_90_days_after_they_arrived(review_status):
    held = suggestion_make(review_status=review_status)
    suggestions_prune(now=DECIDED + timedelta(days=90) - SECOND)
    assert personal(held)[0] == "Zebedee Quill"
    suggestions_prune(now=DECIDED + timedelta(days=90))
    assert personal(held) == ("", "")


@pytest.mark.django_db
def test_undecided_suggestions_keep_their_details():
    waiting = suggestion_make()
    suggestions_prune(now=DECIDED + timedelta(days=400))
    assert personal(waiting)[0] == "Zebedee Quill"


@pytest.mark.django_db
def test_the_daily_command_prunes():
    decided = suggestion_make(status=SuggestionStatus.LIVE, decided_at=DECIDED)
    out = StringIO()
    call_command("directory_data_prune", stdout=out)
    assert personal(decided) == ("", "")
    assert "1 asset suggestion" in out.getvalue()


@pytest.mark.django_db
def test_a_draft_keeps_the_details_until_published_or_a_year():
    drafted = suggestion_make(status=SuggestionStatus.DRAFTED, decided_at=DECIDED)
    suggestions_prune(now=DECIDED + timedelta(days=364))
    assert personal(drafted)[0] == "Zebedee Quill"  # the resident can still be told
    suggestions_prune(now=DECIDED + timedelta(days=365))
    assert personal(drafted) == ("", "")
