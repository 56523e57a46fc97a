"""Admin registration for the volunteering section."""

from wagtail import hooks

from website.staff.groups import VOLUNTEER_COORDINATORS, GroupGrant


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Volunteer coordinators draft opportunities; a comms editor publishes them."""
    return [
        GroupGrant(
            group=VOLUNTEER_COORDINATORS,
            page_types=("volunteering.VolunteeringIndexPage",),
            page_permissions=("add", "change"),
        )
    ]


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    from .admin_views import SignupViewSet

    return SignupViewSet("volunteer_signups")
