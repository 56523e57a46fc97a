"""Plymouth's wards and postcode centres (the bundled Code-Point Open extract, data/README.md),
and distances between points for "near me"."""

import csv
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db.models import ExpressionWrapper, F, FloatField, Value
from django.utils.formats import number_format
from django.utils.translation import gettext as _

POSTCODES_CSV = Path(__file__).resolve().parent / "data" / "plymouth-postcodes.csv"
EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344
# Shown wherever postcode data is used (Open Government Licence v3).
POSTCODE_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2025. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2025. "
    "Contains National Statistics data © Crown copyright and database right 2025."
)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def ward_display_name(name: str) -> str:
    """'St. Peter and the Waterfront Ward' -> 'St Peter and the Waterfront'."""
    name = name.removesuffix(" Ward").strip()
    return name.replace("St. ", "St ")


def postcode_rows(lines: Iterable[str]) -> Iterator[dict]:
    """Rows of a postcode CSV (postcode, latitude, longitude, ward_code, ward_name)."""
    for row in csv.DictReader(lines):
        yield {
            "postcode": row["postcode"].strip().upper(),
            "latitude": float(row["latitude"]),
            "longitude": float(row["longitude"]),
            "ward_code": row.get("ward_code", "").strip(),
            "ward_name": row.get("ward_name", "").strip(),
        }


@cache
def plymouth_wards() -> tuple[tuple[str, str], ...]:
    """(GSS code, display name) of every ward in the postcode file, sorted by name."""
    wards: dict[str, str] = {}
    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        for row in postcode_rows(handle):
            wards[row["ward_code"]] = ward_display_name(row["ward_name"])
    return tuple(sorted(wards.items(), key=lambda item: item[1]))


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlng = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlng / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def distance_order(origin: Point, *, latitude: str, longitude: str) -> ExpressionWrapper:
    """A database expression that orders rows by distance from `origin`.

    An equirectangular projection (squared, so no square root is needed): exact enough for
    ordering within a city, and plain arithmetic that SQLite and PostgreSQL both run.
    """
    scale = math.cos(math.radians(origin.latitude))
    dlat = F(latitude) - Value(origin.latitude)
    dlng = (F(longitude) - Value(origin.longitude)) * Value(scale)
    return ExpressionWrapper(dlat * dlat + dlng * dlng, output_field=FloatField())


def distance_text(miles: float) -> str:
    """How far away, to a tenth of a mile: "1.2 miles away"."""
    if miles < 0.05:
        return _("Less than 0.1 miles away")
    return _("%(miles)s miles away") % {"miles": number_format(round(miles, 1), decimal_pos=1)}
