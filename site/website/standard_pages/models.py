"""StandardPage: the general content page (accessibility statement, privacy notice, guides)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.core.blocks import StandardStreamBlock
from website.core.models import IntroductionMixin


class StandardPage(IntroductionMixin, Page):
    """A page of editorial content built from the shared blocks."""

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

    parent_page_types = [
        "home.HomePage",
        "standard_pages.StandardPage",
        "consultations.ConsultationIndexPage",
        "volunteering.VolunteeringIndexPage",
        "directory.DirectoryIndexPage",
    ]
    subpage_types = ["standard_pages.StandardPage"]
    page_description = _("A general content page, such as a guide or the privacy notice.")

    class Meta:
        verbose_name = _("standard page")
