"""The volunteering board (index) and its opportunities, with their sessions (shifts)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from website.core.blocks import StandardStreamBlock
from website.core.blocks.text import RICH_TEXT_FEATURES
from website.core.models import IntroductionMixin
from website.core.postcodes import postcode_normalise

from ..page_forms import OpportunityPageForm


class Cause(models.TextChoices):
    ENVIRONMENT = "environment", _("Environment")
    HEALTH = "health", _("Health and wellbeing")
    DIGITAL = "digital", _("Digital inclusion")
    OLDER_PEOPLE = "older-people", _("Older people")
    YOUNG_PEOPLE = "young-people", _("Children and young people")
    FOOD = "food", _("Food")
    CULTURE = "culture", _("Culture and events")
    COMMUNITY = "community", _("Community building")


class Commitment(models.TextChoices):
    ONE_OFF = "one-off", _("One-off")
    REGULAR = "regular", _("Regular")
    FLEXIBLE = "flexible", _("Flexible")


class LocationKind(models.TextChoices):
    ADDRESS = "address", _("At a place in Plymouth")
    VARIOUS = "various", _("At different places around Plymouth")
    HOME = "home", _("From home")


ADULT_AGE = 18


class VolunteeringIndexPage(RoutablePageMixin, IntroductionMixin, Page):
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
    subpage_types = ["volunteering.OpportunityPage", "standard_pages.StandardPage"]
    max_count_per_parent = 1
    page_description = _(
        "The volunteering board: opportunities from the council and partner organisations."
    )

    class Meta:
        verbose_name = _("volunteering index page")

    def get_context(self, request, *args, **kwargs):
        from ..views import board_context  # the board's filters, query and pagination

        context = super().get_context(request, *args, **kwargs)
        context.update(board_context(request=request, index=self))
        return context

    @path("feeds/new.atom/", name="feed")
    def feed(self, request):
        """Atom feed of the newest opportunities."""
        from ..feeds import opportunities_feed_response

        return opportunities_feed_response(request=request, index=self)


class OpportunityPage(RoutablePageMixin, IntroductionMixin, Page):
    """One volunteering role: what you'd do, where and when, what you need and what you get."""

    organisation = models.ForeignKey(
        "volunteering.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices)
    what_you_will_do = RichTextField(_("what you'll do"), features=RICH_TEXT_FEATURES)
    location_kind = models.CharField(
        _("where"), max_length=20, choices=LocationKind.choices, default=LocationKind.ADDRESS
    )
    venue = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("venue page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Optional: the place\'s page in "Support near you", linked from this page.'),
    )
    address = models.TextField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(
        _("postcode"),
        max_length=8,
        blank=True,
        help_text=_("Needed for a place, so residents can search by distance."),
    )
    areas = ParentalManyToManyField("core.Area", verbose_name=_("areas"), blank=True)
    commitment = models.CharField(_("time commitment"), max_length=20, choices=Commitment.choices)
    commitment_detail = models.CharField(
        _("how much time"),
        max_length=150,
        blank=True,
        help_text=_('E.g. "2 hours a week for at least 3 months".'),
    )
    closes_on = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_("The last day to sign up. Leave empty if it is always open."),
    )
    places = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "For a role without sessions: how many volunteers you need; when they are taken, "
            "residents join a waiting list. Leave empty to take everyone who is interested."
        ),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(10), MaxValueValidator(25)],
        help_text=_("Leave empty if there is none. Residents confirm their age when signing up."),
    )
    no_experience_needed = models.BooleanField(_("no experience needed"), default=True)
    dbs_check_needed = models.BooleanField(
        _("DBS check needed"),
        default=False,
        help_text=_("A Disclosure and Barring Service check, arranged and paid for by us."),
    )
    is_accessible = models.BooleanField(
        _("accessible to disabled volunteers"),
        default=False,
        help_text=_("Step-free, and the role can be adapted. Say more under Accessibility."),
    )
    accessibility = models.TextField(_("accessibility"), max_length=1000, blank=True)
    skills_gained = models.TextField(_("skills you'll gain"), max_length=1000, blank=True)
    training = models.TextField(_("training offered"), max_length=1000, blank=True)
    expenses = models.TextField(
        _("expenses"),
        max_length=500,
        blank=True,
        help_text=_('What is paid back, e.g. "Travel and parking; lunch on the day".'),
    )

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("cause")]),
        FieldPanel("what_you_will_do"),
        MultiFieldPanel(
            [
                FieldPanel("location_kind"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("venue"),
                FieldPanel("areas"),
            ],
            _("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("commitment"), FieldPanel("commitment_detail")]),
                FieldRowPanel([FieldPanel("closes_on"), FieldPanel("places")]),
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("dbs_check_needed")]),
                FieldPanel("no_experience_needed"),
                FieldPanel("is_accessible"),
                FieldPanel("accessibility"),
            ],
            _("Who can do it"),
        ),
        MultiFieldPanel(
            [FieldPanel("skills_gained"), FieldPanel("training"), FieldPanel("expenses")],
            _("What you get"),
        ),
    ]
    sessions_panels = [
        InlinePanel(
            "sessions",
            heading=_("Sessions"),
            label=_("Session"),
            help_text=_(
                "Shifts or dates, each with its own places. Leave empty for a regular or "
                "flexible role: residents then register interest."
            ),
        ),
    ]
    base_form_class = OpportunityPageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(sessions_panels, heading=_("Sessions")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("what_you_will_do"),
        index.SearchField("skills_gained"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("cause"),
        index.FilterField("closes_on"),
    ]

    parent_page_types = ["volunteering.VolunteeringIndexPage"]
    subpage_types = []
    page_description = _("A volunteering role residents can find and sign up for.")

    class Meta:
        verbose_name = _("volunteering opportunity")
        verbose_name_plural = _("volunteering opportunities")

    def clean(self):
        super().clean()
        if self.postcode:
            normalised = postcode_normalise(self.postcode)
            if normalised is None:
                raise ValidationError({"postcode": _("Enter a full UK postcode, like PL1 2AA")})
            self.postcode = normalised
        if self.location_kind == LocationKind.ADDRESS and not (self.address and self.postcode):
            raise ValidationError(
                {
                    "address": _(
                        "Give the address and postcode of the place, or choose another "
                        "option under Where."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        from ..views import opportunity_context  # sessions, places left, the sign-up button

        context = super().get_context(request, *args, **kwargs)
        context.update(opportunity_context(request=request, opportunity=self))
        return context

    def is_open(self, today=None) -> bool:
        """Sign-ups are taken until the end of the closing date (Europe/London)."""
        today = today or timezone.localdate()
        return self.closes_on is None or today <= self.closes_on

    @property
    def suitable_for_under_18s(self) -> bool:
        return self.minimum_age is None or self.minimum_age < ADULT_AGE

    @path("sign-up/", name="signup")
    def signup(self, request):
        """The sign-up form: take a place in a session, or register interest."""
        from ..signup_views import signup_view

        return signup_view(request, self)

    @path("sign-up/sent/", name="signup_sent")
    def signup_sent(self, request):
        from ..signup_views import sent_view

        return sent_view(request, self)

    @path("my-sign-up/<str:token>/", name="signup_manage")
    def signup_manage(self, request, token):
        """The resident's private page (from the emailed link): view, change or cancel."""
        from ..signup_views import manage_view

        return manage_view(request, self, token)

    @path("sessions.ics/", name="calendar")
    def calendar(self, request):
        """iCalendar of this opportunity's sessions."""
        from ..feeds import sessions_calendar_response

        return sessions_calendar_response(request=request, opportunity=self)


class OpportunitySession(Orderable):
    """A shift or date of an opportunity, with its own places."""

    opportunity = ParentalKey(OpportunityPage, related_name="sessions", on_delete=models.CASCADE)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    places = models.PositiveIntegerField(_("places"), validators=[MinValueValidator(1)])
    note = models.CharField(
        _("note"), max_length=150, blank=True, help_text=_('E.g. "Meet at the main entrance".')
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("places"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{start:%a %-d %b %Y, %H:%M} to {end:%H:%M}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
