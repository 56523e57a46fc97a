"""Admin registration for the consultations section."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from website.staff.groups import CONSULTATION_OFFICERS, MODERATORS, GroupGrant


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Consultation officers run consultations: their section's pages, in every language."""
    return [
        GroupGrant(
            group=CONSULTATION_OFFICERS,
            page_types=("consultations.ConsultationIndexPage",),
            page_permissions=("add", "change", "publish"),
        )
    ]


@hooks.register("register_admin_viewset")
def register_response_viewset():
    from .admin_views import ConsultationResponseViewSet

    return ConsultationResponseViewSet("consultation_responses")


@hooks.register("register_staff_group_grants")
def response_grants():
    """Consultation officers enter, read, review and delete responses; only superusers besides."""
    return [
        GroupGrant(
            group=CONSULTATION_OFFICERS,
            permissions=(
                "consultations.add_consultationresponse",
                "consultations.view_consultationresponse",
                "consultations.change_consultationresponse",
                "consultations.delete_consultationresponse",
            ),
        )
    ]


@hooks.register("register_page_header_buttons")
def response_buttons(page, user, view_name, next_url=None):
    """On a consultation in the admin: its responses, and typing in a paper one."""
    from wagtail.admin.widgets import Button

    from .models import ConsultationPage

    if not isinstance(page.specific_deferred, ConsultationPage):
        return []
    if not user.has_perm("consultations.view_consultationresponse"):
        return []
    yield Button(
        _("Responses"),
        reverse("consultation_responses:index") + f"?consultation={page.pk}",
        priority=10,
    )
    summary_url = reverse("consultation_responses:summary", args=[page.pk])
    yield Button(_("Summary of responses"), summary_url, priority=12)
    export_url = reverse("consultation_responses:export", args=[page.pk])
    yield Button(_("Export responses"), export_url, priority=15)
    if user.has_perm("consultations.add_consultationresponse"):
        yield Button(
            _("Enter a paper response"),
            reverse("consultation_responses:enter", args=[page.pk]),
            priority=20,
        )


@hooks.register("after_publish_page")
def notify_subscribers_on_publish(request, page):
    """Publishing results or changing an action emails those who asked, once each."""
    from .models import ConsultationPage
    from .services import outcome_notify

    if isinstance(page.specific_deferred, ConsultationPage):
        outcome_notify(consultation=page.specific)


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    from .comments_admin import CommentViewSet

    return CommentViewSet("consultation_comments")


@hooks.register("register_staff_group_grants")
def comment_grants():
    """Moderators and consultation officers moderate comments and reply as the council."""
    permissions = (
        "consultations.view_consultationcomment",
        "consultations.change_consultationcomment",
    )
    return [
        GroupGrant(group=MODERATORS, permissions=permissions),
        GroupGrant(group=CONSULTATION_OFFICERS, permissions=permissions),
    ]
