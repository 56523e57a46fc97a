"""Site search: live, public pages in the reader's language, best match first."""

import re
import unicodedata

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Control and format characters (null bytes, direction overrides, zero-width) break full-text
# parsers or hide text; a search query never needs them.
_UNSEARCHABLE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def search_query_clean(raw: str) -> str:
    """The query as the search backend should see it: normalised, plain, and bounded."""
    text = unicodedata.normalize("NFC", raw or "")
    text = _UNSEARCHABLE.sub(" ", text)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def _search_terms(query: str) -> str:
    """Only words reach the full-text engine: quotes, brackets, `*`, `:` and the like are
    operators to SQLite FTS5 and PostgreSQL tsquery, and a stray one is a database error."""
    return " ".join(re.findall(r"\w+", query))


def pages_search(*, query: str, locale: Locale, page_number: str | int | None) -> PaginatorPage:
    """A page of results for an already-cleaned query; an empty query finds nothing."""
    terms = _search_terms(query)
    if not terms:
        return Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
    # specific(): each result as its own page type (one query per type shown), for its summary.
    results = Page.objects.live().public().filter(locale=locale).specific().search(terms)
    return Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
