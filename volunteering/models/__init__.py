"""Volunteering models: organisations, the board and its opportunities, and sign-ups."""

from .organisations import Organisation, OrganisationKind
from .pages import (
    ADULT_AGE,
    Cause,
    Commitment,
    LocationKind,
    OpportunityPage,
    OpportunitySession,
    VolunteeringIndexPage,
)
from .signups import PLACE_TAKEN, Availability, Place, Signup, SignupNote, SignupStatus

__all__ = [
    "ADULT_AGE",
    "PLACE_TAKEN",
    "Availability",
    "Cause",
    "Commitment",
    "LocationKind",
    "OpportunityPage",
    "OpportunitySession",
    "Organisation",
    "OrganisationKind",
    "Place",
    "Signup",
    "SignupNote",
    "SignupStatus",
    "VolunteeringIndexPage",
]
