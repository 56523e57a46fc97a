"""Reads of volunteering opportunities, for the board, the pages and other parts of the site."""

import math
import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Subquery, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from website.core.geography import EARTH_RADIUS_KM, KM_PER_MILE, Point, distance_km, distance_order
from website.core.models import Area, Postcode

from .models import (
    ADULT_AGE,
    PLACE_TAKEN,
    LocationKind,
    OpportunityPage,
    OpportunitySession,
    VolunteeringIndexPage,
)

KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180  # of latitude, as distance_order measures
SORT_CLOSING = "closing"
SORT_DISTANCE = "distance"


def volunteering_index_for_locale(*, locale: Locale) -> VolunteeringIndexPage | None:
    """The live volunteering board in this language, if there is one."""
    return VolunteeringIndexPage.objects.live().filter(locale=locale).first()


def open_filter(today: date) -> Q:
    """Still taking sign-ups on `today`: not past its closing date (OpportunityPage.is_open)
    and, if it has sessions, one still to start (the rule the sign-up form applies)."""
    sessions = OpportunitySession.objects.filter(opportunity=OuterRef("pk"))
    upcoming = sessions.filter(starts_at__gt=timezone.now())
    return (Q(closes_on__isnull=True) | Q(closes_on__gte=today)) & (
        ~Exists(sessions) | Exists(upcoming)
    )


def _closing_order() -> list:
    """Closing soonest first; those without a closing date last (on SQLite and PostgreSQL)."""
    return [F("closes_on").asc(nulls_last=True), "title", "pk"]


def opportunities_featured(*, locale: Locale, limit: int) -> list[dict]:
    """Cards for the open opportunities in this language closing soonest, for the home page."""
    pages = (
        OpportunityPage.objects.live()
        .public()
        .filter(locale=locale)
        .filter(open_filter(timezone.localdate()))
        .select_related("organisation")
        .order_by(*_closing_order())[:limit]
    )
    return [
        {
            "title": page.title,
            "url": page.url,
            "summary": page.listing_summary,
            "meta": " · ".join([page.organisation.name, opportunity_closing_text(page)]),
        }
        for page in pages
    ]


def opportunity_closing_text(opportunity: OpportunityPage) -> str:
    """The closing date as a card says it: "Closes 12 May 2026" or "No closing date"."""
    if opportunity.closes_on is None:
        return _("No closing date")
    return _("Closes %(date)s") % {"date": date_format(opportunity.closes_on, "j E Y")}


def opportunity_location_text(opportunity: OpportunityPage) -> str:
    """Where the opportunity is, on one line: the address and postcode, or "From home"."""
    if opportunity.location_kind != LocationKind.ADDRESS:
        return str(opportunity.get_location_kind_display())
    lines = [line.strip(" ,") for line in opportunity.address.splitlines()]
    return ", ".join(part for part in [*lines, opportunity.postcode] if part)


def sessions_with_places(*, opportunity: OpportunityPage) -> list[OpportunitySession]:
    """The opportunity's sessions in time order, each with `places_taken` and `places_left`
    (an offered place counts as taken until it is accepted or expires). One query."""
    sessions = list(
        OpportunitySession.objects.filter(opportunity=opportunity)
        .annotate(places_taken=Count("signups", filter=Q(signups__place__in=PLACE_TAKEN)))
        .order_by("starts_at", "pk")
    )
    for session in sessions:
        session.places_left = max(session.places - session.places_taken, 0)
    return sessions


def opportunity_places_left(*, opportunity: OpportunityPage) -> int | None:
    """Places left on an opportunity without sessions; None when it takes everyone."""
    if opportunity.places is None:
        return None
    taken = opportunity.signups.filter(session__isnull=True, place__in=PLACE_TAKEN).count()
    return max(opportunity.places - taken, 0)


def organisation_notify_addresses(*, organisation) -> list[str]:
    """Where an organisation's sign-up notices and reminders go: its coordinators' emails,
    else its contact email."""
    emails = sorted(
        {
            email
            for email in organisation.coordinators.filter(is_active=True).values_list(
                "email", flat=True
            )
            if email
        }
    )
    return emails or [organisation.contact_email]


