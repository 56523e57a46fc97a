"""Admin registration for the directory section."""

from wagtail import hooks

from website.staff.groups import DIRECTORY_EDITORS, GroupGrant


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Directory editors keep the directory's pages, in every language."""
    return [
        GroupGrant(
            group=DIRECTORY_EDITORS,
            page_types=("directory.DirectoryIndexPage",),
            page_permissions=("add", "change", "publish"),
        )
    ]
