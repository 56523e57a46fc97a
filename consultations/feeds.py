"""Feeds of the consultations section: Atom/RSS of new consultations and results, iCalendar.

Every feed is in its index page's language and lists only live, public children of that index.
Resident and editor text is plain text: the feed libraries escape it, and titles and summaries
that readers treat as HTML are escaped once more so markup in them shows as text.
"""

from datetime import UTC, datetime, timedelta

from django.contrib.syndication.views import Feed
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.blocks import StructValue
from wagtail.models import Site

from .blocks import ConsultationEventBlock
from .models import ConsultationIndexPage, ConsultationPage, ConsultationStatus
from .selectors import status_filter

FEED_LIMIT = 50
TAG_DATE = "2026"  # the tag: URI date (RFC 4151): a year the council held its domain
CALENDAR_DAYS_PAST = 90  # closed consultations stay in calendars this long
CACHE_SECONDS = 300
FEED_TYPES = {"atom": Atom1Feed, "rss": Rss201rev2Feed}
EVENT_KINDS = dict(ConsultationEventBlock.KINDS)


def consultations_new_list(*, index: ConsultationIndexPage, limit: int) -> QuerySet:
    """The consultations under `index` most recently published for the first time."""
    return (
        ConsultationPage.objects.child_of(index)
        .live()
        .public()
        .defer_streamfields()
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:limit]
    )


def consultations_results_list(
    *, index: ConsultationIndexPage, now: datetime, limit: int
) -> QuerySet:
    """The consultations under `index` whose results are out at `now`, newest results first."""
    return (
        ConsultationPage.objects.child_of(index)
        .live()
        .public()
        .filter(status_filter(ConsultationStatus.RESULTS, now=now))
        .defer_streamfields()
        .order_by("-results_published_at", "-pk")[:limit]
    )


def consultations_calendar_list(*, index: ConsultationIndexPage, since: datetime) -> QuerySet:
    """Consultations under `index` closing after `since`, or republished since (new events)."""
    return (
        ConsultationPage.objects.child_of(index)
        .live()
        .public()
        .filter(Q(closes_at__gte=since) | Q(last_published_at__gte=since))
        .order_by("closes_at", "pk")
    )


def _site_name() -> str:
    # Feed and calendar names follow page titles: "<what>", an en dash, then the site name.
    return _("Plymouth Community Engagement Hub")


def _host(request: HttpRequest) -> str:
    """The site's own host name, so identifiers do not change with the address used."""
    return Site.find_for_request(request).hostname


class ConsultationFeed(Feed):
    """What the two Atom/RSS feeds share; one instance serves one request."""

    feed_name = ""  # its name in the index's feed route

    def __init__(self, *, request: HttpRequest, index: ConsultationIndexPage, kind: str):
        self.request = request
        self.index = index
        self.kind = kind
        self.feed_type = FEED_TYPES[kind]
        self.language = index.locale.language_code

    def link(self) -> str:
        return self.index.get_full_url(self.request)

    def feed_url(self) -> str:
        route = self.index.reverse_subpage(
            "feed", kwargs={"name": self.feed_name, "kind": self.kind}
        )
        return self.link() + route

    def feed_guid(self) -> str:
        return self.tag_uri(f"consultations-{self.index.pk}-{self.feed_name}")

    def item_title(self, item: ConsultationPage) -> str:
        # Django escapes RSS titles twice (readers treat them as HTML); Atom titles are text.
        title = self.entry_title(item)
        return escape(title) if self.feed_type is Rss201rev2Feed else title

    def entry_title(self, item: ConsultationPage) -> str:
        return item.title

    def item_description(self, item: ConsultationPage) -> str:
        return escape(item.listing_summary)  # RSS description and Atom summary are HTML

    def item_link(self, item: ConsultationPage) -> str:
        return item.get_full_url(self.request)

    def item_guid_is_permalink(self, item: ConsultationPage) -> bool:
        return False

    def tag_uri(self, specific: str) -> str:
        """An entry id (a tag: URI, RFC 4151) that survives changes to the page's address."""
        return f"tag:{_host(self.request)},{TAG_DATE}:{specific}"


class NewConsultationsFeed(ConsultationFeed):
    """Consultations as they are first published, newest first."""

    feed_name = "new"

    def title(self) -> str:
        return _("New consultations – %(site_name)s") % {"site_name": _site_name()}  # noqa: RUF001

    def description(self) -> str:
        return _("Consultations as they are published, newest first.")

    subtitle = description

    def items(self) -> QuerySet:
        return consultations_new_list(index=self.index, limit=FEED_LIMIT)

    def item_pubdate(self, item: ConsultationPage) -> datetime | None:
        return item.first_published_at

    def item_updateddate(self, item: ConsultationPage) -> datetime:
        # Pages made live without a revision (scripts) have no publishing dates; Atom needs one.
        return item.last_published_at or item.first_published_at or item.opens_at

    def item_guid(self, item: ConsultationPage) -> str:
        return self.tag_uri(f"consultation-{item.pk}")


