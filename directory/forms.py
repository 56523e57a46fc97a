"""The finder's filters: a plain GET form that works without JavaScript."""

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

from .models import ACCESSIBILITY_FEATURES, AssetCategory, CoreService, EntryKind
from .selectors import FinderFilters

KIND_CHOICES = [
    (EntryKind.HUB, _("Wellbeing Hubs")),
    (EntryKind.FOOD, _("Food co-ops and social supermarkets")),
    (EntryKind.ASSET, _("Community assets")),
]


class FinderForm(PostcodeFilterMixin, GovukFormMixin, forms.Form):
    """The finder's filters (a hand-edited value that is not offered counts as "any")."""

    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        help_text=_("To see the nearest first, like PL1 2AA"),
    )
    area = forms.ModelChoiceField(
        label=_("Ward or neighbourhood"),
        queryset=Area.objects.select_related("ward"),
        required=False,
        to_field_name="slug",
        empty_label=_("All of Plymouth"),
    )
    kind = forms.MultipleChoiceField(
        label=_("Type of place"),
        choices=KIND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    service = forms.MultipleChoiceField(
        label=_("Wellbeing Hub services"),
        choices=CoreService.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    category = forms.MultipleChoiceField(
        label=_("Community asset categories"),
        choices=AssetCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        choices=ACCESSIBILITY_FEATURES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    q = KeywordField(
        label=_("Keyword"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
    )

    def filters(self) -> FinderFilters:
        """The valid choices, as the finder's query needs them."""
        data = self.valid_choices()
        return FinderFilters(
            keyword=data.get("q") or "",
            origin=self.origin,
            area=data.get("area"),
            kinds=tuple(data.get("kind") or ()),
            services=tuple(data.get("service") or ()),
            categories=tuple(data.get("category") or ()),
            open_now=bool(data.get("open_now")),
            features=tuple(data.get("access") or ()),
        )


class AssetMapForm(FinderForm):
    """The asset map's filters: the finder's, without what only hubs and food places have."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "service", "open_now", "access"):
            del self.fields[name]

    def filters(self) -> FinderFilters:
        filters = super().filters()
        return FinderFilters(
            keyword=filters.keyword,
            origin=filters.origin,
            area=filters.area,
            kinds=(EntryKind.ASSET,),
            categories=filters.categories,
        )
