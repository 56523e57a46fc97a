"""Consultation pages and their index (the finder).

A consultation's status is never typed: it follows from its opening, closing and
results-published times (see `ConsultationStatus` and `selectors.status_filter`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
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
from wagtail.models import Page
from wagtail.search import index

from website.core.blocks import ContactDetailsBlock, StandardStreamBlock
from website.core.blocks.text import RICH_TEXT_FEATURES
from website.core.models import IntroductionMixin

from ..blocks import ConsultationEventBlock, KeyDateBlock, OtherWaysToRespondStreamBlock


class ConsultationStatus(models.TextChoices):
    """Where a consultation is in its life, from its dates."""

    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed: awaiting results")
    RESULTS = "results", _("Results published")


class ConsultationIndexPage(RoutablePageMixin, IntroductionMixin, Page):
    """The consultation finder: open, forthcoming and closed consultations, with their results."""

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
    subpage_types = ["consultations.ConsultationPage", "standard_pages.StandardPage"]
    max_count_per_parent = 1
    page_description = _(
        "The list of consultations, open, forthcoming and closed, with their results."
    )

    class Meta:
        verbose_name = _("consultations index page")

    @path("feeds/<slug:name>.<slug:kind>/", name="feed")
    def feed(self, request, name, kind):
        """Atom or RSS of new consultations ("new") or of published results ("results")."""
        from ..feeds import feed_response

        return feed_response(request=request, index=self, name=name, kind=kind)

    @path("calendar.ics/", name="calendar")
    def calendar(self, request):
        """iCalendar of closing dates and consultation events."""
        from ..feeds import calendar_response

        return calendar_response(request=request, index=self)

    def get_context(self, request, *args, **kwargs):
        from ..views import finder_context  # the finder's form, query and pagination

        context = super().get_context(request, *args, **kwargs)
        context.update(finder_context(request=request, index=self))
        return context


class ConsultationPage(RoutablePageMixin, IntroductionMixin, Page):
    """One consultation: what is being decided, why, by whom and when, and how to take part."""

    opens_at = models.DateTimeField(
        _("opens"), help_text=_("The response form appears at this time, with no further action.")
    )
    closes_at = models.DateTimeField(_("closes"), help_text=_("The form closes at this time."))
    results_published_at = models.DateTimeField(
        _("results published"),
        null=True,
        blank=True,
        help_text=_('When "you said, we did" is published. Leave empty until then.'),
    )
    why_we_are_asking = RichTextField(_("why we are asking"), features=RICH_TEXT_FEATURES)
    what_is_being_decided = RichTextField(_("what is being decided"), features=RICH_TEXT_FEATURES)
    what_cannot_change = RichTextField(
        _("what cannot change"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Be honest about what is already fixed, so residents' time is well spent."),
    )
    decision_maker = models.CharField(
        _("who decides"), max_length=200, blank=True, help_text=_("E.g. the Cabinet.")
    )
    expected_decision_date = models.DateField(_("expected decision date"), null=True, blank=True)
    topics = ParentalManyToManyField("core.Topic", verbose_name=_("topics"), blank=True)
    areas = ParentalManyToManyField("core.Area", verbose_name=_("areas"), blank=True)
    is_citywide = models.BooleanField(
        _("citywide"), default=False, help_text=_("Affects the whole city, not particular areas.")
    )
    key_dates = StreamField([("key_date", KeyDateBlock())], verbose_name=_("key dates"), blank=True)
    events = StreamField(
        [("event", ConsultationEventBlock())], verbose_name=_("events"), blank=True
    )
    body = StreamField(
        StandardStreamBlock(),
        verbose_name=_("more information and documents"),
        blank=True,
    )
    other_ways_to_respond = StreamField(
        OtherWaysToRespondStreamBlock(), verbose_name=_("other ways to respond"), blank=True
    )
    contact = StreamField(
        [("contact_details", ContactDetailsBlock())],
        verbose_name=_("contact"),
        blank=True,
        max_num=1,
    )
    comments_enabled = models.BooleanField(
        _("public comments"), default=False, help_text=_("Let residents comment in public.")
    )
    comments_premoderated = models.BooleanField(
        _("check comments before they appear"),
        default=False,
        help_text=_("Otherwise comments appear at once and moderators check them after."),
    )
    you_said = RichTextField(
        _("you said"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The main themes of what people told us, in plain words."),
    )
    we_did = RichTextField(
        _("we did"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What was decided, and how what people said shaped it."),
    )
    decision_record_url = models.URLField(
        _("decision record"), blank=True, help_text=_("A link to the published decision.")
    )

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            _("Dates"),
        ),
        FieldPanel("why_we_are_asking"),
        FieldPanel("what_is_being_decided"),
        FieldPanel("what_cannot_change"),
        MultiFieldPanel(
            [FieldPanel("decision_maker"), FieldPanel("expected_decision_date")],
            _("Who decides and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("is_citywide"), FieldPanel("areas")],
            _("Topics and areas"),
        ),
        FieldPanel("key_dates"),
        FieldPanel("events"),
        FieldPanel("body"),
        FieldPanel("other_ways_to_respond"),
        FieldPanel("contact"),
    ]
    form_panels = [
        MultiFieldPanel(
            [FieldPanel("comments_enabled"), FieldPanel("comments_premoderated")],
            _("Comments"),
        ),
        InlinePanel(
            "questions",
            heading=_("Questions"),
            label=_("Question"),
            help_text=_(
                "The online response form. Answers are kept by question, in every language."
            ),
        ),
    ]
    results_panels = [
        FieldPanel("results_published_at"),
        FieldPanel("you_said"),
        FieldPanel("we_did"),
        FieldPanel("decision_record_url"),
        InlinePanel(
            "actions",
            heading=_("Actions"),
            label=_("Action"),
            help_text=_("Keep these up to date: everyone who asked is emailed when one changes."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Response form")),
            ObjectList(results_panels, heading=_("You said, we did")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("why_we_are_asking"),
        index.SearchField("what_is_being_decided"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
        index.FilterField("results_published_at"),
    ]

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []
    page_description = _("A consultation: what is being decided, why, and how to take part.")

    class Meta:
        verbose_name = _("consultation page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening.")})
        if (
            self.results_published_at
            and self.closes_at
            and self.results_published_at < self.closes_at
        ):
            raise ValidationError(
                {"results_published_at": _("Results can only be published after closing.")}
            )

    def get_context(self, request, *args, **kwargs):
        from ..comments_views import comments_context
        from ..selectors import question_summaries, responses_by_channel, theme_counts

        context = super().get_context(request, *args, **kwargs)
        context["page_status"] = status = self.status()
        context.update(comments_context(request, self))
        if status == ConsultationStatus.RESULTS:
            context["channels"] = responses_by_channel(consultation=self)
            context["response_total"] = sum(row["count"] for row in context["channels"])
            context["summaries"] = question_summaries(consultation=self)
            context["themes"] = theme_counts(consultation=self)
        return context

    def serve(self, request, *args, **kwargs):
        from website.core.public_forms.views import public_form_cache_control

        response = super().serve(request, *args, **kwargs)
        # The comment form carries a per-render token: never from a shared cache.
        return public_form_cache_control(response) if self.comments_enabled else response

    @path("respond/", name="respond")
    def respond(self, request):
        """The first page of the online response form."""
        from ..respond import respond_view

        return respond_view(request, self, 1)

    @path("respond/<int:step>/", name="respond_step")
    def respond_step(self, request, step):
        """A later page of the online response form."""
        from ..respond import respond_view

        return respond_view(request, self, step)

    @path("respond/sent/", name="respond_sent")
    def respond_sent(self, request):
        """The confirmation after responding, with the optional extras."""
        from ..after_response import sent_view

        return sent_view(request, self)

    @path("respond/rating/", name="respond_rating")
    def respond_rating(self, request):
        from ..after_response import rating_view

        return rating_view(request, self)

    @path("respond/updates/", name="respond_updates")
    def respond_updates(self, request):
        from ..after_response import updates_view

        return updates_view(request, self)

    @path("respond/about-you/", name="respond_equality")
    def respond_equality(self, request):
        from ..after_response import equality_view

        return equality_view(request, self)

    @path("comments/", name="comment_post")
    def comment_post(self, request):
        from ..comments_views import post_view

        return post_view(request, self)

    @path("comments/<int:pk>/report/", name="comment_report")
    def comment_report(self, request, pk):
        from ..comments_views import report_view

        return report_view(request, self, pk)

    @path("updates/stop/<str:token>/", name="updates_stop")
    def updates_stop(self, request, token):
        from ..after_response import stop_view

        return stop_view(request, self, token)

    @path("updates/confirm/<str:token>/", name="updates_confirm")
    def updates_confirm(self, request, token):
        from ..after_response import confirm_view

        return confirm_view(request, self, token)

    def status(self, now=None) -> ConsultationStatus:
        """Forthcoming, open, closed or results published, at `now` (default: this moment)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return ConsultationStatus.FORTHCOMING
        if now < self.closes_at:
            return ConsultationStatus.OPEN
        if self.results_published_at and self.results_published_at <= now:
            return ConsultationStatus.RESULTS
        return ConsultationStatus.CLOSED


class YouSaidWeDidIndexPage(IntroductionMixin, Page):
    """Every consultation whose results are published, newest first, in one place."""

    content_panels = [*Page.content_panels, *IntroductionMixin.introduction_panels]
    search_fields = [*Page.search_fields, *IntroductionMixin.introduction_search_fields]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _('"You said, we did": the results of every consultation, in one list.')

    class Meta:
        verbose_name = _("you said, we did index page")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from website.core.pagination import page_links

        from ..selectors import results_published_list

        context = super().get_context(request, *args, **kwargs)
        results = Paginator(results_published_list(locale=self.locale), 10).get_page(
            request.GET.get("page")
        )
        context.update(
            {"results": results, "pagination": page_links(request=request, page=results)}
        )
        return context
