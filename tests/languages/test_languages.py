"""Languages: prefixes, right-to-left, the switcher, hreflang and draft-only translations."""

import pytest
from django.conf import settings
from wagtail.models import Page


@pytest.fixture
def translated(home, section_pages, standard_page, locales, translate):
    """Home and the consultations page in Polish and Arabic; the about page English only."""
    for code, words in (
        ("pl", {"Home": "Strona główna", "Consultations": "Konsultacje"}),
        ("ar", {"Home": "الصفحة الرئيسية", "Consultations": "الاستشارات"}),
    ):
        translate(home, locales[code], words)
        translate(section_pages["consultations"], locales[code], words)
    return section_pages["consultations"]


def test_sync_live_status_is_off():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


@pytest.mark.django_db
def test_english_has_no_prefix_and_others_do(client, translated):
    assert client.get("/consultations/").status_code == 200
    assert client.get("/pl/consultations/").status_code == 200
    assert client.get("/en/consultations/").status_code == 404


@pytest.mark.django_db
def test_arabic_is_right_to_left(client, translated):
    html = client.get("/ar/consultations/").content.decode()
    assert '<html lang="ar" dir="rtl"' in html and "الاستشارات" in html
    assert '<html lang="en" dir="ltr"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_switcher_keeps_the_page_where_a_translation_exists(client, translated):
    html = client.get("/consultations/").content.decode()
    switcher = html.split('class="govuk-language-navigation__list"')[1].split("</nav>")[0]
    assert 'href="/pl/consultations/"' in switcher and 'href="/ar/consultations/"' in switcher
    assert 'aria-current="true" lang="en"' in switcher


@pytest.mark.django_db
def test_switcher_falls_back_to_that_languages_home(client, translated, standard_page):
    switcher = (
        client.get("/about/").content.decode().split('class="govuk-language-navigation__list"')[1]
    )
    assert 'href="/pl/"' in switcher and 'href="/ar/"' in switcher


@pytest.mark.django_db
def test_switcher_on_search_keeps_the_query(client, translated):
    switcher = (
        client.get("/search/?q=plan")
        .content.decode()
        .split('class="govuk-language-navigation__list"')[1]
    )
    assert 'href="/pl/search/?q=plan"' in switcher


@pytest.mark.django_db
def test_hreflang_lists_only_real_translations(client, translated):
    html = client.get("/consultations/").content.decode()
    for code, path in (
        ("en", "/consultations/"),
        ("pl", "/pl/consultations/"),
        ("ar", "/ar/consultations/"),
        ("x-default", "/consultations/"),
    ):
        assert f'hreflang="{code}" href="http://localhost{path}"' in html
    about = client.get("/about/").content.decode()
    assert 'rel="alternate" hreflang="pl"' not in about


@pytest.mark.django_db
def test_interface_strings_are_translated(client, translated):
    html = client.get("/pl/").content.decode()
    assert "Przejdź do głównej treści" in html


@pytest.mark.django_db
def test_editor_translation_stays_a_draft_until_published(
    admin_client, home, locales, section_pages, translate, django_capture_on_commit_callbacks
):
    """Submitting a page for translation in the admin creates an unpublished copy."""
    translate(home, locales["pl"])
    page = section_pages["volunteering"]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{page.pk}/",
            {"locales": [locales["pl"].pk]},
        )
    assert response.status_code == 302
    copy = Page.objects.get(translation_key=page.translation_key, locale=locales["pl"])
    assert not copy.live
