"""Builders for the consultations pages; shared by the tests and the demo content."""

import wagtail_factories

from .models import ConsultationIndexPage


class ConsultationIndexPageBuilder(wagtail_factories.PageFactory):
    title = "Consultations"
    slug = "consultations"

    class Meta:
        model = ConsultationIndexPage
