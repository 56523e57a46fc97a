"""Plymouth's wards, read from the bundled Code-Point Open extract (see data/README.md)."""

import csv
from functools import cache
from pathlib import Path

POSTCODES_CSV = Path(__file__).resolve().parent / "data" / "plymouth-postcodes.csv"


def ward_display_name(name: str) -> str:
    """'St. Peter and the Waterfront Ward' -> 'St Peter and the Waterfront'."""
    name = name.removesuffix(" Ward").strip()
    return name.replace("St. ", "St ")


@cache
def plymouth_wards() -> tuple[tuple[str, str], ...]:
    """(GSS code, display name) of every ward in the postcode file, sorted by name."""
    wards: dict[str, str] = {}
    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            wards[row["ward_code"]] = ward_display_name(row["ward_name"])
    return tuple(sorted(wards.items(), key=lambda item: item[1]))
