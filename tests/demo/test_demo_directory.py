"""The demo directory: every Wellbeing Hub from the seeds with its operator, services and at least
37 hours a week, ten food co-ops and two social supermarkets, and a community asset map across
all six categories and the Community Builder neighbourhoods; example contact details only,
positions inside Plymouth, and built once however often the loader runs."""

import re
from datetime import date, datetime, time, timedelta

import holidays
import pytest
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.html import escape

from directory.models import (
    AssetCategory,
    CommunityAssetMapPage,
    CommunityAssetPage,
    CoreService,
    FoodPlaceKind,
    FoodPlacePage,
    HubDatedHours,
    HubService,
    WellbeingHubPage,
)
from volunteering.models import OpportunityPage
from website.core.models import Postcode
from website.core.selectors import ward_centre
from website.demo.services import pages_ensure, taxonomy_ensure
from website.demo.services_directory import bank_holidays_next, directory_ensure
from website.demo.services_volunteering import volunteering_ensure

# PRODUCT.md's "Facts from the seeds": (words in the hub's name, words in its operator).
SEED_HUBS = [
    ("Mannamead", "Improving Lives Plymouth"),
    ("City Centre", "Improving Lives Plymouth"),
    ("Whitleigh Family and Wellbeing Hub", "Four Greens Community Trust"),
    ("Jan Cutting Healthy Living Centre", "Wolseley Trust"),
    ("St Budeaux Hub", "Colebrook"),
    ("Rees Family and Wellbeing Hub", "Barnardo's"),
    ("Mount Gould Hub", "Age UK"),
    ("Estover Hub", "ELM Community Group"),
    ("Devonport Wellbeing Hub", "Plymouth Argyle Community Trust"),
    ("Southway Family and Wellbeing Hub", "Southway Community Group CIC"),
    ("Foulston Park", ""),
    ("YMCA Plymouth", ""),
    ("Efford Library", ""),
]
NEIGHBOURHOODS = {
    "Barne Barton",
    "Devonport",
    "Honicknowle",
    "Stonehouse",
    "East End",
    "Efford",
    "Estover",
    "Southway",
}
DRAMA_NUMBER = re.compile(r"01632 960\d{3}")
ENTRY_MODELS = (WellbeingHubPage, FoodPlacePage, CommunityAssetPage)


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The directory part of the demo, on the demo's page tree (faster than all of it)."""
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy_ensure()
        pages = pages_ensure()
        volunteering_ensure(pages)
        directory_ensure(pages)
    return pages


def _area_name(page) -> str:
    """The page's neighbourhood; Devonport, Honicknowle and Southway are also wards, and the
    demo's taxonomy keeps only the ward of that name."""
    return (page.neighbourhood or page.ward).name


def _entries() -> list:
    return [page for model in ENTRY_MODELS for page in model.objects.all()]


def _counts() -> tuple[int, ...]:
    return (
        WellbeingHubPage.objects.count(),
        HubService.objects.count(),
        HubDatedHours.objects.count(),
        FoodPlacePage.objects.count(),
        CommunityAssetMapPage.objects.count(),
        CommunityAssetPage.objects.count(),
    )


def _weekly_hours(page) -> float:
    total = timedelta()
    for period in page.opening_periods.all():
        opens = datetime.combine(datetime.min, period.opens)
        closes = datetime.combine(datetime.min, period.closes)
        total += closes - opens if closes > opens else closes + timedelta(days=1) - opens
    return total.total_seconds() / 3600


@pytest.mark.django_db
def test_running_twice_adds_nothing(demo, django_capture_on_commit_callbacks):
    first = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        directory_ensure(demo)
    assert _counts() == first
    assert first[0] == len(SEED_HUBS) and first[4] == 1
    assert not [page for page in _entries() if not page.live]


@pytest.mark.django_db
def test_every_hub_from_the_seeds_with_its_operator_services_and_37_hours(demo):
    hubs = list(WellbeingHubPage.objects.child_of(demo["directory"]).live())
    for name, operator in SEED_HUBS:
        matches = [hub for hub in hubs if name in hub.title]
        assert len(matches) == 1, name
        hub = matches[0]
        assert operator in hub.operator, name
        assert hub.services.exists() and hub.opening_periods.exists(), name
        assert hub.family_hub == ("Family and Wellbeing Hub" in hub.title), name
    full_offer = [hub for hub in hubs if hub.services.count() == len(CoreService.values)]
    assert len(full_offer) >= 8
    assert not HubService.objects.filter(description="").exists()
    hours = {hub.title: _weekly_hours(hub) for hub in hubs}
    assert all(total >= 37 for total in hours.values()), hours
    assert len(set(hours.values())) >= 3  # not all the same week
    assert WellbeingHubPage.objects.filter(opening_periods__weekday=5).exists()  # Saturdays


