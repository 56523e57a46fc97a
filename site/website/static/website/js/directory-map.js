// Directory maps: progressive enhancement of every <div data-directory-map> that
// templates/directory/components/map.html renders (hidden) beside a list of the same places.
// The list is the page; the map only adds to it. If Leaflet did not load, nothing happens; if
// the places cannot be fetched, a short message says so and the list is still there.
//
// Leaflet is self-hosted (vendor/leaflet/leaflet.js), and so is Leaflet.markercluster
// (vendor/leaflet.markercluster/): classic deferred scripts placed before this module by
// map_assets.html, so window.L and L.markerClusterGroup exist when this runs. No inline script,
// no eval.
//
// Pins of places close together are grouped into one cluster (a round button with the count) so
// no two focusable targets ever overlap (WCAG 2.2 target size); Enter or Space on a cluster zooms
// in to it, or at the last zoom spreads its pins out, and focus moves to the first of its places.
//
// The element's attributes: data-geojson-url, data-tile-url (Leaflet URL template),
// data-tile-attribution (HTML from settings), data-label (the map region's name), data-list-id
// (optional: the list's id, for a link past the map), data-marker-*-url (Leaflet's marker
// images via {% static %}) and data-text-* (translated texts; data-text-count-N is the count
// sentence for N places with a {count} placeholder, one per plural category, and
// data-text-cluster-N likewise the name of a cluster of N places).
//
// The endpoint answers a GeoJSON FeatureCollection of Point features whose properties are
// name, url, kind ("hub" | "food" | "asset"), kind_label, category, category_label, summary,
// address, status and approximate, plus top-level "attribution" and "licence" texts.
// approximate: true (a resident's skills, shown only by area) is drawn as a translucent
// circle, never a pin.

const KIND_ORDER = ["hub", "food", "asset"];
const CATEGORY_KIND = "asset"; // only community assets are split into categories
const AREA_RADIUS_METRES = 400;
const AREA_COLOUR = "#00546b";
const FETCH_TIMEOUT_MS = 10000;
// Areas are never drawn smaller than this radius on screen, so an area is a 24px target even
// zoomed right out (WCAG 2.2 target size).
const AREA_MIN_RADIUS_PX = 14;
const MAX_ZOOM = 19;
// Pins are 25 by 41 pixels, their tip (12 pixels in) on their place; clusters are 40 pixels
// round, centred on theirs. Places closer than CLUSTER_RADIUS_PX are gathered into one cluster,
// so no two pins or clusters are nearer than that: more than the 70 pixels (69.4, and a pixel of
// rounding) that a pin just below a cluster needs not to overlap it.
const MARKER_WIDTH_PX = 25;
const MARKER_HEIGHT_PX = 41;
const MARKER_ANCHOR_X_PX = 12;
const CLUSTER_SIZE_PX = 40;
const CLUSTER_RADIUS_PX = 72;
const CLUSTER_CLASS = "app-directory-map__cluster";
const COVERED_CLASS = "app-directory-map__covered";
// Spread-out pins stand on rings round their cluster: the first ring clears the cluster icon, and
// pins on a ring or on the next are at least this far apart, so no two pins overlap.
const SPIDER_GAP_PX = 52;
const SPIDER_FIRST_RING_PX = 72;
// How long focus waits for a cluster's zoom or spread to finish before it gives up.
const CLUSTER_SETTLE_MS = 3000;

const language = document.documentElement.lang || "en";
const rtl = document.documentElement.dir === "rtl";
const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

// ------------------------------------------------------------------ data

async function collectionFetch(url) {
  const options = {
    credentials: "same-origin",
    headers: { Accept: "application/geo+json, application/json" },
  };
  if (AbortSignal.timeout) options.signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const collection = await response.json();
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new Error(`${url} did not answer a GeoJSON FeatureCollection`);
  }
  return collection;
}

const text = (value) => (typeof value === "string" ? value.trim() : "");

// Only http(s) links, resolved against the page: never javascript: or data: from the data.
function safeUrl(value) {
  try {
    const url = new URL(text(value), document.baseURI);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
  } catch {
    return "";
  }
}

