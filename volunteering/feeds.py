"""Feeds: new opportunities (Atom) and an opportunity's sessions (iCalendar).

The Atom feed is in its board's language and lists only live, public, open opportunities on
that board. Editor text is plain text: the feed libraries escape it, and summaries, which
readers treat as HTML, are escaped once more so markup in them shows as text.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Site

from .models import OpportunityPage, OpportunitySession, VolunteeringIndexPage
from .selectors import open_filter, opportunity_location_text

FEED_LIMIT = 50
TAG_DATE = "2026"  # the tag: URI date (RFC 4151): a year the council held its domain
CACHE_SECONDS = 300


def opportunities_new_list(*, index: VolunteeringIndexPage, limit: int) -> QuerySet:
    """The open opportunities on `index` most recently published for the first time."""
    return (
        OpportunityPage.objects.child_of(index)
        .live()
        .public()
        .filter(open_filter(timezone.localdate()))
        .select_related("organisation")
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:limit]
    )


def _site_name() -> str:
    # Feed and calendar names follow page titles: "<what>", an en dash, then the site name.
    return _("Plymouth Community Engagement Hub")


def _host(request: HttpRequest) -> str:
    """The site's own host name, so identifiers do not change with the address used."""
    return Site.find_for_request(request).hostname


def _cache_publicly(response: HttpResponse) -> HttpResponse:
    # Only public pages are listed, so shared caches may keep a copy for a few minutes.
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


class NewOpportunitiesFeed(Feed):
    """Opportunities as they are first published, newest first; one instance per request."""

    feed_type = Atom1Feed

    def __init__(self, *, request: HttpRequest, index: VolunteeringIndexPage):
        self.request = request
        self.index = index
        self.language = index.locale.language_code

    def title(self) -> str:
        return _("New volunteering opportunities – %(site_name)s") % {"site_name": _site_name()}  # noqa: RUF001

    def subtitle(self) -> str:
        return _("Volunteering opportunities in Plymouth as they are published, newest first.")

    def link(self) -> str:
        return self.index.get_full_url(self.request)

    def feed_url(self) -> str:
        return self.link() + self.index.reverse_subpage("feed")

    def feed_guid(self) -> str:
        return self.tag_uri(f"volunteering-{self.index.pk}-new")

    def items(self) -> QuerySet:
        return opportunities_new_list(index=self.index, limit=FEED_LIMIT)

    def item_title(self, item: OpportunityPage) -> str:
        return item.title  # Atom titles are text

    def item_description(self, item: OpportunityPage) -> str:
        return escape(item.listing_summary)  # an Atom summary is HTML

    def item_link(self, item: OpportunityPage) -> str:
        return item.get_full_url(self.request)

    def item_author_name(self, item: OpportunityPage) -> str:
        return item.organisation.name

    def item_categories(self, item: OpportunityPage) -> list[str]:
        return [str(item.get_cause_display())]

    def item_pubdate(self, item: OpportunityPage) -> datetime | None:
        return item.first_published_at

    def item_updateddate(self, item: OpportunityPage) -> datetime:
        # Pages made live without a revision (scripts) have no publishing dates; Atom needs one.
        published = item.last_published_at or item.first_published_at
        return published or item.latest_revision_created_at or timezone.now()

    def item_guid(self, item: OpportunityPage) -> str:
        return self.tag_uri(f"opportunity-{item.pk}")

    def item_guid_is_permalink(self, item: OpportunityPage) -> bool:
        return False

    def tag_uri(self, specific: str) -> str:
        """An entry id (a tag: URI, RFC 4151) that survives changes to the page's address."""
        return f"tag:{_host(self.request)},{TAG_DATE}:{specific}"


def opportunities_feed_response(
    *, request: HttpRequest, index: VolunteeringIndexPage
) -> HttpResponse:
    """The Atom feed of new opportunities on `index`, in its language."""
    feed = NewOpportunitiesFeed(request=request, index=index)
    with translation.override(index.locale.language_code):
        return _cache_publicly(feed(request))


def _london(moment: datetime) -> datetime:
    """`moment` in Europe/London, so calendars show the time on the poster, either side of
    the clock change."""
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def session_event_build(
    *, session: OpportunitySession, opportunity: OpportunityPage, host: str, url: str
) -> Event:
    """One session of an opportunity, as a calendar entry (its UID never changes)."""
    event = Event()
    event.add("uid", f"opportunity-{opportunity.pk}-session-{session.pk}@{host}")
    revised = opportunity.last_published_at or opportunity.first_published_at or timezone.now()
    event.add("dtstamp", revised)
    event.add("last-modified", revised)
    event.add("summary", opportunity.title)
    event.add("dtstart", _london(session.starts_at))
    event.add("dtend", _london(session.ends_at))
    event.add("location", opportunity_location_text(opportunity))
    lines = [
        opportunity.listing_summary,
        session.note,
        _("Organised by %(name)s.") % {"name": opportunity.organisation.name},
        url,
    ]
    event.add("description", "\n\n".join(line for line in lines if line))
    event.add("url", url)
    return event


def calendar_build(*, request: HttpRequest, opportunity: OpportunityPage) -> Calendar:
    """The iCalendar of an opportunity's sessions, past and coming."""
    calendar = Calendar()
    calendar.add("prodid", "-//Plymouth City Council//Community Engagement//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = _("%(title)s – %(site_name)s") % {"title": opportunity.title, "site_name": _site_name()}  # noqa: RUF001
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)  # the name most calendar apps read
    url, host = opportunity.get_full_url(request), _host(request)
    sessions = list(
        OpportunitySession.objects.filter(opportunity=opportunity).order_by("starts_at", "pk")
    )
    for session in sessions:
        calendar.add_component(
            session_event_build(session=session, opportunity=opportunity, host=host, url=url)
        )
    if sessions:  # a VTIMEZONE for Europe/London, with the clock changes the sessions span
        first = _london(sessions[0].starts_at).year
        last = _london(max(session.ends_at for session in sessions)).year
        calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))
    return calendar


def sessions_calendar_response(
    *, request: HttpRequest, opportunity: OpportunityPage
) -> HttpResponse:
    """The iCalendar (RFC 5545) of an opportunity's sessions, in its language."""
    with translation.override(opportunity.locale.language_code):
        calendar = calendar_build(request=request, opportunity=opportunity)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if opportunity.get_view_restrictions().exists():  # shown only after a password or sign-in
        patch_cache_control(response, private=True)
        return response
    return _cache_publicly(response)
