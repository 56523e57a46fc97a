"""Admin for resident submissions: a list without personal data, an audited inspect view,
and moderators' release / spam buttons. Each app's view set subclasses SubmissionViewSet."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from .audit import audit_log
from .models import ReviewStatus


class SubmissionInspectView(InspectView):
    """Shows one submission, personal data included, and records that in the audit log."""

    review_url_name = None

    def get(self, request, *args, **kwargs):
        audit_log(instance=self.object, action="website.personal_data.view", user=request.user)
        return super().get(request, *args, **kwargs)

    def get_held_reasons_display_value(self):
        return ", ".join(self.object.held_reason_labels) or "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_review = self.object.review_status == ReviewStatus.HELD and (
            self.permission_policy.user_has_permission(self.request.user, "change")
        )
        if can_review:
            context["review_url"] = reverse(self.review_url_name, args=[self.object.pk])
        return context


class SubmissionViewSet(ModelViewSet):
    """Read-only list and inspect views with moderation; no adding or editing in the admin.

    Subclasses set `model`, `list_display` (no personal data: the list is not audited) and
    `review_service`, a function (submission, user, release) that records the decision.
    """

    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_class = SubmissionInspectView
    inspect_template_name = "core/submission_inspect.html"
    list_filter = ["review_status"]
    review_service = None  # (submission, user, release) -> None
    exclude_form_fields = []  # Wagtail asks for a form; its add and edit views are not routed

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, edit_url_name=None, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            review_url_name=self.get_url_name("review"), **kwargs
        )

    @property
    def review_view(self):
        @require_POST
        def view(request, pk):
            submission = get_object_or_404(self.model, pk=pk)
            if not self.permission_policy.user_has_permission(request.user, "change"):
                raise PermissionDenied
            release = request.POST.get("release") == "1"
            self.review_service(submission, request.user, release)
            messages.success(request, _("Released.") if release else _("Marked as spam."))
            return redirect(self.get_url_name("inspect"), pk)

        return view

    @property
    def url_finder_class(self):
        """Links from the admin (e.g. Reports -> Site history) open the audited inspect view:
        there is no edit view to link to."""
        return type(
            "SubmissionURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        hidden = {"add", "edit", "copy"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden),
            path("review/<int:pk>/", self.review_view, name="review"),
        ]


def held_reasons_column() -> Column:
    """A list column naming why a submission was held."""
    return Column(
        "held_reason_labels",
        label=_("Held because"),
        accessor=lambda submission: ", ".join(submission.held_reason_labels) or "-",
    )
