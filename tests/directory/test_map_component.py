"""The directory map component: Leaflet and Leaflet.markercluster self-hosted and pinned, the tile
server the only outside source the CSP gains, and the template's contract with directory-map.js.
The script itself runs in Chromium in tests/browser/test_directory_map.py."""

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.template.loader import render_to_string
from django.templatetags.static import static

from website.core.templatetags.map_tags import PLURAL_SAMPLES
from website.settings.base import _tile_origin

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "site" / "website" / "static" / "website"
VENDOR = STATIC / "vendor" / "leaflet"
CLUSTER_VENDOR = STATIC / "vendor" / "leaflet.markercluster"
SCRIPT = STATIC / "js" / "directory-map.js"
MAP = "directory/components/map.html"
ASSETS = "directory/components/map_assets.html"


class _Tags(HTMLParser):
    """Start tags and their (unescaped) attributes, in document order."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _map_attributes(**context) -> dict[str, str | None]:
    (attributes,) = [
        a for _, a in _Tags(render_to_string(MAP, context)).tags if "data-directory-map" in a
    ]
    return attributes


def _policy(response) -> dict[str, list[str]]:
    parts = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {part[0]: part[1:] for part in parts if part}


# ---------------------------------------------------------------- the tile server in the CSP


def test_csp_lets_map_tiles_in_as_images_only(client, site):
    origin = _tile_origin(settings.MAP_TILE_URL)
    policy = _policy(client.get("/"))
    assert origin in policy["img-src"]
    assert "'self'" in policy["img-src"]
    for directive in ("script-src", "style-src", "connect-src", "default-src"):
        assert origin not in policy[directive], directive


# The origin is worked out once, when the settings load, so a settings override cannot change
# the header; the helper that works it out is tested instead.
@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        (
            "https://Tiles.Example.org:8443/v1/{z}/{x}/{y}@2x.png?key=abc",
            "https://tiles.example.org:8443",
        ),
        ("https://user:secret@tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org"),
        ("http://localhost:8080/{z}/{x}/{y}.png", "http://localhost:8080"),
        ("/tiles/{z}/{x}/{y}.png", ""),  # served by the site itself: 'self' covers it
    ],
)
def test_tile_origin_is_the_templates_scheme_and_host(url, origin):
    assert _tile_origin(url) == origin


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "tiles.example.org/{z}/{x}/{y}.png",
        "//tiles.example.org/{z}/{x}/{y}.png",
        "ftp://tiles.example.org/{z}/{x}/{y}.png",
        "https://{a}.tiles.example.org/{z}/{x}/{y}.png",
        "https:///{z}/{x}/{y}.png",
    ],
)
def test_tile_origin_refuses_anything_but_an_http_url_template(url):
    with pytest.raises(ImproperlyConfigured):
        _tile_origin(url)


# ---------------------------------------------------------------- the component templates


def test_component_renders_the_scripts_data_attributes(settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = '&copy; <a href="https://example.org/">Example</a> & "friends"'
    url = "/support-near-you/places.geojson?kind=hub&page=2"
    attributes = _map_attributes(geojson_url=url, map_label="Map of hubs", list_id="places")
    assert "hidden" in attributes  # nothing shows until the script has a map to show
    assert attributes["data-geojson-url"] == url
    assert attributes["data-tile-url"] == settings.MAP_TILE_URL
    assert attributes["data-tile-attribution"] == settings.MAP_TILE_ATTRIBUTION
    assert attributes["data-label"] == "Map of hubs"
    assert attributes["data-list-id"] == "places"
    assert attributes["data-text-legend"] == "Show on the map"
    assert attributes["data-text-error"] == "Map could not be loaded"
    assert attributes["data-text-skip"] == "Skip the map and go to the list"
    for name in ("icon", "icon-retina", "shadow"):
        assert attributes[f"data-marker-{name}-url"].startswith(static("website/vendor/leaflet/"))


def test_component_counts_have_a_sentence_for_each_plural_sample():
    attributes = _map_attributes(geojson_url="/places.geojson", map_label="Map")
    counts = {name: value for name, value in attributes.items() if "data-text-count-" in name}
    assert set(counts) == {f"data-text-count-{n}" for n in PLURAL_SAMPLES}
    assert all("{count}" in sentence for sentence in counts.values())
    assert counts["data-text-count-1"] == "{count} place shown on the map"
    assert counts["data-text-count-2"] == "{count} places shown on the map"


def test_component_names_clusters_in_each_plural_sample():
    attributes = _map_attributes(geojson_url="/places.geojson", map_label="Map")
    names = {name: value for name, value in attributes.items() if "data-text-cluster-" in name}
    assert set(names) == {f"data-text-cluster-{n}" for n in PLURAL_SAMPLES}
    assert all("{count}" in name for name in names.values())
    assert names["data-text-cluster-2"] == "{count} places: zoom in"


def test_component_escapes_the_label_and_url():
    label = 'Hubs "><script>alert(1)</script> & <b>food</b>'
    url = '/places.geojson?q="><img src=x onerror=alert(1)>'
    html = render_to_string(MAP, {"geojson_url": url, "map_label": label})
    assert "<script" not in html
    assert "<img" not in html
    attributes = _map_attributes(geojson_url=url, map_label=label)
    assert attributes["data-label"] == label  # escaped, not mangled
    assert attributes["data-geojson-url"] == url


def test_component_without_a_list_has_no_skip_link():
    attributes = _map_attributes(geojson_url="/places.geojson", map_label="Map")
    assert "data-list-id" not in attributes
    assert "data-text-skip" not in attributes


def test_assets_are_self_hosted_static_files_with_the_nonce():
    html = render_to_string(ASSETS, {"request": SimpleNamespace(csp_nonce="n0nce")})
    tags = _Tags(html).tags
    assert [a.get("href") or a.get("src") for _, a in tags] == [
        static("website/vendor/leaflet/leaflet.css"),
        static("website/vendor/leaflet.markercluster/MarkerCluster.css"),
        static("website/css/directory-map.css"),
        static("website/vendor/leaflet/leaflet.js"),  # classic and deferred: runs first
        static("website/vendor/leaflet.markercluster/leaflet.markercluster.js"),  # then this
        static("website/js/directory-map.js"),
    ]
    assert all(a["nonce"] == "n0nce" for _, a in tags)
    (leaflet, cluster, script) = [a for tag, a in tags if tag == "script"]
    for classic in (leaflet, cluster):
        assert "defer" in classic and "type" not in classic
    assert script["type"] == "module"
    for _, a in tags:
        assert finders.find((a.get("href") or a.get("src")).removeprefix(settings.STATIC_URL))


def test_script_reads_only_attributes_the_component_renders():
    script = SCRIPT.read_text()
    read = set(re.findall(r"dataset\.(\w+)", script)) | set(
        re.findall(r"\bdata\.(text\w+)", script)
    )
    for destructured in re.findall(r"const \{([^}]*)\} = element\.dataset", script):
        read |= {name.strip() for name in destructured.split(",")}
    read.discard("directoryMapEnhanced")  # the script's own mark against enhancing twice
    attributes = _map_attributes(geojson_url="/places.geojson", map_label="Map", list_id="places")
    rendered = {
        re.sub(r"-([a-z])", lambda m: m[1].upper(), name.removeprefix("data-"))
        for name in attributes
        if name.startswith("data-")
    }
    assert {"geojsonUrl", "tileUrl", "textLegend", "textClose", "listId"} <= read
    assert read <= rendered
    assert not re.search(r"\beval\(|new Function|innerHTML\s*=|insertAdjacentHTML", script)


# ---------------------------------------------------------------- the vendored Leaflet


def test_leaflet_is_pinned_and_vendored_without_source_maps():
    package = json.loads((ROOT / "frontend" / "package.json").read_text())
    lock = json.loads((ROOT / "frontend" / "package-lock.json").read_text())
    assert package["dependencies"]["leaflet"] == "1.9.4"
    assert lock["packages"]["node_modules/leaflet"]["version"] == "1.9.4"
    assert "Leaflet 1.9.4," in (VENDOR / "leaflet.js").read_text()[:200]
    for name in ("leaflet.js", "leaflet.css"):
        assert "sourceMappingURL" not in (VENDOR / name).read_text(), name
    assert (VENDOR / "LICENSE").is_file()
    for name in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
        assert (VENDOR / "images" / name).is_file()


def test_markercluster_is_pinned_and_vendored_without_source_maps():
    package = json.loads((ROOT / "frontend" / "package.json").read_text())
    lock = json.loads((ROOT / "frontend" / "package-lock.json").read_text())
    assert package["dependencies"]["leaflet.markercluster"] == "1.5.3"
    assert lock["packages"]["node_modules/leaflet.markercluster"]["version"] == "1.5.3"
    script = (CLUSTER_VENDOR / "leaflet.markercluster.js").read_text()
    assert script.startswith("/* Leaflet.markercluster 1.5.3, MIT licence")  # build.sh's line
    assert "L.MarkerClusterGroup=" in script
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        assert "sourceMappingURL" not in (CLUSTER_VENDOR / name).read_text(), name
    assert "Permission is hereby granted" in (CLUSTER_VENDOR / "LICENSE").read_text()  # MIT


def test_vendored_leaflet_survives_the_production_static_storage(tmp_path):
    # ManifestStaticFilesStorage rewrites url(...) in CSS and sourceMappingURL in JS, and
    # fails on any reference to a missing file.
    for vendored in (VENDOR, CLUSTER_VENDOR):
        shutil.copytree(vendored, tmp_path / "source" / "website" / "vendor" / vendored.name)
    source = tmp_path / "source" / "website" / "vendor"
    origin = FileSystemStorage(location=tmp_path / "source")
    names = [str(p.relative_to(tmp_path / "source")) for p in source.rglob("*") if p.is_file()]
    storage = ManifestStaticFilesStorage(location=tmp_path / "static", base_url="/static/")
    for name in names:
        with origin.open(name) as file:
            storage.save(name, file)
    processed = list(storage.post_process({name: (origin, name) for name in names}))
    errors = [result for _, _, result in processed if isinstance(result, Exception)]
    assert errors == []
    css = storage.open(storage.stored_name("website/vendor/leaflet/leaflet.css")).read().decode()
    assert re.search(r"url\(\"?images/marker-icon\.[0-9a-f]{12}\.png", css)


# ---------------------------------------------------------------- in Chromium
