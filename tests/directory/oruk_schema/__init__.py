"""JSON Schemas (draft 2020-12) for the Open Referral UK 3.0 API responses, and a validator.

    from tests.directory.oruk_schema import validate
    validate("services_page", response.json())  # raises jsonschema.ValidationError

The schemas live in schemas/ and refer to each other by relative $ref; they are loaded into a
referencing.Registry that never fetches anything. See README.md for their sources and licence.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

__all__ = ["KINDS", "PAGE_KINDS", "ValidationError", "validate"]

BASE_URI = "https://oruk-test.invalid/3.0/"
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"

KINDS = {
    "root": "api_details.json",
    "services_page": "services_page.json",
    "service": "service.json",
    "service_at_locations_page": "service_at_locations_page.json",
    "taxonomies_page": "taxonomies_page.json",
    "taxonomy_terms_page": "taxonomy_terms_page.json",
    # Not asked for by the issue but required by ORUK (see README): GET /taxonomies/{id},
    # GET /service_at_locations/{id}; and GET /taxonomy_terms/{id}.
    "taxonomy": "taxonomy.json",
    "service_at_location": "service_at_location.json",
    "taxonomy_term": "taxonomy_term.json",
}
PAGE_KINDS = frozenset(kind for kind in KINDS if kind.endswith("_page"))


def _no_network(uri: str) -> Resource:
    raise NoSuchResource(ref=uri)


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry(retrieve=_no_network).with_resources(resources)


# The default checkers skip "uri" and "date-time" unless optional packages are installed; these
# make them checked everywhere (uuid, email and date are checked by jsonschema itself).
_formats = FormatChecker()


@_formats.checks("uri", raises=ValueError)
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path) and " " not in value


@_formats.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return "T" in value.upper() and datetime.fromisoformat(value) is not None


@_formats.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return len(value) == 10 and date.fromisoformat(value) is not None


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    registry = _registry()
    schema = registry.contents(BASE_URI + schema_name)
    return Draft202012Validator(schema, registry=registry, format_checker=_formats)


def _page_problems(payload: dict[str, Any]) -> list[str]:
    """Consistency between the envelope's numbers that a JSON Schema cannot express."""
    contents = payload["contents"]
    problems = []
    if payload["size"] != len(contents):
        problems.append(f"size is {payload['size']} but contents has {len(contents)} items")
    if payload["total_items"] < len(contents):
        problems.append("total_items is smaller than the number of items in contents")
    if payload["first_page"] != (payload["page_number"] == 1):
        problems.append("first_page must be true exactly when page_number is 1")
    if payload["last_page"] != (payload["page_number"] >= payload["total_pages"]):
        problems.append("last_page must be true exactly when page_number >= total_pages")
    if payload["total_items"] == 0 and not payload["empty"]:
        problems.append("empty must be true when total_items is 0")
    if contents and payload["empty"]:
        problems.append("empty must be false when contents has items")
    return problems


def validate(kind: str, payload: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless payload is a valid ORUK response of this kind.

    Kinds: "root" (GET /), "services_page" (GET /services), "service" (GET /services/{id}),
    "service_at_locations_page", "taxonomies_page", "taxonomy_terms_page" (and "taxonomy",
    "taxonomy_term", "service_at_location" for the by-id endpoints). Page kinds are also checked
    for consistent numbers (size == len(contents), first_page, last_page, empty).
    """
    try:
        schema_name = KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(KINDS)}") from None
    errors = list(_validator(schema_name).iter_errors(payload))
    if errors:
        lines = [f"{e.json_path}: {e.message}" for e in errors]
        raise ValidationError(f"invalid {kind} payload:\n" + "\n".join(lines))
    if kind in PAGE_KINDS:
        problems = _page_problems(payload)
        if problems:
            raise ValidationError(f"invalid {kind} payload:\n" + "\n".join(problems))
