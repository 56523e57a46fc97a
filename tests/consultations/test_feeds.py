"""Atom/RSS feeds of new consultations and results, and the iCalendar of closing dates and events."""

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from defusedxml.ElementTree import fromstring
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from consultations.builders import ConsultationPageBuilder
from consultations.feeds import calendar_build
from consultations.models import ConsultationPage

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LONDON = ZoneInfo("Europe/London")
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def index(section_pages):
    return section_pages["consultations"]


def _events(*values: dict) -> str:
    """A raw `events` StreamField value; each event starts from a complete default."""
    default = {
        "title": "Drop-in",
        "kind": "drop-in",
        "starts_at": "2026-03-30T10:00:00",
        "ends_at": "2026-03-30T12:00:00",
        "venue": "Central Library",
        "address": "",
        "accessibility": "",
        "booking_url": "",
    }
    return json.dumps([{"type": "event", "value": default | value} for value in values])


def _publish(page: ConsultationPage, *, first_published_at: datetime | None = None):
    """Publish as an editor would; optionally back-date the first publication."""
    page.save_revision().publish()
    if first_published_at:
        ConsultationPage.objects.filter(pk=page.pk).update(first_published_at=first_published_at)
    page.refresh_from_db()
    return page


def _consultation(index, *, days_ago: float = 0, **fields) -> ConsultationPage:
    """A published consultation, first published `days_ago`."""
    page = ConsultationPageBuilder(parent=index, **fields)
    return _publish(page, first_published_at=timezone.now() - timedelta(days=days_ago))


def _with_results(index, *, results_days_ago: float, **fields) -> ConsultationPage:
    """A consultation that closed 30 days ago, results published `results_days_ago` (<0: future)."""
    now = timezone.now()
    return _consultation(
        index,
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
        results_published_at=now - timedelta(days=results_days_ago),
        **fields,
    )


def _feed_url(index, name: str, kind: str) -> str:
    return index.url + index.reverse_subpage("feed", kwargs={"name": name, "kind": kind})


def _calendar_url(index) -> str:
    return index.url + index.reverse_subpage("calendar")


def _entries(content: bytes, kind: str) -> list[dict]:
    """Each entry's title, link, id and summary, in document order, as a reader parses them."""
    root = fromstring(content)
    if kind == "atom":
        return [
            {
                "title": entry.findtext(f"{ATOM}title"),
                "link": entry.find(f"{ATOM}link").get("href"),
                "id": entry.findtext(f"{ATOM}id"),
                "summary": entry.findtext(f"{ATOM}summary"),
            }
            for entry in root.iter(f"{ATOM}entry")
        ]
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "id": item.findtext("guid"),
            "summary": item.findtext("description"),
        }
        for item in root.iter("item")
    ]


def _feed_meta(content: bytes, kind: str) -> dict:
    """The feed's title, language and own address ("self")."""
    root = fromstring(content)
    if kind == "atom":
        return {
            "title": root.findtext(f"{ATOM}title"),
            "language": root.get(XML_LANG),
            "self": root.find(f"{ATOM}link[@rel='self']").get("href"),
        }
    channel = root.find("channel")
    return {
        "title": channel.findtext("title"),
        "language": channel.findtext("language"),
        "self": channel.find(f"{ATOM}link[@rel='self']").get("href"),
    }


