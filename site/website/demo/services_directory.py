"""Builds the example directory (content_directory.py) with the directory builders: the
Wellbeing Hubs, the food co-ops and social supermarkets, and the community asset map. Each step
adds only what is missing (pages by slug under their parent), so the loader can run again."""

from datetime import date, time, timedelta

import holidays
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.rich_text import RichText

from directory.builders import (
    CommunityAssetMapPageBuilder,
    CommunityAssetPageBuilder,
    FoodPlacePageBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import (
    ACCESSIBILITY_FEATURES,
    AssetCategory,
    FoodPlaceDatedHours,
    FoodPlaceKind,
    FoodPlaceOpeningPeriod,
    HubDatedHours,
    HubOpeningPeriod,
    HubService,
)
from website.core.models import Area
from website.core.working_days import working_day_is

from . import content_directory as content
from .pages import child_ensure

# Entries of content.HUBS that go to the page as they are.
HUB_WORDS = (
    "title",
    "introduction",
    "operator",
    "address",
    "postcode",
    "phone",
    "email",
    "specialisms",
    "activities",
    "languages",
)
# Entries of content.FOOD_PLACES that go to the page as they are.
FOOD_WORDS = (
    "title",
    "introduction",
    "run_by",
    "who_can_join",
    "address",
    "postcode",
    "phone",
    "email",
)
BANK_HOLIDAYS_SHOWN = 2
TRAINING_OPENS = time(13)
TRAINING_NOTE = "Staff training — opens at 1pm"


def directory_ensure(pages: dict[str, Page], *, today: date | None = None) -> list[Page]:
    """The example hubs, food places and asset map under the directory index, published.

    Dated hours count from `today` (default: the day of loading): each hub is closed on the
    next two bank holidays in England and opens late one day for staff training.
    """
    today = today or timezone.localdate()
    index = pages["directory"]
    areas = _areas_by_name()
    closures = bank_holidays_next(today=today, count=BANK_HOLIDAYS_SHOWN)
    entries = []
    for words in content.HUBS:
        fields = _hub_fields(words, areas=areas, closures=closures, today=today)
        entries.append(child_ensure(index, words["slug"], WellbeingHubPageBuilder, **fields))
    for words in content.FOOD_PLACES:
        fields = _food_fields(words, areas=areas, closures=closures, pages=pages)
        entries.append(child_ensure(index, words["slug"], FoodPlacePageBuilder, **fields))
    return entries + asset_map_ensure(index, areas=areas)


def asset_map_ensure(index: Page, *, areas: dict[str, Area]) -> list[Page]:
    """The community asset map under the directory, and its assets."""
    words = content.ASSET_MAP
    asset_map = child_ensure(
        index,
        words["slug"],
        CommunityAssetMapPageBuilder,
        title=words["title"],
        introduction=words["introduction"],
        body=[("rich_text", RichText(words["body"]))],
    )
    assets = []
    for words in content.ASSETS:
        fields = _asset_fields(words, areas=areas)
        assets.append(
            child_ensure(asset_map, slugify(words["title"]), CommunityAssetPageBuilder, **fields)
        )
    return assets


def bank_holidays_next(*, today: date, count: int) -> list[tuple[date, str]]:
    """The next `count` bank holidays in England after `today`, with their names.

    Only weekdays: when Boxing Day falls on a Saturday the library lists both the day itself
    and the Monday bank holiday that replaces it ("observed"); the Monday is the day off.
    """
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=(today.year, today.year + 1))
    days = sorted((day, name) for day, name in calendar.items() if day > today)
    return [(day, name) for day, name in days if day.weekday() < 5][:count]


def _hub_fields(
    words: dict, *, areas: dict[str, Area], closures: list[tuple[date, str]], today: date
) -> dict:
    """Builder arguments for one entry of content.HUBS, with its services and hours."""
    notes = words.get("service_notes", {})
    services = words.get("services", content.CORE_SERVICES)
    training = _training_day(today + timedelta(days=words["training_in_days"]), words["hours"])
    return {
        **{key: words[key] for key in HUB_WORDS},
        "family_hub": words.get("family_hub", False),
        "about": words["about"] + content.HUB_EXAMPLE_NOTE,
        **_place_fields(words, areas=areas),
        **_access_fields(words),
        "services": [
            HubService(
                service_type=key,
                description=notes.get(key, content.CORE_SERVICE_DESCRIPTIONS[key]),
                sort_order=order,
            )
            for order, key in enumerate(services)
        ],
        "opening_periods": _periods(HubOpeningPeriod, words["hours"]),
        "dated_hours": [
            *_closures(HubDatedHours, closures, words["hours"]),
            HubDatedHours(
                day=training,
                opens=TRAINING_OPENS,
                closes=_closes_on(training, words["hours"]),
                note=TRAINING_NOTE,
                sort_order=len(closures),
            ),
        ],
    }