// A feature as the script uses it, or null when it cannot be placed.
function placeFromFeature(feature) {
  const geometry = feature?.geometry;
  if (geometry?.type !== "Point" || !Array.isArray(geometry.coordinates)) return null;
  const [lng, lat] = geometry.coordinates;
  const valid = Number.isFinite(lat) && Number.isFinite(lng);
  if (!valid || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  const properties = feature.properties ?? {};
  const name = text(properties.name);
  const kind = text(properties.kind);
  if (!name || !kind) return null;
  return {
    lat,
    lng,
    name,
    kind,
    url: properties.url ? safeUrl(properties.url) : "",
    kindLabel: text(properties.kind_label) || kind,
    // A kind can carry several labels (food: "Food bank", "Food co-op"...): one checkbox each.
    group: `${kind}\n${text(properties.kind_label) || kind}`,
    category: kind === CATEGORY_KIND ? text(properties.category) : "",
    categoryLabel: text(properties.category_label),
    address: text(properties.address),
    status: text(properties.status),
    approximate: properties.approximate === true,
  };
}

// ------------------------------------------------------------------ texts

function textsFor(element) {
  const data = element.dataset;
  return {
    legend: data.textLegend || "",
    error: data.textError || "",
    skip: data.textSkip || "",
    approximate: data.textApproximate || "",
    zoomIn: data.textZoomIn || "+",
    zoomOut: data.textZoomOut || "-",
    close: data.textClose || "×",
  };
}

// "12 places shown on the map" in the page's language: the data-text-count-N sentence whose N
// falls in the same plural category as the count (or is the count itself). With name "cluster",
// the data-text-cluster-N name of a cluster: "3 places: zoom in".
function countText(element, count, name = "count") {
  const samples = [];
  const pattern = new RegExp(`^data-text-${name}-(\\d+)$`);
  for (const attribute of element.attributes) {
    const match = pattern.exec(attribute.name);
    if (match) samples.push({ n: Number(match[1]), sentence: attribute.value });
  }
  let rules = null;
  try {
    rules = new Intl.PluralRules(language);
  } catch {
    // an unknown language tag: exact matches, then the last sample
  }
  const category = rules?.select(count);
  const sample =
    samples.find((s) => s.n === count) ??
    samples.find((s) => rules && rules.select(s.n) === category) ??
    samples.at(-1);
  return sample ? sample.sentence.replaceAll("{count}", String(count)) : String(count);
}

// ------------------------------------------------------------------ markup

function create(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function checkbox(id, label) {
  const input = create("input", { class: "govuk-checkboxes__input", id, type: "checkbox" });
  input.checked = true;
  const item = create("div", { class: "govuk-checkboxes__item" }, [
    input,
    create("label", { class: "govuk-label govuk-checkboxes__label", for: id, text: label }),
  ]);
  return { input, item };
}

// Checkboxes in a stable order: known kinds first, then the rest; by label within a kind.
function groupsPresent(places) {
  const groups = new Map();
  for (const place of places) {
    if (groups.has(place.group)) continue;
    groups.set(place.group, { kind: place.kind, label: place.kindLabel });
  }
  const rank = (kind) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  return [...groups].sort(
    ([, a], [, b]) => rank(a.kind) - rank(b.kind) || a.label.localeCompare(b.label, language),
  );
}

function categoriesPresent(places) {
  const labels = new Map();
  for (const place of places) {
    if (place.category && !labels.has(place.category)) {
      labels.set(place.category, place.categoryLabel || place.category);
    }
  }
  return [...labels].sort((a, b) => a[1].localeCompare(b[1], language));
}

// The "Show on the map" checkboxes: one per kind (per kind label), and for community assets one
// per category, revealed under the asset checkbox the way GOV.UK's conditional checkboxes are.
function filtersBuild(id, places, texts, onChange) {
  const groupInputs = new Map();
  const categoryInputs = new Map();
  const items = create("div", { class: "govuk-checkboxes govuk-checkboxes--small" });
  for (const [group, { kind, label }] of groupsPresent(places)) {
    const { input, item } = checkbox(`${id}-kind-${groupInputs.size + 1}`, label);
    groupInputs.set(group, input);
    items.append(item);
    const categories =
      kind === CATEGORY_KIND && !categoryInputs.size ? categoriesPresent(places) : [];
    if (!categories.length) continue;
    const conditionalId = `${id}-categories`;
    const nested = create("div", { class: "govuk-checkboxes govuk-checkboxes--small" });
    for (const [category, categoryLabel] of categories) {
      const nestedBox = checkbox(`${id}-category-${categoryInputs.size + 1}`, categoryLabel);
      categoryInputs.set(category, nestedBox.input);
      nested.append(nestedBox.item);
    }
    const legend = create("legend", {
      class: "govuk-fieldset__legend govuk-visually-hidden",
      text: label,
    });
    const conditional = create(
      "div",
      { class: "govuk-checkboxes__conditional", id: conditionalId },
      [create("fieldset", { class: "govuk-fieldset" }, [legend, nested])],
    );
    input.setAttribute("aria-controls", conditionalId);
    input.setAttribute("aria-expanded", "true");
    input.addEventListener("change", () => {
      input.setAttribute("aria-expanded", String(input.checked));
      conditional.classList.toggle("govuk-checkboxes__conditional--hidden", !input.checked);
    });
    items.append(conditional);
  }
  items.addEventListener("change", onChange);

  const shown = (place) =>
    groupInputs.get(place.group)?.checked !== false &&
    (!place.category || categoryInputs.get(place.category)?.checked !== false);
  const filters = create("div", { class: "govuk-form-group app-directory-map__filters" }, [
    create("fieldset", { class: "govuk-fieldset" }, [
      create("legend", {
        class: "govuk-fieldset__legend govuk-fieldset__legend--s",
        text: texts.legend,
      }),
      items,
    ]),
  ]);
  return { filters, shown };
}

function popupContent(place, texts) {
  const title = place.url
    ? create("a", { class: "govuk-link", href: place.url, text: place.name })
    : document.createTextNode(place.name);
  // dir="auto" on what editors and residents typed: an English name reads right on an Arabic page.
  const lines = [
    create("p", { class: "app-directory-map__popup-title", dir: "auto" }, [title]),
    create("p", { class: "app-directory-map__popup-kind", text: place.kindLabel }),
  ];
  if (place.category && place.categoryLabel) lines.push(create("p", { text: place.categoryLabel }));
  if (place.address) lines.push(create("p", { dir: "auto", text: place.address }));
  if (place.status) lines.push(create("p", { text: place.status }));
  if (place.approximate && texts.approximate) {
    lines.push(create("p", { class: "app-directory-map__popup-note", text: texts.approximate }));
  }
  return create("div", { class: "app-directory-map__popup" }, lines);
}

// ------------------------------------------------------------------ map

function markerIcon(L, element) {
  const { markerIconUrl, markerIconRetinaUrl, markerShadowUrl } = element.dataset;
  if (!markerIconUrl) return new L.Icon.Default();
  // Leaflet's default marker, with the URLs {% static %} gave (hashed names in production).
  return L.icon({
    iconUrl: markerIconUrl,
    iconRetinaUrl: markerIconRetinaUrl || markerIconUrl,
    shadowUrl: markerShadowUrl,
    iconSize: [MARKER_WIDTH_PX, MARKER_HEIGHT_PX],
    iconAnchor: [MARKER_ANCHOR_X_PX, MARKER_HEIGHT_PX],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });
}

// preventScroll: the browser must not scroll Leaflet's container to show what has focus.
const focusQuietly = (node) => node?.focus({ preventScroll: true });

function focusPopup(layer) {
  const popup = layer.getPopup()?.getElement();
  focusQuietly(popup?.querySelector(".app-directory-map__popup a") ?? popup?.querySelector("a"));
}

// An area's radius in metres: AREA_RADIUS_METRES, or more when that would be drawn smaller than
// AREA_MIN_RADIUS_PX at the map's zoom.
function areaRadius(map, latlng) {
  const point = map.latLngToContainerPoint(latlng);
  const edge = map.containerPointToLatLng(point.add([AREA_MIN_RADIUS_PX, 0]));
  return Math.max(AREA_RADIUS_METRES, map.distance(latlng, edge));
}

// A pin, or for an approximate place a circle around the area, that opens its popup on click,
// Enter or Space; each is a button named after the place in the tab order, and the map moves
// to show the one that has focus.
function layerBuild(L, map, place, icon, texts) {
  const layer = place.approximate
    ? L.circle([place.lat, place.lng], {
        radius: AREA_RADIUS_METRES,
        className: "app-directory-map__area",
        color: AREA_COLOUR,
        weight: 2,
        fillColor: AREA_COLOUR,
        fillOpacity: 0.2,
      })
    : L.marker([place.lat, place.lng], {
        icon,
        keyboard: true,
        title: place.name,
        alt: place.name,
      });
  layer.bindPopup(() => popupContent(place, texts), { maxWidth: 280, autoPanPadding: [16, 16] });
  // Leaflet makes a new element each time the layer is shown again after filtering (and
  // Leaflet.markercluster each time a pin comes out of a cluster).
  layer.on("add", () => {
    const node = layer.getElement();
    if (!node) return;
    if (place.approximate) {
      layer.setRadius(areaRadius(map, layer.getLatLng()));
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", place.name);
    }
    node.addEventListener("focus", () => {
      map.panInside(layer.getLatLng(), { padding: [48, 48], animate: !reducedMotion });
    });
    node.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      // Cancelled, so Space does not scroll the page and Leaflet's own Enter (a keypress)
      // cannot toggle the popup shut again.
      event.preventDefault();
      layer.openPopup();
      focusPopup(layer);
    });
  });
  if (place.approximate) {
    map.on("zoomend", () => layer.setRadius(areaRadius(map, layer.getLatLng())));
  }
  return layer;
}

