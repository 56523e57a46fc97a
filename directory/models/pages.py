"""The directory's index (the finder) and the community asset map."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.core.blocks import StandardStreamBlock
from website.core.models import IntroductionMixin


class DirectoryIndexPage(RoutablePageMixin, IntroductionMixin, Page):
    """Support near you: one finder across Wellbeing Hubs, food places and community assets."""

    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "directory.WellbeingHubPage",
        "directory.FoodPlacePage",
        "directory.CommunityAssetMapPage",
        "standard_pages.StandardPage",
    ]
    max_count_per_parent = 1
    page_description = _("Support near you: Wellbeing Hubs, food co-ops and community places.")

    class Meta:
        verbose_name = _("directory index page")

    @path("")
    def finder(self, request):
        """The finder: the filters, the results by distance, and the map of the same results."""
        from ..views import finder_view

        return finder_view(request, self)

    @path("map.geojson/", name="geojson")
    def geojson(self, request):
        """The finder's current results as GeoJSON, for the map (same filters as the page)."""
        from ..views import finder_geojson_view

        return finder_geojson_view(request, self)

    @path("download/directory.<str:file_format>/", name="download")
    def download(self, request, file_format):
        """The whole directory (hubs, food places, assets) as open data: GeoJSON or CSV."""
        from ..views import download_view

        return download_view(request, self, file_format)


class CommunityAssetMapPage(RoutablePageMixin, IntroductionMixin, Page):
    """The Asset Based Community Development map, with residents' suggestions."""

    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        *IntroductionMixin.introduction_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroductionMixin.introduction_search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.CommunityAssetPage"]
    max_count_per_parent = 1
    page_description = _("The community asset map: what each neighbourhood has to build on.")

    class Meta:
        verbose_name = _("community asset map")

    @path("")
    def asset_map(self, request):
        """The map and list of assets, filtered by category and area."""
        from ..views import asset_map_view

        return asset_map_view(request, self)

    @path("map.geojson/", name="geojson")
    def geojson(self, request):
        from ..views import asset_geojson_view

        return asset_geojson_view(request, self)

    @path("suggest/", name="suggest")
    def suggest(self, request):
        """Suggest an asset, or a correction to any directory entry."""
        from ..suggestion_views import suggest_view

        return suggest_view(request, self)

    @path("suggest/sent/", name="suggest_sent")
    def suggest_sent(self, request):
        from ..suggestion_views import sent_view

        return sent_view(request, self)
