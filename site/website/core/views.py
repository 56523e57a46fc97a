"""Site-wide views that are not pages: robots.txt and the sitemap."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .sitemaps import AllLanguagesSitemap


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public site; the admin and search results are not for indexing."""
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """Every live public page in every language."""
    return django_sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})