function mapBuild(L, canvas, element, collection, texts) {
  const map = L.map(canvas, {
    keyboard: true,
    maxZoom: MAX_ZOOM, // Leaflet.markercluster clusters up to here, and spreads pins out there
    // Wheel zoom only once the map is in use, so scrolling the page is not caught by it;
    // and on phones one finger scrolls the page, two move the map.
    scrollWheelZoom: false,
    dragging: !L.Browser.mobile,
    zoomControl: false,
    attributionControl: false,
    zoomAnimation: !reducedMotion,
    fadeAnimation: !reducedMotion,
    markerZoomAnimation: !reducedMotion,
    inertia: !reducedMotion,
  });
  L.control
    .zoom({
      position: rtl ? "topright" : "topleft",
      zoomInTitle: texts.zoomIn,
      zoomOutTitle: texts.zoomOut,
    })
    .addTo(map);
  const attribution = L.control
    .attribution({
      position: rtl ? "bottomleft" : "bottomright",
      prefix: '<a href="https://leafletjs.com">Leaflet</a>',
    })
    .addTo(map);
  // The data's own credit and licence are plain text.
  for (const credit of [collection.attribution, collection.licence].map(text)) {
    if (credit) attribution.addAttribution(create("span", { text: credit }).innerHTML);
  }
  L.tileLayer(element.dataset.tileUrl, {
    attribution: element.dataset.tileAttribution || "",
    maxZoom: MAX_ZOOM,
  }).addTo(map);

  canvas.addEventListener("focusin", () => map.scrollWheelZoom.enable());
  canvas.addEventListener("focusout", (event) => {
    if (!canvas.contains(event.relatedTarget)) map.scrollWheelZoom.disable();
  });
  return map;
}

