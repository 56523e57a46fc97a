"""Replace the postcode table with a CSV of postcode, latitude, longitude, ward_code, ward_name."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.core.geography import POSTCODES_CSV
from website.core.models import Postcode
from website.core.postcode_loading import postcodes_replace


class Command(BaseCommand):
    help = (
        "Load postcodes (WGS84 centres and wards) from a CSV with the columns postcode, latitude, "
        "longitude, ward_code, ward_name. Defaults to the bundled Plymouth extract."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", nargs="?", default=str(POSTCODES_CSV))

    def handle(self, *args, **options):
        path = Path(options["csv"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                count = postcodes_replace(model=Postcode, lines=handle)
        except (KeyError, ValueError) as error:
            raise CommandError(f"Not a postcode CSV ({error}); nothing was changed.") from error
        self.stdout.write(f"Loaded {count} postcodes from {path}.")
