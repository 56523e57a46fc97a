"""The directory map script in Chromium under the site's real Content Security Policy: markers,
clusters, layer filters, keyboard use, reduced motion and failures, with axe on every state."""

import json
import random
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from playwright.sync_api import expect

from .conftest import axe_violations

MAP = "directory/components/map.html"
ASSETS = "directory/components/map_assets.html"

GEOJSON_PATH = "/directory/places.geojson"
TILE_HOST = "tile.openstreetmap.org"


def _feature(fid, name, kind, kind_label, lng, lat, **extra):
    properties = {
        "name": name,
        "url": f"/support-near-you/{fid}/",
        "kind": kind,
        "kind_label": kind_label,
        "category": "",
        "category_label": "",
        "summary": "",
        "address": f"{fid} Road, Plymouth",
        "status": "Open now, closes at 5pm",
        "approximate": False,
    } | extra
    geometry = {"type": "Point", "coordinates": [lng, lat]}
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": properties}


PLACES = {
    "type": "FeatureCollection",
    "features": [
        _feature("hub-1", "Devonport Wellbeing Hub", "hub", "Wellbeing Hub", -4.17, 50.37),
        _feature("food-6", "Barne Barton Food Bank", "food", "Food bank", -4.18, 50.39),
        _feature("food-2", '<img src=x onerror="alert(1)"> Tea & Chat', "food", "Food co-op", -4.16, 50.371),
        _feature(
            "asset-3", "Central Park Pavilion", "asset", "Community asset", -4.15, 50.38,
            category="places-and-spaces", category_label="Places and spaces",
            url="javascript:alert(1)",
        ),
        _feature(
            "asset-4", "Bike repairs", "asset", "Community asset", -4.14, 50.375,
            category="skills", category_label="Skills", approximate=True, address="",
        ),
        {"type": "Feature", "id": "bad-5", "geometry": None, "properties": {"name": "Nowhere"}},
    ],
    "licence": "Open Government Licence v3.0",
    "attribution": "Plymouth City Council",
}  # fmt: skip


@pytest.fixture
def real_csp(client, site) -> tuple[str, str]:
    """The Content Security Policy a public page is sent, and its nonce."""
    header = client.get("/")["Content-Security-Policy"]
    return header, re.search(r"'nonce-([^']+)'", header)[1]


def _harness_html(nonce: str, language: str) -> str:
    """A page with the component and the list beside it, as the directory pages place them."""
    assets = render_to_string(ASSETS, {"request": SimpleNamespace(csp_nonce=nonce)})
    with translation.override(language):
        component = render_to_string(
            MAP, {"geojson_url": GEOJSON_PATH, "map_label": "Map of places", "list_id": "places"}
        )
    items = "".join(f"<li>Place {n}</li>" for n in range(40))  # tall enough to scroll
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>Places</title>"
        f'<link rel="stylesheet" href="{static("website/css/website.css")}" nonce="{nonce}">'
        f'{assets}</head><body class="govuk-template__body"><main class="govuk-main-wrapper">'
        f'<h1 class="govuk-heading-l">Places</h1>{component}'
        f'<ul id="places" class="govuk-list">{items}</ul></main></body></html>'
    )


@pytest.fixture
def open_map(browser, real_csp):
    """Open the harness at http://map.test/ under the site's CSP; nothing else is reachable."""
    header, nonce = real_csp
    contexts = []

    def _open(width=1280, language="en", geojson_status=200, block="", places=PLACES, **options):
        height = 900 if width > 320 else 640
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        html = _harness_html(nonce, language)
        context.route("**/*", _serve(html, header, geojson_status, block, places))
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e =>"
            " (window.cspViolations ||= []).push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto("http://map.test/")
        return page

    yield _open
    for context in contexts:
        context.close()


def _serve(html, csp, geojson_status, block, places):
    def handle(route):
        url = urlsplit(route.request.url)
        if url.netloc != "map.test":
            return route.abort()  # map tiles included: no network in tests
        if url.path == "/":
            headers = {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp}
            return route.fulfill(status=200, headers=headers, body=html)
        if url.path == GEOJSON_PATH:
            body = json.dumps(places) if geojson_status == 200 else "Server error"
            return route.fulfill(
                status=geojson_status, content_type="application/geo+json", body=body
            )
        found = finders.find(url.path.removeprefix(settings.STATIC_URL))
        if (
            not url.path.startswith(settings.STATIC_URL)
            or not found
            or (block and block in url.path)
        ):
            return route.abort()
        return route.fulfill(path=found)

    return handle


