"""Builders for the volunteering pages; shared by the tests and the demo content."""

import wagtail_factories

from .models import VolunteeringIndexPage


class VolunteeringIndexPageBuilder(wagtail_factories.PageFactory):
    title = "Volunteering"
    slug = "volunteering"

    class Meta:
        model = VolunteeringIndexPage
