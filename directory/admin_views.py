"""Residents' asset suggestions in the admin, for directory editors.

The list shows no personal data (it is not audited); opening a suggestion is audited, and
there the editor makes a draft asset from it, marks a correction made, or declines it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from website.core.submission_admin import SubmissionInspectView, SubmissionViewSet

from .models import AssetSuggestion, CommunityAssetMapPage, SuggestionKind, SuggestionStatus
from .suggestions import (
    DECIDABLE_REVIEW,
    SuggestionStateError,
    suggestion_correction_done,
    suggestion_decline,
    suggestion_draft_asset,
    suggestion_review,
)


def asset_map_for_drafts() -> CommunityAssetMapPage | None:
    """Where drafts from suggestions go: the asset map in the default language (the live one
    if there are several)."""
    maps = CommunityAssetMapPage.objects.filter(locale=Locale.get_default())
    return maps.order_by("-live", "path").first()


class AssetSuggestionInspectView(SubmissionInspectView):
    """A suggestion, all of it, with the directory editor's decisions as buttons."""

    action_url_names = None  # {"draft": ..., "correction_done": ..., "decline": ...}

    def get_object(self, queryset=None):
        related = AssetSuggestion.objects.select_related(
            "entry", "asset", "decided_by", "reviewed_by"
        )
        return get_object_or_404(related, pk=self.pk)

    def get_entry_display_value(self):
        return _page_link(self.object.entry)

    def get_asset_display_value(self):
        return _page_link(self.object.asset)

    def get_details_display_value(self):
        return linebreaksbr(self.object.details, autoescape=True)

    def get_get_involved_display_value(self):
        return linebreaksbr(self.object.get_involved, autoescape=True) or "-"

    def get_notify_display_value(self):
        return _("Yes") if self.object.notify else _("No")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actions"] = self.actions()
        return context

    def actions(self) -> list[dict]:
        """The decisions this editor can make on this suggestion now."""
        suggestion = self.object
        draft_deleted = suggestion.status == SuggestionStatus.DRAFTED and not suggestion.asset_id
        waiting = suggestion.status == SuggestionStatus.NEW or draft_deleted
        if not (
            waiting
            and suggestion.review_status in DECIDABLE_REVIEW
            and self.permission_policy.user_has_permission(self.request.user, "change")
        ):
            return []
        names = self.action_url_names
        if suggestion.kind == SuggestionKind.NEW:
            first = {"name": "draft", "label": _("Make a draft asset")}
        else:
            first = {"name": "correction_done", "label": _("Mark correction made")}
        decline = {"name": "decline", "label": _("Decline"), "secondary": True}
        return [
            {**action, "url": reverse(names[action["name"]], args=[suggestion.pk])}
            for action in (first, decline)
        ]


def _page_link(page) -> str:
    """A page's title linking to its edit view (escaped: a title may come from a resident)."""
    if page is None:
        return "-"
    return format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=[page.pk]), page.title
    )


class AssetSuggestionViewSet(SubmissionViewSet):
    model = AssetSuggestion
    icon = "site"
    menu_label = gettext_lazy("Asset suggestions")
    add_to_admin_menu = True
    menu_order = 290  # with the other residents' submissions: sign-ups 270, messages 300
    list_display = [
        "__str__", "kind", "asset_name", "category", "status", "created_at", "review_status",
    ]  # fmt: skip
    list_filter = ["status", "kind", "category", "review_status"]
    inspect_view_class = AssetSuggestionInspectView
    inspect_template_name = "directory/admin/suggestion_inspect.html"
    inspect_view_fields = [
        "kind", "entry", "asset_name", "category", "details", "location", "get_involved",
        "name", "email", "notify", "created_at", "status", "asset", "decided_by", "decided_at",
        "notified_at", "review_status", "held_reasons", "reviewed_by", "reviewed_at",
    ]  # fmt: skip

    @staticmethod
    def review_service(suggestion, user, release):
        suggestion_review(suggestion=suggestion, user=user, release=release)

    def get_inspect_view_kwargs(self, **kwargs):
        names = {name: self.get_url_name(name) for name in ("draft", "correction_done", "decline")}
        return super().get_inspect_view_kwargs(action_url_names=names, **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("draft/<int:pk>/", self._decision_view(_draft), name="draft"),
            path(
                "correction-made/<int:pk>/",
                self._decision_view(_correction_done),
                name="correction_done",
            ),
            path("decline/<int:pk>/", self._decision_view(_decline), name="decline"),
        ]

    def _decision_view(self, decide):
        """A POST-only view: the suggestion if the user may change suggestions, then `decide`
        (request, suggestion) -> the URL to go to, with a message on a refused decision."""

        @require_POST
        def view(request, pk):
            if not self.permission_policy.user_has_permission(request.user, "change"):
                raise PermissionDenied
            suggestion = get_object_or_404(AssetSuggestion, pk=pk)
            inspect_url = reverse(self.get_url_name("inspect"), args=[pk])
            try:
                return redirect(decide(request, suggestion) or inspect_url)
            except SuggestionStateError as error:
                messages.error(request, str(error))
                return redirect(inspect_url)

        return view


def _draft(request, suggestion: AssetSuggestion) -> str | None:
    asset_map = asset_map_for_drafts()
    if asset_map is None:
        messages.error(request, _("Make the community asset map page first."))
        return None
    if not asset_map.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    page = suggestion_draft_asset(suggestion=suggestion, user=request.user, asset_map=asset_map)
    messages.success(
        request,
        _("Draft asset made. Place it on the map (the resident said: “%(location)s”), check it "
          "and publish it. The resident is told when it is published.")
        % {"location": suggestion.location or "-"},
    )  # fmt: skip
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _correction_done(request, suggestion: AssetSuggestion) -> None:
    suggestion_correction_done(suggestion=suggestion, user=request.user)
    messages.success(request, _("Marked as corrected."))


def _decline(request, suggestion: AssetSuggestion) -> None:
    suggestion_decline(suggestion=suggestion, user=request.user)
    messages.success(request, _("Declined."))
