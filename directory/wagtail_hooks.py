"""Admin registration for the directory section."""

from wagtail import hooks

from website.staff.groups import DIRECTORY_EDITORS, GroupGrant


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Directory editors keep the directory's pages, in every language, and decide on
    residents' suggestions."""
    return [
        GroupGrant(
            group=DIRECTORY_EDITORS,
            page_types=("directory.DirectoryIndexPage",),
            page_permissions=("add", "change", "publish"),
            permissions=(
                "directory.view_assetsuggestion",
                "directory.change_assetsuggestion",
                "directory.delete_assetsuggestion",
            ),
        )
    ]


@hooks.register("register_admin_viewset")
def register_asset_suggestion_viewset():
    from .admin_views import AssetSuggestionViewSet

    return AssetSuggestionViewSet("asset_suggestions")
