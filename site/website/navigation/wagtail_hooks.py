"""Admin registration for menus and footers (Snippets -> Navigation)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from website.staff.groups import COMMS_EDITORS, GroupGrant

from .models import FooterMenu, MainMenu


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    list_display = ["name", "locale"]


class FooterMenuViewSet(SnippetViewSet):
    model = FooterMenu
    icon = "list-ul"
    list_display = ["name", "locale"]


class NavigationViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Navigation")
    menu_icon = "list-ul"
    items = (MainMenuViewSet, FooterMenuViewSet)


register_snippet(NavigationViewSetGroup)


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Comms editors keep the menus and choose which ones the site shows."""
    return [
        GroupGrant(
            group=COMMS_EDITORS,
            permissions=(
                "navigation.add_mainmenu",
                "navigation.change_mainmenu",
                "navigation.add_footermenu",
                "navigation.change_footermenu",
                "navigation.change_navigationsettings",
            ),
        )
    ]
