"""Core models: taxonomy snippets, site settings, the alert banner and page mixins."""

from .alerts import AlertBanner
from .mixins import IntroductionMixin
from .settings import SiteSettings
from .taxonomy import Area, Topic

__all__ = ["AlertBanner", "Area", "IntroductionMixin", "SiteSettings", "Topic"]
