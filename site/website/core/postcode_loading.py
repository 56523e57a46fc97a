"""Loading the postcode table from a CSV (the migration and `postcodes_import` share it)."""

from collections.abc import Iterable

from django.db import transaction

from .geography import POSTCODES_CSV, postcode_rows

BATCH_SIZE = 2000


@transaction.atomic
def postcodes_replace(*, model, lines: Iterable[str]) -> int:
    """Replaces every row of `model` (the Postcode model, or its migration-time version) with
    the postcodes in the CSV. Returns how many were loaded."""
    rows = [model(**row) for row in postcode_rows(lines)]
    model.objects.all().delete()
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(rows)


def postcodes_bundled_load() -> int:
    """Loads the bundled Plymouth extract into the Postcode table."""
    from .models import Postcode

    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        return postcodes_replace(model=Postcode, lines=handle)
