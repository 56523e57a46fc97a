"""The finder: one search across hubs, food places and assets, nearest first."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from directory.builders import (
    CommunityAssetPageBuilder,
    FoodPlaceOpeningPeriodBuilder,
    FoodPlacePageBuilder,
    HubDatedHoursBuilder,
    HubOpeningPeriodBuilder,
    HubServiceBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import AssetCategory, CoreService
from website.core.builders import AreaBuilder
from website.core.models import Area

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# A Wednesday in term time: 11:00 in London.
WEDNESDAY_11AM = datetime.datetime(2026, 11, 25, 11, 0, tzinfo=LONDON)

# Real postcode centres: the city centre, Estover (north-east) and Devonport (west).
CITY_CENTRE = (50.3694, -4.1424)
ESTOVER = (50.4197, -4.1030)
DEVONPORT = (50.3700, -4.1740)


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY_11AM.astimezone(datetime.UTC))
    return WEDNESDAY_11AM


@pytest.fixture
def places(directory, asset_map):
    """Three hubs, a food co-op and an asset at known places."""
    estover = WellbeingHubPageBuilder(
        parent=directory, title="Estover Hub", latitude=ESTOVER[0], longitude=ESTOVER[1]
    )
    devonport = WellbeingHubPageBuilder(
        parent=directory,
        title="Devonport Wellbeing Hub",
        latitude=DEVONPORT[0],
        longitude=DEVONPORT[1],
        step_free=True,
        hearing_loop=True,
    )
    centre = WellbeingHubPageBuilder(
        parent=directory, title="City Centre Hub", latitude=CITY_CENTRE[0], longitude=CITY_CENTRE[1]
    )
    HubServiceBuilder(page=estover, service_type=CoreService.BEFRIENDING)
    HubServiceBuilder(page=devonport, service_type=CoreService.CARERS)
    HubServiceBuilder(page=centre, service_type=CoreService.ADVICE)
    food = FoodPlacePageBuilder(
        parent=directory, title="Efford Food Co-op", latitude=50.3830, longitude=-4.1020
    )
    asset = CommunityAssetPageBuilder(
        parent=asset_map,
        title="Central Park",
        category=AssetCategory.NATURE,
        latitude=50.3835,
        longitude=-4.1540,
    )
    return {
        "estover": estover,
        "devonport": devonport,
        "centre": centre,
        "food": food,
        "asset": asset,
    }


def _titles(response) -> list[str]:
    return [card["page"].title for card in response.context["cards"]]


def test_everything_listed_by_name_without_a_postcode(client, directory, places):
    response = client.get(directory.url)
    assert response.status_code == 200
    assert _titles(response) == [
        "Central Park",
        "City Centre Hub",
        "Devonport Wellbeing Hub",
        "Efford Food Co-op",
        "Estover Hub",
    ]
    assert "5 places found" in response.content.decode()


def test_postcode_orders_by_distance_and_shows_it(client, directory, places):
    response = client.get(directory.url, {"postcode": "pl6 7ae"})  # Estover, any case
    titles = _titles(response)
    assert titles[0] == "Estover Hub"
    assert titles[-1] == "Devonport Wellbeing Hub"
    html = response.content.decode()
    assert "Less than 0.1 miles away" in html or "miles away" in html
    assert "Contains OS data" in html  # the postcode data's attribution
    distances = [card["distance"] for card in response.context["cards"]]
    assert all(distances)


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("SW1A 1AA", "We could not find the postcode SW1A 1AA in Plymouth"),
        ("PL1-1AE", "Enter a full UK postcode, like PL1 2AA"),
        ("nonsense", "Enter a full UK postcode, like PL1 2AA"),
    ],
)
def test_unknown_or_malformed_postcode_is_a_clear_error(
    client, directory, places, postcode, message
):
    response = client.get(directory.url, {"postcode": postcode})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html
    assert len(response.context["cards"]) == 5  # still lists everything, by name


def test_service_filter_finds_hubs_offering_it(client, directory, places):
    response = client.get(directory.url, {"service": [CoreService.BEFRIENDING]})
    assert _titles(response) == ["Estover Hub"]


def test_kinds_services_and_categories_add_up(client, directory, places):
    response = client.get(
        directory.url,
        {"kind": ["food"], "service": [CoreService.CARERS], "category": ["nature-and-green-space"]},
    )
    assert _titles(response) == ["Central Park", "Devonport Wellbeing Hub", "Efford Food Co-op"]


def test_accessibility_filter_needs_every_feature(client, directory, places):
    response = client.get(directory.url, {"access": ["step_free", "hearing_loop"]})
    assert _titles(response) == ["Devonport Wellbeing Hub"]
    response = client.get(directory.url, {"access": ["step_free", "parking"]})
    assert _titles(response) == []
    assert "Nothing matches your search." in response.content.decode()


def test_area_filter_by_ward_and_neighbourhood(client, directory, places):
    ward = AreaBuilder(name="Devonport", slug="devonport-ward", kind=Area.Kind.WARD)
    neighbourhood = AreaBuilder(
        name="Morice Town", slug="morice-town", kind=Area.Kind.NEIGHBOURHOOD, ward=ward
    )
    places["devonport"].ward = ward
    places["devonport"].save()
    places["food"].neighbourhood = neighbourhood
    places["food"].save()
    assert _titles(client.get(directory.url, {"area": "devonport-ward"})) == [
        "Devonport Wellbeing Hub",
        "Efford Food Co-op",
    ]
    assert _titles(client.get(directory.url, {"area": "morice-town"})) == [
        "Devonport Wellbeing Hub",
        "Efford Food Co-op",
    ]


def test_open_now_shows_only_what_is_open_and_says_until_when(
    client, directory, places, frozen_now
):
    HubOpeningPeriodBuilder(
        page=places["estover"], weekday=2, opens=datetime.time(9), closes=datetime.time(17)
    )
    HubOpeningPeriodBuilder(
        page=places["centre"], weekday=2, opens=datetime.time(13), closes=datetime.time(16)
    )
    HubOpeningPeriodBuilder(
        page=places["devonport"], weekday=2, opens=datetime.time(9), closes=datetime.time(17)
    )
    HubDatedHoursBuilder(page=places["devonport"], day=frozen_now.date())  # closed today
    FoodPlaceOpeningPeriodBuilder(
        page=places["food"], weekday=2, opens=datetime.time(10), closes=datetime.time(12)
    )
    response = client.get(directory.url, {"open_now": "on"})
    assert _titles(response) == ["Efford Food Co-op", "Estover Hub"]
    cards = {card["page"].title: card for card in response.context["cards"]}
    assert cards["Estover Hub"]["status"] == "Open now, closes at 5 p.m."
    assert cards["Efford Food Co-op"]["status"] == "Open now, closes at noon"
    everything = {c["page"].title: c for c in client.get(directory.url).context["cards"]}
    assert everything["City Centre Hub"]["status"] == "Closed now, opens at 1 p.m."
    # Closed today (an exception), so next open a week today: named by its date.
    assert (
        everything["Devonport Wellbeing Hub"]["status"]
        == "Closed now, opens Wednesday 2 December at 9 a.m."
    )
    assert everything["Central Park"]["status"] == ""  # assets have no hours


def test_nearest_open_hub_from_a_postcode(client, directory, places, frozen_now):
    for hub in ("estover", "devonport", "centre"):
        HubOpeningPeriodBuilder(page=places[hub], weekday=2)
    response = client.get(directory.url, {"postcode": "PL1 1AE", "kind": ["hub"], "open_now": "on"})
    assert _titles(response) == ["City Centre Hub", "Devonport Wellbeing Hub", "Estover Hub"]


def test_keyword_search_is_literal(client, directory, places):
    assert _titles(client.get(directory.url, {"q": "estover"})) == ["Estover Hub"]
    assert _titles(client.get(directory.url, {"q": "100%_"})) == []


def test_drafts_and_other_languages_are_not_listed(client, directory, places, locales):
    places["estover"].unpublish()
    assert "Estover Hub" not in _titles(client.get(directory.url))


@pytest.mark.parametrize(
    "params",
    [
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"q": "a\x00b"},
        {"postcode": "PL1\x001AE"},
        {"area": "' OR '1'='1"},
        {"kind": "everything"},
        {"service": "<script>alert(1)</script>"},
        {"access": "is_superuser"},
        {"open_now": "maybe"},
        {"q": "x" * 100_000},
        {"q": "\u202eevil"},
    ],
)
def test_bad_input_never_errors(client, directory, places, params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_postcode_with_an_invisible_character_is_accepted(client, directory, places):
    response = client.get(directory.url, {"postcode": "PL6\u200b 7AE"})
    assert _titles(response)[0] == "Estover Hub"


def test_pagination_keeps_the_filters(client, directory):
    for number in range(25):
        WellbeingHubPageBuilder(parent=directory, title=f"Hub {number:02}")
    response = client.get(directory.url, {"kind": ["hub"]})
    assert len(response.context["cards"]) == 20
    html = response.content.decode()
    assert "kind=hub&amp;page=2" in html
    second = client.get(directory.url, {"kind": ["hub"], "page": "2"})
    assert len(second.context["cards"]) == 5


def test_finder_query_count_does_not_grow(client, directory, django_assert_max_num_queries):
    def build(count: int, start: int = 0):
        for number in range(start, start + count):
            hub = WellbeingHubPageBuilder(parent=directory, title=f"Hub {number}")
            HubServiceBuilder(page=hub)
            HubOpeningPeriodBuilder(page=hub)

    build(30)
    params = {"postcode": "PL1 1AE", "open_now": "on", "service": ["advice"]}
    with django_assert_max_num_queries(30) as small:
        client.get(directory.url, params)
    build(300, start=30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(directory.url, params)
