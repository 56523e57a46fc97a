"""Builders for standard pages."""

import wagtail_factories
from wagtail.rich_text import RichText

from .models import StandardPage


class StandardPageBuilder(wagtail_factories.PageFactory):
    title = "About this site"
    introduction = "What this site is for and who runs it."
    body = [("rich_text", RichText("<p>Plymouth City Council runs this site.</p>"))]

    class Meta:
        model = StandardPage
