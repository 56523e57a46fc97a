"""GOV.UK markup for Django forms: widget classes and aria-describedby on every field.

Forms render each field with `components/form_field.html`; this bound field gives the input
the matching classes and ties it to the hint and error ids that partial prints.
"""

from django import forms
from django.forms.boundfield import BoundField

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
