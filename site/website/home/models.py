"""HomePage: the front door, with what is open now and the way to support nearby."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.core.blocks import StandardStreamBlock
from website.core.models import IntroductionMixin

from . import selectors


class HomePage(IntroductionMixin, Page):
    """The site's root page in each language."""

    hero_title = models.CharField(
        _("hero heading"), max_length=120, default=_("Have your say in Plymouth")
    )
    support_heading = models.CharField(
        _("support heading"), max_length=120, default=_("Find support near you")
    )
    support_text = models.TextField(
        _("support text"),
        max_length=400,
        blank=True,
        help_text=_("A sentence about Wellbeing Hubs, food co-ops and community places."),
    )
    body = StreamField(StandardStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        *IntroductionMixin.introduction_panels,
        MultiFieldPanel(
            [FieldPanel("support_heading"), FieldPanel("support_text")], _("Find support near you")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "standard_pages.StandardPage",
        "consultations.ConsultationIndexPage",
        "consultations.YouSaidWeDidIndexPage",
        "volunteering.VolunteeringIndexPage",
        "directory.DirectoryIndexPage",
    ]
    page_description = _("The front page of the site in one language.")

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections(home=self))
        return context