def _status(page) -> str:
    return page.locator(".app-directory-map__status").inner_text()


# Pins and clusters in the tab order (the marker pane's), less those set aside while a cluster's
# pins are spread out: each one's name and its box on the screen.
_TARGETS = """nodes => nodes
    .filter(node => getComputedStyle(node).visibility !== "hidden")
    .map(node => {
        const r = node.getBoundingClientRect();
        const name = node.getAttribute("alt") || node.getAttribute("aria-label");
        return {name, box: [r.left, r.top, r.right, r.bottom]};
    })"""


def _targets(page) -> list[dict]:
    return page.locator(".leaflet-marker-pane > *").evaluate_all(_TARGETS)


def _names(page) -> list[str]:
    return [target["name"] for target in _targets(page)]


def _overlapping(page) -> list[tuple[str, str]]:
    """Pairs of pins or clusters whose boxes overlap: there must never be any."""
    targets = _targets(page)
    return [
        (a["name"], b["name"])
        for n, a in enumerate(targets)
        for b in targets[n + 1 :]
        if a["box"][0] < b["box"][2]
        and b["box"][0] < a["box"][2]
        and a["box"][1] < b["box"][3]
        and b["box"][1] < a["box"][3]
    ]


def _places_on_map(page) -> int:
    """How many places the pins and clusters stand for."""
    counts = page.locator(".app-directory-map__cluster").all_inner_texts()
    return page.locator("img.leaflet-marker-icon").count() + sum(int(c) for c in counts)


@pytest.mark.browser
def test_map_shows_every_place_and_filters_them(open_map):
    page = open_map()
    page.wait_for_selector(".leaflet-marker-icon")
    assert _status(page) == "5 places shown on the map"
    canvas = page.locator(".app-directory-map__canvas")
    assert canvas.get_attribute("role") == "region"
    assert canvas.get_attribute("aria-label") == "Map of places"
    assert 395 <= canvas.bounding_box()["height"] <= 405
    labels = page.locator(".app-directory-map__filters label").all_inner_texts()
    assert labels == [
        "Wellbeing Hub",
        "Food bank",  # one checkbox per kind label: food places come in several
        "Food co-op",
        "Community asset",
        "Places and spaces",
        "Skills",
    ]
    # The first hub and the food co-op are 700m apart: one cluster at the opening zoom, in the tab
    # order where the first of them is in the data (the fifth place is only an area, the sixth
    # has no position).
    assert _names(page) == ["2 places: zoom in", "Barne Barton Food Bank", "Central Park Pavilion"]
    cluster = page.locator(".app-directory-map__cluster")
    assert cluster.get_attribute("role") == "button"
    assert cluster.get_attribute("tabindex") == "0"
    assert cluster.inner_text() == "2"
    assert _overlapping(page) == []
    cluster.focus()
    page.keyboard.press("Enter")  # zooms in a level: the cluster comes apart
    names = [f["properties"]["name"] for f in PLACES["features"][:4]]
    expect(page.locator("img.leaflet-marker-icon")).to_have_count(4)
    expect(cluster).to_have_count(0)
    assert _names(page) == names  # the data's order: the tab order
    assert page.locator("img[src='x']").count() == 0  # a name is text, never markup
    area = page.locator("path.app-directory-map__area")  # approximate: a circle, never a pin
    assert area.get_attribute("aria-label") == "Bike repairs"
    assert "Plymouth City Council" in page.locator(".leaflet-control-attribution").inner_text()

    page.get_by_role("button", name="Zoom out", exact=True).click()
    expect(cluster).to_have_count(1)
    page.get_by_label("Food co-op").uncheck()
    assert _status(page) == "4 places shown on the map"
    assert _names(page) == [names[0], names[1], names[3]]  # no cluster of one
    page.get_by_label("Skills").uncheck()
    assert area.count() == 0
    page.get_by_label("Community asset").uncheck()
    assert page.locator(".govuk-checkboxes__conditional--hidden").count() == 1
    page.get_by_label("Food bank").uncheck()
    assert _status(page) == "1 place shown on the map"
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert page.evaluate("window.cspViolations || []") == []
    assert page.errors == []


