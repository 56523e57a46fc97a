"""The staff groups and what each may do, gathered from every app's `register_staff_group_grants`.

Each app says what its own models need (a domain app grants its section's pages; the contact
app lets moderators review messages), so this module imports no app above it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

COMMS_EDITORS = "Comms editors"
CONSULTATION_OFFICERS = "Consultation officers"
MODERATORS = "Moderators"
VOLUNTEER_COORDINATORS = "Volunteer coordinators"
VOLUNTEERING_TEAM = "Volunteering team"
DIRECTORY_EDITORS = "Directory editors"

STAFF_GROUPS = {
    COMMS_EDITORS: _("Edit and publish every page, menus, banners, topics and site settings."),
    CONSULTATION_OFFICERS: _("Create, edit and publish consultations."),
    MODERATORS: _("Review held submissions and resident messages."),
    VOLUNTEER_COORDINATORS: _(
        "Draft volunteering opportunities for their organisations and manage their sign-ups."
    ),
    VOLUNTEERING_TEAM: _(
        "Approve and publish volunteering opportunities, manage organisations, and see every "
        "organisation's sign-ups."
    ),
    DIRECTORY_EDITORS: _("Create, edit and publish directory entries and areas."),
}

# Page permission names Wagtail knows (wagtailcore.<name>_page).
PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
# The whole tree, in every language, for a grant that covers every page.
ALL_PAGES = "wagtailcore.Page"


@dataclass(frozen=True)
class GroupGrant:
    """What one group may do with one app's models.

    `permissions` are "app_label.codename" model permissions. `page_permissions` apply to every
    page of the `page_types` (model labels; ALL_PAGES for the tree's root) and their subpages.
    `collection_permissions` ("app_label.codename", e.g. wagtailimages.choose_image) apply to the
    root collection, so to every image and document.
    """

    group: str
    permissions: tuple[str, ...] = ()
    page_types: tuple[str, ...] = ()
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()

    def __post_init__(self):
        if self.group not in STAFF_GROUPS:
            raise ValueError(f"Unknown staff group {self.group!r}")
        unknown = set(self.page_permissions) - set(PAGE_PERMISSIONS)
        if unknown:
            raise ValueError(f"Unknown page permissions {sorted(unknown)}")
