"""The volunteering board's filters: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.core.forms import (
    KEYWORD_MAX_LENGTH,
    GovukFormMixin,
    KeywordField,
    PostcodeFilterMixin,
)
from website.core.models import Area
from website.core.postcodes import PostcodeField

from .models import Cause, Commitment
from .selectors import SORT_CLOSING, SORT_DISTANCE, OpportunityFilters

DISTANCE_CHOICES = [
    ("", _("Any distance")),
    (1, _("Within 1 mile")),
    (2, _("Within 2 miles")),
    (5, _("Within 5 miles")),
    (10, _("Within 10 miles")),
]
ONLY_CHOICES = [
    ("under-18s", _("Suitable for under-18s")),
    ("no-experience", _("No experience needed")),
    ("from-home", _("From home")),
    ("accessible", _("Accessible to disabled volunteers")),
]
SORT_CHOICES = [(SORT_CLOSING, _("Closing date")), (SORT_DISTANCE, _("Distance"))]


class OpportunityFilterForm(PostcodeFilterMixin, GovukFormMixin, forms.Form):
    """The board's filters. Only postcode problems are errors; any other value that is not
    offered (a hand-edited address) counts as "any"."""

    q = KeywordField(
        label=_("Keyword"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        help_text=_("To find opportunities near you, like PL1 2AA"),
    )
    distance = forms.TypedChoiceField(
        label=_("Distance"),
        choices=DISTANCE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    cause = forms.MultipleChoiceField(
        label=_("Cause"),
        choices=Cause.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.select_related("ward"),
        required=False,
        to_field_name="slug",
        empty_label=_("All of Plymouth"),
    )
    commitment = forms.MultipleChoiceField(
        label=_("Time commitment"),
        choices=Commitment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    only = forms.MultipleChoiceField(
        label=_("Show only"),
        choices=ONLY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Sorting by distance needs a postcode."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("postcode")
            and cleaned.get("distance")
            and not self.has_error("postcode")
        ):
            self.add_error("postcode", _("Enter a postcode to search by distance"))
        return cleaned

    def filters(self) -> OpportunityFilters:
        """The valid choices, as the board's query needs them."""
        data = self.valid_choices()
        only = set(data.get("only") or ())
        origin = self.origin
        filters = OpportunityFilters(
            keyword=data.get("q") or "",
            causes=tuple(data.get("cause") or ()),
            area=data.get("area"),
            commitments=tuple(data.get("commitment") or ()),
            under_18s="under-18s" in only,
            no_experience="no-experience" in only,
            from_home="from-home" in only,
            accessible="accessible" in only,
            origin=origin,
            within_miles=data.get("distance") if origin else None,
            sort=_sort(data.get("sort"), has_origin=origin is not None),
        )
        # Show what was used: the keyword as searched, and the order (by distance by default
        # once a postcode is known).
        self.data = self.data.copy()
        self.data["q"] = filters.keyword
        self.data["sort"] = filters.sort
        return filters


def _sort(requested: str | None, *, has_origin: bool) -> str:
    """By distance when there is a postcode (unless closing date is asked for), else by date."""
    if has_origin and requested != SORT_CLOSING:
        return SORT_DISTANCE
    return SORT_CLOSING
