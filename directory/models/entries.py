"""The directory's entries: Wellbeing Hubs, food places and community assets."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from website.core.blocks.text import RICH_TEXT_FEATURES
from website.core.models import IntroductionMixin

from .hours import OpeningHoursMixin
from .places import AccessibilityMixin, ContactMixin, PlaceMixin


class CoreService(models.TextChoices):
    """The Wellbeing Hubs' core offer (2025 board report)."""

    ADVICE = "advice", _("Advice and information")
    SOCIAL_PRESCRIBING = "social-prescribing", _("Social prescribing")
    BEFRIENDING = "befriending", _("Befriending")
    HEALTH_IMPROVEMENT = "health-improvement", _("Health improvement")
    MENTAL_PHYSICAL = "mental-physical-health", _("Mental and physical health support")
    LONG_TERM = "long-term-conditions", _("Long-term condition self-management")
    PEER_SUPPORT = "peer-support", _("Peer support")
    LIVEWELL = "livewell", _("Links to Livewell Southwest")
    CARERS = "carers", _("Carers' support")


class FoodPlaceKind(models.TextChoices):
    CO_OP = "food-co-op", _("Food co-op")
    SOCIAL_SUPERMARKET = "social-supermarket", _("Social supermarket")


class AssetCategory(models.TextChoices):
    """Asset Based Community Development's kinds of asset."""

    PLACES = "places-and-spaces", _("Places and spaces")
    GROUPS = "groups-and-associations", _("Groups and associations")
    ECONOMY = "local-economy", _("Local economy")
    NATURE = "nature-and-green-space", _("Nature and green space")
    CULTURE = "culture-and-heritage", _("Culture and heritage")
    SKILLS = "skills-and-gifts", _("People's skills and gifts")


class EntryKind(models.TextChoices):
    """The three kinds of thing the finder and the maps show."""

    HUB = "hub", _("Wellbeing Hub")
    FOOD = "food", _("Food co-op or social supermarket")
    ASSET = "asset", _("Community asset")


class EntryContextMixin:
    """Entry pages show their hours in words, where they are, and schema.org data."""

    def get_context(self, request, *args, **kwargs):
        from ..views import entry_context

        context = super().get_context(request, *args, **kwargs)
        context.update(entry_context(request=request, page=self))
        return context


