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
