"""Loads the bundled Plymouth postcode extract (core/data/plymouth-postcodes.csv)."""

from django.db import migrations

from website.core.geography import POSTCODES_CSV
from website.core.postcode_loading import postcodes_replace


def load(apps, schema_editor):
    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        postcodes_replace(model=apps.get_model("core", "Postcode"), lines=handle)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_postcode")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