CONTENT_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_new_feed_lists_live_public_consultations_newest_first(client, index, locales, kind):
    middle = _consultation(index, title="Bus lanes", days_ago=2, introduction="Buses first.")
    newest = _consultation(index, title="Park cafe", days_ago=1)
    oldest = _consultation(index, title="Library hours", days_ago=3)
    ConsultationPageBuilder(parent=index, title="Draft", live=False)
    private = _consultation(index, title="Private", days_ago=0)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get(_feed_url(index, "new", kind))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(CONTENT_TYPES[kind])
    assert response["Cache-Control"] == "public, max-age=300"
    entries = _entries(response.content, kind)
    assert [entry["title"] for entry in entries] == ["Park cafe", "Bus lanes", "Library hours"]
    assert [entry["link"] for entry in entries] == [
        page.get_full_url() for page in (newest, middle, oldest)
    ]
    assert entries[0]["link"].startswith("http://localhost/consultations/")
    assert entries[1]["summary"] == "Buses first."
    assert entries[1]["id"] == f"tag:localhost,2026:consultation-{middle.pk}"
    meta = _feed_meta(response.content, kind)
    assert meta == {
        "title": "New consultations \u2013 Plymouth Community Engagement Hub",
        "language": "en",
        "self": "http://localhost" + _feed_url(index, "new", kind),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_results_feed_lists_only_published_results_newest_first(
    client, index, locales, translate, kind
):
    older = _with_results(index, title="Bus lanes", results_days_ago=10)
    newer = _with_results(index, title="Park cafe", results_days_ago=2)
    _with_results(index, title="Results tomorrow", results_days_ago=-1)
    _consultation(index, title="Awaiting results", closes_at=timezone.now() - timedelta(days=1))
    _consultation(index, title="Still open")
    draft = _with_results(index, title="Withdrawn", results_days_ago=1)
    draft.unpublish()
    private = _with_results(index, title="Private", results_days_ago=1)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    polish_index = translate(index, locales["pl"])
    polish = translate(older, locales["pl"], {"Bus lanes": "Buspasy"})

    response = client.get(_feed_url(index, "results", kind))

    assert response.status_code == 200
    entries = _entries(response.content, kind)
    assert [entry["title"] for entry in entries] == ["Results: Park cafe", "Results: Bus lanes"]
    assert [entry["link"] for entry in entries] == [newer.get_full_url(), older.get_full_url()]
    assert entries[0]["id"] == f"tag:localhost,2026:consultation-{newer.pk}-results"
    if kind == "atom":  # each feed has its own id, not the index page's address
        feed_id = fromstring(response.content).findtext(f"{ATOM}id")
        assert feed_id == f"tag:localhost,2026:consultations-{index.pk}-results"

    polish_response = client.get(_feed_url(polish_index, "results", kind))

    assert polish_response.status_code == 200
    polish_entries = _entries(polish_response.content, kind)
    assert [entry["link"] for entry in polish_entries] == [polish.get_full_url()]
    assert polish_entries[0]["link"].startswith("http://localhost/pl/consultations/")
    assert "Buspasy" in polish_entries[0]["title"]
    assert _feed_meta(polish_response.content, kind)["language"] == "pl"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kind"), [("old", "atom"), ("new", "json"), ("results", "html"), ("NEW", "rss")]
)
def test_unknown_feed_name_or_format_is_not_found(client, index, name, kind):
    assert client.get(_feed_url(index, name, kind)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_escape_markup_in_titles_and_summaries(client, index, kind):
    summary = 'Fish & chips <img src=x onerror="alert(2)">'
    _with_results(index, title=HOSTILE, introduction=summary, results_days_ago=1)

    for name in ("new", "results"):
        response = client.get(_feed_url(index, name, kind))

        assert b"<script" not in response.content
        assert b"<img" not in response.content
        [entry] = _entries(response.content, kind)
        # Atom titles are text; RSS readers treat titles and both formats' summaries as HTML.
        shown = HOSTILE if kind == "atom" else escape(HOSTILE)
        assert entry["title"].endswith(shown)
        assert entry["summary"] == escape(summary)


@pytest.mark.django_db
def test_index_page_links_to_its_feeds_and_calendar(client, index):
    response = client.get(index.url)

    html = response.content.decode()
    urls = {
        "application/atom+xml": [
            _feed_url(index, "new", "atom"),
            _feed_url(index, "results", "atom"),
        ],
        "application/rss+xml": [_feed_url(index, "new", "rss"), _feed_url(index, "results", "rss")],
        "text/calendar": [_calendar_url(index)],
    }
    for content_type, hrefs in urls.items():
        for href in hrefs:
            assert f'type="{content_type}"' in html
            assert f'href="{href}"' in html
            assert client.get(href).status_code == 200, href
    updates = html[html.index('id="get-updates"') :]
    assert "Get updates" in updates
    assert f'href="{_calendar_url(index)}"' in updates


def _vevents(content: bytes) -> dict[str, dict]:
    """The calendar's entries by UID."""
    calendar = Calendar.from_ical(content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_calendar_has_closing_times_and_events_of_recent_and_coming_consultations(client, index):
    now = timezone.now()
    soon = now + timedelta(days=10)
    open_page = _consultation(
        index,
        title="Bus lanes",
        closes_at=soon,
        events=_events(
            {
                "title": "Drop-in at the library",
                "starts_at": soon.isoformat(),
                "ends_at": (soon + timedelta(hours=2)).isoformat(),
                "venue": "Central Library",
                "address": "Drake Circus\nPlymouth PL4 8AL",
                "accessibility": "Step-free access.",
                "booking_url": "https://example.org/book",
            }
        ),
    )
    recent = _consultation(
        index,
        title="Park cafe",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
    )
    old = _consultation(
        index,
        title="Long closed",
        opens_at=now - timedelta(days=200),
        closes_at=now - timedelta(days=100),
        events=_events({"starts_at": "2025-01-10T10:00:00", "ends_at": "2025-01-10T12:00:00"}),
    )
    ConsultationPage.objects.filter(pk=old.pk).update(last_published_at=now - timedelta(days=100))
    # Closed long ago but republished with a new event: the event shows, the closing does not.
    follow_up = _consultation(
        index,
        title="Results meeting",
        opens_at=now - timedelta(days=200),
        closes_at=now - timedelta(days=100),
        events=_events({"starts_at": soon.isoformat(), "ends_at": soon.isoformat()}),
    )
    ConsultationPageBuilder(parent=index, title="Draft", closes_at=soon, live=False)

    response = client.get(_calendar_url(index))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    events = _vevents(response.content)
    block_id = open_page.events[0].id
    assert set(events) == {
        f"consultation-{open_page.pk}-closes@localhost",
        f"consultation-{open_page.pk}-event-{block_id}@localhost",
        f"consultation-{recent.pk}-closes@localhost",
        f"consultation-{follow_up.pk}-event-{follow_up.events[0].id}@localhost",
    }
    closing = events[f"consultation-{open_page.pk}-closes@localhost"]
    assert str(closing["SUMMARY"]) == "Closes: Bus lanes"
    assert closing.decoded("DTSTART") == soon.replace(microsecond=0)
    assert str(closing["URL"]) == open_page.get_full_url()
    meeting = events[f"consultation-{open_page.pk}-event-{block_id}@localhost"]
    assert str(meeting["SUMMARY"]) == "Drop-in at the library"
    assert meeting.decoded("DTEND") - meeting.decoded("DTSTART") == timedelta(hours=2)
    assert str(meeting["LOCATION"]) == "Central Library, Drake Circus, Plymouth PL4 8AL"
    assert "Access: Step-free access." in str(meeting["DESCRIPTION"])
    assert "https://example.org/book" in str(meeting["DESCRIPTION"])
    assert str(meeting["URL"]) == open_page.get_full_url()
    assert all("DTSTAMP" in event for event in events.values())


@pytest.mark.django_db
def test_calendar_times_are_utc_either_side_of_the_clock_change(rf, index):
    closes_at = datetime(2026, 3, 30, 17, 0, tzinfo=LONDON)
    _consultation(
        index,
        title="Bus lanes",
        opens_at=closes_at - timedelta(days=42),
        closes_at=closes_at,
        events=_events(
            # Naive values are site time (as the demo content stores them)...
            {
                "title": "Before",
                "starts_at": "2026-03-27T10:00:00",
                "ends_at": "2026-03-27T12:00:00",
            },
            {
                "title": "After",
                "starts_at": "2026-03-30T10:00:00",
                "ends_at": "2026-03-30T12:00:00",
            },
            # ...and the admin stores the editor's offset.
            {
                "title": "Offset",
                "starts_at": "2026-03-31T10:00:00+01:00",
                "ends_at": "2026-03-31T11:00:00+01:00",
            },
        ),
    )

    content = calendar_build(
        request=rf.get(index.url), index=index, now=datetime(2026, 3, 1, tzinfo=UTC)
    ).to_ical()

    events = {str(event["SUMMARY"]): event for event in Calendar.from_ical(content).walk("VEVENT")}
    assert events["Before"].decoded("DTSTART") == datetime(2026, 3, 27, 10, 0, tzinfo=UTC)
    assert events["After"].decoded("DTSTART") == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
    assert events["After"].decoded("DTEND") == datetime(2026, 3, 30, 11, 0, tzinfo=UTC)
    assert events["Offset"].decoded("DTSTART") == datetime(2026, 3, 31, 9, 0, tzinfo=UTC)
    assert events["Closes: Bus lanes"].decoded("DTSTART") == datetime(2026, 3, 30, 16, tzinfo=UTC)
    text = content.decode()
    assert "DTSTART:20260327T100000Z" in text
    assert "DTSTART:20260330T090000Z" in text
    assert "DTSTART:20260330T160000Z" in text
    assert "TZID" not in text


@pytest.mark.django_db
def test_calendar_escapes_text_and_folds_long_lines(client, index):
    soon = timezone.now() + timedelta(days=5)
    title = "Parks, play; and paths " + "with a very long name " * 4
    _consultation(
        index,
        title=title,
        closes_at=soon + timedelta(days=1),
        events=_events(
            {
                "title": "Drop-in, café;\nall welcome",
                "starts_at": soon.isoformat(),
                "ends_at": (soon + timedelta(hours=1)).isoformat(),
                "venue": "Hall, Room 1; upstairs",
                "address": "1 Armada Way\nPlymouth",
                "accessibility": "Step-free access.\nHearing loop.",
            }
        ),
    )

    response = client.get(_calendar_url(index))

    raw = response.content.decode()
    lines = raw.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # long lines are folded, not cut
    text = raw.replace("\r\n ", "")  # unfold
    assert f"SUMMARY:Closes: Parks\\, play\\; and paths {'with a very long name ' * 4}" in text
    assert "SUMMARY:Drop-in\\, café\\;\\nall welcome" in text
    assert "LOCATION:Hall\\, Room 1\\; upstairs\\, 1 Armada Way\\, Plymouth" in text
    assert "Access: Step-free access.\\nHearing loop." in text
    events = {str(event["SUMMARY"]): event for event in Calendar.from_ical(raw).walk("VEVENT")}
    assert str(events["Drop-in, café;\nall welcome"]["LOCATION"]) == (
        "Hall, Room 1; upstairs, 1 Armada Way, Plymouth"
    )
    assert f"Closes: {title}" in events


@pytest.mark.django_db
def test_calendar_uids_stay_the_same_when_the_page_is_edited(client, index):
    soon = timezone.now() + timedelta(days=5)
    page = _consultation(
        index,
        closes_at=soon,
        events=_events({"starts_at": soon.isoformat(), "ends_at": soon.isoformat()}),
    )
    before = set(_vevents(client.get(_calendar_url(index)).content))

    page.title = "Renamed"
    _publish(page)
    after = _vevents(client.get(_calendar_url(index)).content)

    assert set(after) == before
    assert f"consultation-{page.pk}-event-{page.events[0].id}@localhost" in after
    assert f"consultation-{page.pk}-closes@localhost" in after
    assert str(after[f"consultation-{page.pk}-closes@localhost"]["SUMMARY"]) == "Closes: Renamed"


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _consultations_with_results(index, numbers: range) -> None:
    soon = timezone.now() + timedelta(days=5)
    for number in numbers:
        _with_results(
            index,
            title=f"Consultation {number}",
            results_days_ago=1 + number / 100,
            events=_events({"starts_at": soon.isoformat(), "ends_at": soon.isoformat()}),
        )


@pytest.mark.django_db
def test_feed_query_counts_do_not_grow_with_consultations(
    client, index, django_assert_max_num_queries
):
    urls = [
        _feed_url(index, "new", "atom"),
        _feed_url(index, "results", "rss"),
        _calendar_url(index),
    ]
    _consultations_with_results(index, range(5))
    with_five = {url: _queries(client, url) for url in urls}

    _consultations_with_results(index, range(5, 60))

    for url in urls:
        with django_assert_max_num_queries(with_five[url]):
            response = client.get(url)
        assert response.status_code == 200
    assert len(_entries(client.get(urls[0]).content, "atom")) == 50  # the 50 newest only
    assert len(_vevents(client.get(urls[2]).content)) == 120  # closing + one event, each
    assert max(with_five.values()) <= 12, with_five
