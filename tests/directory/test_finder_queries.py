"""The finder, its map and the asset map run a fixed number of queries with 1,000 entries."""

import datetime

import pytest

from directory.models import (
    AssetCategory,
    CommunityAssetPage,
    CoreService,
    FoodPlaceKind,
    FoodPlaceOpeningPeriod,
    FoodPlacePage,
    HubDatedHours,
    HubOpeningPeriod,
    HubService,
    WellbeingHubPage,
)

from .bulk import pages_bulk_create

pytestmark = pytest.mark.django_db

SEARCHES = [
    {},
    {"postcode": "PL1 1AE"},
    {"postcode": "PL1 1AE", "open_now": "on", "service": ["befriending"], "access": ["step_free"]},
    {"kind": ["food", "asset"], "q": "hub", "page": "3"},
]


def _directory_build(directory, asset_map, count: int) -> None:
    """`count` entries: 40% hubs with every service, hours and an exception, 30% food
    places with hours, 30% assets; spread over the city."""
    hubs = pages_bulk_create(
        parent=directory,
        model=WellbeingHubPage,
        rows=[
            {
                "title": f"Hub {n}",
                "slug": f"hub-{n}",
                "operator": "Age UK",
                "address": "Example Street",
                "postcode": "PL1 1AE",
                "latitude": 50.35 + n % 100 * 0.001,
                "longitude": -4.2 + n % 97 * 0.001,
                "step_free": n % 2 == 0,
            }
            for n in range(count * 4 // 10)
        ],
    )
    HubService.objects.bulk_create(
        HubService(page=hub, service_type=service, sort_order=i)
        for hub in hubs
        for i, service in enumerate(CoreService.values)
    )
    HubOpeningPeriod.objects.bulk_create(
        HubOpeningPeriod(page=hub, weekday=day, opens=datetime.time(9), closes=datetime.time(17))
        for hub in hubs
        for day in range(5)
    )
    HubDatedHours.objects.bulk_create(
        HubDatedHours(page=hub, day=datetime.date.today()) for hub in hubs[::3]
    )
    food = pages_bulk_create(
        parent=directory,
        model=FoodPlacePage,
        rows=[
            {
                "title": f"Food {n}",
                "slug": f"food-{n}",
                "food_place_kind": FoodPlaceKind.CO_OP,
                "how_it_works": "<p>x</p>",
                "who_can_join": "Anyone",
                "cost": "£5",
                "postcode": "PL1 1AE",
                "latitude": 50.36 + n % 50 * 0.001,
                "longitude": -4.15,
            }
            for n in range(count * 3 // 10)
        ],
    )
    FoodPlaceOpeningPeriod.objects.bulk_create(
        FoodPlaceOpeningPeriod(
            page=place, weekday=3, opens=datetime.time(10), closes=datetime.time(12)
        )
        for place in food
    )
    pages_bulk_create(
        parent=asset_map,
        model=CommunityAssetPage,
        rows=[
            {
                "title": f"Asset {n}",
                "slug": f"asset-{n}",
                "category": AssetCategory.values[n % 6],
                "description": "<p>x</p>",
                "get_involved": "Ask",
                "postcode": "PL1 1AE",
                "latitude": 50.38,
                "longitude": -4.12 - n % 40 * 0.001,
            }
            for n in range(count - count * 7 // 10)
        ],
    )


@pytest.mark.parametrize("params", SEARCHES)
def test_finder_queries_do_not_grow_with_1000_entries(
    client, directory, asset_map, django_assert_max_num_queries, params
):
    _directory_build(directory, asset_map, 20)
    with django_assert_max_num_queries(40) as small:
        assert client.get(directory.url, params).status_code == 200
    _directory_build_more = _directory_build  # the same shape, 50 times as many
    for model in (WellbeingHubPage, FoodPlacePage, CommunityAssetPage):
        model.objects.all().delete()
    _directory_build_more(directory, asset_map, 1000)
    assert WellbeingHubPage.objects.count() + FoodPlacePage.objects.count() == 700
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(directory.url, params)
    assert response.status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(directory.url + "map.geojson/", params).status_code == 200
