"""The Open Referral UK 3.0 API: public, read-only JSON with CORS, for other directories to use.

Every response, errors included, allows any origin and may be cached for five minutes. A bad
query parameter is a 400 and an unknown id a 404, both as RFC 9457 problem+json naming the
parameter; parameters the API does not know are ignored, as HSDS asks.
"""

import json
import re
import unicodedata
import uuid
from datetime import UTC, datetime
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt

from website.core.postcodes import postcode_normalise
from website.core.selectors import postcode_point

from ..opening_hours import LONDON
from . import serialisers
from .selectors import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    TAXONOMY_ID,
    ServiceFilters,
    page_of,
    service_at_location_get,
    service_get,
    services_find,
    services_load,
    taxonomy_matches,
    term_by_id,
    terms_search,
)

OPENAPI_PATH = Path(__file__).resolve().parent / "openapi.json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CACHE_SECONDS = 300
MAX_PAGE = 1_000_000
MAX_PROXIMITY_METRES = 1_000_000
MAX_PARAMETER_LENGTH = 200
MAX_SEARCH_WORDS = 10
PROBLEM_TYPE = "application/problem+json"


class BadParameter(Exception):
    """A query parameter the API cannot use: answered with a 400 naming it."""

    def __init__(self, parameter: str, detail: str):
        super().__init__(detail)
        self.parameter, self.detail = parameter, detail


def _problem(status: int, title: str, detail: str, parameter: str = "") -> JsonResponse:
    body = serialisers.problem(status=status, title=title, detail=detail, parameter=parameter)
    return JsonResponse(body, status=status, content_type=PROBLEM_TYPE)


def _not_found(detail: str) -> JsonResponse:
    return _problem(404, "Not Found", detail)


def _json(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def api_view(view):
    """GET and HEAD (and CORS preflight) only; CORS, caching and 400s for bad parameters.

    CSRF-exempt so that other methods get the API's 405, not the site's HTML 403: no view
    here changes anything."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "*"
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = ALLOWED_METHODS
        elif request.method not in {"GET", "HEAD"}:
            detail = f"This API is read-only: use {ALLOWED_METHODS}."
            response = _problem(405, "Method Not Allowed", detail)
            response["Allow"] = ALLOWED_METHODS
        else:
            # English only: labels must not follow the reader's Accept-Language.
            with translation.override(settings.LANGUAGE_CODE):
                try:
                    response = view(request, *args, **kwargs)
                except BadParameter as error:
                    response = _problem(400, "Bad Request", error.detail, error.parameter)
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
            response["Content-Language"] = settings.LANGUAGE_CODE
        response["Access-Control-Allow-Origin"] = "*"
        return response

    # Read-only and cookie-free: there is no form and nothing to forge. Exempt so that a POST
    # from another site gets this API's JSON 405 (with CORS), not Django's HTML CSRF page.
    return csrf_exempt(wrapped)


# Parameters ----------------------------------------------------------------------------------


def _param(request: HttpRequest, name: str) -> str:
    """The parameter's text, trimmed and NFC-normalised; "" when missing or empty."""
    value = request.GET.get(name, "")
    if "\x00" in value:
        raise BadParameter(name, f"{name} must not contain a null character.")
    if len(value) > MAX_PARAMETER_LENGTH:
        raise BadParameter(name, f"{name} must be at most {MAX_PARAMETER_LENGTH} characters.")
    return unicodedata.normalize("NFC", value.strip())


def _search(request: HttpRequest) -> str:
    search = _param(request, "search")
    if len(search.split()) > MAX_SEARCH_WORDS:
        raise BadParameter("search", f"search must have at most {MAX_SEARCH_WORDS} words.")
    return search


def _whole_number(request: HttpRequest, name: str, *, default: int, maximum: int) -> int:
    raw = _param(request, name)
    if not raw:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw) or not 1 <= int(raw) <= maximum:
        raise BadParameter(name, f"{name} must be a whole number from 1 to {maximum}.")
    return int(raw)


def _paging(request: HttpRequest) -> tuple[int, int]:
    page = _whole_number(request, "page", default=1, maximum=MAX_PAGE)
    per_page = _whole_number(request, "per_page", default=DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
    return page, per_page


def _flag(request: HttpRequest, name: str) -> bool:
    raw = _param(request, name).lower()
    if raw not in {"", "true", "false", "1", "0"}:
        raise BadParameter(name, f"{name} must be true or false.")
    return raw in {"true", "1"}


def _uuid(request: HttpRequest, name: str) -> str | None:
    raw = _param(request, name)
    if not raw:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise BadParameter(name, f"{name} must be a UUID.") from None


def _format(request: HttpRequest) -> None:
    if _param(request, "format").lower() not in {"", "json"}:
        raise BadParameter("format", "format must be json (ndjson is not offered).")


def _modified_after(request: HttpRequest) -> datetime | None:
    raw = _param(request, "modified_after")
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=LONDON)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        detail = "modified_after must be an ISO 8601 date or date-time, like 2025-06-01T09:00:00Z."
        raise BadParameter("modified_after", detail) from None


