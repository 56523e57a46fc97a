"""Staff view of the email queue: a read-only listing, an inspect page, a retry for failures."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from website.core.audit import audit_log

from .models import OutgoingEmail
from .services import email_retry

Status = OutgoingEmail.Status


class OutgoingEmailPermissionPolicy(ModelPermissionPolicy):
    """Staff may only look (and retry): the queue is written by the email service alone."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


permission_policy = OutgoingEmailPermissionPolicy(OutgoingEmail)


class OutgoingEmailIndexView(IndexView):
    """The queue, failed emails first unless staff pick another order."""

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        failed_last = Case(
            When(status=Status.FAILED, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return queryset.alias(failed_last=failed_last).order_by("failed_last", "-created_at", "-pk")


class OutgoingEmailInspectView(InspectView):
    """One email's recipients, subject and delivery history; the body is not shown.

    Recipients are personal data, so every look is recorded in the audit log.
    """

    def get(self, request, *args, **kwargs):
        audit_log(instance=self.object, action="website.personal_data.view", user=request.user)
        return super().get(request, *args, **kwargs)

    def get_to_display_value(self):
        return ", ".join(self.object.to)

    def get_reply_to_display_value(self):
        return ", ".join(self.object.reply_to) or "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status == Status.FAILED:
            context["retry_url"] = reverse("emails:retry", args=(self.object.pk,))
        return context


@require_POST
def retry_view(request, pk):
    """Queues one more attempt for a failed email, then shows it again."""
    if not permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    email_retry(email=get_object_or_404(OutgoingEmail, pk=pk))
    messages.success(request, _("The email will be sent again in a moment."))
    return redirect("emails:inspect", pk)


class OutgoingEmailViewSet(ModelViewSet):
    """Reports -> Outgoing emails: what the site sent, what it is retrying, what failed."""

    model = OutgoingEmail
    name = "emails"
    icon = "mail"
    index_view_class = OutgoingEmailIndexView
    inspect_view_class = OutgoingEmailInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "to",
        "reply_to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "message_id",
    ]
    inspect_template_name = "emails/admin/outgoing_email_inspect.html"
    list_display = ["subject", "status", "attempts", "created_at", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    copy_view_enabled = False
    add_to_reference_index = False

    @cached_property
    def menu_hook(self):
        return "register_reports_menu_item"

    @property
    def url_finder_class(self):
        # Admin links to an email (from logs, say) go to its inspect page: there is no editor.
        return type("OutgoingEmailURLFinder", (super().url_finder_class,), {
            "edit_url_name": self.get_url_name("inspect"),
        })  # fmt: skip

    def get_permissions_to_register(self):
        # Only "view" can be granted to a group: nobody adds, edits or deletes queued email.
        return super().get_permissions_to_register().filter(codename="view_outgoingemail")

    def get_urlpatterns(self):
        # No add, edit, copy, delete or history routes: the listing, inspect and retry only.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", retry_view, name="retry"),
        ]


class FailedEmailsPanel(Component):
    """A dashboard panel counting emails that failed for good, for staff who can see them."""

    name = "failed_emails"
    template_name = "emails/admin/failed_emails_panel.html"
    order = 50  # above Wagtail's own panels: this needs action

    def __init__(self, *, failed_count: int):
        self.failed_count = failed_count

    def get_context_data(self, parent_context):
        url = reverse("emails:index")
        return {"failed_count": self.failed_count, "url": f"{url}?status={Status.FAILED}"}
