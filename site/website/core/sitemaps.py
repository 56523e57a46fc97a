"""A sitemap that lists every language's page tree, not only the default one."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap covers the site root's tree; translations live in sibling trees."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).live()
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        if not in_any_tree:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .filter(in_any_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
