"""Reads for the Open Referral UK API: the directory's services, filtered, ordered and paged.

Each Wellbeing Hub service and each food place is one service at one location (the page).
Matching runs on light rows (two queries, whatever the amount of data); only the requested
page of services is then loaded as objects, with their hours when asked.
"""

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from website.core.geography import Point, distance_km

from ..models import (
    CoreService,
    EntryKind,
    FoodPlaceDatedHours,
    FoodPlaceKind,
    FoodPlacePage,
    HubDatedHours,
    HubService,
    WellbeingHubPage,
)
from ..opening_hours import LONDON

# Every derived id is uuid5(NAMESPACE, name): never change it, or every published id changes.
NAMESPACE = uuid.UUID("848cf1fd-99aa-5d7e-92de-a73ee845647a")
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
TAXONOMY_NAME = "Plymouth directory"
TAXONOMY_DESCRIPTION = (
    "The services Plymouth's Wellbeing Hubs offer and the kinds of food place (food co-ops "
    "and social supermarkets) in Plymouth City Council's community directory."
)
HUB_SEARCH_FIELDS = (
    "description",
    "page__title",
    "page__introduction",
    "page__operator",
    "page__specialisms",
    "page__activities",
)
FOOD_SEARCH_FIELDS = ("title", "introduction", "run_by", "who_can_join", "cost", "delivery")
HUB_ROW = (
    "pk",
    "oruk_id",
    "service_type",
    "page__title",
    "page__operator",
    "page__translation_key",
    "page__latitude",
    "page__longitude",
)
FOOD_ROW = (
    "pk",
    "oruk_id",
    "food_place_kind",
    "title",
    "run_by",
    "translation_key",
    "latitude",
    "longitude",
)


def derived_id(*parts: object) -> str:
    """A stable UUID for something that has no id of its own (the same on every request)."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


TAXONOMY_ID = derived_id("taxonomy", "plymouth-directory")


@dataclass(frozen=True)
class Term:
    """A taxonomy term: one of the Wellbeing Hubs' core services or a kind of food place."""

    value: str
    kind: str

    @property
    def id(self) -> str:
        return derived_id("taxonomy-term", self.value)

    @property
    def name(self) -> str:
        choices = CoreService if self.kind == EntryKind.HUB else FoodPlaceKind
        return str(choices(self.value).label)

    @property
    def description(self) -> str:
        if self.kind == EntryKind.HUB:
            return f"{self.name}: one of the core services of Plymouth's Wellbeing Hubs."
        return f"{self.name}: a kind of food place in Plymouth."


def taxonomy_terms() -> list[Term]:
    """Every term of the one taxonomy: the hubs' core services, then the food place kinds."""
    return [Term(value, EntryKind.HUB) for value in CoreService.values] + [
        Term(value, EntryKind.FOOD) for value in FoodPlaceKind.values
    ]


def term_for(*, value: str) -> Term | None:
    """The term for a service type or food place kind."""
    return next((term for term in taxonomy_terms() if term.value == value), None)


def term_by_id(*, term_id: str) -> Term | None:
    return next((term for term in taxonomy_terms() if term.id == term_id), None)


def terms_search(*, search: str, taxonomy_id: str | None, parent_id: str | None) -> list[Term]:
    """Terms whose name or description contains `search`; all terms are top-level."""
    if parent_id is not None or (taxonomy_id is not None and taxonomy_id != TAXONOMY_ID):
        return []
    needle = search.casefold()
    return [t for t in taxonomy_terms() if needle in f"{t.name} {t.description}".casefold()]


def taxonomy_matches(*, search: str) -> bool:
    """Whether the one taxonomy matches a search of /taxonomies."""
    return search.casefold() in f"{TAXONOMY_NAME} {TAXONOMY_DESCRIPTION}".casefold()


def organization_name(name: str) -> str:
    """An operator's name as published: the "run by" text with its spacing tidied."""
    return " ".join(name.split())


def organization_id(name: str) -> str:
    """One organisation per operator name, however it is capitalised or spaced."""
    return derived_id("organization", organization_name(name).casefold())


