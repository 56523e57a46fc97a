"""Directory models: the finder and asset map pages, their entries, hours and suggestions."""

from .entries import (
    AssetCategory,
    CommunityAssetPage,
    CoreService,
    EntryKind,
    FoodPlaceKind,
    FoodPlacePage,
    HubService,
    WellbeingHubPage,
)
from .hours import (
    FoodPlaceDatedHours,
    FoodPlaceOpeningPeriod,
    HubDatedHours,
    HubOpeningPeriod,
    Weekday,
)
from .pages import CommunityAssetMapPage, DirectoryIndexPage
from .places import ACCESSIBILITY_FEATURES
from .suggestions import AssetSuggestion, SuggestionKind, SuggestionStatus

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "AssetCategory",
    "AssetSuggestion",
    "CommunityAssetMapPage",
    "CommunityAssetPage",
    "CoreService",
    "DirectoryIndexPage",
    "EntryKind",
    "FoodPlaceDatedHours",
    "FoodPlaceKind",
    "FoodPlaceOpeningPeriod",
    "FoodPlacePage",
    "HubDatedHours",
    "HubOpeningPeriod",
    "HubService",
    "SuggestionKind",
    "SuggestionStatus",
    "Weekday",
    "WellbeingHubPage",
]
