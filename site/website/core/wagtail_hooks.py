"""Admin registration for the core snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from website.staff.groups import COMMS_EDITORS, DIRECTORY_EDITORS, GroupGrant

from .audit import AUDIT_ACTIONS
from .models import AlertBanner, Area, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    list_display = ["name", "kind", "code", "ward"]
    list_filter = ["kind"]
    search_fields = ["name"]


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    list_display = ["title", "level", "is_enabled", "starts_at", "ends_at"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Topics and areas")
    menu_icon = "tag"
    items = (TopicViewSet, AreaViewSet)


register_snippet(TaxonomyViewSetGroup)
register_snippet(AlertBannerViewSet)


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Comms editors run the shared snippets and site settings; directory editors keep areas."""
    return [
        GroupGrant(
            group=COMMS_EDITORS,
            permissions=(
                "core.add_alertbanner",
                "core.change_alertbanner",
                "core.delete_alertbanner",
                "core.add_topic",
                "core.change_topic",
                "core.add_area",
                "core.change_area",
                "core.change_sitesettings",
            ),
        ),
        GroupGrant(group=DIRECTORY_EDITORS, permissions=("core.add_area", "core.change_area")),
    ]


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    """The personal-data and review actions website.core.audit records."""
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)
