"""The site search form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.core.forms import GovukFormMixin

from .selectors import MAX_QUERY_LENGTH


class SearchForm(GovukFormMixin, forms.Form):
    """One box; overlong queries are shortened rather than refused, so search never fails."""

    q = forms.CharField(
        label=_("Search this site"),
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "maxlength": MAX_QUERY_LENGTH,
                "class": "app-search-form__input",
                "spellcheck": "true",
            }
        ),
    )
