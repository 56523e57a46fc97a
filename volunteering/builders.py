"""Builders for volunteering organisations, pages, sessions and sign-ups; shared by the tests
and the demo content."""

import hashlib
from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import (
    Cause,
    Commitment,
    LocationKind,
    OpportunityPage,
    OpportunitySession,
    Organisation,
    OrganisationKind,
    Place,
    Signup,
    VolunteeringIndexPage,
)


class VolunteeringIndexPageBuilder(wagtail_factories.PageFactory):
    title = "Volunteering"
    slug = "volunteering"

    class Meta:
        model = VolunteeringIndexPage


class OrganisationBuilder(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community Group {n}")
    kind = OrganisationKind.PARTNER
    description = "A local group that helps neighbours."
    contact_email = factory.Sequence(lambda n: f"group{n}@example.org")

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    @factory.post_generation
    def coordinators(self, create, extracted, **kwargs):
        if extracted:
            self.coordinators.set(extracted)


class OpportunityPageBuilder(wagtail_factories.PageFactory):
    """An open opportunity at an address in the city centre (PL1 1AE) unless told otherwise."""

    title = factory.Sequence(lambda n: f"Volunteer role {n}")
    introduction = "Help your neighbours and meet new people."
    organisation = factory.SubFactory(OrganisationBuilder)
    cause = Cause.COMMUNITY
    what_you_will_do = "<p>Welcome visitors and help set up.</p>"
    location_kind = LocationKind.ADDRESS
    address = "Civic Centre, Armada Way"
    postcode = "PL1 1AE"
    commitment = Commitment.FLEXIBLE
    closes_on = None

    class Meta:
        model = OpportunityPage
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if extracted:
            self.areas.set(extracted)
            self.save()


class OpportunitySessionBuilder(DjangoModelFactory):
    """A three-hour session a week from now with 10 places."""

    opportunity = factory.SubFactory(OpportunityPageBuilder)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    places = 10

    class Meta:
        model = OpportunitySession


class SignupBuilder(DjangoModelFactory):
    """A sign-up that registered interest, with the private link token "token-<n>"."""

    opportunity = factory.SubFactory(OpportunityPageBuilder)
    session = None
    place = Place.INTEREST
    waiting_since = factory.LazyAttribute(
        lambda o: timezone.now() if o.place == Place.WAITING else None
    )
    name = factory.Sequence(lambda n: f"Resident {n}")
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    contact_consent = True
    token_hash = factory.Sequence(lambda n: hashlib.sha256(f"token-{n}".encode()).hexdigest())
    token_expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=90))

    class Meta:
        model = Signup
