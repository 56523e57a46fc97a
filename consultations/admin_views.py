"""Responses in the admin: officers read them (every look audit-logged) and type in paper ones."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.views.generic import IndexView

from website.core.public_forms.screening import staff_entry_screening
from website.core.review import submission_review
from website.core.submission_admin import (
    SubmissionInspectView,
    SubmissionViewSet,
    held_reasons_column,
)

from .exports import export_buttons, export_view
from .forms import ResponseForm
from .models import ConsultationPage, ConsultationResponse, ResponseChannel
from .selectors import response_answer_rows, response_summary
from .services import response_submit, response_themes_set


def answers_display(response: ConsultationResponse):
    """The answers under their questions (in the response's language), escaped."""
    rows = response_answer_rows(response)
    if not rows:
        return "-"
    return format_html(
        '<dl class="app-answers">{}</dl>',
        format_html_join("", "<dt><strong>{}</strong></dt><dd>{}</dd>", rows),
    )


class ResponseInspectView(SubmissionInspectView):
    """A response, with the officer's theme tags for its free-text answers."""

    def get_answers_display_value(self):
        return answers_display(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            context["themes_url"] = reverse("consultation_responses:themes", args=[self.object.pk])
            context["themes"] = self.object.consultation.themes.all()
            context["tagged"] = set(self.object.themes.values_list("pk", flat=True))
        return context


class ResponseIndexView(IndexView):
    """The responses list; filtered to one consultation, it offers to export that one."""

    export_url_name = None

    @cached_property
    def export_buttons(self):
        filters = self.filters
        if not (filters and filters.is_valid() and self.user_has_permission("view")):
            return None
        page = filters.form.cleaned_data.get("consultation")
        return export_buttons(url_name=self.export_url_name, page_id=page.pk) if page else None

    @cached_property
    def header_buttons(self):
        main = [self.export_buttons[0]] if self.export_buttons else []
        return [*super().header_buttons, *main]

    @cached_property
    def header_more_buttons(self):
        more = self.export_buttons[1] if self.export_buttons else []
        return [*super().header_more_buttons, *more]


class ConsultationResponseViewSet(SubmissionViewSet):
    model = ConsultationResponse
    index_view_class = ResponseIndexView
    icon = "form"
    menu_label = _("Consultation responses")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_class = ResponseInspectView
    inspect_template_name = "consultations/admin/response_inspect.html"
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

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(export_url_name=self.get_url_name("export"), **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("enter/<int:page_id>/", _entry_view(self), name="enter"),
            path("export/<int:page_id>/", export_view(self), name="export"),
            path("themes/<int:pk>/", _themes_view(self), name="themes"),
            path("summary/<int:page_id>/", _summary_view(self), name="summary"),
        ]


class ResponseEntryForm(ResponseForm):
    """The same questions as online, plus how the response reached the council."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, questions=questions, **kwargs)
        self.fields = {
            "channel": forms.ChoiceField(
                label=_("How did this response reach us?"),
                choices=[c for c in ResponseChannel.choices if c[0] != ResponseChannel.ONLINE],
            ),
            **self.fields,
        }


def _entry_view(viewset):
    @require_http_methods(["GET", "POST"])
    def view(request, page_id):
        if not viewset.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        page = get_object_or_404(ConsultationPage, pk=page_id)
        questions = list(page.questions.all())
        form = ResponseEntryForm(request.POST or None, questions=questions)
        if request.method == "POST" and form.is_valid():
            response_submit(
                consultation=page,
                answers=form.answers(),
                screening=staff_entry_screening(form=form),
                language=page.locale.language_code,
                channel=form.cleaned_data["channel"],
                entered_by=request.user,
            )
            messages.success(request, _("Response saved. You can enter the next one."))
            return redirect(viewset.get_url_name("enter"), page.pk)
        context = {
            "page_title": _("Enter a response"),
            "page_subtitle": page.title,
            "header_icon": "form",
            "form": form,
            "consultation": page,
        }
        return TemplateResponse(request, "consultations/admin/enter_response.html", context)

    return view


def _themes_view(viewset):
    @require_POST
    def view(request, pk):
        if not viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        response = get_object_or_404(ConsultationResponse, pk=pk)
        chosen = [int(v) for v in request.POST.getlist("themes") if v.isdigit()]
        response_themes_set(
            response=response, theme_ids=chosen, new_theme=request.POST.get("new_theme", "")
        )
        messages.success(request, _("Themes saved."))
        return redirect(viewset.get_url_name("inspect"), pk)

    return view


def _summary_view(viewset):
    def view(request, page_id):
        if not viewset.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        page = get_object_or_404(ConsultationPage, pk=page_id)
        context = {
            "page_title": _("Summary of responses"),
            "page_subtitle": page.title,
            "header_icon": "form",
            "consultation": page,
            "summary": response_summary(consultation=page),
        }
        return TemplateResponse(request, "consultations/admin/response_summary.html", context)

    return view
