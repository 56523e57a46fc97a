"""The Open Referral UK API's paths, as the spec names them (no trailing slashes)."""

from django.urls import path, re_path

from . import views

app_name = "open_referral"

urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:service_id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<str:service_at_location_id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:taxonomy_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:taxonomy_term_id>", views.taxonomy_term_detail, name="taxonomy_term"),
    # Anything else under the API is a JSON 404 with CORS, not the site's HTML page.
    re_path(r"^(?P<path>.+)$", views.not_found),
]