def _place(request: HttpRequest) -> dict:
    """The postcode's centre and the proximity in metres, for /service_at_locations."""
    raw_postcode, raw_proximity = _param(request, "postcode"), _param(request, "proximity")
    proximity = None
    if raw_proximity:
        if not re.fullmatch(r"[0-9]{1,7}(\.[0-9]{1,6})?", raw_proximity) or (
            float(raw_proximity) > MAX_PROXIMITY_METRES
        ):
            detail = f"proximity must be a distance in metres from 0 to {MAX_PROXIMITY_METRES}."
            raise BadParameter("proximity", detail)
        if not raw_postcode:
            raise BadParameter("proximity", "proximity needs a postcode to measure from.")
        proximity = float(raw_proximity)
    if not raw_postcode:
        return {}
    postcode = postcode_normalise(raw_postcode)
    if postcode is None:
        raise BadParameter("postcode", "postcode must be a full UK postcode, like PL1 1AE.")
    origin = postcode_point(postcode=postcode)
    if origin is None:
        raise BadParameter("postcode", f"{postcode} is not in Plymouth's postcode list.")
    return {"origin": origin, "proximity_metres": proximity}


def _service_filters(request: HttpRequest, *, with_place: bool) -> ServiceFilters:
    return ServiceFilters(
        search=_search(request),
        taxonomy_term_id=_uuid(request, "taxonomy_term_id"),
        taxonomy_id=_uuid(request, "taxonomy_id"),
        organization_id=_uuid(request, "organization_id"),
        modified_after=_modified_after(request),
        **(_place(request) if with_place else {}),
    )


def _id_or_none(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


# Endpoints -----------------------------------------------------------------------------------


@api_view
def root(request: HttpRequest) -> HttpResponse:
    """Which standard this API follows and where its OpenAPI document is."""
    openapi_url = request.build_absolute_uri(reverse("open_referral:openapi"))
    return _json(serialisers.root(openapi_url=openapi_url))


@cache
def _openapi_document() -> dict:
    return json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))


@api_view
def openapi(request: HttpRequest) -> HttpResponse:
    """The OpenAPI 3.1 document, with this site's own base URL as its server."""
    base_url = request.build_absolute_uri(reverse("open_referral:root")).rstrip("/")
    document = _openapi_document() | {"servers": [{"url": base_url}]}
    return _json(document)


@api_view
def services(request: HttpRequest) -> HttpResponse:
    """A page of services (one-to-one fields and organization; fully nested with full=true)."""
    page_number, per_page = _paging(request)
    filters, full = _service_filters(request, with_place=False), _flag(request, "full")
    _format(request)
    page = page_of(services_find(filters=filters), page=page_number, per_page=per_page)
    entries = services_load(hits=page.items, with_hours=full)
    serialise = serialisers.service_full if full else serialisers.service_summary
    return _json(serialisers.page_envelope(page, [serialise(e, request) for e in entries]))


@api_view
def service_detail(request: HttpRequest, service_id: str) -> HttpResponse:
    """One fully nested service."""
    canonical = _id_or_none(service_id)
    entry = service_get(service_id=canonical) if canonical else None
    if entry is None:
        return _not_found("There is no published service with this id.")
    return _json(serialisers.service_full(entry, request))


@api_view
def service_at_locations(request: HttpRequest) -> HttpResponse:
    """A page of services at their places, nearest first when a postcode is given."""
    page_number, per_page = _paging(request)
    filters, full = _service_filters(request, with_place=True), _flag(request, "full")
    _format(request)
    page = page_of(services_find(filters=filters), page=page_number, per_page=per_page)
    entries = services_load(hits=page.items, with_hours=full)
    contents = [serialisers.service_at_location(e, request, full=full) for e in entries]
    return _json(serialisers.page_envelope(page, contents))


@api_view
def service_at_location_detail(request: HttpRequest, service_at_location_id: str) -> HttpResponse:
    """One service at its place, with its hours and contacts."""
    canonical = _id_or_none(service_at_location_id)
    entry = service_at_location_get(service_at_location_id=canonical) if canonical else None
    if entry is None:
        return _not_found("There is no published service at a location with this id.")
    return _json(serialisers.service_at_location(entry, request, full=True))


@api_view
def taxonomies(request: HttpRequest) -> HttpResponse:
    """The one taxonomy, the directory's categories, as a page."""
    page_number, per_page = _paging(request)
    search = _search(request)
    _format(request)
    items = [serialisers.taxonomy()] if taxonomy_matches(search=search) else []
    page = page_of(items, page=page_number, per_page=per_page)
    return _json(serialisers.page_envelope(page, page.items))


@api_view
def taxonomy_detail(request: HttpRequest, taxonomy_id: str) -> HttpResponse:
    if _id_or_none(taxonomy_id) != TAXONOMY_ID:
        return _not_found("There is no taxonomy with this id.")
    return _json(serialisers.taxonomy())


@api_view
def taxonomy_terms(request: HttpRequest) -> HttpResponse:
    """A page of the taxonomy's terms (all top-level)."""
    page_number, per_page = _paging(request)
    search, _top_only = _search(request), _flag(request, "top_only")
    taxonomy_id, parent_id = _uuid(request, "taxonomy_id"), _uuid(request, "parent_id")
    _format(request)
    terms = terms_search(search=search, taxonomy_id=taxonomy_id, parent_id=parent_id)
    page = page_of(terms, page=page_number, per_page=per_page)
    contents = [serialisers.taxonomy_term(term) for term in page.items]
    return _json(serialisers.page_envelope(page, contents))


@api_view
def taxonomy_term_detail(request: HttpRequest, taxonomy_term_id: str) -> HttpResponse:
    canonical = _id_or_none(taxonomy_term_id)
    term = term_by_id(term_id=canonical) if canonical else None
    if term is None:
        return _not_found("There is no taxonomy term with this id.")
    return _json(serialisers.taxonomy_term(term))


@api_view
def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """Any other path under the API: a JSON 404 (with CORS), not the site's HTML page."""
    return _not_found("There is no such endpoint; GET the API's root for its OpenAPI document.")
