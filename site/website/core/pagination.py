"""Links for the GOV.UK pagination component, keeping the rest of the query string."""

from django.core.paginator import Page as PaginatorPage
from django.http import HttpRequest


def _url(request: HttpRequest, number: int, parameter: str) -> str:
    params = request.GET.copy()
    params[parameter] = str(number)
    return f"?{params.urlencode()}"


def page_links(
    *, request: HttpRequest, page: PaginatorPage, parameter: str = "page"
) -> dict | None:
    """Previous/next and numbered links (with gaps as None), or None for a single page.

    `parameter` names the query-string key, for a page with two lists (e.g. comments).
    """
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    numbers = paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    items = [
        None
        if number == paginator.ELLIPSIS
        else {
            "number": number,
            "url": _url(request, number, parameter),
            "current": number == page.number,
        }
        for number in numbers
    ]
    return {
        "previous": _url(request, page.previous_page_number(), parameter)
        if page.has_previous()
        else None,
        "next": _url(request, page.next_page_number(), parameter) if page.has_next() else None,
        "items": items,
    }
