"""Admin registration for the core snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
