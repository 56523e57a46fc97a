"""404 and 500 pages in the design, sitemap.xml across languages, robots.txt."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from website import urls as site_urls


@pytest.mark.django_db
def test_404_page_is_in_the_design(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "govuk-generic-header" in html and 'href="/search/"' in html


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom), *site_urls.urlpatterns]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_500_page_is_in_the_design_and_needs_no_database(home):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "/static/website/css/website.css" in html


@pytest.mark.django_db
def test_sitemap_lists_every_language(
    client, home, section_pages, standard_page, locales, translate
):
    translate(home, locales["pl"])
    translate(section_pages["consultations"], locales["pl"])
    standard_page.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/consultations/</loc>" in xml
    assert "<loc>http://localhost/pl/consultations/</loc>" in xml
    assert "/about/" not in xml


@pytest.mark.django_db
def test_robots_txt(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text
