"""The site search page."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from website.core.locales import locale_for_request
from website.core.pagination import page_links

from .forms import SearchForm
from .selectors import MAX_QUERY_LENGTH, pages_search, search_query_clean


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Search every live page in the current language; works as a plain GET form."""
    raw_query = request.GET.get("q", "")
    query = search_query_clean(raw_query)
    results = pages_search(
        query=query, locale=locale_for_request(request), page_number=request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": SearchForm(initial={"q": query}),
            "query": query,
            "searched": "q" in request.GET,
            "was_shortened": len(raw_query) > MAX_QUERY_LENGTH,
            "results": results,
            "pagination": page_links(request=request, page=results),
        },
    )
