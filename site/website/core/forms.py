"""GOV.UK markup for Django forms: widget classes and aria-describedby on every field.

Forms render each field with `components/form_field.html`; this bound field gives the input
the matching classes and ties it to the hint and error ids that partial prints.
"""

import re
import unicodedata

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext as _

_WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
}
_ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
}


class GovukBoundField(BoundField):
    """A bound field whose widget carries GOV.UK classes and points at its hint and errors."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        base = next(
            (css for cls, css in _WIDGET_CLASSES.items() if isinstance(widget, cls)), "govuk-input"
        )
        classes = [base, attrs.get("class", "")]
        if self.errors and base in _ERROR_CLASSES:
            classes.append(_ERROR_CLASSES[base])
        attrs["class"] = " ".join(c for c in classes if c)
        described_by = []
        if self.help_text:
            described_by.append(f"{self.auto_id}-hint")
        for index, _error in enumerate(self.errors):
            described_by.append(f"{self.auto_id}-error" + (f"-{index + 1}" if index else ""))
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
        else:
            attrs.pop("aria-describedby", None)
        if self.errors:
            attrs["aria-invalid"] = "true"
        return attrs

    @property
    def error_link_id(self) -> str:
        """The id the error summary links to: the input, or the first radio or checkbox."""
        return self.id_for_label or f"{self.auto_id}_0"


class GovukFormMixin:
    """Mix into any public form so its fields render with GOV.UK markup."""

    bound_field_class = GovukBoundField


KEYWORD_MAX_LENGTH = 100
# Control and format characters (null bytes, direction overrides, zero-width spaces) hide text
# or break full-text parsers; a search never needs them.
UNSEARCHABLE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class KeywordField(forms.CharField):
    """Search words as typed, without invisible characters, and cut to a sane length."""

    def to_python(self, value):
        text = unicodedata.normalize("NFC", super().to_python(value))
        text = " ".join(UNSEARCHABLE.sub(" ", text).split())
        return text[:KEYWORD_MAX_LENGTH].strip()


def postcode_unknown_message(postcode: str) -> str:
    """The error for a well-formed postcode that is not in Plymouth's postcode table."""
    return _(
        "We could not find the postcode %(postcode)s in Plymouth. Check it, or search "
        "without a postcode"
    ) % {"postcode": postcode}


def area_label(area) -> str:
    """How a ward or neighbourhood is listed in a filter: "Efford (neighbourhood)"."""
    if area.kind == "neighbourhood":
        return _("%(name)s (neighbourhood)") % {"name": area.name}
    return _("%(name)s (ward)") % {"name": area.name}


class PostcodeFilterMixin:
    """For a GET filter form with a `postcode` field (and perhaps `area`): invisible characters
    are dropped from the postcode, which is looked up to give `origin` or a clear error. Only
    postcode problems are errors: any other value not offered counts as "any"."""

    def __init__(self, data=None, **kwargs):
        if data is not None and "postcode" in data:
            data = data.copy()
            data["postcode"] = UNSEARCHABLE.sub("", data["postcode"])
        super().__init__(data, **kwargs)
        if "area" in self.fields:
            self.fields["area"].label_from_instance = area_label
        self.origin = None

    def clean(self):
        from .selectors import postcode_point

        cleaned = super().clean()
        postcode = cleaned.get("postcode")
        if postcode:
            self.origin = postcode_point(postcode=postcode)
            if self.origin is None:
                self.add_error("postcode", postcode_unknown_message(postcode))
        return cleaned

    def valid_choices(self) -> dict:
        """The cleaned data, keeping only the postcode's errors to show."""
        self.is_valid()
        for name in [name for name in self.errors if name != "postcode"]:
            del self.errors[name]
        return self.cleaned_data
