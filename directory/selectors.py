"""Reads of the directory for other parts of the site."""

from wagtail.models import Locale

from .models import DirectoryIndexPage


def directory_index_for_locale(*, locale: Locale) -> DirectoryIndexPage | None:
    """The live directory ('support near you') in this language, if there is one."""
    return DirectoryIndexPage.objects.live().filter(locale=locale).first()
