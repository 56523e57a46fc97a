"""The consultation finder's context: the filter form, the matching page and the counts."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils import timezone

from website.core.pagination import page_links

from .forms import ConsultationFilterForm
from .models import ConsultationIndexPage
from .selectors import consultations_find, status_counts

PER_PAGE = 10


def finder_context(*, request: HttpRequest, index: ConsultationIndexPage) -> dict:
    """Everything the finder template needs; the state lives in the query string."""
    now = timezone.now()
    form = ConsultationFilterForm(request.GET, locale=index.locale)
    filters = form.filters()
    results = Paginator(
        consultations_find(index=index, filters=filters, now=now), PER_PAGE
    ).get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "filters": filters,
        "is_filtered": bool(filters.statuses or filters.topic or filters.area or filters.keyword),
        "results": results,
        "rows": [{"page": page, "status": page.status(now)} for page in results.object_list],
        "pagination": page_links(request=request, page=results),
        "status_counts": status_counts(index=index, now=now),
        "now": now,
    }
