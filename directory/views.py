"""The finder and asset map pages, their GeoJSON for the maps, and the open-data downloads."""

import json

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from website.core.geography import KM_PER_MILE, POSTCODE_ATTRIBUTION, distance_text
from website.core.pagination import page_links
from website.core.spreadsheets import csv_stream, formula_safe

from .display import (
    category_label,
    dated_hours_rows,
    entry_json_ld,
    kind_label,
    opening_status_text,
    weekly_hours_rows,
    where_text,
)
from .forms import AssetMapForm, FinderForm
from .models import DirectoryIndexPage, EntryKind, FoodPlaceKind
from .selectors import (
    FinderFilters,
    FinderHit,
    asset_map_for_index,
    directory_find,
    entries_load,
    entry_hours,
    map_rows,
)

PER_PAGE = 20
OPEN_DATA_LICENCE = "Open Government Licence v3.0"
OPEN_DATA_LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def _entry_url(index_url: str, index_path: str, url_path: str) -> str:
    """An entry's address from its url_path, without loading the page (all live under index)."""
    return index_url + url_path[len(index_path) :]


def _card(hit: FinderHit, page, request: HttpRequest, now) -> dict:
    miles = hit.km / KM_PER_MILE if hit.km is not None else None
    return {
        "page": page,
        "url": page.get_url(request=request),
        "kind_label": kind_label(page),
        "where": where_text(page),
        "distance": distance_text(miles) if miles is not None else "",
        "status": opening_status_text(hit.status, now=now),
        "is_open": bool(hit.status and hit.status.is_open),
        "services": [s.get_service_type_display() for s in page.services.all()]
        if page.kind == EntryKind.HUB
        else [],
    }


def _results_context(request: HttpRequest, page, form: FinderForm) -> dict:
    now = timezone.now()
    filters = form.filters()
    hits = directory_find(index=page, filters=filters, now=now)
    results = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
    loaded = entries_load(hits=list(results.object_list), now=now)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "filters": filters,
        "results": results,
        "cards": [_card(hit, entry, request, now) for hit, entry in loaded],
        "pagination": page_links(request=request, page=results),
        "is_filtered": any(value for key, value in request.GET.items() if key != "page"),
        "postcode_attribution": POSTCODE_ATTRIBUTION if filters.origin else "",
        "map_url": page.get_url(request=request)
        + page.reverse_subpage("geojson")
        + (f"?{query.urlencode()}" if query else ""),
        "map_list_id": "results",
    }


def finder_view(request: HttpRequest, index) -> HttpResponse:
    """The directory index: filters, results nearest first, and the map of the results."""
    context = _results_context(request, index, FinderForm(request.GET))
    context["asset_map"] = asset_map_for_index(index=index)
    return index.render(request, context_overrides=context)


def asset_map_view(request: HttpRequest, asset_map) -> HttpResponse:
    """The community asset map: filters by category and area, the list and the map."""
    context = _results_context(request, asset_map, AssetMapForm(request.GET))
    return asset_map.render(request, context_overrides=context)


def _feature(hit: FinderHit, row: dict, *, url: str, now) -> dict:
    kind = hit.kind
    category = row.get("category", "")
    if kind == EntryKind.ASSET and row["location_is_approximate"]:
        area = row["neighbourhood__name"] or row["ward__name"]
        address = _("Around %(area)s") % {"area": area} if area else ""
    else:
        address = ", ".join(p for p in (row["address"].replace("\n", ", "), row["postcode"]) if p)
    if kind == EntryKind.FOOD:
        label = str(FoodPlaceKind(row["food_place_kind"]).label)
    else:
        label = str(EntryKind(kind).label)
    return {
        "type": "Feature",
        "id": f"{kind}-{hit.pk}",
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": {
            "name": hit.title,
            "url": url,
            "kind": str(kind),
            "kind_label": label,
            "category": category,
            "category_label": category_label(category),
            "summary": row["introduction"],
            "address": address,
            "status": opening_status_text(hit.status, now=now),
            "approximate": bool(row.get("location_is_approximate")),
        },
    }


