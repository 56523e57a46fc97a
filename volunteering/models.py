"""VolunteeringIndexPage: the volunteering section's landing page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.core.blocks import StandardStreamBlock
from website.core.models import IntroductionMixin


class VolunteeringIndexPage(IntroductionMixin, Page):
    """The volunteering board: opportunities from the council and partner organisations."""

    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["standard_pages.StandardPage"]
    max_count_per_parent = 1
    page_description = _(
        "The volunteering board: opportunities from the council and partner organisations."
    )

    class Meta:
        verbose_name = _("volunteering index page")
