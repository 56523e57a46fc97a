"""UK postcodes as residents type them: "pl1 1ae", "PL11AE" and " PL1  1AE " are all PL1 1AE."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

# The shapes of a full UK postcode (outward code, then digit and two letters), plus GIR 0AA.
_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)([0-9][A-Z]{2})$")


def postcode_normalise(value: str) -> str | None:
    """The postcode in its standard form ("PL1 1AE"), or None if it is not a full UK postcode."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if not _POSTCODE.match(compact):
        return None
    return f"{compact[:-3]} {compact[-3:]}"


class PostcodeField(forms.CharField):
    """A postcode input: accepts any spacing and case, stores the standard form."""

    default_error_messages = {
        "invalid": _("Enter a full UK postcode, like PL1 2AA"),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "postal-code", "spellcheck": "false"})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        normalised = postcode_normalise(value)
        if normalised is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return normalised