@dataclass
class ServiceHit:
    """One matching service, light enough to sort a thousand: ids, name and where it is."""

    kind: str
    pk: int
    service_id: str
    name: str
    organization: str
    term_value: str
    translation_key: str
    latitude: float | None
    longitude: float | None
    km: float | None = None

    @property
    def location_id(self) -> str:
        return derived_id("location", self.translation_key)

    @property
    def service_at_location_id(self) -> str:
        return derived_id("service-at-location", self.service_id, self.location_id)

    @property
    def organization_id(self) -> str:
        return organization_id(self.organization)


@dataclass(frozen=True)
class ServiceFilters:
    """The API's query parameters, already checked; all of them must match (AND)."""

    search: str = ""
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    modified_after: datetime | None = None
    origin: Point | None = None
    proximity_metres: float | None = None
    service_id: str | None = None


def hub_service_name(*, service_type: str, hub_title: str) -> str:
    """A hub service's name, e.g. "Befriending at Mount Gould Hub"."""
    return f"{CoreService(service_type).label} at {hub_title}"


def _labels_matching(word: str, choices) -> list[str]:
    needle = word.casefold()
    return [value for value, label in choices.choices if needle in str(label).casefold()]


def _words_q(words: list[str], fields: Sequence[str], label_field: str, choices) -> Q:
    """Every word in one of the fields or the label; icontains escapes % and _ itself."""
    matches = Q()
    for word in words:
        any_field = Q(**{f"{label_field}__in": _labels_matching(word, choices)})
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        matches &= any_field
    return matches


def _published_pages() -> QuerySet:
    """Live, public pages in the default language: the only ones the API publishes.

    The same pages as `live().public().filter(locale=Locale.get_default())`, but the locale
    is matched by its language code (the one Locale.get_default() looks up) in the same
    query, and this one subquery serves hubs and food places alike: the view restrictions
    are read once per request, not once per page type."""
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Page.objects.live().public().filter(locale__language_code=language_code).values("pk")


def _hub_rows(filters: ServiceFilters, term: Term | None, published: QuerySet) -> list[ServiceHit]:
    services = HubService.objects.filter(page__in=published)
    if term is not None:
        services = services.filter(service_type=term.value)
    if filters.service_id:
        services = services.filter(oruk_id=filters.service_id)
    if filters.modified_after:
        services = services.filter(page__last_published_at__gte=filters.modified_after)
    if words := filters.search.split():
        services = services.filter(_words_q(words, HUB_SEARCH_FIELDS, "service_type", CoreService))
    return [
        ServiceHit(
            EntryKind.HUB,
            pk,
            str(oruk_id),
            hub_service_name(service_type=service_type, hub_title=title),
            organization_name(operator),
            service_type,
            str(translation_key),
            latitude,
            longitude,
        )
        for pk, oruk_id, service_type, title, operator, translation_key, latitude, longitude in (
            services.values_list(*HUB_ROW)
        )
    ]


def _food_rows(filters: ServiceFilters, term: Term | None, published: QuerySet) -> list[ServiceHit]:
    places = FoodPlacePage.objects.filter(pk__in=published)
    if term is not None:
        places = places.filter(food_place_kind=term.value)
    if filters.service_id:
        places = places.filter(oruk_id=filters.service_id)
    if filters.modified_after:
        places = places.filter(last_published_at__gte=filters.modified_after)
    if words := filters.search.split():
        places = places.filter(
            _words_q(words, FOOD_SEARCH_FIELDS, "food_place_kind", FoodPlaceKind)
        )
    return [
        ServiceHit(
            EntryKind.FOOD,
            pk,
            str(oruk_id),
            title,
            # A food place with no "run by" runs itself.
            organization_name(run_by or title),
            kind,
            str(translation_key),
            latitude,
            longitude,
        )
        for pk, oruk_id, kind, title, run_by, translation_key, latitude, longitude in (
            places.values_list(*FOOD_ROW)
        )
    ]


def _within(hit: ServiceHit, filters: ServiceFilters) -> bool:
    if filters.organization_id and hit.organization_id != filters.organization_id:
        return False
    if filters.origin and hit.latitude is not None and hit.longitude is not None:
        hit.km = distance_km(filters.origin, Point(hit.latitude, hit.longitude))
    if filters.proximity_metres is not None:
        return hit.km is not None and hit.km * 1000 <= filters.proximity_metres
    return True


