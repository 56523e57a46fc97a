"""Admin registration for the consultations section."""

from wagtail import hooks

from website.staff.groups import CONSULTATION_OFFICERS, GroupGrant


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
    """Consultation officers read, review and delete responses; nobody else but superusers."""
    return [
        GroupGrant(
            group=CONSULTATION_OFFICERS,
            permissions=(
                "consultations.view_consultationresponse",
                "consultations.change_consultationresponse",
                "consultations.delete_consultationresponse",
            ),
        )
    ]
