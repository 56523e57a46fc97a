"""Entry pages: where they are (filled from the postcode), their hours, and schema.org data."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from directory.builders import (
    CommunityAssetPageBuilder,
    FoodPlacePageBuilder,
    HubDatedHoursBuilder,
    HubOpeningPeriodBuilder,
    HubServiceBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import AssetCategory, CommunityAssetPage, CoreService, WellbeingHubPage
from website.core.builders import AreaBuilder
from website.core.models import Area

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
WEDNESDAY_11AM = datetime.datetime(2026, 11, 25, 11, 0, tzinfo=LONDON)


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY_11AM.astimezone(datetime.UTC))
    return WEDNESDAY_11AM


@pytest.fixture
def waterfront_ward(db):
    return AreaBuilder(
        name="St Peter and the Waterfront", slug="waterfront", kind=Area.Kind.WARD, code="E05002094"
    )


def _hub(**fields) -> WellbeingHubPage:
    defaults = {"title": "Hub", "slug": "hub", "operator": "Age UK", "address": "1 Example Street"}
    return WellbeingHubPage(**(defaults | fields))


def test_postcode_is_normalised_and_fills_position_and_ward(waterfront_ward):
    hub = _hub(postcode=" pl11ae ")
    hub.clean()
    assert hub.postcode == "PL1 1AE"
    assert (hub.latitude, hub.longitude) == pytest.approx((50.371101, -4.138728))
    assert hub.ward == waterfront_ward


def test_a_given_position_is_kept(waterfront_ward):
    hub = _hub(postcode="PL1 1AE", latitude=50.37, longitude=-4.14)
    hub.clean()
    assert (hub.latitude, hub.longitude) == (50.37, -4.14)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"postcode": "PL1-1AE"}, "postcode", "Enter a full UK postcode"),
        ({"postcode": "SW1A 1AA"}, "postcode", "not in Plymouth's postcode list"),
        ({"postcode": ""}, "address", "Give the address and its postcode."),
        ({"postcode": "PL1 1AE", "latitude": 50.37}, "longitude", "Give both"),
    ],
)
def test_place_errors(fields, field, message):
    with pytest.raises(ValidationError) as error:
        _hub(**fields).clean()
    assert message in str(error.value.message_dict[field])


def test_skills_are_placed_at_the_area_centre_never_an_address(waterfront_ward):
    asset = CommunityAssetPage(
        title="Bike repair skills",
        slug="bikes",
        category=AssetCategory.SKILLS,
        description="<p>x</p>",
        get_involved="Ask",
        ward=waterfront_ward,
    )
    asset.clean()
    assert asset.location_is_approximate
    assert asset.latitude == pytest.approx(50.37, abs=0.02)
    asset.postcode = "PL1 1AE"
    with pytest.raises(ValidationError, match="only the neighbourhood or ward"):
        asset.clean()


def test_asset_without_postcode_or_area_is_refused():
    asset = CommunityAssetPage(
        title="Park", slug="park", category=AssetCategory.NATURE, description="x", get_involved="x"
    )
    with pytest.raises(ValidationError, match="neighbourhood or the ward"):
        asset.clean()


def test_hub_page_shows_services_hours_changes_and_status(client, directory, frozen_now):
    hub = WellbeingHubPageBuilder(
        parent=directory,
        title="Mount Gould Hub",
        operator="Age UK",
        family_hub=True,
        step_free=True,
        activities="Knit and natter\nWalking group",
    )
    HubServiceBuilder(page=hub, service_type=CoreService.BEFRIENDING, description="Weekly visits")
    for weekday in range(5):
        HubOpeningPeriodBuilder(page=hub, weekday=weekday)
    HubOpeningPeriodBuilder(page=hub, weekday=3, opens=datetime.time(18), closes=datetime.time(20))
    HubDatedHoursBuilder(page=hub, day=datetime.date(2026, 12, 25), note="Christmas Day")
    html = client.get(hub.url).content.decode()
    assert "Open now, closes at 5 p.m." in html
    assert "Befriending" in html and "Weekly visits" in html
    assert re.search(r"Thursday</th>\s*<td[^>]*>9 a.m. to 5 p.m., 6 p.m. to 8 p.m.", html)
    assert re.search(r"Saturday</th>\s*<td[^>]*>Closed", html)
    assert "Friday 25 December" in html and "Christmas Day" in html
    assert "It is also a Family Hub." in html
    assert "<li>Walking group</li>" in html
    assert "Step-free access" in html
    assert "Suggest a correction" not in html  # no asset map yet


def test_json_ld_describes_the_hub_and_cannot_break_out(client, directory, frozen_now):
    hub = WellbeingHubPageBuilder(parent=directory, title="</script><script>alert(1)</script>")
    HubOpeningPeriodBuilder(page=hub, weekday=0)
    html = client.get(hub.url).content.decode()
    assert "</script><script>alert(1)" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["address"]["postalCode"] == "PL1 1AE"
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "09:00",
            "closes": "17:00",
        }
    ]


def test_food_place_page(client, directory):
    food = FoodPlacePageBuilder(
        parent=directory, title="Barne Barton Food Co-op", cost="£5 a week", delivery="Fridays"
    )
    html = client.get(food.url).content.decode()
    assert "Food co-op" in html and "£5 a week" in html and "Fridays" in html
    assert "Contact them to ask when they are open." in html


def test_approximate_asset_page_shows_only_its_area(client, asset_map, waterfront_ward):
    asset = CommunityAssetPageBuilder(
        parent=asset_map,
        title="Bike repair skills",
        category=AssetCategory.SKILLS,
        postcode="",
        ward=waterfront_ward,
        location_is_approximate=True,
    )
    html = client.get(asset.url).content.decode()
    assert "Around St Peter and the Waterfront" in html
    assert "PL1 1AE" not in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Place" and "geo" not in data and "address" not in data
    assert f"suggest/?entry={asset.pk}" in html