@pytest.mark.browser
def test_places_open_by_keyboard_and_escape_returns_focus(open_map):
    page = open_map()
    cluster = page.get_by_role("button", name="2 places: zoom in", exact=True)
    cluster.focus()
    page.keyboard.press("Enter")  # zooms in to the cluster: focus moves to its first place
    pin = page.locator(".leaflet-marker-icon[alt='Devonport Wellbeing Hub']")
    expect(pin).to_be_focused()
    assert _overlapping(page) == []
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    assert popup.get_by_role("link", name="Devonport Wellbeing Hub").get_attribute("href") == (
        "http://map.test/support-near-you/hub-1/"
    )
    assert "Open now, closes at 5pm" in popup.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Devonport Wellbeing Hub"
    assert popup.locator(".leaflet-popup-close-button").get_attribute("aria-label") == "Close"
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)  # after Leaflet's fade
    assert page.evaluate("document.activeElement.alt") == "Devonport Wellbeing Hub"

    page.locator("path.app-directory-map__area").focus()
    page.keyboard.press(" ")
    expect(popup).to_contain_text("Only the area is shown, not the exact place")
    assert page.evaluate("window.scrollY") == 0  # Space opened it and did not scroll the page
    page.locator(".leaflet-marker-icon[alt='Central Park Pavilion']").focus()
    page.keyboard.press("Enter")
    expect(popup).to_have_count(1)  # the area's popup has faded out
    expect(popup).to_contain_text("Central Park Pavilion")
    assert popup.locator("a.govuk-link").count() == 0  # javascript: is never a link
    assert page.errors == []


