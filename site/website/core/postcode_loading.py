"""Loading the postcode table from a CSV (the migration and `postcodes_import` share it): our
own columns (postcode, latitude, longitude, ward_code, ward_name), or a raw OS Code-Point Open
file (no header; eastings and northings), converted and filtered to one district."""

import csv
from collections.abc import Iterable, Iterator

from django.db import transaction

from .geography import POSTCODES_CSV, postcode_rows
from .osgb import osgb_to_wgs84
from .postcodes import postcode_normalise

PLYMOUTH_DISTRICT = "E06000026"
# Code-Point Open's columns, in order (the files have no header row).
CODEPOINT_COLUMNS = (
    "postcode",
    "quality",
    "easting",
    "northing",
    "country_code",
    "nhs_regional_code",
    "nhs_code",
    "county_code",
    "district_code",
    "ward_code",
)
NO_POSITION = "90"  # Code-Point Open's quality code for a postcode without coordinates


def codepoint_rows(
    lines: Iterable[str], *, district: str, ward_names: dict[str, str]
) -> Iterator[dict]:
    """Rows of a Code-Point Open CSV in one district, as postcode_rows gives them; postcodes
    without a position are skipped. Ward names come from `ward_names` (GSS code -> name)."""
    for values in csv.reader(lines):
        row = dict(zip(CODEPOINT_COLUMNS, (value.strip() for value in values), strict=False))
        if row.get("district_code") != district or row.get("quality") == NO_POSITION:
            continue
        postcode = postcode_normalise(row["postcode"])
        if postcode is None:
            raise ValueError(f"not a postcode: {row['postcode']!r}")
        latitude, longitude = osgb_to_wgs84(float(row["easting"]), float(row["northing"]))
        yield {
            "postcode": postcode,
            "latitude": round(latitude, 6),
            "longitude": round(longitude, 6),
            "ward_code": row["ward_code"],
            "ward_name": ward_names.get(row["ward_code"], row["ward_code"]),
        }


BATCH_SIZE = 2000


@transaction.atomic
def postcodes_replace(*, model, lines: Iterable[str] = (), rows: Iterable[dict] = ()) -> int:
    """Replaces every row of `model` (the Postcode model, or its migration-time version) with
    the postcodes in the CSV `lines` (our columns) or the ready `rows`. Returns how many."""
    rows = [model(**row) for row in (rows or postcode_rows(lines))]
    if not rows:
        raise ValueError("no postcodes found")
    model.objects.all().delete()
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(rows)


def postcodes_bundled_load() -> int:
    """Loads the bundled Plymouth extract into the Postcode table."""
    from .models import Postcode

    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        return postcodes_replace(model=Postcode, lines=handle)