// Escape closes the open popup and puts focus back on its pin (or, if the map was zoomed out
// meanwhile, the cluster the pin is now in); so does the close button.
function popupKeyboardWire(map, canvas, layers, points, texts) {
  let opener = null;
  const openerElement = (layer) =>
    layer.getElement() ?? points?.getVisibleParent(layer)?.getElement?.() ?? null;
  map.on("popupopen", (event) => {
    opener = [...layers.values()].find((layer) => layer.getPopup() === event.popup) ?? null;
    const close = event.popup.getElement()?.querySelector(".leaflet-popup-close-button");
    close?.setAttribute("aria-label", texts.close);
  });
  map.on("popupclose", (event) => {
    const popup = event.popup.getElement();
    const active = document.activeElement;
    const layer = opener;
    opener = null;
    if (layer && (active === document.body || popup?.contains(active))) {
      focusQuietly(openerElement(layer));
    }
  });
  canvas.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && opener) {
      event.preventDefault();
      const layer = opener;
      layer.closePopup();
      focusQuietly(openerElement(layer));
    }
  });
}

// ------------------------------------------------------------------ clusters

// Where Leaflet.markercluster puts a cluster's pins when it spreads them out at the last zoom:
// on rings round the cluster, clockwise from the top. The first ring clears the cluster's icon and
// neighbours on a ring, or on the next ring, are SPIDER_GAP_PX apart, so no two pins overlap.
function spiderPositions(L) {
  return (count, centre) => {
    const points = [];
    for (let ring = 0; points.length < count; ring += 1) {
      const radius = SPIDER_FIRST_RING_PX + ring * SPIDER_GAP_PX;
      const room = Math.floor(Math.PI / Math.asin(SPIDER_GAP_PX / 2 / radius));
      const here = Math.min(room, count - points.length);
      for (let i = 0; i < here; i += 1) {
        const angle = -Math.PI / 2 + (2 * Math.PI * i) / here;
        points.push(
          L.point(
            Math.round(centre.x + radius * Math.cos(angle)),
            Math.round(centre.y + radius * Math.sin(angle)),
          ),
        );
      }
    }
    return points;
  };
}