def signup_admin_url(*, signup) -> str:
    """The full address of a sign-up in the admin, for emails to coordinators."""
    from django.conf import settings
    from django.urls import reverse

    path = reverse("volunteer_signups:inspect", args=[signup.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@dataclass(frozen=True)
class OpportunityFilters:
    """What a resident chose on the board; empty means "any"."""

    keyword: str = ""
    causes: tuple[str, ...] = ()
    area: Area | None = None
    commitments: tuple[str, ...] = ()
    under_18s: bool = False
    no_experience: bool = False
    from_home: bool = False
    accessible: bool = False
    origin: Point | None = None  # the centre of the resident's postcode, if it is known
    within_miles: int | None = None  # only with an origin
    sort: str = SORT_CLOSING


def _keyword_filter(keyword: str) -> Q:
    """Opportunities the search index finds for every word of `keyword`.

    Only words reach the full-text engine: quotes, `*`, `:` and the like are operators to SQLite
    FTS5 and PostgreSQL tsquery. A keyword with no words in it ("%", "_") finds nothing.
    """
    terms = " ".join(re.findall(r"[^\W_]+", keyword))
    if not terms:
        return Q(pk__in=[])
    results = OpportunityPage.objects.search(terms, operator="and", order_by_relevance=False)
    # The backend's own queryset, used as a subquery so the search combines with the filters.
    return Q(pk__in=results.get_queryset().values("pk"))


def _area_filter(area: Area) -> Q:
    """Tagged with the area, one of its neighbourhoods or its ward (no extra query)."""
    related = Q(areas=area) | Q(areas__ward=area)
    if area.ward_id:
        related |= Q(areas=area.ward_id)
    return Q(pk__in=OpportunityPage.objects.filter(related).values("pk"))


def _choice_filters(filters: OpportunityFilters) -> Q:
    """Every filter except the keyword and distance."""
    condition = Q()
    if filters.causes:
        condition &= Q(cause__in=filters.causes)
    if filters.area:
        condition &= _area_filter(filters.area)
    if filters.commitments:
        condition &= Q(commitment__in=filters.commitments)
    if filters.under_18s:
        condition &= Q(minimum_age__isnull=True) | Q(minimum_age__lt=ADULT_AGE)
    if filters.no_experience:
        condition &= Q(no_experience_needed=True)
    if filters.from_home:
        condition &= Q(location_kind=LocationKind.HOME)
    if filters.accessible:
        condition &= Q(is_accessible=True)
    return condition


def _with_distance(queryset: QuerySet, origin: Point) -> QuerySet:
    """Annotate the centre of a place's postcode (looked up in the Postcode table, not copied)
    and the distance ordering key from `origin`. Homes and "various places" have neither."""
    at_place = Q(location_kind=LocationKind.ADDRESS)
    centre = Postcode.objects.filter(postcode=OuterRef("postcode"))
    queryset = queryset.annotate(
        postcode_latitude=Case(When(at_place, then=Subquery(centre.values("latitude")[:1]))),
        postcode_longitude=Case(When(at_place, then=Subquery(centre.values("longitude")[:1]))),
    )
    key = distance_order(origin, latitude="postcode_latitude", longitude="postcode_longitude")
    return queryset.annotate(distance_key=key)


def _within(miles: int) -> Q:
    """Within `miles` of the origin, on the distance_order scale (squared degrees of latitude).
    Working from home is always within reach."""
    limit = (miles * KM_PER_MILE / KM_PER_DEGREE) ** 2
    return Q(distance_key__lte=limit) | Q(location_kind=LocationKind.HOME)


def opportunities_find(
    *, index: VolunteeringIndexPage, filters: OpportunityFilters, today: date | None = None
) -> QuerySet:
    """The live, open opportunities on `index` that match every filter, in the chosen order."""
    today = today or timezone.localdate()
    queryset = (
        OpportunityPage.objects.child_of(index)
        .live()
        .public()
        .filter(open_filter(today))
        .filter(_choice_filters(filters))
    )
    if filters.keyword:
        queryset = queryset.filter(_keyword_filter(filters.keyword))
    if filters.origin:
        queryset = _with_distance(queryset, filters.origin)
        if filters.within_miles:
            queryset = queryset.filter(_within(filters.within_miles))
    order = _closing_order()
    if filters.origin and filters.sort == SORT_DISTANCE:
        order = [F("distance_key").asc(nulls_last=True), *order]
    return queryset.select_related("organisation").order_by(*order)


def opportunity_miles(opportunity: OpportunityPage, *, origin: Point) -> float | None:
    """How far an opportunity found by `opportunities_find` is from `origin`, in miles."""
    latitude = getattr(opportunity, "postcode_latitude", None)
    longitude = getattr(opportunity, "postcode_longitude", None)
    if latitude is None or longitude is None:
        return None
    return distance_km(origin, Point(latitude, longitude)) / KM_PER_MILE
