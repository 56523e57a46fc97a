"""Small abstract pieces that page types share, instead of a concrete base table."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class IntroductionMixin(models.Model):
    """A plain-English lead paragraph, shown under the title and in listings and search."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences saying what the page is for. Shown in search results."),
    )

    introduction_panels = [FieldPanel("introduction")]
    introduction_search_fields = [index.SearchField("introduction", boost=1.5)]

    class Meta:
        abstract = True

    @property
    def listing_summary(self) -> str:
        """The text listings and search results show under the title."""
        return self.search_description or self.introduction