def services_find(*, filters: ServiceFilters) -> list[ServiceHit]:
    """Every matching service, nearest first when there is a postcode, else by name.

    Three queries: the view restrictions, the hub services and the food places."""
    if filters.taxonomy_id is not None and filters.taxonomy_id != TAXONOMY_ID:
        return []
    term = None
    if filters.taxonomy_term_id is not None:
        term = term_by_id(term_id=filters.taxonomy_term_id)
        if term is None:
            return []
    hits: list[ServiceHit] = []
    published = _published_pages()
    if term is None or term.kind == EntryKind.HUB:
        hits += _hub_rows(filters, term, published)
    if term is None or term.kind == EntryKind.FOOD:
        hits += _food_rows(filters, term, published)
    hits = [hit for hit in hits if _within(hit, filters)]
    if filters.origin:
        hits.sort(key=lambda h: (h.km is None, h.km or 0.0, h.name.casefold(), h.service_id))
    else:
        hits.sort(key=lambda h: (h.name.casefold(), h.service_id))
    return hits


@dataclass(frozen=True)
class PageOf:
    """One page of a list: the API's envelope numbers and the items on this page."""

    items: list
    total_items: int
    page_number: int
    per_page: int

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total_items / self.per_page)


def page_of(items: Sequence, *, page: int, per_page: int) -> PageOf:
    """The `page`th slice (1-based); a page past the end is empty, not an error."""
    start = (page - 1) * per_page
    return PageOf(list(items[start : start + per_page]), len(items), page, per_page)


@dataclass
class ServiceEntry:
    """A service ready to serialise: its hit, its page and, for a hub, its HubService row."""

    hit: ServiceHit
    page: WellbeingHubPage | FoodPlacePage
    hub_service: HubService | None = None


def london_today() -> date:
    return timezone.now().astimezone(LONDON).date()


def services_load(*, hits: list[ServiceHit], with_hours: bool) -> list[ServiceEntry]:
    """The objects behind a page of hits, in the hits' order: two queries, plus four with
    the hours (weekly periods and dated changes from today on, for hubs and food places)."""
    hub_ids = [hit.pk for hit in hits if hit.kind == EntryKind.HUB]
    food_ids = [hit.pk for hit in hits if hit.kind == EntryKind.FOOD]
    today = london_today()
    loaded: dict[tuple[str, int], ServiceEntry] = {}
    hits_by_key = {(hit.kind, hit.pk): hit for hit in hits}
    if hub_ids:
        services = HubService.objects.filter(pk__in=hub_ids).select_related("page")
        if with_hours:
            services = services.prefetch_related(
                "page__opening_periods",
                Prefetch("page__dated_hours", HubDatedHours.objects.filter(day__gte=today)),
            )
        for service in services:
            key = (EntryKind.HUB, service.pk)
            loaded[key] = ServiceEntry(hits_by_key[key], service.page, service)
    if food_ids:
        places = FoodPlacePage.objects.filter(pk__in=food_ids)
        if with_hours:
            places = places.prefetch_related(
                "opening_periods",
                Prefetch("dated_hours", FoodPlaceDatedHours.objects.filter(day__gte=today)),
            )
        for place in places:
            key = (EntryKind.FOOD, place.pk)
            loaded[key] = ServiceEntry(hits_by_key[key], place)
    return [loaded[(hit.kind, hit.pk)] for hit in hits if (hit.kind, hit.pk) in loaded]


def service_get(*, service_id: str) -> ServiceEntry | None:
    """One published service with everything it nests, or None."""
    hits = services_find(filters=ServiceFilters(service_id=service_id))
    entries = services_load(hits=hits[:1], with_hours=True)
    return entries[0] if entries else None


def service_at_location_get(*, service_at_location_id: str) -> ServiceEntry | None:
    """The published service at the location with this derived id, or None."""
    hits = services_find(filters=ServiceFilters())
    hit = next((h for h in hits if h.service_at_location_id == service_at_location_id), None)
    if hit is None:
        return None
    return services_load(hits=[hit], with_hours=True)[0]
