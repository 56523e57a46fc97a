"""What the home page shows, read from the domain apps through their selectors only."""

from wagtail.models import Page

from consultations import selectors as consultation_selectors
from directory import selectors as directory_selectors
from volunteering import selectors as volunteering_selectors

FEATURED_COUNT = 3


def home_sections(*, home: Page) -> dict:
    """Each section of the home page; an empty list means the section says 'nothing yet'."""
    locale = home.locale
    return {
        "consultations_index": consultation_selectors.consultation_index_for_locale(locale=locale),
        "open_consultations": consultation_selectors.consultations_featured_open(
            locale=locale, limit=FEATURED_COUNT
        ),
        "latest_results": consultation_selectors.results_latest(
            locale=locale, limit=FEATURED_COUNT
        ),
        "volunteering_index": volunteering_selectors.volunteering_index_for_locale(locale=locale),
        "opportunities": volunteering_selectors.opportunities_featured(
            locale=locale, limit=FEATURED_COUNT
        ),
        "directory_index": directory_selectors.directory_index_for_locale(locale=locale),
    }
