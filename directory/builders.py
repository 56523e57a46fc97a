"""Builders for the directory's pages, hours and suggestions; shared by the tests and the demo
content."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import (
    AssetCategory,
    AssetSuggestion,
    CommunityAssetMapPage,
    CommunityAssetPage,
    CoreService,
    DirectoryIndexPage,
    FoodPlaceDatedHours,
    FoodPlaceKind,
    FoodPlaceOpeningPeriod,
    FoodPlacePage,
    HubDatedHours,
    HubOpeningPeriod,
    HubService,
    SuggestionKind,
    WellbeingHubPage,
)

# The centre of PL1 1AE (the Civic Centre), the builders' default place.
CITY_CENTRE = (50.3694, -4.1424)


class DirectoryIndexPageBuilder(wagtail_factories.PageFactory):
    title = "Find support near you"
    slug = "support-near-you"

    class Meta:
        model = DirectoryIndexPage


class CommunityAssetMapPageBuilder(wagtail_factories.PageFactory):
    title = "Community asset map"
    slug = "community-assets"
    introduction = "What each neighbourhood has to build on."

    class Meta:
        model = CommunityAssetMapPage


class WellbeingHubPageBuilder(wagtail_factories.PageFactory):
    """A hub in the city centre; give `latitude`/`longitude` to place it elsewhere."""

    title = factory.Sequence(lambda n: f"Wellbeing Hub {n}")
    introduction = "Advice, befriending and support for everyone."
    operator = "Improving Lives Plymouth"
    address = "Example Street"
    postcode = "PL1 1AE"
    latitude, longitude = CITY_CENTRE
    phone = "01632 960001"
    email = factory.Sequence(lambda n: f"hub{n}@example.org")

    class Meta:
        model = WellbeingHubPage


class HubServiceBuilder(DjangoModelFactory):
    page = factory.SubFactory(WellbeingHubPageBuilder)
    service_type = CoreService.ADVICE
    description = "Drop in for advice on money, housing and health."

    class Meta:
        model = HubService


class HubOpeningPeriodBuilder(DjangoModelFactory):
    """Monday 09:00 to 17:00 unless told otherwise."""

    page = factory.SubFactory(WellbeingHubPageBuilder)
    weekday = 0
    opens = datetime.time(9)
    closes = datetime.time(17)

    class Meta:
        model = HubOpeningPeriod


class HubDatedHoursBuilder(DjangoModelFactory):
    """Closed all day unless given times."""

    page = factory.SubFactory(WellbeingHubPageBuilder)
    day = factory.LazyFunction(datetime.date.today)
    note = "Bank holiday"

    class Meta:
        model = HubDatedHours


class FoodPlacePageBuilder(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Food co-op {n}")
    introduction = "Members pay a small amount each week for a bag of food worth much more."
    food_place_kind = FoodPlaceKind.CO_OP
    how_it_works = "<p>Members volunteer a little time and collect a bag each week.</p>"
    who_can_join = "Anyone who lives in Plymouth."
    cost = "£5 a week"
    address = "Example Street"
    postcode = "PL1 1AE"
    latitude, longitude = CITY_CENTRE

    class Meta:
        model = FoodPlacePage


class FoodPlaceOpeningPeriodBuilder(DjangoModelFactory):
    page = factory.SubFactory(FoodPlacePageBuilder)
    weekday = 3
    opens = datetime.time(10)
    closes = datetime.time(12)

    class Meta:
        model = FoodPlaceOpeningPeriod


class FoodPlaceDatedHoursBuilder(DjangoModelFactory):
    page = factory.SubFactory(FoodPlacePageBuilder)
    day = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = FoodPlaceDatedHours


class CommunityAssetPageBuilder(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Community asset {n}")
    introduction = "A place where neighbours meet."
    category = AssetCategory.PLACES
    description = "<p>A hall with a kitchen, free for community groups.</p>"
    get_involved = "Ask at the front desk."
    postcode = "PL1 1AE"
    latitude, longitude = CITY_CENTRE

    class Meta:
        model = CommunityAssetPage


class AssetSuggestionBuilder(DjangoModelFactory):
    kind = SuggestionKind.NEW
    asset_name = "Friday knit and natter"
    category = AssetCategory.GROUPS
    details = "A knitting group that meets in the library every Friday morning."
    location = "Efford Library"
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    notify = True

    class Meta:
        model = AssetSuggestion
