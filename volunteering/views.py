"""The volunteering board's context (filters, query, pagination) and the opportunity page's."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from website.core.geography import POSTCODE_ATTRIBUTION, distance_text
from website.core.pagination import page_links

from .forms import ONLY_CHOICES, OpportunityFilterForm
from .models import Cause, Commitment, OpportunityPage, OpportunitySession, VolunteeringIndexPage
from .selectors import (
    OpportunityFilters,
    opportunities_find,
    opportunity_closing_text,
    opportunity_location_text,
    opportunity_miles,
    opportunity_places_left,
    sessions_with_places,
)

PER_PAGE = 20


def board_context(*, request: HttpRequest, index: VolunteeringIndexPage) -> dict:
    """Everything the board template needs; the state lives in the query string."""
    form = OpportunityFilterForm(request.GET)
    filters = form.filters()
    results = Paginator(opportunities_find(index=index, filters=filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    removable = active_filters(request=request, index=index, form=form, filters=filters)
    return {
        "filter_form": form,
        "filters": filters,
        "results": results,
        "rows": [_row(page, filters) for page in results.object_list],
        "pagination": page_links(request=request, page=results),
        "active_filters": removable,
        "is_filtered": bool(removable or filters.origin),
        "postcode_attribution": POSTCODE_ATTRIBUTION if filters.origin else "",
    }


def _row(page: OpportunityPage, filters: OpportunityFilters) -> dict:
    """One result card: the page and what the card says about it."""
    miles = opportunity_miles(page, origin=filters.origin) if filters.origin else None
    return {
        "page": page,
        "where": opportunity_location_text(page),
        "closing": opportunity_closing_text(page),
        "miles": miles,
        "distance": distance_text(miles) if miles is not None else "",
    }


def _removal_url(request: HttpRequest, base_url: str, name: str, value: str = "") -> str:
    """The board's address with one filter (or one value of it) taken out, from page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    if value:
        params.setlist(name, [item for item in params.getlist(name) if item != value])
    else:
        params.pop(name, None)
    query = params.urlencode()
    return f"{base_url}?{query}" if query else base_url


def _labels(filters: OpportunityFilters, form: OpportunityFilterForm) -> list[tuple[str, str, str]]:
    """(label, parameter, value) of each active filter; an empty value removes the parameter."""
    labels = []
    if filters.keyword:
        labels.append((_("Keyword: %(keyword)s") % {"keyword": filters.keyword}, "q", ""))
    labels += [(Cause(cause).label, "cause", cause) for cause in filters.causes]
    if filters.area:
        labels.append((filters.area.name, "area", ""))
    if filters.within_miles:
        miles, postcode = filters.within_miles, form.cleaned_data["postcode"]
        text = ngettext(
            "Within %(miles)s mile of %(postcode)s", "Within %(miles)s miles of %(postcode)s", miles
        ) % {"miles": miles, "postcode": postcode}
        labels.append((text, "distance", ""))
    labels += [(Commitment(item).label, "commitment", item) for item in filters.commitments]
    chosen = {
        "under-18s": filters.under_18s,
        "no-experience": filters.no_experience,
        "from-home": filters.from_home,
        "accessible": filters.accessible,
    }
    labels += [(str(label), "only", value) for value, label in ONLY_CHOICES if chosen[value]]
    return labels


def active_filters(
    *,
    request: HttpRequest,
    index: VolunteeringIndexPage,
    form: OpportunityFilterForm,
    filters: OpportunityFilters,
) -> list[dict]:
    """Each filter that narrows the list, with a link to the list without it."""
    base_url = index.get_url(request=request)
    return [
        {"label": str(label), "url": _removal_url(request, base_url, name, value)}
        for label, name, value in _labels(filters, form)
    ]


def _signup_label(*, sessions: list[OpportunitySession], places_left: int | None) -> str:
    """The start button's words: what signing up will do."""
    if sessions:
        full = all(session.places_left == 0 for session in sessions)
        return _("Join the waiting list") if full else _("Sign up")
    if places_left == 0:
        return _("Join the waiting list")
    return _("Register your interest")


def _preview_sessions(opportunity: OpportunityPage) -> list[OpportunitySession]:
    """The editor's sessions as typed, every place free: a preview counts no sign-ups."""
    sessions = sorted(opportunity.sessions.all(), key=lambda session: session.starts_at)
    for session in sessions:
        session.places_taken, session.places_left = 0, session.places
    return sessions


def opportunity_context(*, request: HttpRequest, opportunity: OpportunityPage) -> dict:
    """The opportunity page's sessions with places left, and how to sign up."""
    now = timezone.now()
    preview = getattr(request, "is_preview", False)  # the editor's unsaved changes
    if preview:
        sessions = _preview_sessions(opportunity)
    else:
        sessions = sessions_with_places(opportunity=opportunity)
    upcoming = [session for session in sessions if session.starts_at > now]
    places_left = None
    if not upcoming:
        places_left = (
            opportunity.places if preview else opportunity_places_left(opportunity=opportunity)
        )
    venue = opportunity.venue
    return {
        "sessions": upcoming,
        "has_sessions": bool(sessions),
        "places_left": places_left,
        # The same rule as the sign-up form: closed after its closing date, or once every
        # session has started.
        "is_open": opportunity.is_open() and (not sessions or bool(upcoming)),
        "sessions_over": bool(sessions) and not upcoming,
        "signup_label": _signup_label(sessions=upcoming, places_left=places_left),
        "where": opportunity_location_text(opportunity),
        "venue": venue if venue is not None and venue.live else None,
        "areas": list(opportunity.areas.all()),
        "closing": opportunity_closing_text(opportunity),
    }
