// Directory maps: progressive enhancement of every <div data-directory-map> that
// templates/directory/components/map.html renders (hidden) beside a list of the same places.
// The list is the page; the map only adds to it. If Leaflet did not load, nothing happens; if
// the places cannot be fetched, a short message says so and the list is still there.
//
// Leaflet is self-hosted (vendor/leaflet/leaflet.js): a classic deferred script placed before
// this module by map_assets.html, so window.L exists when this runs. No inline script, no eval.
//
// The element's attributes: data-geojson-url, data-tile-url (Leaflet URL template),
// data-tile-attribution (HTML from settings), data-label (the map region's name), data-list-id
// (optional: the list's id, for a link past the map), data-marker-*-url (Leaflet's marker
// images via {% static %}) and data-text-* (translated texts; data-text-count-N is the count
// sentence for N places with a {count} placeholder, one per plural category).
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
// falls in the same plural category as the count (or is the count itself).
function countText(element, count) {
  const samples = [];
  for (const attribute of element.attributes) {
    const match = /^data-text-count-(\d+)$/.exec(attribute.name);
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
    iconSize: [25, 41],
    iconAnchor: [12, 41],
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
  // Leaflet makes a new element each time the layer is shown again after filtering.
  layer.on("add", () => {
    const node = layer.getElement();
    if (!node) return;
    if (place.approximate) {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", place.name);
    }
    node.addEventListener("focus", () => {
      map.panInside([place.lat, place.lng], { padding: [48, 48], animate: !reducedMotion });
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
  return layer;
}

function mapBuild(L, canvas, element, collection, texts) {
  const map = L.map(canvas, {
    keyboard: true,
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
    maxZoom: 19,
  }).addTo(map);

  canvas.addEventListener("focusin", () => map.scrollWheelZoom.enable());
  canvas.addEventListener("focusout", (event) => {
    if (!canvas.contains(event.relatedTarget)) map.scrollWheelZoom.disable();
  });
  return map;
}

// Escape closes the open popup and puts focus back on its pin; so does the close button.
function popupKeyboardWire(map, canvas, layers, texts) {
  let opener = null;
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
      focusQuietly(layer.getElement());
    }
  });
  canvas.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && opener) {
      event.preventDefault();
      const layer = opener;
      layer.closePopup();
      focusQuietly(layer.getElement());
    }
  });
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
  const { filters, shown } = filtersBuild(id, places, texts, () => {
    // Take all off and put the shown back in the data's order, which is the tab order.
    for (const layer of layers.values()) layer.remove();
    for (const [place, layer] of layers) if (shown(place)) layer.addTo(map);
    status.textContent = countText(element, [...layers.keys()].filter(shown).length);
  });
  const canvas = create("div", {
    class: "app-directory-map__canvas",
    id: `${id}-canvas`,
    role: "region",
    "aria-label": element.dataset.label || "",
  });
  element.replaceChildren(filters, status, ...skipLinks(element, texts), canvas);
  element.hidden = false; // before Leaflet measures the canvas

  map = mapBuild(L, canvas, element, collection, texts);
  const icon = markerIcon(L, element);
  for (const place of places) layers.set(place, layerBuild(L, map, place, icon, texts).addTo(map));
  popupKeyboardWire(map, canvas, layers, texts);
  map.fitBounds(boundsOf(L, places), { padding: [32, 32], maxZoom: 15, animate: false });
  status.textContent = countText(element, places.length);
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
