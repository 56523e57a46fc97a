"""Builders for the consultations pages; shared by the tests and the demo content."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from .models import ConsultationIndexPage, ConsultationPage, YouSaidWeDidIndexPage


class ConsultationIndexPageBuilder(wagtail_factories.PageFactory):
    title = "Consultations"
    slug = "consultations"

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageBuilder(wagtail_factories.PageFactory):
    """An open consultation unless told otherwise (pass opens_at / closes_at)."""

    title = factory.Sequence(lambda n: f"Consultation {n}")
    introduction = "Tell us what you think about the plans."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + timedelta(days=42))
    results_published_at = None
    why_we_are_asking = "<p>We want to hear from people who live and work in the area.</p>"
    what_is_being_decided = "<p>Which of the options goes ahead.</p>"
    decision_maker = "Cabinet"

    class Meta:
        model = ConsultationPage
        skip_postgeneration_save = True  # the hooks below save when they change something

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if extracted:
            self.areas.set(extracted)
            self.save()


class YouSaidWeDidIndexPageBuilder(wagtail_factories.PageFactory):
    title = "You said, we did"
    slug = "you-said-we-did"
    introduction = "What people told us in each consultation, and what the council did about it."

    class Meta:
        model = YouSaidWeDidIndexPage