def _food_fields(
    words: dict, *, areas: dict[str, Area], closures: list[tuple[date, str]], pages: dict
) -> dict:
    """Builder arguments for one entry of content.FOOD_PLACES, with its collection times."""
    kind = words.get("kind", FoodPlaceKind.CO_OP)
    how_it_works = (
        content.SUPERMARKET_HOW_IT_WORKS
        if kind == FoodPlaceKind.SOCIAL_SUPERMARKET
        else content.CO_OP_HOW_IT_WORKS
    )
    return {
        **{key: words[key] for key in FOOD_WORDS},
        "food_place_kind": kind,
        "how_it_works": how_it_works + content.FOOD_EXAMPLE_NOTE,
        "cost": words.get("cost", content.CO_OP_COST),
        "delivery": words.get("delivery", ""),
        "volunteering_page": _opportunity(pages, words.get("volunteering")),
        **_place_fields(words, areas=areas),
        **_access_fields(words),
        "opening_periods": _periods(FoodPlaceOpeningPeriod, words["hours"]),
        "dated_hours": _closures(FoodPlaceDatedHours, closures, words["hours"]),
    }


def _asset_fields(words: dict, *, areas: dict[str, Area]) -> dict:
    """Builder arguments for one entry of content.ASSETS. Skills and gifts get no address or
    postcode; the page's clean() places them (and assets without a postcode) at the ward's
    centre."""
    postcode = words.get("postcode", "")
    if words["category"] == AssetCategory.SKILLS and postcode:
        raise ValueError(f"{words['title']}: skills and gifts are shown by area only")
    return {
        **{key: words[key] for key in ("title", "introduction", "category", "get_involved")},
        "description": words["description"] + content.ASSET_EXAMPLE_NOTE,
        "address": f"Example address, {words['neighbourhood']}" if postcode else "",
        "postcode": postcode,
        "phone": words.get("phone", ""),
        "email": words.get("email", ""),
        **_place_fields(words, areas=areas),
    }


def _areas_by_name() -> dict[str, Area]:
    """The Community Builder neighbourhoods by name."""
    return {a.name: a for a in Area.objects.filter(kind=Area.Kind.NEIGHBOURHOOD)}


def _place_fields(words: dict, *, areas: dict[str, Area]) -> dict:
    """No position, so the page's clean() takes it (and the ward) from the postcode."""
    fields = {"latitude": None, "longitude": None}
    name = words.get("neighbourhood")
    if not name:
        return fields
    if name not in areas:
        raise LookupError(f"No neighbourhood {name!r}: run taxonomy_ensure() first")
    return {**fields, "neighbourhood": areas[name]}


def _access_fields(words: dict) -> dict:
    features = words.get("access", ())
    return {
        **{name: name in features for name, _label in ACCESSIBILITY_FEATURES},
        "accessibility_detail": words.get("access_detail", ""),
    }


def _periods(model, hours: list[tuple[int, str, str]]) -> list:
    return [
        model(
            weekday=weekday,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
            sort_order=order,
        )
        for order, (weekday, opens, closes) in enumerate(hours)
    ]


def _closures(model, closures: list[tuple[date, str]], hours: list) -> list:
    """Closed all day on the bank holidays that fall on a day it would open."""
    open_days = {weekday for weekday, _opens, _closes in hours}
    return [
        model(day=day, note=f"Bank holiday: {name}", sort_order=order)
        for order, (day, name) in enumerate(closures)
        if day.weekday() in open_days
    ]


def _training_day(day: date, hours: list) -> date:
    """The first working day from `day` that the hub usually opens."""
    open_days = {weekday for weekday, _opens, _closes in hours}
    while not (working_day_is(day) and day.weekday() in open_days):
        day += timedelta(days=1)
    return day


def _closes_on(day: date, hours: list) -> time:
    """The usual closing time on that day of the week."""
    return max(time.fromisoformat(c) for weekday, _o, c in hours if weekday == day.weekday())


def _opportunity(pages: dict[str, Page], slug: str | None) -> Page | None:
    """The volunteering opportunity with this slug, if the volunteering demo has it."""
    board = pages.get("volunteering")
    if not (slug and board):
        return None
    return board.get_children().filter(slug=slug).first()


# services.py imports this module, so its two helpers are repeated here rather than imported
# (as services_volunteering does).
