"""Responses in the admin: consultation officers read them; every look is audit-logged."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from website.core.review import submission_review
from website.core.submission_admin import (
    SubmissionInspectView,
    SubmissionViewSet,
    held_reasons_column,
)

from .models import ConsultationResponse


def answers_display(response: ConsultationResponse):
    """The answers under their questions (in the response's language), escaped."""
    labels = {str(q.key): q.label for q in response.consultation.questions.all()}
    rows = [(labels.get(key, key), _answer_text(value)) for key, value in response.answers.items()]
    if not rows:
        return "-"
    return format_html(
        '<dl class="app-answers">{}</dl>',
        format_html_join("", "<dt><strong>{}</strong></dt><dd>{}</dd>", rows),
    )


def _answer_text(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return f"{value.get('answer', '')}: {value.get('follow_up', '')}"
    return str(value)


class ResponseInspectView(SubmissionInspectView):
    def get_answers_display_value(self):
        return answers_display(self.object)


class ConsultationResponseViewSet(SubmissionViewSet):
    model = ConsultationResponse
    icon = "form"
    menu_label = _("Consultation responses")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_class = ResponseInspectView
    list_display = [
        "__str__",
        "consultation",
        "channel",
        "created_at",
        "review_status",
        held_reasons_column(),
    ]
    list_filter = ["consultation", "channel", "review_status"]
    search_fields = ["answers"]
    search_backend_name = None  # a plain database search of the answers' text
    inspect_view_fields = [
        "consultation",
        "channel",
        "language",
        "created_at",
        "answers",
        "review_status",
        "held_reasons",
        "entered_by",
        "reviewed_by",
        "reviewed_at",
    ]

    @staticmethod
    def review_service(response, user, release):
        submission_review(submission=response, user=user, release=release)

    def get_queryset(self, request):
        return ConsultationResponse.objects.select_related("consultation")