class ConsultationResultsFeed(ConsultationFeed):
    """Consultations whose results ("you said, we did") are published, newest results first."""

    feed_name = "results"

    def title(self) -> str:
        return _("Consultation results – %(site_name)s") % {"site_name": _site_name()}  # noqa: RUF001

    def description(self) -> str:
        return _("Consultations whose results have been published, newest first.")

    subtitle = description

    def items(self) -> QuerySet:
        return consultations_results_list(index=self.index, now=timezone.now(), limit=FEED_LIMIT)

    def entry_title(self, item: ConsultationPage) -> str:
        return _("Results: %(title)s") % {"title": item.title}

    def item_pubdate(self, item: ConsultationPage) -> datetime:
        return item.results_published_at

    def item_updateddate(self, item: ConsultationPage) -> datetime:
        return max(item.results_published_at, item.last_published_at or item.results_published_at)

    def item_guid(self, item: ConsultationPage) -> str:
        return self.tag_uri(f"consultation-{item.pk}-results")


FEEDS = {feed.feed_name: feed for feed in (NewConsultationsFeed, ConsultationResultsFeed)}


def _cache_publicly(response: HttpResponse) -> HttpResponse:
    # Only public pages are listed, so shared caches may keep a copy for a few minutes.
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def feed_response(
    *, request: HttpRequest, index: ConsultationIndexPage, name: str, kind: str
) -> HttpResponse:
    """The Atom or RSS feed `name` ("new" or "results") of `index`, in its language."""
    if name not in FEEDS or kind not in FEED_TYPES:
        raise Http404
    feed = FEEDS[name](request=request, index=index, kind=kind)
    with translation.override(index.locale.language_code):
        return _cache_publicly(feed(request))


def _utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive one (as stored by demo content) is taken as site time."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment.astimezone(UTC)


def _vevent(*, page: ConsultationPage, uid: str, url: str) -> Event:
    """The properties every calendar entry of a consultation has."""
    event = Event()
    event.add("uid", uid)
    revised = _utc(page.last_published_at or page.first_published_at or timezone.now())
    event.add("dtstamp", revised)
    event.add("last-modified", revised)
    event.add("url", url)
    return event


def closing_event_build(*, page: ConsultationPage, host: str, url: str) -> Event:
    """The closing time of a consultation, as a calendar entry."""
    event = _vevent(page=page, uid=f"consultation-{page.pk}-closes@{host}", url=url)
    event.add("summary", _("Closes: %(title)s") % {"title": page.title})
    event.add("dtstart", _utc(page.closes_at))  # a moment: no DTEND (RFC 5545 3.6.1)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    event.add("description", "\n\n".join(filter(None, [page.listing_summary, url])))
    return event


def _event_location(value: StructValue) -> str:
    lines = (value.get("address") or "").splitlines()
    address = ", ".join(line.strip() for line in lines if line.strip())
    return ", ".join(filter(None, [value["venue"], address]))


def _event_description(*, value: StructValue, page: ConsultationPage, url: str) -> str:
    kind = EVENT_KINDS.get(value["kind"], "")
    lines = [
        _("%(kind)s for the consultation “%(title)s”.") % {"kind": kind, "title": page.title},
        value["accessibility"] and _("Access: %(details)s") % {"details": value["accessibility"]},
        value["booking_url"] and _("Book a place: %(url)s") % {"url": value["booking_url"]},
        url,
    ]
    return "\n\n".join(line for line in lines if line)


def block_event_build(
    *, page: ConsultationPage, block_id: str, value: StructValue, host: str, url: str
) -> Event:
    """One event block of a consultation (a drop-in, meeting...), as a calendar entry."""
    event = _vevent(page=page, uid=f"consultation-{page.pk}-event-{block_id}@{host}", url=url)
    event.add("summary", value["title"])
    starts_at, ends_at = _utc(value["starts_at"]), _utc(value["ends_at"])
    event.add("dtstart", starts_at)
    if ends_at > starts_at:  # an end before the start is an editor's slip: leave it open
        event.add("dtend", ends_at)
    event.add("location", _event_location(value))
    event.add("description", _event_description(value=value, page=page, url=url))
    return event


def _page_events(
    *, page: ConsultationPage, since: datetime, host: str, request: HttpRequest
) -> list[Event]:
    """A consultation's closing time (if recent or coming) and its events (if not long past)."""
    url = page.get_full_url(request)
    events = []
    if page.closes_at >= since:
        events.append(closing_event_build(page=page, host=host, url=url))
    for block in page.events:
        value = block.value
        if value["starts_at"] and value["ends_at"] and _utc(value["ends_at"]) >= since:
            event = block_event_build(page=page, block_id=block.id, value=value, host=host, url=url)
            events.append(event)
    return events


def calendar_build(
    *, request: HttpRequest, index: ConsultationIndexPage, now: datetime
) -> Calendar:
    """The iCalendar of `index`: closing times and events from the last 90 days on."""
    calendar = Calendar()
    calendar.add("prodid", "-//Plymouth City Council//Community Engagement//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = _("Consultations – %(site_name)s") % {"site_name": _site_name()}  # noqa: RUF001
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)  # the name most calendar apps read
    since, host = now - timedelta(days=CALENDAR_DAYS_PAST), _host(request)
    for page in consultations_calendar_list(index=index, since=since):
        for event in _page_events(page=page, since=since, host=host, request=request):
            calendar.add_component(event)
    return calendar


def calendar_response(*, request: HttpRequest, index: ConsultationIndexPage) -> HttpResponse:
    """The iCalendar (RFC 5545) of closing times and events under `index`, in its language."""
    with translation.override(index.locale.language_code):
        calendar = calendar_build(request=request, index=index, now=timezone.now())
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    return _cache_publicly(response)