// The group the pins go in: Leaflet.markercluster, or null if it did not load (one pin each).
// A cluster is a round button showing how many places it holds, named "3 places: zoom in".
function pointsBuild(L, element) {
  if (!L.markerClusterGroup) return null;
  const ClusterIcon = L.DivIcon.extend({
    createIcon(oldIcon) {
      const node = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      node.setAttribute("aria-label", this.options.label);
      return node;
    },
  });
  const group = L.markerClusterGroup({
    maxClusterRadius: CLUSTER_RADIUS_PX,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    zoomToBoundsOnClick: true,
    // Every pin and cluster stays on the map, off screen too, so all are in the tab order (and
    // the map moves to the one that has focus), as they were without clusters.
    removeOutsideVisibleBounds: false,
    animate: !reducedMotion,
    spiderfyShapePositions: spiderPositions(L),
    spiderLegPolylineOptions: { weight: 2, color: "#0b0c0c", opacity: 0.6, interactive: false },
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      return new ClusterIcon({
        html: create("span", { "aria-hidden": "true", text: String(count) }),
        className: CLUSTER_CLASS,
        iconSize: L.point(CLUSTER_SIZE_PX, CLUSTER_SIZE_PX),
        label: countText(element, count, "cluster"),
      });
    },
  });
  // A cluster is drawn where it gathers places round (the first place put in it), not at their
  // average as Leaflet.markercluster draws it. Every pin and cluster is then more than
  // CLUSTER_RADIUS_PX from every other, so none overlap. (_markerCluster, _recalculateBounds and
  // _cLatLng are Leaflet.markercluster 1.5.3's, pinned; the browser tests check the gaps.)
  const Cluster = group._markerCluster;
  if (Cluster?.prototype._recalculateBounds) {
    group._markerCluster = Cluster.extend({
      _recalculateBounds() {
        Cluster.prototype._recalculateBounds.call(this);
        if (this._cLatLng) this._latlng = L.latLng(this._cLatLng.lat, this._cLatLng.lng);
      },
    });
  }
  return group;
}

// A box [left, top, right, bottom] in layer pixels round a pin or a cluster.
function boxOf(L, map, layer) {
  const { x, y } = map.latLngToLayerPoint(layer.getLatLng());
  if (layer instanceof L.MarkerCluster) {
    const half = CLUSTER_SIZE_PX / 2;
    return [x - half, y - half, x + half, y + half];
  }
  const left = x - MARKER_ANCHOR_X_PX;
  return [left, y - MARKER_HEIGHT_PX, left + MARKER_WIDTH_PX, y];
}

const overlap = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

