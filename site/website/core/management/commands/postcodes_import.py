"""Replace the postcode table from our CSV or a raw OS Code-Point Open CSV."""

import itertools
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.core.geography import POSTCODES_CSV
from website.core.models import Area, Postcode
from website.core.postcode_loading import PLYMOUTH_DISTRICT, codepoint_rows, postcodes_replace


class Command(BaseCommand):
    help = (
        "Load postcodes from a CSV with the columns postcode, latitude, longitude, ward_code, "
        "ward_name (defaults to the bundled Plymouth extract), or from an OS Code-Point Open "
        "CSV (e.g. Data/CSV/pl.csv: no header, eastings and northings), keeping one district."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", nargs="?", default=str(POSTCODES_CSV))
        parser.add_argument(
            "--district",
            default=PLYMOUTH_DISTRICT,
            help="For a Code-Point Open file: the district's GSS code (default Plymouth's).",
        )

    def handle(self, *args, **options):
        path = Path(options["csv"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                first = handle.readline()
                lines = itertools.chain([first], handle)
                if first.lower().startswith("postcode,"):
                    count = postcodes_replace(model=Postcode, lines=lines)
                else:
                    rows = codepoint_rows(
                        lines, district=options["district"], ward_names=_ward_names()
                    )
                    count = postcodes_replace(model=Postcode, rows=rows)
        except (KeyError, ValueError) as error:
            raise CommandError(f"Not a postcode CSV ({error}); nothing was changed.") from error
        self.stdout.write(f"Loaded {count} postcodes from {path}.")


def _ward_names() -> dict[str, str]:
    """Ward names by GSS code (Code-Point Open has codes only): from the wards the site
    already knows, then from the postcode table being replaced."""
    names = dict(Postcode.objects.values_list("ward_code", "ward_name").distinct())
    names.update(
        Area.objects.filter(kind=Area.Kind.WARD).exclude(code="").values_list("code", "name")
    )
    return names
