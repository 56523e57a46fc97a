"""Reads of volunteering opportunities, for the board, the pages and other parts of the site."""

from django.db.models import Count, Q
from wagtail.models import Locale

from .models import PLACE_TAKEN, OpportunityPage, OpportunitySession, VolunteeringIndexPage


def volunteering_index_for_locale(*, locale: Locale) -> VolunteeringIndexPage | None:
    """The live volunteering board in this language, if there is one."""
    return VolunteeringIndexPage.objects.live().filter(locale=locale).first()


def opportunities_featured(*, locale: Locale, limit: int) -> list:
    """Opportunities closing soonest. (The board issue fills this in.)"""
    return []


def sessions_with_places(*, opportunity: OpportunityPage) -> list[OpportunitySession]:
    """The opportunity's sessions in time order, each with `places_taken` and `places_left`
    (an offered place counts as taken until it is accepted or expires). One query."""
    sessions = list(
        OpportunitySession.objects.filter(opportunity=opportunity)
        .annotate(places_taken=Count("signups", filter=Q(signups__place__in=PLACE_TAKEN)))
        .order_by("starts_at", "pk")
    )
    for session in sessions:
        session.places_left = max(session.places - session.places_taken, 0)
    return sessions


def opportunity_places_left(*, opportunity: OpportunityPage) -> int | None:
    """Places left on an opportunity without sessions; None when it takes everyone."""
    if opportunity.places is None:
        return None
    taken = opportunity.signups.filter(session__isnull=True, place__in=PLACE_TAKEN).count()
    return max(opportunity.places - taken, 0)


def organisation_notify_addresses(*, organisation) -> list[str]:
    """Where an organisation's sign-up notices and reminders go: its coordinators' emails,
    else its contact email."""
    emails = sorted(
        {
            email
            for email in organisation.coordinators.filter(is_active=True).values_list(
                "email", flat=True
            )
            if email
        }
    )
    return emails or [organisation.contact_email]


def signup_admin_url(*, signup) -> str:
    """The full address of a sign-up in the admin, for emails to coordinators."""
    from django.conf import settings
    from django.urls import reverse

    path = reverse("volunteer_signups:inspect", args=[signup.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
