"""Core models: taxonomy snippets, site settings, the alert banner, page mixins and
the base for resident submissions."""

from .alerts import AlertBanner
from .mixins import IntroductionMixin
from .postcodes import Postcode
from .settings import SiteSettings
from .submissions import HeldReason, PublicSubmission, ReviewStatus
from .taxonomy import Area, Topic

__all__ = [
    "AlertBanner",
    "Area",
    "HeldReason",
    "IntroductionMixin",
    "Postcode",
    "PublicSubmission",
    "ReviewStatus",
    "SiteSettings",
    "Topic",
]