// The keyboard and the clusters: Enter or Space on a cluster zooms in to it (or spreads its pins
// out at the last zoom) and focus moves to the first of its places; Escape on a spread-out pin
// gathers them back into the cluster. When zooming puts the pin or cluster that had focus into
// another, focus follows it there. Pins and clusters keep the data's order, which is the tab order.
function clusterKeyboardWire(L, map, canvas, points, markers) {
  const pane = map.getPane("markerPane");
  let place = null; // the first place of the pin or cluster that last had keyboard focus
  let movingUntil = 0; // Enter on a cluster: focus follows `place` once the map settles
  let spread = null; // the cluster spread out, and the pins it covers (hidden meanwhile)

  const shownNode = (marker) =>
    points.hasLayer(marker) ? (points.getVisibleParent(marker)?.getElement?.() ?? null) : null;
  const firstPlace = (node) => markers.find((marker) => shownNode(marker) === node) ?? null;

  const order = () => {
    const nodes = new Set();
    for (const marker of markers) {
      const node = shownNode(marker);
      if (node?.parentNode === pane) nodes.add(node);
    }
    const current = [...pane.children].filter((node) => nodes.has(node));
    const wanted = [...nodes];
    if (current.every((node, i) => node === wanted[i])) return;
    const active = document.activeElement;
    pane.append(...wanted); // moving a node blurs it: focus goes back
    if (nodes.has(active) && document.activeElement !== active) focusQuietly(active);
  };

  const settle = () => {
    order();
    if (!place) return;
    const active = document.activeElement;
    const moving = Date.now() < movingUntil;
    const lost = !active || active === document.body;
    if (!lost && !(moving && (active === canvas || pane.contains(active)))) return;
    movingUntil = 0;
    const target = shownNode(place);
    if (target && target !== active) focusQuietly(target);
  };

  points.on("animationend", settle);
  points.on("spiderfied", (event) => {
    const cluster = event.cluster;
    cluster.getElement()?.classList.add(`${CLUSTER_CLASS}--open`);
    // Pins and clusters under the spread-out pins are hidden (out of the way of pointers and
    // out of the tab order) until the pins are gathered back: the map is at its last zoom.
    const boxes = event.markers.map((marker) => boxOf(L, map, marker));
    const covered = new Set();
    for (const marker of markers) {
      if (event.markers.includes(marker) || !points.hasLayer(marker)) continue;
      const layer = points.getVisibleParent(marker);
      if (!layer?.getElement?.() || layer === cluster || covered.has(layer)) continue;
      if (boxes.some((spot) => overlap(spot, boxOf(L, map, layer)))) covered.add(layer);
    }
    for (const layer of covered) {
      layer.getElement().classList.add(COVERED_CLASS);
      if (!(layer instanceof L.MarkerCluster)) layer.setOpacity(0); // its shadow too
    }
    spread = { cluster, covered, first: markers.find((m) => event.markers.includes(m)) };
    settle();
  });
  points.on("unspiderfied", (event) => {
    event.cluster.getElement()?.classList.remove(`${CLUSTER_CLASS}--open`);
    for (const layer of spread?.covered ?? []) {
      layer.getElement()?.classList.remove(COVERED_CLASS);
      if (!(layer instanceof L.MarkerCluster)) layer.setOpacity(1);
    }
    spread = null;
    settle();
  });

  document.addEventListener("focusin", (event) => {
    if (!canvas.contains(event.target)) place = null;
  });
  pane.addEventListener("focusin", (event) => {
    const node = event.target;
    const found = firstPlace(node);
    if (!found) return;
    if (node.matches(":focus-visible")) place = found;
    if (node.classList.contains(CLUSTER_CLASS)) {
      const latlng = points.getVisibleParent(found).getLatLng();
      map.panInside(latlng, { padding: [48, 48], animate: !reducedMotion });
    }
  });
  pane.addEventListener("keydown", (event) => {
    const node = event.target;
    if (event.key === "Escape" && spread && !markers.some((marker) => marker.isPopupOpen())) {
      if (!node.classList.contains(CLUSTER_CLASS) && firstPlace(node)) {
        event.preventDefault();
        place = spread.first;
        movingUntil = Date.now() + CLUSTER_SETTLE_MS;
        spread.cluster.unspiderfy();
      }
      return;
    }
    if (!node.classList.contains(CLUSTER_CLASS)) return;
    if (event.key !== "Enter" && event.key !== " ") return;
    // Cancelled, so Space does not scroll the page and Enter's keypress does nothing more.
    event.preventDefault();
    const first = firstPlace(node);
    if (!first) return;
    place = first;
    movingUntil = Date.now() + CLUSTER_SETTLE_MS;
    // What a click does: Leaflet.markercluster zooms in, or spreads the pins out at the last zoom.
    // (The group fires a cluster's events with "cluster" before their names: this is clusterclick.)
    points.fire("click", { layer: points.getVisibleParent(first) });
  });
  return order;
}

