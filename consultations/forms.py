"""The consultation finder's filters: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from website.core.forms import GovukFormMixin
from website.core.models import Area, Topic

from .models import ConsultationStatus
from .selectors import ConsultationFilters


class ConsultationFilterForm(GovukFormMixin, forms.Form):
    """Status, topic, area and keyword. Values that are not offered are ignored, not errors."""

    status = forms.MultipleChoiceField(
        label=_("Status"),
        choices=ConsultationStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.select_related("ward"),
        required=False,
        to_field_name="slug",
        empty_label=_("All of Plymouth"),
        help_text=_("Citywide consultations are always included."),
    )
    q = forms.CharField(label=_("Keyword"), required=False, max_length=100)

    def __init__(self, *args, locale: Locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(locale=locale)
        self.fields["area"].label_from_instance = _area_label

    def filters(self) -> ConsultationFilters:
        """The valid choices; anything invalid (a hand-edited URL) counts as "any"."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return ConsultationFilters(
            statuses=tuple(data.get("status") or ()),
            topic=data.get("topic"),
            area=data.get("area"),
            keyword=" ".join((data.get("q") or "").split()),
        )


def _area_label(area: Area) -> str:
    if area.kind == Area.Kind.NEIGHBOURHOOD:
        return _("%(name)s (neighbourhood)") % {"name": area.name}
    return _("%(name)s (ward)") % {"name": area.name}
