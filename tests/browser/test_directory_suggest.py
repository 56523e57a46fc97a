"""Suggesting an asset as a resident does it, on a 320px phone without JavaScript: the asset
map, the form, its errors, the confirmation. axe checks every page state on the way."""

import re

import pytest

from directory.builders import CommunityAssetMapPageBuilder, CommunityAssetPageBuilder
from directory.models import AssetCategory, AssetSuggestion

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def asset_map(section_pages, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0  # a test types faster than a person
    asset_map = CommunityAssetMapPageBuilder(parent=section_pages["directory"])
    CommunityAssetPageBuilder(
        parent=asset_map,
        title="Central Park",
        category=AssetCategory.NATURE,
        latitude=50.3835,
        longitude=-4.1540,
    )
    return asset_map


def _check(page, javascript: bool, state: str) -> None:
    if javascript:  # axe is itself JavaScript: it runs where only the site's scripts are blocked
        assert axe_violations(page) == [], state
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), state


@pytest.mark.parametrize(
    "javascript", [False, True], ids=["javascript-off", "site-scripts-blocked-with-axe"]
)
def test_suggest_an_asset_on_a_phone(asset_map, open_page, javascript):
    page = open_page(asset_map.url, width="phone", javascript=javascript, site_scripts=False)
    _check(page, javascript, "asset map")
    page.get_by_role("link", name="Suggest an asset or a correction").click()
    page.wait_for_url("**/community-assets/suggest/")
    _check(page, javascript, "form")

    page.get_by_label("Your email address").fill("alice@@example.org")
    page.get_by_role("button", name="Send suggestion").click()
    page.wait_for_selector(".govuk-error-summary")
    summary = page.inner_text(".govuk-error-summary")
    assert "Select whether you are suggesting a new asset or a correction" in summary
    assert "correct format" in summary
    assert page.get_by_label("Your email address").input_value() == "alice@@example.org"
    _check(page, javascript, "form with errors")

    page.get_by_label(re.compile("^A new asset")).check()
    page.get_by_label("Name of the asset").fill("Friday knit and natter")
    page.get_by_label("Groups and associations").check()
    page.get_by_label("Tell us about it").fill("A knitting group in Efford Library on Fridays.")
    page.get_by_label("Where is it?").fill("Efford Library")
    page.get_by_label("Your email address").fill("alice@example.org")
    page.get_by_label("Email me when it is published").check()
    page.get_by_role("button", name="Send suggestion").click()
    page.wait_for_url("**/community-assets/suggest/sent/")
    assert "Suggestion sent" in page.inner_text("h1")
    _check(page, javascript, "confirmation")
    suggestion = AssetSuggestion.objects.get()
    assert (suggestion.asset_name, suggestion.notify) == ("Friday knit and natter", True)
    assert not AssetSuggestion.objects.exclude(pk=suggestion.pk).exists()
