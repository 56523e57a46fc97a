"""DirectoryIndexPage: the directory section's landing page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.core.blocks import StandardStreamBlock
from website.core.models import IntroductionMixin


class DirectoryIndexPage(IntroductionMixin, Page):
    """Support near you: Wellbeing Hubs, food co-ops and community places."""

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
    page_description = _("Support near you: Wellbeing Hubs, food co-ops and community places.")

    class Meta:
        verbose_name = _("directory index page")
