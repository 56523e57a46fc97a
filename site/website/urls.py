"""URLs: admin and machine-readable files first, then the site in each language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from two_factor.urls import urlpatterns as two_factor_urls
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website.contact import views as contact_views
from website.core import views as core_views
from website.search import views as search_views

urlpatterns = [
    # Staff sign in through two-factor sign-in only (/admin/account/...): Wagtail's own
    # password-only sign-in page sends them there.
    path("admin/", include(two_factor_urls)),
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="two_factor:login", query_string=True),
        name="wagtailadmin_login",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("open-referral/", include("directory.open_referral.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English has no prefix; /pl/ and /ar/ for the others.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feedback/", contact_views.ContactFormView.as_view(), name="contact_form"),
    path("feedback/sent/", contact_views.contact_sent, name="contact_sent"),
    # Page routes that are files (feeds/new.atom/, calendar.ics/, map.geojson/): Wagtail's own
    # pattern takes no dots, so these go to its page serving here, with the trailing slash
    # optional.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:atom|rss|ics|geojson|csv)/?)$", wagtail_views.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