// ------------------------------------------------------------------ the component

function errorShow(element, texts) {
  element.replaceChildren();
  if (!texts.error) return;
  element.append(create("p", { class: "govuk-body app-directory-map__error", text: texts.error }));
  element.hidden = false;
}

// A link past the map's many tab stops to the list beside it, shown when it has focus.
function skipLinks(element, texts) {
  const listId = element.dataset.listId;
  if (!listId || !texts.skip) return [];
  const href = `#${encodeURIComponent(listId)}`;
  return [create("a", { class: "govuk-skip-link", href, text: texts.skip })];
}

function boundsOf(L, places) {
  return L.latLngBounds(
    places.map((place) =>
      place.approximate
        ? L.latLng(place.lat, place.lng).toBounds(AREA_RADIUS_METRES * 2)
        : L.latLng(place.lat, place.lng),
    ),
  );
}

// Filters, count, skip link and map, in place of the hidden element's (empty) content.
function componentBuild(L, element, id, collection, places, texts) {
  const status = create("p", {
    class: "govuk-body-s app-directory-map__status",
    role: "status",
    "aria-live": "polite",
  });
  const layers = new Map();
  let map = null;
  let points = null; // the pins' cluster group (null without Leaflet.markercluster)
  let order = () => {};
  const show = () => {
    // Take all off and put the shown back in the data's order, which is the tab order; the
    // clusters are made anew from the pins shown.
    for (const [place, layer] of layers) if (!points || place.approximate) layer.remove();
    points?.clearLayers();
    const pins = [];
    for (const [place, layer] of layers) {
      if (!shown(place)) continue;
      if (points && !place.approximate) pins.push(layer);
      else layer.addTo(map);
    }
    points?.addLayers(pins);
    order();
    status.textContent = countText(element, [...layers.keys()].filter(shown).length);
  };
  const { filters, shown } = filtersBuild(id, places, texts, show);
  const canvas = create("div", {
    class: "app-directory-map__canvas",
    id: `${id}-canvas`,
    role: "region",
    "aria-label": element.dataset.label || "",
  });
  element.replaceChildren(filters, status, ...skipLinks(element, texts), canvas);
  element.hidden = false; // before Leaflet measures the canvas

  map = mapBuild(L, canvas, element, collection, texts);
  // The view first: clusters and areas are worked out for the zoom the map opens at.
  map.fitBounds(boundsOf(L, places), { padding: [32, 32], maxZoom: 15, animate: false });
  points = pointsBuild(L, element)?.addTo(map) ?? null;
  const icon = markerIcon(L, element);
  for (const place of places) layers.set(place, layerBuild(L, map, place, icon, texts));
  if (points) {
    const markers = [...layers].filter(([place]) => !place.approximate).map(([, layer]) => layer);
    order = clusterKeyboardWire(L, map, canvas, points, markers);
  }
  popupKeyboardWire(map, canvas, layers, points, texts);
  show();
}

async function enhance(element, index) {
  const L = window.L;
  if (!L?.map || element.dataset.directoryMapEnhanced) return;
  element.dataset.directoryMapEnhanced = "true";
  const texts = textsFor(element);
  try {
    const collection = await collectionFetch(element.dataset.geojsonUrl);
    const places = collection.features.map(placeFromFeature).filter(Boolean);
    if (!places.length) return; // nothing to show: the list says so
    const id = element.id || `directory-map-${index + 1}`;
    componentBuild(L, element, id, collection, places, texts);
  } catch (error) {
    errorShow(element, texts); // the list beside it still has every place
    console.warn("Directory map not shown:", error);
  }
}

document.querySelectorAll("[data-directory-map]").forEach((element, index) => {
  enhance(element, index);
});
