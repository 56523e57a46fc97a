"""The questions a consultation officer builds for a consultation's online response form."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

# The agree-disagree scale: stored values, shown labels.
AGREE_SCALE = [
    ("strongly_agree", _("Strongly agree")),
    ("agree", _("Agree")),
    ("neither", _("Neither agree nor disagree")),
    ("disagree", _("Disagree")),
    ("strongly_disagree", _("Strongly disagree")),
    ("dont_know", _("Don't know")),
]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    AGREE_SCALE = "agree_scale", _("Agree-disagree scale")
    RANKING = "ranking", _("Ranking (put options in order)")
    POSTCODE = "postcode", _("Postcode")
    YES_NO = "yes_no", _("Yes or no, with an optional follow-up question")


CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING}
TEXT_KINDS = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}
DEFAULT_MAX_LENGTH = {QuestionKind.SHORT_TEXT: 200, QuestionKind.LONG_TEXT: 5000}


class ConsultationQuestion(Orderable):
    """One question on the response form; `key` stays the same in every translation."""

    page = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="questions"
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("hint"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    choices = models.TextField(
        _("options"),
        blank=True,
        help_text=_("For choice and ranking questions: one option per line."),
    )
    max_length = models.PositiveIntegerField(
        _("character limit"),
        null=True,
        blank=True,
        help_text=_("For text questions. Leave empty for 200 (short) or 5,000 (long)."),
    )
    follow_up_on = models.CharField(
        _("ask a follow-up question when the answer is"),
        max_length=3,
        choices=YES_NO,
        blank=True,
    )
    follow_up_label = models.CharField(_("follow-up question"), max_length=300, blank=True)
    starts_new_page = models.BooleanField(
        _("start a new page of the form here"),
        default=False,
        help_text=_("Long surveys are easier in short pages; answers are kept between pages."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
        FieldPanel("max_length"),
        MultiFieldPanel(
            [FieldPanel("follow_up_on"), FieldPanel("follow_up_label")],
            _("Yes or no questions"),
        ),
        FieldPanel("starts_new_page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def options(self) -> list[str]:
        """The options, one per non-empty line."""
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def character_limit(self) -> int | None:
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.kind)

    def clean(self):
        super().clean()
        if self.kind in CHOICE_KINDS and len(self.options) < 2:
            raise ValidationError({"choices": _("Give at least two options, one per line.")})
        if self.kind == QuestionKind.YES_NO and bool(self.follow_up_on) != bool(
            self.follow_up_label
        ):
            raise ValidationError(
                {"follow_up_label": _("Give both the follow-up question and when to ask it.")}
            )
