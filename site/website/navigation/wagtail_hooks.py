"""Admin registration for menus and footers (Snippets -> Navigation)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
