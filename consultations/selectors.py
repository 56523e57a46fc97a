"""Reads of consultations for other parts of the site (home page, search, feeds)."""

from wagtail.models import Locale

from .models import ConsultationIndexPage


def consultation_index_for_locale(*, locale: Locale) -> ConsultationIndexPage | None:
    """The live consultations index in this language, if there is one."""
    return ConsultationIndexPage.objects.live().filter(locale=locale).first()


def consultations_featured_open(*, locale: Locale, limit: int) -> list:
    """Open consultations closing soonest. Consultation pages do not exist yet: always empty."""
    return []


def results_latest(*, locale: Locale, limit: int) -> list:
    """The newest published 'you said, we did' results. None exist yet: always empty."""
    return []
