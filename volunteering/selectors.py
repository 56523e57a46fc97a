"""Reads of volunteering opportunities for other parts of the site."""

from wagtail.models import Locale

from .models import VolunteeringIndexPage


def volunteering_index_for_locale(*, locale: Locale) -> VolunteeringIndexPage | None:
    """The live volunteering board in this language, if there is one."""
    return VolunteeringIndexPage.objects.live().filter(locale=locale).first()


def opportunities_featured(*, locale: Locale, limit: int) -> list:
    """Opportunities closing soonest. Opportunity pages do not exist yet: always empty."""
    return []