class WellbeingHubPage(
    EntryContextMixin,
    OpeningHoursMixin,
    PlaceMixin,
    ContactMixin,
    AccessibilityMixin,
    IntroductionMixin,
    Page,
):
    """A Wellbeing Hub: who runs it, when it is open, what it offers and how accessible it is."""

    operator = models.CharField(_("run by"), max_length=150)
    operator_website = models.URLField(_("operator's website"), blank=True)
    about = RichTextField(_("about the hub"), features=RICH_TEXT_FEATURES, blank=True)
    specialisms = models.TextField(
        _("specialisms"),
        max_length=1000,
        blank=True,
        help_text=_('What this hub is known for, e.g. "Young carers; men\'s mental health".'),
    )
    activities = models.TextField(
        _("activities"),
        max_length=2000,
        blank=True,
        help_text=_("Regular groups and activities, one per line."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_('E.g. "English, Polish, Arabic". Interpreters can be booked at every hub.'),
    )
    family_hub = models.BooleanField(
        _("also a Family Hub"), default=False, help_text=_("Co-located with a Family Hub.")
    )

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        MultiFieldPanel(
            [FieldPanel("operator"), FieldPanel("operator_website"), FieldPanel("family_hub")],
            _("Who runs it"),
        ),
        FieldPanel("about"),
        InlinePanel("services", heading=_("Services"), label=_("Service"), min_num=1),
        FieldPanel("specialisms"),
        FieldPanel("activities"),
        FieldPanel("languages"),
    ]
    where_panels = [
        MultiFieldPanel(PlaceMixin.place_panels, _("Where")),
        *ContactMixin.contact_panels,
        *AccessibilityMixin.accessibility_panels,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(where_panels, heading=_("Where and access")),
            ObjectList(
                OpeningHoursMixin.opening_hours_panels(_("Opening times")),
                heading=_("Opening times"),
            ),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("operator"),
        index.SearchField("about"),
        index.SearchField("specialisms"),
        index.SearchField("activities"),
        index.SearchField("address"),
        index.SearchField("postcode"),
        index.RelatedFields("services", [index.SearchField("description")]),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    page_description = _("A Wellbeing Hub: its services, opening times and how to get there.")

    class Meta:
        verbose_name = _("Wellbeing Hub")
        verbose_name_plural = _("Wellbeing Hubs")

    kind = EntryKind.HUB

    def clean(self):
        super().clean()
        self.place_clean(address_required=True)


class HubService(Orderable):
    """One service a hub offers; each is a service in the Open Referral UK API."""

    page = ParentalKey(WellbeingHubPage, related_name="services", on_delete=models.CASCADE)
    service_type = models.CharField(_("service"), max_length=30, choices=CoreService.choices)
    description = models.TextField(
        _("description"),
        max_length=1000,
        blank=True,
        help_text=_("What this hub offers, for whom, and how to get it (e.g. drop in or book)."),
    )
    # The service's id in the open data: stable across edits and revisions.
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)

    panels = [FieldPanel("service_type"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.get_service_type_display()


class FoodPlacePage(
    EntryContextMixin,
    OpeningHoursMixin,
    PlaceMixin,
    ContactMixin,
    AccessibilityMixin,
    IntroductionMixin,
    Page,
):
    """A food co-op or social supermarket: how it works, who can join, cost and collection."""

    food_place_kind = models.CharField(_("kind"), max_length=30, choices=FoodPlaceKind.choices)
    run_by = models.CharField(_("run by"), max_length=150, blank=True)
    how_it_works = RichTextField(_("how it works"), features=RICH_TEXT_FEATURES)
    who_can_join = models.TextField(_("who can join"), max_length=1000)
    cost = models.CharField(
        _("cost"), max_length=200, help_text=_('E.g. "£5 a week for a bag worth £15 or more".')
    )
    delivery = models.TextField(
        _("delivery"),
        max_length=500,
        blank=True,
        help_text=_("Days, times and areas, if it delivers. Collection times go under Opening."),
    )
    volunteering_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("volunteering opportunity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the volunteering role members can sign up for."),
    )
    # The food place's id as a service in the open data.
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        FieldPanel("food_place_kind"),
        FieldPanel("run_by"),
        FieldPanel("how_it_works"),
        FieldPanel("who_can_join"),
        FieldPanel("cost"),
        FieldPanel("delivery"),
        FieldPanel("volunteering_page"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(WellbeingHubPage.where_panels, heading=_("Where and access")),
            ObjectList(
                OpeningHoursMixin.opening_hours_panels(_("Collection and opening times")),
                heading=_("Opening times"),
            ),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("how_it_works"),
        index.SearchField("who_can_join"),
        index.SearchField("run_by"),
        index.SearchField("address"),
        index.SearchField("postcode"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    page_description = _("A food co-op or social supermarket: how to join, cost and times.")

    class Meta:
        verbose_name = _("food co-op or social supermarket")
        verbose_name_plural = _("food co-ops and social supermarkets")

    kind = EntryKind.FOOD

    def clean(self):
        super().clean()
        self.place_clean(address_required=True)


class CommunityAssetPage(EntryContextMixin, PlaceMixin, ContactMixin, IntroductionMixin, Page):
    """Something a neighbourhood has to build on; people's skills are shown only by area."""

    category = models.CharField(_("category"), max_length=30, choices=AssetCategory.choices)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    get_involved = models.TextField(_("how to get involved"), max_length=1000)
    # Skills, and assets with neither postcode nor map position, sit at their ward's centre:
    # the map draws an area, not a pin.
    location_is_approximate = models.BooleanField(default=False, editable=False)

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("get_involved"),
        MultiFieldPanel(
            PlaceMixin.place_panels,
            _("Where"),
            help_text=_(
                "For people's skills and gifts, give only the neighbourhood or ward: never a "
                "home address or postcode. The map shows an area, not a point."
            ),
        ),
        *ContactMixin.contact_panels,
    ]
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("description"),
        index.SearchField("get_involved"),
        index.FilterField("category"),
    ]

    parent_page_types = ["directory.CommunityAssetMapPage"]
    subpage_types = []
    page_description = _("A community asset on the map: a place, group, green space or skill.")

    class Meta:
        verbose_name = _("community asset")
        verbose_name_plural = _("community assets")

    kind = EntryKind.ASSET

    def clean(self):
        super().clean()
        if self.category == AssetCategory.SKILLS and (self.address or self.postcode):
            raise ValidationError(
                {"address": _("For skills and gifts, give only the neighbourhood or ward.")}
            )
        self.place_clean(address_required=False)
        self.location_is_approximate = self.category == AssetCategory.SKILLS or not (
            self.postcode or self.has_point
        )
        if self.location_is_approximate:
            self._place_at_area_centre()

    def _place_at_area_centre(self) -> None:
        from website.core.selectors import ward_centre

        ward = self.ward or (self.neighbourhood.ward if self.neighbourhood else None)
        centre = ward_centre(code=ward.code) if ward and ward.code else None
        if centre is None:
            raise ValidationError(
                {"neighbourhood": _("Give the neighbourhood or the ward, or a postcode.")}
            )
        self.latitude, self.longitude = centre.latitude, centre.longitude