def test_bank_holidays_are_the_days_off():
    # gov.uk: Christmas Day 2026 is a Friday; Boxing Day's bank holiday moves to Monday 28th.
    days = [day for day, _name in bank_holidays_next(today=date(2026, 12, 1), count=2)]
    assert days == [date(2026, 12, 25), date(2026, 12, 28)]
    days = [day for day, _name in bank_holidays_next(today=date(2027, 3, 26), count=2)]
    assert days == [date(2027, 3, 29), date(2027, 5, 3)]  # after Good Friday


@pytest.mark.django_db
def test_hubs_close_on_the_next_two_bank_holidays_and_open_late_for_training(demo):
    today = timezone.localdate()
    england = holidays.country_holidays("GB", subdiv="ENG", years=(today.year, today.year + 1))
    next_two = [day for day in sorted(england) if day > today and day.weekday() < 5][:2]
    for hub in WellbeingHubPage.objects.all():
        closed = {row.day for row in hub.dated_hours.all() if row.opens is None}
        assert closed == set(next_two), hub.title
        training = [row for row in hub.dated_hours.all() if row.opens is not None]
        assert len(training) == 1, hub.title
        assert training[0].opens == time(13) and "training" in training[0].note.lower()
        assert training[0].day > today and training[0].day not in england
        assert training[0].day.weekday() in {p.weekday for p in hub.opening_periods.all()}


@pytest.mark.django_db
def test_ten_food_co_ops_and_two_social_supermarkets(demo):
    places = list(FoodPlacePage.objects.child_of(demo["directory"]).live())
    kinds = sorted(place.food_place_kind for place in places)
    assert kinds == [FoodPlaceKind.CO_OP] * 10 + [FoodPlaceKind.SOCIAL_SUPERMARKET] * 2
    for place in places:
        assert place.opening_periods.exists(), place.title
        assert place.who_can_join and place.cost, place.title
        assert "£10" in place.how_it_works and "volunteer" in place.how_it_works
    assert sum(bool(place.delivery) for place in places) >= 3
    assert {_area_name(place) for place in places} >= NEIGHBOURHOODS
    linked = [place for place in places if place.volunteering_page_id]
    assert linked and all(
        isinstance(place.volunteering_page.specific, OpportunityPage) for place in linked
    )


@pytest.mark.django_db
def test_assets_in_every_category_and_neighbourhood_with_skills_only_by_area(demo):
    asset_map = CommunityAssetMapPage.objects.child_of(demo["directory"]).get()
    assert "Asset Based Community Development" in str(asset_map.body)
    assets = list(CommunityAssetPage.objects.child_of(asset_map).live())
    assert 20 <= len(assets) <= 30
    assert {asset.category for asset in assets} == set(AssetCategory.values)
    assert {_area_name(asset) for asset in assets} == NEIGHBOURHOODS
    skills = [asset for asset in assets if asset.category == AssetCategory.SKILLS]
    assert 3 <= len(skills) <= 4
    for asset in skills:
        assert asset.address == "" and asset.postcode == "", asset.title
        assert asset.location_is_approximate, asset.title
        ward = asset.neighbourhood.ward if asset.neighbourhood else asset.ward
        centre = ward_centre(code=ward.code)
        assert (asset.latitude, asset.longitude) == (centre.latitude, centre.longitude)
    placed = [asset for asset in assets if asset.postcode]
    assert placed and not [asset for asset in placed if asset.location_is_approximate]


@pytest.mark.django_db
def test_example_contact_details_and_positions_inside_plymouth(demo):
    bounds = Postcode.objects.aggregate(
        south=Min("latitude"), north=Max("latitude"), west=Min("longitude"), east=Max("longitude")
    )
    entries = _entries()
    for page in entries:
        assert bounds["south"] <= page.latitude <= bounds["north"], page.title
        assert bounds["west"] <= page.longitude <= bounds["east"], page.title
        if page.postcode:  # a real postcode, in the ward (and neighbourhood) the page names
            assert page.ward.code == Postcode.objects.get(postcode=page.postcode).ward_code
            assert page.neighbourhood is None or page.neighbourhood.ward == page.ward
        assert not page.phone or DRAMA_NUMBER.fullmatch(page.phone), page.title
        assert not page.email or page.email.endswith("@example.org"), page.title
        assert not page.address or page.address.startswith("Example address"), page.title
        text = " ".join(
            str(getattr(page, name, "")) for name in ("about", "how_it_works", "description")
        )
        assert "Example content" in text, page.title
    assert len([page for page in entries if page.phone]) >= 25


@pytest.mark.django_db
def test_the_finder_the_asset_map_and_every_entry_render(demo, client):
    assert client.get(demo["directory"].url).status_code == 200
    hubs_only = client.get(demo["directory"].url, {"kind": "hub"}).content.decode()
    for hub in WellbeingHubPage.objects.all():
        assert escape(hub.title) in hubs_only
    asset_map = CommunityAssetMapPage.objects.get()
    assert client.get(asset_map.url).status_code == 200
    for page in _entries():
        response = client.get(page.url)
        assert response.status_code == 200, page.title
        assert escape(page.title) in response.content.decode()
