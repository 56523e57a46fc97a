"""The directory as residents use it: the nearest open hub from a postcode on a 320px phone
without JavaScript, and the map by keyboard alone. axe checks every page state on the way."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from directory.builders import (
    CommunityAssetMapPageBuilder,
    CommunityAssetPageBuilder,
    HubOpeningPeriodBuilder,
    HubServiceBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import AssetCategory, CoreService
from website.core.geography import POSTCODES_CSV
from website.core.models import Postcode
from website.core.postcode_loading import postcodes_replace

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
WEDNESDAY_11AM = datetime.datetime(2026, 11, 25, 11, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def hubs(section_pages, monkeypatch):
    """Three hubs (the nearest to PL1 1AE closed today) and an asset, on a Wednesday at 11."""
    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY_11AM.astimezone(datetime.UTC))
    if not Postcode.objects.exists():  # an earlier transactional test emptied the table
        with POSTCODES_CSV.open(encoding="utf-8") as lines:
            postcodes_replace(model=Postcode, lines=lines)
    directory = section_pages["directory"]
    places = {
        "City Centre Wellbeing Hub": ((50.3712, -4.1390), [0, 1]),  # Monday and Tuesday only
        "Devonport Wellbeing Hub": ((50.3700, -4.1740), [0, 1, 2, 3, 4]),
        "Estover Hub": ((50.4197, -4.1030), [0, 1, 2, 3, 4]),
    }
    for title, ((latitude, longitude), days) in places.items():
        hub = WellbeingHubPageBuilder(
            parent=directory, title=title, latitude=latitude, longitude=longitude
        )
        HubServiceBuilder(page=hub, service_type=CoreService.BEFRIENDING)
        for day in days:
            HubOpeningPeriodBuilder(page=hub, weekday=day)
    asset_map = CommunityAssetMapPageBuilder(parent=directory)
    CommunityAssetPageBuilder(parent=asset_map, title="Central Park", category=AssetCategory.NATURE)
    return directory


def _check(page, javascript: bool, state: str) -> None:
    if javascript:  # axe is itself JavaScript: it runs where only the site's scripts are blocked
        assert axe_violations(page) == [], state
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), state


@pytest.mark.parametrize(
    "javascript", [False, True], ids=["javascript-off", "site-scripts-blocked-with-axe"]
)
def test_nearest_open_hub_from_a_postcode_on_a_phone(hubs, open_page, javascript):
    page = open_page("/support-near-you/", width="phone", javascript=javascript, site_scripts=False)
    _check(page, javascript, "finder")
    page.get_by_label("Postcode").fill("PL1-1AE")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector(".govuk-error-summary")
    assert "Enter a full UK postcode" in page.inner_text(".govuk-error-summary")
    _check(page, javascript, "finder with a postcode error")

    page.get_by_label("Postcode").fill("pl1 1ae")
    page.get_by_label("Open now").check()
    page.get_by_label("Wellbeing Hubs").check()
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"open_now=on"))
    _check(page, javascript, "finder results")
    results = page.locator("#results > li")
    assert results.count() == 2
    first = results.first.inner_text()
    assert "Devonport Wellbeing Hub" in first  # the nearer hub is closed on Wednesdays
    assert "Open now, closes at 5 p.m." in first and "miles away" in first
    assert "Contains OS data" in page.inner_text("main")
    assert page.locator("[data-directory-map]").is_hidden()  # no script, so the list alone

    page.get_by_role("link", name="Devonport Wellbeing Hub").click()
    page.wait_for_url("**/support-near-you/devonport-wellbeing-hub/")
    assert "Open now, closes at 5 p.m." in page.inner_text("main")
    _check(page, javascript, "hub page")


def test_the_map_by_keyboard(hubs, open_page):
    page = open_page("/support-near-you/?service=befriending&category=nature-and-green-space")
    page.wait_for_selector("[data-directory-map]:not([hidden]) .leaflet-marker-icon")
    pins = page.locator("img.leaflet-marker-icon")
    clusters = page.locator(".app-directory-map__cluster")
    # The City Centre hub and Central Park are close together: one cluster, not two pins that
    # overlap. Pins and clusters stand for the four places between them.
    assert clusters.count() == 1
    assert clusters.get_attribute("aria-label") == "2 places: zoom in"
    assert pins.count() + sum(int(n) for n in clusters.all_inner_texts()) == 4
    assert axe_violations(page) == []

    skip = page.get_by_role("link", name="Skip the map and go to the list")
    skip.focus()
    for _ in range(20):  # from the skip link, Tab reaches the markers
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('title') || ''")
        if label == "Estover Hub":
            break
    else:
        pytest.fail("no marker for Estover Hub could be reached with Tab")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert "Estover Hub" in popup.inner_text()
    page.wait_for_function(  # faded in: axe measures contrast with the opacity it has
        "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    assert axe_violations(page) == []
    page.keyboard.press("Enter")  # focus is on the popup's link
    page.wait_for_url("**/support-near-you/estover-hub/")

    page.go_back()
    page.wait_for_selector(".leaflet-marker-icon")
    page.get_by_label("Community asset", exact=True).uncheck()  # the map's, not the finder's
    assert clusters.count() == 0  # Central Park is gone: the City Centre hub is a pin of its own
    assert pins.count() == 3
    assert page.locator("img.leaflet-marker-icon[alt='City Centre Wellbeing Hub']").count() == 1
    assert "3 places shown on the map" in page.inner_text("[data-directory-map], main")
