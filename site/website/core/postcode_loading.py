"""Loading the postcode table from a CSV (the migration and `postcodes_import` share it)."""

from collections.abc import Iterable

from django.db import transaction

from .geography import postcode_rows

BATCH_SIZE = 2000


@transaction.atomic
def postcodes_replace(*, model, lines: Iterable[str]) -> int:
    """Replaces every row of `model` (the Postcode model, or its migration-time version) with
    the postcodes in the CSV. Returns how many were loaded."""
    rows = [model(**row) for row in postcode_rows(lines)]
    model.objects.all().delete()
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(rows)
