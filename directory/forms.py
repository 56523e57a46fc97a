"""The finder's filters: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.core.forms import (
    KEYWORD_MAX_LENGTH,
    UNSEARCHABLE,
    GovukFormMixin,
    KeywordField,
    area_label,
    postcode_unknown_message,
)
from website.core.models import Area
from website.core.postcodes import PostcodeField
from website.core.selectors import postcode_point

from .models import ACCESSIBILITY_FEATURES, AssetCategory, CoreService, EntryKind
from .selectors import FinderFilters

KIND_CHOICES = [
    (EntryKind.HUB, _("Wellbeing Hubs")),
    (EntryKind.FOOD, _("Food co-ops and social supermarkets")),
    (EntryKind.ASSET, _("Community assets")),
]


class FinderForm(GovukFormMixin, forms.Form):
    """The finder's filters. Only postcode problems are errors; any other value that is not
    offered (a hand-edited address) counts as "any"."""

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

    def __init__(self, data=None, **kwargs):
        if data is not None and "postcode" in data:
            # Invisible characters (a pasted zero-width space, a null byte) are not part of it.
            data = data.copy()
            data["postcode"] = UNSEARCHABLE.sub("", data["postcode"])
        super().__init__(data, **kwargs)
        self.fields["area"].label_from_instance = area_label
        self.origin = None

    def clean(self):
        cleaned = super().clean()
        postcode = cleaned.get("postcode")
        if postcode:
            self.origin = postcode_point(postcode=postcode)
            if self.origin is None:
                self.add_error("postcode", postcode_unknown_message(postcode))
        return cleaned

    def filters(self) -> FinderFilters:
        """The valid choices, as the finder's query needs them."""
        self.is_valid()
        for name in [name for name in self.errors if name != "postcode"]:
            del self.errors[name]  # shown as "any", not as an error
        data = self.cleaned_data
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
