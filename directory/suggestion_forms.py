"""The form residents use to suggest a community asset, or a correction to any directory entry."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from website.core.public_forms.forms import PublicFormMixin

from .models import (
    AssetCategory,
    CommunityAssetPage,
    FoodPlacePage,
    SuggestionKind,
    WellbeingHubPage,
)

# Page ids are positive 32-bit integers; anything else in ?entry= is not one of ours.
PAGE_ID_MAX = 2**31 - 1


def correctable_entry(value) -> Page | None:
    """The live hub, food place or community asset with this id, or None for anything else."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= PAGE_ID_MAX:
        return None
    entries = Page.objects.live().type(WellbeingHubPage, FoodPlacePage, CommunityAssetPage)
    return entries.filter(pk=int(text)).first()


class AssetSuggestionForm(PublicFormMixin, forms.Form):
    """Asks what a directory editor needs to check a suggestion; name and email are optional
    and only for telling the resident when it is on the map."""

    public_form_scope = "asset-suggestion"

    kind = forms.ChoiceField(
        label=_("What would you like to tell us about?"),
        choices=[
            (SuggestionKind.NEW, _("A new asset: something your neighbourhood has that is not "
                                   "on the map")),
            (SuggestionKind.CORRECTION, _("A correction to something already listed")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether you are suggesting a new asset or a correction"),
            "invalid_choice": _("Select whether you are suggesting a new asset or a correction"),
        },
    )  # fmt: skip
    # The entry being corrected: from the "Suggest a correction" link (?entry=<page id>).
    # Anything that is not a live directory entry is ignored, never an error.
    # A plain Field: no validators, so nothing posted here can show the resident an error.
    entry = forms.Field(required=False, widget=forms.HiddenInput)
    asset_name = forms.CharField(
        label=_("Name of the asset"),
        required=False,
        max_length=150,
        help_text=_(
            "Needed for a new asset. For example, the name of a group, a place or a green space."
        ),
        error_messages={"max_length": _("The name must be 150 characters or fewer")},
    )
    category = forms.ChoiceField(
        label=_("What kind of asset is it?"),
        required=False,
        choices=AssetCategory.choices,
        widget=forms.RadioSelect,
        help_text=_("Needed for a new asset."),
        error_messages={"invalid_choice": _("Select one of the kinds of asset shown")},
    )
    details = forms.CharField(
        label=_("Tell us about it"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What it is, who it is for and when it happens. For a correction, tell us "
                    "what is wrong and what it should say."),
        error_messages={
            "required": _("Enter the details of your suggestion"),
            "max_length": _("The details must be 3,000 characters or fewer"),
        },
    )  # fmt: skip
    location = forms.CharField(
        label=_("Where is it?"),
        required=False,
        max_length=300,
        help_text=_("Needed for a new asset. A place name, an address or a neighbourhood. For a "
                    "person's skills or gifts, give only the neighbourhood: never a home "
                    "address."),
        error_messages={"max_length": _("Where it is must be 300 characters or fewer")},
    )  # fmt: skip
    get_involved = forms.CharField(
        label=_("How can people get involved?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, when to drop in or who to ask."),
        error_messages={"max_length": _("How to get involved must be 1,000 characters or fewer")},
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Your name must be 100 characters or fewer")},
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        help_text=_("Only if you would like us to email you. We never show it on the website."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Your email address must be 254 characters or fewer"),
        },
    )
    notify = forms.BooleanField(
        label=_("Email me when it is published"),
        required=False,
        help_text=_("We email you once: when the asset or the correction is on the website."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        raw = self.data.get("entry") if self.is_bound else self.initial.get("entry")
        self.entry_page = correctable_entry(raw)
        if not self.is_bound:  # echo back only an entry we found, never what was typed
            self.initial["entry"] = str(self.entry_page.pk) if self.entry_page else ""
            if self.entry_page:
                self.initial.setdefault("kind", SuggestionKind.CORRECTION)

    def clean_entry(self) -> Page | None:
        return self.entry_page

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == SuggestionKind.NEW:
            required = {
                "asset_name": _("Enter the name of the asset"),
                "category": _("Select what kind of asset it is"),
                "location": _("Enter where it is"),
            }
            for name, message in required.items():
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, message)
        if cleaned.get("notify") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email", _("Enter your email address, so we can email you when it is published")
            )
        return cleaned

    def suggestion_fields(self) -> dict:
        """The cleaned answers as the suggestion stores them (an entry only for a correction)."""
        data = self.cleaned_data
        correction = data["kind"] == SuggestionKind.CORRECTION
        return {
            "kind": data["kind"],
            "entry": data["entry"] if correction else None,
            "asset_name": data["asset_name"],
            "category": data["category"],
            "details": data["details"],
            "location": data["location"],
            "get_involved": data["get_involved"],
            "name": data["name"],
            "email": data["email"],
            "notify": data["notify"],
        }
