"""The finder's filters (a plain GET form) and the response form built from the questions."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from website.core.forms import GovukFormMixin
from website.core.models import Area, Topic
from website.core.postcodes import PostcodeField
from website.core.public_forms.forms import PublicFormMixin

from .models import (
    AGREE_SCALE,
    ConsultationQuestion,
    ConsultationStatus,
    EqualityMonitoring,
    ProcessRating,
    QuestionKind,
)
from .models.questions import TEXT_KINDS, YES_NO
from .selectors import ConsultationFilters


class ConsultationFilterForm(GovukFormMixin, forms.Form):
    """Status, topic, area and keyword. Values that are not offered are ignored, not errors."""

    status = forms.MultipleChoiceField(
        label=_("Status"),
        choices=ConsultationStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.select_related("ward"),
        required=False,
        to_field_name="slug",
        empty_label=_("All of Plymouth"),
        help_text=_("Citywide consultations are always included."),
    )
    q = forms.CharField(label=_("Keyword"), required=False, max_length=100)

    def __init__(self, *args, locale: Locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(locale=locale)
        self.fields["area"].label_from_instance = _area_label

    def filters(self) -> ConsultationFilters:
        """The valid choices; anything invalid (a hand-edited URL) counts as "any"."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return ConsultationFilters(
            statuses=tuple(data.get("status") or ()),
            topic=data.get("topic"),
            area=data.get("area"),
            keyword=" ".join((data.get("q") or "").split()),
        )


def _area_label(area: Area) -> str:
    if area.kind == Area.Kind.NEIGHBOURHOOD:
        return _("%(name)s (neighbourhood)") % {"name": area.name}
    return _("%(name)s (ward)") % {"name": area.name}


class ResponseForm(PublicFormMixin, forms.Form):
    """One page of a consultation's response form, built from the officer's questions.

    Field names come from each question's key, so answers survive edits and translations.
    """

    public_form_scope = "consultation-response"

    def __init__(self, *args, questions: list[ConsultationQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields.update(question_fields(question))

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind == QuestionKind.RANKING:
                self._ranking_check(question, cleaned)
        return cleaned

    def _ranking_check(self, question, cleaned):
        ranks = [
            cleaned.get(field_name(question, f"rank_{i}")) for i in range(len(question.options))
        ]
        given = [rank for rank in ranks if rank]
        if len(given) != len(set(given)):
            self.add_error(field_name(question, "rank_0"), _("Give each option a different number"))
        elif question.required and len(given) < len(ranks):
            self.add_error(field_name(question, "rank_0"), _("Put every option in order"))

    def answers(self) -> dict[str, object]:
        """The cleaned answers by question key, as stored (see `question_answer`)."""
        answers = {}
        for question in self.questions:
            answer = question_answer(question, self.cleaned_data)
            if answer not in (None, "", [], {}):
                answers[str(question.key)] = answer
        return answers


def field_name(question: ConsultationQuestion, part: str = "") -> str:
    """The form field name for a question (or one part of it, e.g. "follow_up")."""
    return f"q_{question.key.hex}" + (f"_{part}" if part else "")


def _required_message(question) -> str:
    if question.kind in {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.POSTCODE}:
        return _("Enter an answer to: %(question)s") % {"question": question.label}
    return _("Select an answer to: %(question)s") % {"question": question.label}


def question_fields(question: ConsultationQuestion) -> dict[str, forms.Field]:
    """The Django form field(s) for one question."""
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
        "error_messages": {"required": _required_message(question)},
    }
    kind = question.kind
    name = field_name(question)
    if kind in TEXT_KINDS:
        limit = question.character_limit
        widget = forms.Textarea(attrs={"rows": 6}) if kind == QuestionKind.LONG_TEXT else None
        too_long = _("Your answer must be %(limit)s characters or fewer") % {"limit": f"{limit:,}"}
        common["error_messages"]["max_length"] = too_long
        return {name: forms.CharField(max_length=limit, widget=widget, **common)}
    if kind == QuestionKind.POSTCODE:
        return {name: PostcodeField(**common)}
    if kind == QuestionKind.MULTIPLE_CHOICE:
        choices = [(option, option) for option in question.options]
        return {
            name: forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
        }
    if kind == QuestionKind.RANKING:
        return _ranking_fields(question, common)
    choices = {
        QuestionKind.SINGLE_CHOICE: [(option, option) for option in question.options],
        QuestionKind.AGREE_SCALE: AGREE_SCALE,
        QuestionKind.YES_NO: YES_NO,
    }[kind]
    fields = {name: forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)}
    if kind == QuestionKind.YES_NO and question.follow_up_on:
        fields[field_name(question, "follow_up")] = forms.CharField(
            label=question.follow_up_label,
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={"max_length": _("Your answer must be 5,000 characters or fewer")},
        )
    return fields


