"""The Atom feed of new opportunities and the iCalendar of an opportunity's sessions."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from defusedxml.ElementTree import fromstring
from django.utils import timezone
from django.utils.html import escape
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import LocationKind, OpportunityPage, Place

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LONDON = ZoneInfo("Europe/London")
FEED_URL = "/volunteering/feeds/new.atom/"


def _published(board, organisation, *, days_ago: float, **fields) -> OpportunityPage:
    """An opportunity published as an editor would, first published `days_ago`."""
    page = OpportunityPageBuilder(parent=board, organisation=organisation, **fields)
    page.save_revision().publish()
    first = timezone.now() - timedelta(days=days_ago)
    OpportunityPage.objects.filter(pk=page.pk).update(first_published_at=first)
    page.refresh_from_db()
    return page


def _entries(content: bytes) -> list[dict]:
    root = fromstring(content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "category": entry.find(f"{ATOM}category").get("term"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.mark.django_db
def test_feed_lists_open_live_public_opportunities_newest_first(
    client, board, organisation, locales, translate
):
    middle = _published(
        board, organisation, title="Beach clean", days_ago=2, introduction="Litter."
    )
    newest = _published(board, organisation, title="Digital buddy", days_ago=1, cause="digital")
    oldest = _published(board, organisation, title="Park ranger", days_ago=3)
    _published(board, organisation, title="Draft", days_ago=0).unpublish()
    private = _published(board, organisation, title="Private", days_ago=0)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    yesterday = timezone.localdate() - timedelta(days=1)
    _published(board, organisation, title="Closed", days_ago=0, closes_on=yesterday)
    polish_board = translate(board, locales["pl"])
    polish = translate(middle, locales["pl"], {"Beach clean": "Sprzątanie plaży"})

    response = client.get(FEED_URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response["Cache-Control"] == "public, max-age=300"
    entries = _entries(response.content)
    assert [entry["title"] for entry in entries] == ["Digital buddy", "Beach clean", "Park ranger"]
    assert [entry["link"] for entry in entries] == [
        page.get_full_url() for page in (newest, middle, oldest)
    ]
    assert entries[1] == {
        "title": "Beach clean",
        "link": "http://localhost/volunteering/beach-clean/",
        "id": f"tag:localhost,2026:opportunity-{middle.pk}",
        "summary": "Litter.",
        "author": "Good Neighbours Scheme",
        "category": "Community building",
    }
    assert entries[0]["category"] == "Digital inclusion"
    root = fromstring(response.content)
    assert root.get(XML_LANG) == "en"
    assert root.findtext(f"{ATOM}title") == (
        "New volunteering opportunities \u2013 Plymouth Community Engagement Hub"
    )
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"http://localhost{FEED_URL}"
    assert root.findtext(f"{ATOM}id") == f"tag:localhost,2026:volunteering-{board.pk}-new"

    polish_response = client.get(f"{polish_board.url}feeds/new.atom/")
    polish_entries = _entries(polish_response.content)
    assert [entry["link"] for entry in polish_entries] == [polish.get_full_url()]
    assert polish_entries[0]["title"] == "Sprzątanie plaży"
    assert fromstring(polish_response.content).get(XML_LANG) == "pl"


@pytest.mark.django_db
def test_feed_escapes_markup(client, board, organisation):
    hostile = "<script>alert(1)</script>"
    summary = 'Fish & chips <img src=x onerror="alert(2)">'
    _published(board, organisation, title=hostile, introduction=summary, days_ago=1)

    response = client.get(FEED_URL)

    assert b"<script" not in response.content and b"<img" not in response.content
    [entry] = _entries(response.content)
    assert entry["title"] == hostile  # Atom titles are text: the XML escaping is enough
    assert entry["summary"] == escape(summary)  # summaries are HTML: escaped once more


def _calendar_url(page) -> str:
    return f"{page.url}sessions.ics/"


def _vevents(content: bytes) -> dict[str, dict]:
    calendar = Calendar.from_ical(content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_calendar_has_every_session_past_and_coming(client, opportunity, board, organisation):
    now = timezone.now().replace(microsecond=0)
    past = OpportunitySessionBuilder(opportunity=opportunity, starts_at=now - timedelta(days=30))
    coming = OpportunitySessionBuilder(
        opportunity=opportunity,
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=2),
        note="Meet at the main entrance; bring gloves",
        places=1,
    )
    SignupBuilder(opportunity=opportunity, session=coming, place=Place.BOOKED)
    other = OpportunityPageBuilder(parent=board, organisation=organisation, title="Other role")
    OpportunitySessionBuilder(opportunity=other)

    response = client.get(_calendar_url(opportunity))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    events = _vevents(response.content)
    assert set(events) == {
        f"opportunity-{opportunity.pk}-session-{past.pk}@localhost",
        f"opportunity-{opportunity.pk}-session-{coming.pk}@localhost",
    }
    event = events[f"opportunity-{opportunity.pk}-session-{coming.pk}@localhost"]
    assert str(event["SUMMARY"]) == "Befriending older neighbours"
    assert event.decoded("DTSTART") == now + timedelta(days=3)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=2)
    assert str(event["LOCATION"]) == "Civic Centre, Armada Way, PL1 1AE"
    assert str(event["URL"]) == opportunity.get_full_url()
    description = str(event["DESCRIPTION"])
    assert "Meet at the main entrance; bring gloves" in description
    assert "Organised by Good Neighbours Scheme." in description
    assert opportunity.get_full_url() in description
    assert "place" not in response.content.decode().lower()  # places left change too often
    assert all("DTSTAMP" in event for event in events.values())


@pytest.mark.django_db
def test_calendar_times_are_london_times_either_side_of_the_clock_change(client, opportunity):
    for day in (27, 30):  # the clocks went forward on Sunday 29 March 2026
        starts_at = datetime(2026, 3, day, 10, 0, tzinfo=LONDON)
        OpportunitySessionBuilder(
            opportunity=opportunity, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3)
        )

    content = client.get(_calendar_url(opportunity)).content

    text = content.decode()
    assert "DTSTART;TZID=Europe/London:20260327T100000" in text
    assert "DTEND;TZID=Europe/London:20260327T130000" in text
    assert "DTSTART;TZID=Europe/London:20260330T100000" in text
    calendar = Calendar.from_ical(content)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    starts = sorted(event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    assert [start.astimezone(UTC) for start in starts] == [
        datetime(2026, 3, 27, 10, 0, tzinfo=UTC),
        datetime(2026, 3, 30, 9, 0, tzinfo=UTC),
    ]


@pytest.mark.django_db
def test_calendar_uids_stay_the_same_when_the_page_is_edited(client, opportunity):
    first = OpportunitySessionBuilder(opportunity=opportunity)
    before = set(_vevents(client.get(_calendar_url(opportunity)).content))

    opportunity.title = "Renamed role"
    opportunity.save_revision().publish()
    second = OpportunitySessionBuilder(opportunity=opportunity)
    after = _vevents(client.get(_calendar_url(opportunity)).content)

    uid = f"opportunity-{opportunity.pk}-session-{first.pk}@localhost"
    assert before == {uid}
    assert set(after) == {uid, f"opportunity-{opportunity.pk}-session-{second.pk}@localhost"}
    assert str(after[uid]["SUMMARY"]) == "Renamed role"


@pytest.mark.django_db
def test_calendar_of_a_role_from_home_and_without_sessions(client, opportunity):
    opportunity.location_kind = LocationKind.HOME
    opportunity.save()
    empty = Calendar.from_ical(client.get(_calendar_url(opportunity)).content)
    assert empty.walk("VEVENT") == [] and empty.walk("VTIMEZONE") == []

    OpportunitySessionBuilder(opportunity=opportunity)
    [event] = _vevents(client.get(_calendar_url(opportunity)).content).values()
    assert str(event["LOCATION"]) == "From home"


@pytest.mark.django_db
def test_calendar_escapes_text_and_folds_long_lines(client, board, organisation):
    page = OpportunityPageBuilder(
        parent=board,
        organisation=organisation,
        title="Parks, play; and paths " + "with a very long name " * 4,
        address="Hall, Room 1; upstairs\nArmada Way",
    )
    OpportunitySessionBuilder(opportunity=page, note="Bring: gloves, boots; water")

    raw = client.get(_calendar_url(page)).content.decode()

    lines = raw.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = raw.replace("\r\n ", "")
    assert "LOCATION:Hall\\, Room 1\\; upstairs\\, Armada Way\\, PL1 1AE" in unfolded
    [event] = _vevents(raw.encode()).values()
    assert str(event["SUMMARY"]) == page.title
    assert "Bring: gloves, boots; water" in str(event["DESCRIPTION"])


@pytest.mark.django_db
def test_a_private_opportunitys_calendar_is_not_cached_publicly(client, opportunity):
    OpportunitySessionBuilder(opportunity=opportunity)
    PageViewRestriction.objects.create(page=opportunity, restriction_type="login")
    assert client.get(_calendar_url(opportunity)).status_code == 302  # sign in first

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("resident", password="x" * 20)
    client.force_login(user)
    response = client.get(_calendar_url(opportunity))
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
