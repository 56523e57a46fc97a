"""Plain dicts in the shape of Open Referral UK 3.0 (HSDS 3.0 with the UK profile).

Unknown values are left out, never null or "" (the schemas type every field as a plain string,
number or array). Times are UK local wall-clock times, without an offset: a fixed offset would
be wrong for half the year.
"""

import re
from collections import defaultdict
from datetime import UTC, date, datetime, time

from django.http import HttpRequest
from wagtail.rich_text import get_text_for_indexing

from ..models import ACCESSIBILITY_FEATURES, EntryKind
from .selectors import (
    TAXONOMY_DESCRIPTION,
    TAXONOMY_ID,
    TAXONOMY_NAME,
    PageOf,
    ServiceEntry,
    Term,
    derived_id,
    london_today,
    term_for,
)

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
PUBLISHER = {"name": "Plymouth City Council", "website": "https://www.plymouth.gov.uk/"}
ORGANIZATION_DESCRIPTION = (
    "Runs services listed in Plymouth City Council's community directory "
    "(Wellbeing Hubs, food co-ops and social supermarkets)."
)
CITY, STATE_PROVINCE, COUNTRY = "Plymouth", "Devon", "GB"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# ISO 639-1 codes (639-3 where there is none) for the languages hubs list most often.
LANGUAGE_CODES = {
    "arabic": "ar", "bengali": "bn", "british sign language": "bfi", "bsl": "bfi",
    "bulgarian": "bg", "chinese": "zh", "cornish": "kw", "english": "en", "farsi": "fa",
    "french": "fr", "kurdish": "ku", "lithuanian": "lt", "persian": "fa", "polish": "pl",
    "portuguese": "pt", "punjabi": "pa", "romanian": "ro", "russian": "ru", "spanish": "es",
    "turkish": "tr", "ukrainian": "uk", "urdu": "ur", "welsh": "cy",
}  # fmt: skip


def _compact(values: dict) -> dict:
    """The dict without unknown values: HSDS wants a missing field, not null or ""."""
    return {key: value for key, value in values.items() if value is not None and value != ""}


def _plain(text: str) -> str:
    return " ".join(text.split())


def _time(moment: time) -> str:
    return moment.strftime("%H:%M")


def _date_text(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%B %Y}"


def _timestamp(moment: datetime | None) -> str | None:
    """RFC 3339 in UTC with milliseconds, as the spec's examples give last_modified."""
    if moment is None:
        return None
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def root(*, openapi_url: str) -> dict:
    """GET /: which standard and profile this API follows, and where its OpenAPI is."""
    return {
        "version": VERSION,
        "profile": PROFILE_URL,
        "openapi_url": openapi_url,
        "description": "Open Referral UK 3.0 data of Plymouth's Wellbeing Hubs' services, "
        "food co-ops and social supermarkets.",
        "publisher": PUBLISHER,
    }


def page_envelope(page: PageOf, contents: list) -> dict:
    """The HSDS page envelope around one page of items."""
    return {
        "total_items": page.total_items,
        "total_pages": page.total_pages,
        "page_number": page.page_number,
        "size": len(contents),
        "first_page": page.page_number == 1,
        "last_page": page.page_number >= page.total_pages,
        "empty": not contents,
        "contents": contents,
    }


def problem(*, status: int, title: str, detail: str, parameter: str = "") -> dict:
    """An RFC 9457 problem body: what went wrong, and with which parameter."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return _compact(body | {"parameter": parameter})


def taxonomy() -> dict:
    """The one taxonomy: the directory's own categories."""
    return {"id": TAXONOMY_ID, "name": TAXONOMY_NAME, "description": TAXONOMY_DESCRIPTION}


def taxonomy_term(term: Term) -> dict:
    """A term with both the HSDS (name) and UK profile (term, taxonomy) labels."""
    return {
        "id": term.id,
        "code": term.value,
        "name": term.name,
        "term": term.name,
        "description": term.description,
        "taxonomy": TAXONOMY_NAME,
        "taxonomy_id": TAXONOMY_ID,
        "language": "en",
    }


def _page_url(entry: ServiceEntry, request: HttpRequest) -> str:
    return entry.page.get_full_url(request=request) or request.build_absolute_uri("/")


def organization(entry: ServiceEntry) -> dict:
    """Who runs the service: the hub's operator or the food place's "run by"."""
    website = entry.page.operator_website if entry.hit.kind == EntryKind.HUB else ""
    return _compact(
        {
            "id": entry.hit.organization_id,
            "name": entry.hit.organization,
            "description": ORGANIZATION_DESCRIPTION,
            "website": website,
        }
    )


