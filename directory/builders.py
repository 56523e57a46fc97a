"""Builders for the directory pages; shared by the tests and the demo content."""

import wagtail_factories

from .models import DirectoryIndexPage


class DirectoryIndexPageBuilder(wagtail_factories.PageFactory):
    title = "Find support near you"
    slug = "support-near-you"

    class Meta:
        model = DirectoryIndexPage