def feature_collection(*, request: HttpRequest, index, hits: list[FinderHit]) -> dict:
    """GeoJSON of the hits that have a map position, with the licence and attribution."""
    now = timezone.now()
    index_url = index.get_url(request=request)
    features = [
        _feature(hit, row, url=_entry_url(index_url, index.url_path, row["url_path"]), now=now)
        for hit, row in map_rows(hits=hits, now=now)
    ]
    return {
        "type": "FeatureCollection",
        "features": features,
        "licence": OPEN_DATA_LICENCE_URL,
        "attribution": f"{OPEN_DATA_LICENCE}. {POSTCODE_ATTRIBUTION}",
    }


def _geojson_response(data: dict, *, filename: str = "") -> JsonResponse:
    response = JsonResponse(data, content_type="application/geo+json")
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=300)
    return response


def finder_geojson_view(request: HttpRequest, index) -> HttpResponse:
    """The finder's matches (all of them, every page of the list) as GeoJSON."""
    filters = FinderForm(request.GET).filters()
    hits = directory_find(index=index, filters=filters, now=timezone.now())
    return _geojson_response(feature_collection(request=request, index=index, hits=hits))


def asset_geojson_view(request: HttpRequest, asset_map) -> HttpResponse:
    filters = AssetMapForm(request.GET).filters()
    hits = directory_find(index=asset_map, filters=filters, now=timezone.now())
    return _geojson_response(feature_collection(request=request, index=asset_map, hits=hits))


def download_view(request: HttpRequest, index, file_format: str) -> HttpResponse:
    """Everything in the directory as open data: GeoJSON, or CSV with one row per entry."""
    hits = directory_find(index=index, filters=FinderFilters(), now=timezone.now())
    collection = feature_collection(request=request, index=index, hits=hits)
    if file_format == "geojson":
        return _geojson_response(collection, filename="plymouth-directory.geojson")
    if file_format != "csv":
        raise Http404
    response = StreamingHttpResponse(
        csv_stream(_csv_rows(collection, request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="plymouth-directory.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{OPEN_DATA_LICENCE_URL}>; rel="license"'
    patch_cache_control(response, public=True, max_age=300)
    return response


def _csv_rows(collection: dict, request: HttpRequest):
    yield ["id", "kind", "type", "name", "url", "where", "latitude", "longitude", "summary"]
    for feature in collection["features"]:
        props = feature["properties"]
        longitude, latitude = feature["geometry"]["coordinates"]
        yield [
            formula_safe(value)
            for value in (
                feature["id"],
                props["kind"],
                props["category_label"] or props["kind_label"],
                props["name"],
                request.build_absolute_uri(props["url"]),
                props["address"],
                latitude,
                longitude,
                props["summary"],
            )
        ]


def _json_ld_tag(data: dict) -> str:
    """A schema.org block; escaped like json_script so no text can close the tag. The data is
    staff-written page content, and every <, > and & is escaped before marking it safe."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))


def entry_context(*, request: HttpRequest, page) -> dict:
    """An entry page's hours in words, where it is, and its links and schema.org data."""
    now = timezone.now()
    today = timezone.localdate(now)
    index = DirectoryIndexPage.objects.ancestor_of(page).live().first()
    asset_map = asset_map_for_index(index=index) if index else None
    url = page.get_full_url(request=request)
    context = {
        "where": where_text(page),
        "finder_url": index.get_url(request=request) if index else "",
        "suggest_url": (
            f"{asset_map.get_url(request=request)}{asset_map.reverse_subpage('suggest')}"
            f"?entry={page.pk}"
            if asset_map
            else ""
        ),
    }
    weekly = []
    if page.kind != EntryKind.ASSET:
        # The list of changes and the schema.org block both read them: one query.
        prefetch_related_objects([page], "dated_hours")
        hours = entry_hours(page=page, now=now)
        weekly = hours.weekly
        status = hours.status(now) if hours.weekly or hours.dated else None
        context["hours"] = {
            "status": opening_status_text(status, now=now),
            "is_open": bool(status and status.is_open),
            "has_weekly": bool(hours.weekly),
            "weekly": weekly_hours_rows(hours.weekly),
            "changes": dated_hours_rows(page, today=today),
        }
    context["json_ld"] = _json_ld_tag(entry_json_ld(page, url=url, weekly=weekly, today=today))
    return context
