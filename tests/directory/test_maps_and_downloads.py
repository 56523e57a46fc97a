"""GeoJSON for the maps and the open-data downloads: same items as the lists, with licence."""

import csv
import io
import json

import pytest

from directory.builders import (
    CommunityAssetPageBuilder,
    FoodPlacePageBuilder,
    HubOpeningPeriodBuilder,
    HubServiceBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import AssetCategory, CoreService
from website.core.builders import AreaBuilder
from website.core.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(directory, asset_map):
    hub = WellbeingHubPageBuilder(parent=directory, title="Estover Hub")
    HubServiceBuilder(page=hub, service_type=CoreService.BEFRIENDING)
    food = FoodPlacePageBuilder(parent=directory, title="=cmd|' /C calc'!A0")
    ward = AreaBuilder(
        name="Efford and Lipson", slug="efford", kind=Area.Kind.WARD, code="E05002082"
    )
    skills = CommunityAssetPageBuilder(
        parent=asset_map,
        title="Bike repair skills",
        category=AssetCategory.SKILLS,
        postcode="",
        ward=ward,
        location_is_approximate=True,
    )
    park = CommunityAssetPageBuilder(
        parent=asset_map, title="Central Park", category=AssetCategory.NATURE
    )
    return {"hub": hub, "food": food, "skills": skills, "park": park}


def _geojson(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def test_finder_geojson_has_every_match_with_what_the_map_shows(client, directory, entries):
    data = _geojson(client, directory.url + "map.geojson/")
    assert data["type"] == "FeatureCollection"
    assert "open-government-licence" in data["licence"]
    assert "Contains OS data" in data["attribution"]
    features = {f["properties"]["name"]: f for f in data["features"]}
    assert set(features) == {
        "Estover Hub",
        "=cmd|' /C calc'!A0",
        "Bike repair skills",
        "Central Park",
    }
    hub = features["Estover Hub"]
    assert hub["geometry"] == {"type": "Point", "coordinates": [-4.1424, 50.3694]}
    assert hub["properties"]["kind"] == "hub"
    assert hub["properties"]["url"] == entries["hub"].url
    skills = features["Bike repair skills"]["properties"]
    assert skills["approximate"] is True
    assert skills["address"] == "Around Efford and Lipson"
    assert skills["category_label"] == "People's skills and gifts"


def test_finder_geojson_follows_the_filters(client, directory, entries):
    data = _geojson(client, directory.url + "map.geojson/", {"service": ["befriending"]})
    assert [f["properties"]["name"] for f in data["features"]] == ["Estover Hub"]


def test_finder_page_links_its_map_to_the_same_filters(client, directory, entries):
    html = client.get(directory.url, {"service": ["befriending"]}).content.decode()
    assert 'data-geojson-url="/support-near-you/map.geojson/?service=befriending"' in html


def test_asset_map_lists_and_maps_only_assets(client, asset_map, entries):
    response = client.get(asset_map.url, {"category": ["nature-and-green-space"]})
    assert [card["page"].title for card in response.context["cards"]] == ["Central Park"]
    data = _geojson(client, asset_map.url + "map.geojson/")
    assert {f["properties"]["name"] for f in data["features"]} == {
        "Bike repair skills",
        "Central Park",
    }


def test_pages_without_results_load_no_map(client, directory):
    html = client.get(directory.url).content.decode()
    assert "leaflet" not in html.lower()


def test_geojson_download(client, directory, entries):
    response = client.get(directory.url + "download/directory.geojson/")
    assert 'attachment; filename="plymouth-directory.geojson"' in response["Content-Disposition"]
    assert len(json.loads(response.content)["features"]) == 4


def test_csv_download_is_open_and_formula_safe(client, directory, entries):
    response = client.get(directory.url + "download/directory.csv/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'rel="license"' in response["Link"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["id", "kind", "type", "name"]
    names = {row[3] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in names  # never a formula in a spreadsheet
    assert len(rows) == 5


def test_unknown_download_format_is_404(client, directory):
    assert client.get(directory.url + "download/directory.xml/").status_code == 404


def test_geojson_query_count_does_not_grow(client, directory, django_assert_max_num_queries):
    def build(start, count):
        for number in range(start, start + count):
            hub = WellbeingHubPageBuilder(parent=directory, title=f"Hub {number}")
            HubOpeningPeriodBuilder(page=hub)

    build(0, 10)
    with django_assert_max_num_queries(20) as small:
        client.get(directory.url + "map.geojson/")
    build(10, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(directory.url + "map.geojson/")
