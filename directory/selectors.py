"""Reads of the directory: the finder, entries with their hours, and the map's features."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page

from website.core.geography import Point, distance_km
from website.core.models import Area

from .models import (
    ACCESSIBILITY_FEATURES,
    CommunityAssetMapPage,
    CommunityAssetPage,
    DirectoryIndexPage,
    EntryKind,
    FoodPlaceDatedHours,
    FoodPlaceOpeningPeriod,
    FoodPlacePage,
    HubDatedHours,
    HubOpeningPeriod,
    WellbeingHubPage,
)
from .opening_hours import (
    LONDON,
    LOOKAHEAD_DAYS,
    DatedHours,
    OpeningStatus,
    WeeklyPeriod,
    opening_status,
)

ENTRY_MODELS = {
    EntryKind.HUB: WellbeingHubPage,
    EntryKind.FOOD: FoodPlacePage,
    EntryKind.ASSET: CommunityAssetPage,
}
HOURS_MODELS = {
    EntryKind.HUB: (HubOpeningPeriod, HubDatedHours),
    EntryKind.FOOD: (FoodPlaceOpeningPeriod, FoodPlaceDatedHours),
}
FEATURE_NAMES = frozenset(name for name, _label in ACCESSIBILITY_FEATURES)
KEYWORD_FIELDS = {
    EntryKind.HUB: ("title", "introduction", "operator", "specialisms", "activities"),
    EntryKind.FOOD: ("title", "introduction", "run_by", "who_can_join"),
    EntryKind.ASSET: ("title", "introduction", "get_involved"),
}


def directory_index_for_locale(*, locale: Locale) -> DirectoryIndexPage | None:
    """The live directory ('support near you') in this language, if there is one."""
    return DirectoryIndexPage.objects.live().filter(locale=locale).first()


def asset_map_for_index(*, index: DirectoryIndexPage) -> CommunityAssetMapPage | None:
    """The live community asset map under this directory, if there is one."""
    return CommunityAssetMapPage.objects.live().child_of(index).first()


@dataclass(frozen=True)
class FinderFilters:
    """What the resident chose. Kinds, services and categories add up: ticking "Befriending"
    and "Nature" finds hubs that befriend and green spaces; ticking nothing finds everything."""

    keyword: str = ""
    origin: Point | None = None
    area: Area | None = None
    kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    open_now: bool = False
    features: tuple[str, ...] = ()

    def includes(self, kind: str) -> bool:
        chosen = self.kinds or self.services or self.categories
        if self.open_now and kind == EntryKind.ASSET:
            return False  # assets have no opening hours
        if self.features and kind == EntryKind.ASSET:
            return False  # nor recorded accessibility features
        return (
            not chosen
            or kind in self.kinds
            or (kind == EntryKind.HUB and bool(self.services))
            or (kind == EntryKind.ASSET and bool(self.categories))
        )


@dataclass
class FinderHit:
    """One match, light enough to sort a thousand: which page, and how far away."""

    kind: str
    pk: int
    title: str
    km: float | None = None
    status: OpeningStatus | None = None


@dataclass
class EntryHours:
    """A page's weekly periods and dated exceptions, as the opening-hours logic takes them."""

    weekly: list[WeeklyPeriod] = field(default_factory=list)
    dated: list[DatedHours] = field(default_factory=list)

    def status(self, now: datetime) -> OpeningStatus:
        return opening_status(weekly=self.weekly, dated=self.dated, now=now)


def _area_q(area: Area) -> Q:
    if area.kind == Area.Kind.WARD:
        return Q(ward=area) | Q(neighbourhood__ward=area)
    return Q(neighbourhood=area) | Q(neighbourhood__isnull=True, ward_id=area.ward_id)


def entries_live(*, kind: str, index: Page) -> QuerySet:
    """Live entries of one kind under the directory index (so in the index's language)."""
    return ENTRY_MODELS[kind].objects.live().public().descendant_of(index)


def _kind_queryset(kind: str, index: Page, filters: FinderFilters) -> QuerySet:
    queryset = entries_live(kind=kind, index=index)
    if filters.area:
        queryset = queryset.filter(_area_q(filters.area))
    if kind == EntryKind.HUB and filters.services:
        queryset = queryset.filter(services__service_type__in=filters.services).distinct()
    if kind == EntryKind.ASSET and filters.categories:
        queryset = queryset.filter(category__in=filters.categories)
    for feature in filters.features:
        if feature in FEATURE_NAMES:
            queryset = queryset.filter(**{feature: True})
    if filters.keyword:
        words = Q()
        for name in KEYWORD_FIELDS[kind]:
            words |= Q(**{f"{name}__icontains": filters.keyword})
        queryset = queryset.filter(words)
    return queryset


