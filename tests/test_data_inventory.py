"""The README's data inventory lists every model field marked as personal data."""

import re
from pathlib import Path

from django.apps import apps

README = Path(__file__).resolve().parents[1] / "README.md"


def _inventory_rows() -> dict[str, set[str]]:
    """Model label -> field names, from rows like `| `app.Model`: a, b | purpose | ... |`."""
    section = README.read_text().split("## Data inventory", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for match in re.finditer(r"^\|\s*`([\w.]+)`:\s*([^|]+)\|", section, re.MULTILINE):
        rows[match.group(1)] = {name.strip() for name in match.group(2).split(",")}
    return rows


def test_every_personal_data_field_is_in_the_readme():
    rows = _inventory_rows()
    marked = {
        model._meta.label: set(model.PERSONAL_DATA_FIELDS)
        for model in apps.get_models()
        if getattr(model, "PERSONAL_DATA_FIELDS", ())
    }
    assert marked, "no model marks personal data"
    for label, fields in marked.items():
        assert label in rows, f"{label} is missing from the README's data inventory"
        assert fields <= rows[label], f"{label}: {sorted(fields - rows[label])} not in the README"


def test_marked_fields_exist():
    for model in apps.get_models():
        for name in getattr(model, "PERSONAL_DATA_FIELDS", ()):
            model._meta.get_field(name)