def _ranking_fields(question, common) -> dict[str, forms.Field]:
    """One "position" select per option: works without JavaScript and with a screen reader."""
    positions = [("", _("Not ranked"))] + [
        (str(n), str(n)) for n in range(1, len(question.options) + 1)
    ]
    return {
        field_name(question, f"rank_{i}"): forms.TypedChoiceField(
            label=option, choices=positions, coerce=int, empty_value=None, required=False
        )
        for i, option in enumerate(question.options)
    }


def question_answer(question: ConsultationQuestion, cleaned: dict):
    """One question's stored answer: text, option, list of options (ranked in order) or dict."""
    name = field_name(question)
    if question.kind == QuestionKind.RANKING:
        ranked = [
            (cleaned.get(field_name(question, f"rank_{i}")), option)
            for i, option in enumerate(question.options)
        ]
        return [option for rank, option in sorted(r for r in ranked if r[0])]
    answer = cleaned.get(name)
    if question.kind == QuestionKind.YES_NO and question.follow_up_on:
        follow_up = cleaned.get(field_name(question, "follow_up"), "")
        # A follow-up is kept only for the answer that asks it (no JavaScript shows it anyway).
        if answer == question.follow_up_on and follow_up:
            return {"answer": answer, "follow_up": follow_up}
    return answer


def question_rows(form: ResponseForm) -> list[dict]:
    """Each question with its bound field(s), in order, for the template."""
    rows = []
    for question in form.questions:
        row = {"question": question, "kind": question.kind}
        if question.kind == QuestionKind.RANKING:
            row["ranks"] = [
                form[field_name(question, f"rank_{i}")] for i in range(len(question.options))
            ]
            row["field"] = row["ranks"][0]
        else:
            row["field"] = form[field_name(question)]
        follow_up = field_name(question, "follow_up")
        if follow_up in form.fields:
            row["follow_up"] = form[follow_up]
        rows.append(row)
    return rows


class RatingForm(PublicFormMixin, forms.Form):
    """How was taking part? One click, and an optional comment."""

    public_form_scope = "consultation-rating"

    rating = forms.TypedChoiceField(
        label=_("How was taking part in this consultation?"),
        choices=ProcessRating.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how taking part was for you")},
    )
    comment = forms.CharField(
        label=_("How could we make it better? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not include personal details."),
        error_messages={"max_length": _("Your comment must be 1,000 characters or fewer")},
    )


class EqualityForm(GovukFormMixin, forms.ModelForm):
    """Optional equality monitoring: every question has "Prefer not to say"; none is required."""

    class Meta:
        model = EqualityMonitoring
        fields = EqualityMonitoring.QUESTION_FIELDS
        widgets = dict.fromkeys(EqualityMonitoring.QUESTION_FIELDS, forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.choices = [c for c in field.choices if c[0]]  # no blank radio
            field.required = False


class UpdatesForm(PublicFormMixin, forms.Form):
    """An email address, for a copy of the response and/or the outcome when it is published."""

    public_form_scope = "consultation-updates"

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    send_copy = forms.BooleanField(label=_("Email me a copy of my response"), required=False)
    outcome = forms.BooleanField(
        label=_("Email me when the results are published"),
        required=False,
        help_text=_("We will send a link to confirm first. You can stop these emails at any time."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("send_copy") and not cleaned.get("outcome"):
            self.add_error("send_copy", _("Select what you would like us to email you"))
        return cleaned


class CommentForm(PublicFormMixin, forms.Form):
    """A comment or a reply: a display name (never your full name unless you want) and text."""

    public_form_scope = "consultation-comment"

    display_name = forms.CharField(
        label=_("Name to show"),
        max_length=60,
        help_text=_("Shown with your comment. You can use a first name or a nickname."),
        error_messages={
            "required": _("Enter a name to show"),
            "max_length": _("The name must be 60 characters or fewer"),
        },
    )
    body = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter your comment"),
            "max_length": _("Your comment must be 2,000 characters or fewer"),
        },
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        max_length=254,
        help_text=_("Never shown. We use it only to tell you if we hide your comment, and why."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReportForm(PublicFormMixin, forms.Form):
    public_form_scope = "consultation-report"

    reason = forms.CharField(
        label=_("What is wrong with this comment? (optional)"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("The reason must be 300 characters or fewer")},
    )