def hours_for(*, kind: str, page_ids, now: datetime) -> dict[int, EntryHours]:
    """The hours of many pages of one kind in two queries; dated exceptions only from
    yesterday to the end of the "opens next" lookahead."""
    period_model, dated_model = HOURS_MODELS[kind]
    hours: dict[int, EntryHours] = defaultdict(EntryHours)
    periods = period_model.objects.filter(page_id__in=page_ids)
    for page_id, weekday, opens, closes in periods.values_list(
        "page_id", "weekday", "opens", "closes"
    ):
        hours[page_id].weekly.append(WeeklyPeriod(weekday=weekday, opens=opens, closes=closes))
    today = now.astimezone(LONDON).date()
    dated = dated_model.objects.filter(
        page_id__in=page_ids,
        day__gte=today - timedelta(days=1),
        day__lte=today + timedelta(days=LOOKAHEAD_DAYS + 1),
    )
    by_page: dict[int, dict] = defaultdict(lambda: defaultdict(list))
    for page_id, day, opens, closes in dated.values_list("page_id", "day", "opens", "closes"):
        by_page[page_id][day].append((opens, closes) if opens is not None else None)
    for page_id, days in by_page.items():
        hours[page_id].dated = [
            DatedHours(day=day, periods=() if None in rows else tuple(sorted(rows)))
            for day, rows in sorted(days.items())
        ]
    return dict(hours)


def directory_find(*, index: Page, filters: FinderFilters, now: datetime) -> list[FinderHit]:
    """Every match, nearest first when there is an origin, else by name; with "open now"
    only what is open at `now`. At most five queries, whatever the number of entries."""
    hits: list[FinderHit] = []
    for kind in ENTRY_MODELS:
        if not filters.includes(kind):
            continue
        queryset = _kind_queryset(kind, index, filters)
        rows = list(queryset.values_list("pk", "title", "latitude", "longitude"))
        statuses: dict[int, OpeningStatus] = {}
        if filters.open_now:
            hours = hours_for(kind=kind, page_ids=queryset.values("pk"), now=now)
            statuses = {pk: hours[pk].status(now) for pk, *_rest in rows if pk in hours}
        for pk, title, latitude, longitude in rows:
            if filters.open_now and not (pk in statuses and statuses[pk].is_open):
                continue
            km = None
            if filters.origin and latitude is not None:
                km = distance_km(filters.origin, Point(latitude, longitude))
            hits.append(FinderHit(kind=kind, pk=pk, title=title, km=km, status=statuses.get(pk)))
    if filters.origin:
        hits.sort(key=lambda hit: (hit.km is None, hit.km or 0.0, hit.title.casefold()))
    else:
        hits.sort(key=lambda hit: hit.title.casefold())
    return hits


def _statuses_fill(hits: list[FinderHit], *, kind: str, now: datetime) -> None:
    """Gives the hits of one kind their opening status, unless "open now" already did."""
    missing = [hit for hit in hits if hit.kind == kind and hit.status is None]
    if kind not in HOURS_MODELS or not missing:
        return
    hours = hours_for(kind=kind, page_ids=[hit.pk for hit in missing], now=now)
    for hit in missing:
        if hit.pk in hours:
            hit.status = hours[hit.pk].status(now)


def entries_load(*, hits: list[FinderHit], now: datetime) -> list[tuple[FinderHit, Page]]:
    """The specific pages for one page of hits, with what their cards show, in a fixed
    number of queries; each hit gets its opening status."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for hit in hits:
        by_kind[hit.kind].append(hit.pk)
    pages: dict[tuple[str, int], Page] = {}
    for kind, ids in by_kind.items():
        queryset = ENTRY_MODELS[kind].objects.filter(pk__in=ids).select_related("ward")
        if kind == EntryKind.HUB:
            queryset = queryset.prefetch_related("services")
        pages.update({(kind, page.pk): page for page in queryset})
        _statuses_fill(hits, kind=kind, now=now)
    return [(hit, pages[(hit.kind, hit.pk)]) for hit in hits if (hit.kind, hit.pk) in pages]


def entry_hours(*, page, now: datetime) -> EntryHours:
    """One page's hours (for its own page), the same way the finder reads them."""
    return hours_for(kind=page.kind, page_ids=[page.pk], now=now).get(page.pk, EntryHours())


_MAP_COMMON = ("pk", "url_path", "introduction", "address", "postcode", "latitude", "longitude")
MAP_FIELDS = {
    EntryKind.HUB: _MAP_COMMON,
    EntryKind.FOOD: (*_MAP_COMMON, "food_place_kind"),
    EntryKind.ASSET: (
        *_MAP_COMMON,
        "category",
        "location_is_approximate",
        "ward__name",
        "neighbourhood__name",
    ),
}


def map_rows(*, hits: list[FinderHit], now: datetime) -> list[tuple[FinderHit, dict]]:
    """What the map shows for every hit, in two or three queries per kind (no page objects)."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for hit in hits:
        by_kind[hit.kind].append(hit.pk)
    rows: dict[tuple[str, int], dict] = {}
    for kind, ids in by_kind.items():
        queryset = ENTRY_MODELS[kind].objects.filter(pk__in=ids).values(*MAP_FIELDS[kind])
        rows.update({(kind, row["pk"]): row for row in queryset})
        _statuses_fill(hits, kind=kind, now=now)
    return [
        (hit, rows[(hit.kind, hit.pk)])
        for hit in hits
        if (hit.kind, hit.pk) in rows and rows[(hit.kind, hit.pk)]["latitude"] is not None
    ]