@pytest.mark.browser
def test_page_scrolls_past_the_map_until_the_map_is_used(open_map):
    page = open_map()
    page.wait_for_selector(".leaflet-marker-icon")
    box = page.locator(".app-directory-map__canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 50)
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(300)  # (wait_for_function would need eval, which the CSP forbids)
    assert page.evaluate("window.scrollY") > 0  # the page scrolled; the map did not catch it
    page.locator(".app-directory-map__canvas").click(position={"x": 20, "y": box["height"] - 40})
    scrolled = page.evaluate("window.scrollY")
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == scrolled  # the map zooms instead


@pytest.mark.browser
def test_map_has_no_zoom_animation_for_reduced_motion(open_map):
    assert open_map().locator(".leaflet-proxy").count() == 1  # Leaflet's zoom animation
    page = open_map(reduced_motion="reduce")
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-proxy").count() == 0
    assert page.locator(".leaflet-fade-anim").count() == 0


@pytest.mark.browser
def test_without_places_or_leaflet_the_list_is_left_alone(open_map):
    page = open_map(geojson_status=500)
    assert page.locator(".app-directory-map__error").inner_text() == "Map could not be loaded"
    assert page.locator(".leaflet-container").count() == 0
    assert page.errors == []
    page = open_map(block="/vendor/leaflet")  # Leaflet and Leaflet.markercluster
    page.wait_for_load_state("load")
    assert page.locator("[data-directory-map]").is_hidden()
    assert page.errors == []
    page = open_map(block="leaflet.markercluster.js")  # no clusters: a pin for each place
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator("img.leaflet-marker-icon").count() == 4
    assert page.locator(".app-directory-map__cluster").count() == 0
    assert page.errors == []


@pytest.mark.browser
def test_map_in_arabic_mirrors_its_controls_and_translates_them(open_map):
    page = open_map(language="ar")
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-right .leaflet-control-zoom").count() == 1
    page.locator("img.leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    with translation.override("ar"):
        close = translation.gettext("Close")
        cluster = translation.ngettext("{count} place: zoom in", "{count} places: zoom in", 2)
    assert close != "Close"
    assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == close
    name = page.locator(".app-directory-map__cluster").get_attribute("aria-label")
    assert name == cluster.replace("{count}", "2")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_map_has_no_axe_violations(open_map, width):
    page = open_map(width=width, bypass_csp=True)  # axe is injected script
    page.wait_for_selector(".leaflet-marker-icon")
    if width == 320:
        assert 295 <= page.locator(".app-directory-map__canvas").bounding_box()["height"] <= 305
    assert axe_violations(page) == []
    page.locator(".app-directory-map__cluster").first.focus()  # yellow and black, legible
    assert axe_violations(page) == []
    page.locator("img.leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    assert axe_violations(page) == []


def _collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


# Three places in one building, and a fourth 14m east of it: apart only at the last zoom, where
# the three are still one cluster and their pins are spread out round it.
BUILDING = (-4.1390, 50.3712)
STACKED = _collection(
    *(_feature(f"hub-{n}", f"Stacked {n}", "hub", "Wellbeing Hub", *BUILDING) for n in (1, 2, 3)),
    _feature("food-4", "Next door", "food", "Food bank", BUILDING[0] + 0.000197, BUILDING[1]),
)


def _enter_until_spread(page) -> None:
    """Enter on the cluster that has focus, and on the one focus moves to, until its pins are
    spread out: focus moves each time (to a new cluster after a zoom, to a pin after spreading)."""
    for _ in range(8):
        page.evaluate("document.activeElement.dataset.pressed = 'yes'")
        page.keyboard.press("Enter")
        expect(page.locator(".leaflet-marker-icon:focus:not([data-pressed])")).to_have_count(1)
        if page.locator(".app-directory-map__cluster--open").count():
            return
        name = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        assert name.endswith("places: zoom in"), name  # the places' cluster, a zoom further in
    pytest.fail("the cluster's pins were never spread out")


@pytest.mark.browser
@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_places_in_one_spot_spread_out_at_the_last_zoom(open_map, motion):
    page = open_map(places=STACKED, reduced_motion=motion, bypass_csp=True)
    page.get_by_role("button", name="4 places: zoom in", exact=True).focus()
    _enter_until_spread(page)
    first = page.locator(".leaflet-marker-icon[alt='Stacked 1']")
    expect(first).to_be_focused()  # the first of the cluster's places
    page.wait_for_timeout(500)  # the pins' move out (if animated)
    # The cluster, and the pin next door that the spread-out pins would cover, step aside.
    assert sorted(_names(page)) == ["Stacked 1", "Stacked 2", "Stacked 3"]
    assert _overlapping(page) == []
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup")).to_contain_text("Stacked 1")
    page.keyboard.press("Escape")  # closes the popup: focus back on the pin
    expect(first).to_be_focused()
    page.keyboard.press("Escape")  # gathers the pins back: focus on their cluster
    expect(page.get_by_role("button", name="3 places: zoom in", exact=True)).to_be_focused()
    assert _names(page) == ["3 places: zoom in", "Next door"]
    assert _overlapping(page) == []
    assert page.errors == []


# Sixty places scattered over two square kilometres: many pins and clusters close together. (With
# this seed, clusters drawn where Leaflet.markercluster draws them, at the average of their
# places, would overlap pins at 320 pixels.)
_scatter = random.Random(8)
SCATTERED = _collection(
    *(
        _feature(
            f"hub-{n}", f"Place {n}", "hub", "Wellbeing Hub",
            -4.15 + _scatter.uniform(0, 0.03), 50.37 + _scatter.uniform(0, 0.02),
        )
        for n in range(60)
    )
)  # fmt: skip


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_pins_and_clusters_never_overlap_at_any_zoom(open_map, width):
    page = open_map(width=width, places=SCATTERED, reduced_motion="reduce", bypass_csp=True)
    page.wait_for_selector(".leaflet-marker-icon")
    zoom_in = page.get_by_role("button", name="Zoom in", exact=True)
    for zoom in range(10):  # from the opening zoom to the last
        assert _overlapping(page) == [], f"zoomed in {zoom} times"
        assert _places_on_map(page) == 60, f"zoomed in {zoom} times"  # all there, each once
        if zoom == 0 or zoom_in.get_attribute("aria-disabled") == "true":
            assert axe_violations(page) == [], f"zoomed in {zoom} times"
        if zoom_in.get_attribute("aria-disabled") == "true":
            break
        zoom_in.click()
    else:
        pytest.fail("the map never reached its last zoom")
    assert page.errors == []