def _description(entry: ServiceEntry) -> str:
    page = entry.page
    if entry.hit.kind == EntryKind.HUB:
        return _plain(entry.hub_service.description) or _plain(page.listing_summary)
    text = _plain(get_text_for_indexing(page.how_it_works)) or _plain(page.listing_summary)
    if page.delivery:
        text = f"{text} Delivery: {_plain(page.delivery)}".strip()
    return text


def service_summary(entry: ServiceEntry, request: HttpRequest) -> dict:
    """A service's one-to-one fields and its organization, as list items carry them."""
    page, is_food = entry.page, entry.hit.kind == EntryKind.FOOD
    return _compact(
        {
            "id": entry.hit.service_id,
            "organization_id": entry.hit.organization_id,
            "name": entry.hit.name,
            "description": _description(entry),
            "url": _page_url(entry, request),
            "email": page.email,
            "status": "active",
            "eligibility_description": _plain(page.who_can_join) if is_food else "",
            "fees_description": _plain(page.cost) if is_food else "",
            "last_modified": _timestamp(page.last_published_at),
            "organization": organization(entry),
        }
    )


def _address(entry: ServiceEntry) -> list[dict]:
    page, location_id = entry.page, entry.hit.location_id
    skip = {CITY.casefold(), page.postcode.casefold().replace(" ", "")}
    lines = [line.strip(" ,") for line in page.address.splitlines()]
    lines = [line for line in lines if line and line.casefold().replace(" ", "") not in skip]
    if not lines or not page.postcode:
        return []
    return [
        {
            "id": derived_id("address", location_id),
            "location_id": location_id,
            # The UK profile has no address_2: every line goes in address_1.
            "address_1": ", ".join(lines),
            "city": CITY,
            "state_province": STATE_PROVINCE,
            "postal_code": page.postcode,
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]


def _accessibility(entry: ServiceEntry) -> list[dict]:
    page, location_id = entry.page, entry.hit.location_id
    items = [
        {
            "id": derived_id("accessibility", location_id, name),
            "location_id": location_id,
            "description": str(label),
            "accessibility": str(label),
        }
        for name, label in ACCESSIBILITY_FEATURES
        if getattr(page, name)
    ]
    if page.accessibility_detail.strip():
        items.append(
            {
                "id": derived_id("accessibility", location_id, "detail"),
                "location_id": location_id,
                "description": "More about access",
                "details": page.accessibility_detail.strip(),
            }
        )
    return items


def location(entry: ServiceEntry, request: HttpRequest) -> dict:
    """The place (the hub or food place page), its address and accessibility."""
    page = entry.page
    return _compact(
        {
            "id": entry.hit.location_id,
            "location_type": "physical",
            "name": page.title,
            "description": _plain(page.listing_summary),
            "url": _page_url(entry, request),
            "latitude": page.latitude,
            "longitude": page.longitude,
            "addresses": _address(entry),
            "accessibility": _accessibility(entry),
        }
    )


def _weekly_schedules(entry: ServiceEntry, links: dict) -> list[dict]:
    periods = sorted(entry.page.opening_periods.all(), key=lambda p: (p.weekday, p.opens, p.pk))
    schedules = []
    for period in periods:
        # A closing time at or before the opening time is on the next day.
        next_day = " the next day" if period.closes <= period.opens else ""
        schedules.append(
            links
            | {
                "id": derived_id("schedule", entry.hit.service_id, "weekly", period.pk),
                "freq": "WEEKLY",
                "byday": BYDAY[period.weekday],
                "opens_at": _time(period.opens),
                "closes_at": _time(period.closes),
                "description": f"{WEEKDAY_NAMES[period.weekday]} {_time(period.opens)} to "
                f"{_time(period.closes)}{next_day} (UK time)",
            }
        )
    return schedules


def _closed_schedule(entry: ServiceEntry, links: dict, day: date, rows: list) -> dict:
    notes = "; ".join(dict.fromkeys(row.note.strip() for row in rows if row.note.strip()))
    return _compact(
        links
        | {
            "id": derived_id("schedule", entry.hit.service_id, "closed", day.isoformat()),
            "valid_from": day.isoformat(),
            "valid_to": day.isoformat(),
            "description": f"Closed on {_date_text(day)}",
            "notes": notes,
        }
    )


def _special_schedule(entry: ServiceEntry, links: dict, day: date, row) -> dict:
    return _compact(
        links
        | {
            "id": derived_id("schedule", entry.hit.service_id, "dated", row.pk),
            "freq": "WEEKLY",
            "byday": BYDAY[day.weekday()],
            "dtstart": day.isoformat(),
            "valid_from": day.isoformat(),
            "valid_to": day.isoformat(),
            "opens_at": _time(row.opens),
            "closes_at": _time(row.closes),
            "description": f"{_date_text(day)}: open {_time(row.opens)} to {_time(row.closes)} "
            "instead of the usual hours (UK time)",
            "notes": row.note.strip(),
        }
    )


def _dated_schedules(entry: ServiceEntry, links: dict) -> list[dict]:
    """Changes to the usual hours from today on: a date with any row without times is
    closed all day; otherwise each row is that date's special hours."""
    today = london_today()
    by_day: dict[date, list] = defaultdict(list)
    for row in entry.page.dated_hours.all():
        if row.day >= today:
            by_day[row.day].append(row)
    schedules = []
    for day, rows in sorted(by_day.items()):
        if any(row.opens is None for row in rows):
            schedules.append(_closed_schedule(entry, links, day, rows))
        else:
            rows = sorted(rows, key=lambda row: (row.opens, row.pk))
            schedules += [_special_schedule(entry, links, day, row) for row in rows]
    return schedules


def schedules(entry: ServiceEntry) -> list[dict]:
    """The service's hours at its place: weekly periods, then dated changes."""
    links = {
        "service_id": entry.hit.service_id,
        "service_at_location_id": entry.hit.service_at_location_id,
    }
    return _weekly_schedules(entry, links) + _dated_schedules(entry, links)


def _phone(entry: ServiceEntry) -> dict | None:
    if not entry.page.phone.strip():
        return None
    service_id = entry.hit.service_id
    return {
        "id": derived_id("phone", service_id),
        "contact_id": derived_id("contact", service_id),
        "service_id": service_id,
        "number": entry.page.phone.strip(),
        "type": "voice",
    }


def contacts(entry: ServiceEntry) -> list[dict]:
    """The place's phone and email as one contact (the UK profile keeps phones here)."""
    phone, email = _phone(entry), entry.page.email
    if phone is None and not email:
        return []
    contact = {
        "id": derived_id("contact", entry.hit.service_id),
        "service_id": entry.hit.service_id,
        "name": entry.page.title,
        "email": email,
        "phones": [phone] if phone else [],
    }
    return [_compact(contact)]


def attributes(entry: ServiceEntry) -> list[dict]:
    """The service's category in the directory's taxonomy, with the term nested."""
    term = term_for(value=entry.hit.term_value)
    if term is None:
        return []
    return [
        {
            "id": derived_id("attribute", entry.hit.service_id, term.value),
            "link_id": entry.hit.service_id,
            "link_entity": "service",
            "taxonomy_term_id": term.id,
            "taxonomy_term": taxonomy_term(term),
        }
    ]


def languages(entry: ServiceEntry) -> list[dict]:
    """The hub's "languages spoken", one entry each (food places record none)."""
    if entry.hit.kind != EntryKind.HUB:
        return []
    names = [_plain(name) for name in re.split(r",|;|/|\band\b", entry.page.languages)]
    unique = dict.fromkeys(name for name in names if name)
    return [
        _compact(
            {
                "id": derived_id("language", entry.hit.service_id, name.casefold()),
                "service_id": entry.hit.service_id,
                "name": name,
                "code": LANGUAGE_CODES.get(name.casefold()),
            }
        )
        for name in unique
    ]


def _cost_options(entry: ServiceEntry) -> list[dict]:
    if entry.hit.kind != EntryKind.FOOD or not entry.page.cost.strip():
        return []
    return [
        {
            "id": derived_id("cost-option", entry.hit.service_id),
            "service_id": entry.hit.service_id,
            "amount_description": _plain(entry.page.cost),
        }
    ]


def _service_at_location_link(entry: ServiceEntry, request: HttpRequest) -> dict:
    return {
        "id": entry.hit.service_at_location_id,
        "service_id": entry.hit.service_id,
        "location_id": entry.hit.location_id,
        "location": location(entry, request),
    }


def service_full(entry: ServiceEntry, request: HttpRequest) -> dict:
    """GET /services/{id}: the service with everything nested."""
    phone = _phone(entry)
    return service_summary(entry, request) | {
        "service_at_locations": [_service_at_location_link(entry, request)],
        "schedules": schedules(entry),
        "contacts": contacts(entry),
        "phones": [phone] if phone else [],
        "attributes": attributes(entry),
        "languages": languages(entry),
        "service_areas": [],
        "cost_options": _cost_options(entry),
        "funding": [],
    }


def service_at_location(entry: ServiceEntry, request: HttpRequest, *, full: bool) -> dict:
    """A service at its place, with the location and the one-to-one service nested; `full`
    adds the hours and contacts (GET /service_at_locations/{id} always has them)."""
    item = _service_at_location_link(entry, request) | {"service": service_summary(entry, request)}
    if full:
        item |= {"schedules": schedules(entry), "contacts": contacts(entry)}
    return item
