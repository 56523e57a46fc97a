"""Menus, footer and breadcrumbs: translated, current-page aware, and a fixed number of queries."""

import pytest

from website.navigation.builders import FooterMenuBuilder, MainMenuBuilder, page_link
from website.navigation.models import NavigationSettings
from website.standard_pages.builders import StandardPageBuilder


@pytest.fixture
def menus(site, section_pages, standard_page):
    main = MainMenuBuilder(
        links=[
            page_link(section_pages["consultations"]),
            page_link(standard_page, "About us"),
            ("link", {"page": None, "url": "https://example.org/", "text": "Council website"}),
        ]
    )
    footer = FooterMenuBuilder(
        sections=[
            (
                "section",
                {"heading": "Take part", "links": [page_link(section_pages["volunteering"])[1]]},
            )
        ],
        meta_links=[page_link(standard_page, "Accessibility")],
    )
    settings = NavigationSettings.for_site(site)
    settings.main_menu, settings.footer_menu = main, footer
    settings.save()
    return main, footer


@pytest.mark.django_db
def test_main_menu_and_footer_render(client, menus, section_pages):
    html = client.get("/").content.decode()
    assert 'class="govuk-service-navigation__link" href="/consultations/"' in html
    assert ">Consultations<" in html.replace("\n", "").replace("  ", "")
    assert "About us" in html and 'href="https://example.org/"' in html
    assert "Take part" in html and "Accessibility" in html
    # Search is always in the menu, whatever editors put there.
    assert 'class="govuk-service-navigation__link" href="/search/"' in html


@pytest.mark.django_db
def test_search_link_is_current_on_search_and_translated(client, menus, locales):
    html = client.get("/search/").content.decode()
    assert 'href="/search/" aria-current="page"' in html


@pytest.mark.django_db
def test_editors_manage_menus_in_the_admin(admin_client, menus):
    main, footer = menus
    assert admin_client.get("/admin/snippets/navigation/mainmenu/").status_code == 200
    assert (
        admin_client.get(f"/admin/snippets/navigation/mainmenu/edit/{main.pk}/").status_code == 200
    )
    assert (
        admin_client.get(f"/admin/snippets/navigation/footermenu/edit/{footer.pk}/").status_code
        == 200
    )
    settings_page = admin_client.get("/admin/settings/navigation/navigationsettings/", follow=True)
    assert settings_page.status_code == 200 and "Main menu" in settings_page.content.decode()


@pytest.mark.django_db
def test_current_section_is_marked(client, menus, section_pages):
    html = client.get("/consultations/").content.decode()
    assert 'aria-current="page"' in html
    assert "govuk-service-navigation__item--active" in html


@pytest.mark.django_db
def test_unpublished_page_drops_out_of_the_menu(client, menus, standard_page):
    standard_page.unpublish()
    assert "About us" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_menu_is_shown_translated_with_links_to_translated_pages(
    client, menus, section_pages, home, locales, translate
):
    polish = locales["pl"]
    translate(home, polish, {"Home": "Strona główna"})
    translate(section_pages["consultations"], polish, {"Consultations": "Konsultacje"})
    translate(menus[0], polish)
    html = client.get("/pl/").content.decode()
    assert 'href="/pl/consultations/"' in html and "Konsultacje" in html
    # An untranslated page is still linked, in English, rather than dropped.
    assert 'href="/about/"' in html


@pytest.mark.django_db
def test_breadcrumbs_lead_home(client, standard_page):
    child = StandardPageBuilder(parent=standard_page, slug="child", title="Child")
    html = client.get(child.url).content.decode()
    assert 'class="govuk-breadcrumbs"' in html
    crumbs = html.split('class="govuk-breadcrumbs__list"')[1].split("</ol>")[0]
    assert 'href="/"' in crumbs and 'href="/about/"' in crumbs and "Child" not in crumbs


@pytest.mark.django_db
def test_home_has_no_breadcrumbs(client, home):
    assert "govuk-breadcrumbs" not in client.get("/").content.decode()
