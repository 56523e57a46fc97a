"""Staff accounts in the admin: base group grants and the two-factor link on the account page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .groups import (
    ALL_PAGES,
    COMMS_EDITORS,
    CONSULTATION_OFFICERS,
    DIRECTORY_EDITORS,
    MODERATORS,
    STAFF_GROUPS,
    VOLUNTEER_COORDINATORS,
    GroupGrant,
)

IMAGES_ADD_AND_CHOOSE = ("wagtailimages.add_image", "wagtailimages.choose_image")
DOCUMENTS_ADD_AND_CHOOSE = ("wagtaildocs.add_document", "wagtaildocs.choose_document")


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Every group may use the admin; Wagtail's own pages, media and redirects by role."""
    return [
        *(
            GroupGrant(group=name, permissions=("wagtailadmin.access_admin",))
            for name in STAFF_GROUPS
        ),
        GroupGrant(
            group=COMMS_EDITORS,
            permissions=(
                "wagtailredirects.add_redirect",
                "wagtailredirects.change_redirect",
                "wagtailredirects.delete_redirect",
                "wagtail_localize.submit_translation",
            ),
            page_types=(ALL_PAGES,),
            page_permissions=("add", "change", "publish", "lock", "unlock"),
            collection_permissions=(
                *IMAGES_ADD_AND_CHOOSE,
                *DOCUMENTS_ADD_AND_CHOOSE,
                "wagtailimages.change_image",
                "wagtaildocs.change_document",
            ),
        ),
        GroupGrant(
            group=CONSULTATION_OFFICERS,
            permissions=("wagtail_localize.submit_translation",),
            collection_permissions=(*IMAGES_ADD_AND_CHOOSE, *DOCUMENTS_ADD_AND_CHOOSE),
        ),
        GroupGrant(
            group=DIRECTORY_EDITORS,
            collection_permissions=(*IMAGES_ADD_AND_CHOOSE, *DOCUMENTS_ADD_AND_CHOOSE),
        ),
        GroupGrant(group=VOLUNTEER_COORDINATORS, collection_permissions=IMAGES_ADD_AND_CHOOSE),
        GroupGrant(group=MODERATORS),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """Account -> Two-factor sign-in: devices and backup codes."""
    return {
        "url": reverse("two_factor:profile"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Set up your authenticator app and print backup codes."),
    }
