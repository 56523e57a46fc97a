"""The comment moderation queue: publish, hide with a reason, or reply as the council."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column

from website.core.submission_admin import SubmissionInspectView, SubmissionViewSet

from .comments import comment_moderate, official_reply, sender_block
from .models import ConsultationComment


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding (sent to the author if they gave an email)"),
        required=False,
        max_length=300,
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Official council reply"), max_length=2000, widget=forms.Textarea
    )


class CommentInspectView(SubmissionInspectView):
    """A comment, with publish/hide, block and official-reply forms for those who may."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            context["moderate_url"] = reverse(
                "consultation_comments:moderate", args=[self.object.pk]
            )
            context["reply_url"] = reverse("consultation_comments:reply", args=[self.object.pk])
            context["moderation_form"] = ModerationForm()
            context["reply_form"] = ReplyForm()
            context["block_url"] = reverse("consultation_comments:block", args=[self.object.pk])
            context["comment"] = self.object
        return context


class CommentViewSet(SubmissionViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = _("Comments")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_class = CommentInspectView
    inspect_template_name = "consultations/admin/comment_inspect.html"
    list_display = [
        "__str__",
        "consultation",
        "status",
        Column("report_count", label=_("Reports")),
        "created_at",
        "review_status",
    ]
    list_filter = ["status", "review_status", "consultation"]
    inspect_view_fields = [
        "consultation", "display_name", "body", "email", "parent", "status", "hidden_reason",
        "is_official", "report_count", "created_at", "review_status", "held_reasons",
    ]  # fmt: skip

    @staticmethod
    def review_service(comment, user, release):
        comment_moderate(comment=comment, user=user, publish=release, reason="")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("moderate/<int:pk>/", self._moderate_view, name="moderate"),
            path("reply/<int:pk>/", self._reply_view, name="reply"),
            path("block/<int:pk>/", self._block_view, name="block"),
        ]

    def _allowed(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return get_object_or_404(ConsultationComment, pk=pk)

    @property
    def _moderate_view(self):
        @require_POST
        def view(request, pk):
            comment = self._allowed(request, pk)
            form = ModerationForm(request.POST)
            form.is_valid()
            publish = request.POST.get("publish") == "1"
            reason = form.cleaned_data.get("reason", "")
            comment_moderate(comment=comment, user=request.user, publish=publish, reason=reason)
            messages.success(request, _("Published.") if publish else _("Hidden."))
            return redirect(self.get_url_name("inspect"), pk)

        return view

    @property
    def _reply_view(self):
        @require_POST
        def view(request, pk):
            comment = self._allowed(request, pk)
            form = ReplyForm(request.POST)
            if form.is_valid():
                official_reply(comment=comment, user=request.user, body=form.cleaned_data["body"])
                messages.success(request, _("Your reply is published."))
            return redirect(self.get_url_name("inspect"), pk)

        return view

    @property
    def _block_view(self):
        @require_POST
        def view(request, pk):
            comment = self._allowed(request, pk)
            kind = request.POST.get("kind")
            if kind in ("email", "address"):
                reason = request.POST.get("reason", "")[:300]
                sender_block(comment=comment, user=request.user, kind=kind, reason=reason)
                messages.success(request, _("Blocked. Their comments will wait for a moderator."))
            return redirect(self.get_url_name("inspect"), pk)

        return view

    def get_queryset(self, request):
        return ConsultationComment.objects.select_related("consultation")
