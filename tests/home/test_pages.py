"""Every page type has a builder, renders, obeys the tree rules, and editors can create it."""

import pytest
import wagtail_factories
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import consultations.builders  # noqa: F401  (register the builders below)
import directory.builders  # noqa: F401
import volunteering.builders  # noqa: F401
import website.home.builders
import website.standard_pages.builders  # noqa: F401
from consultations.models import ConsultationIndexPage, ConsultationPage, YouSaidWeDidIndexPage
from directory.models import (
    CommunityAssetMapPage,
    CommunityAssetPage,
    DirectoryIndexPage,
    FoodPlacePage,
    WellbeingHubPage,
)
from volunteering.models import OpportunityPage, VolunteeringIndexPage
from website.home.models import HomePage
from website.standard_pages.models import StandardPage

SITE_PAGE_TYPES = [
    HomePage,
    StandardPage,
    ConsultationIndexPage,
    ConsultationPage,
    YouSaidWeDidIndexPage,
    VolunteeringIndexPage,
    OpportunityPage,
    DirectoryIndexPage,
    WellbeingHubPage,
    FoodPlacePage,
    CommunityAssetMapPage,
    CommunityAssetPage,
]


def _builders():
    found, stack = {}, list(wagtail_factories.PageFactory.__subclasses__())
    while stack:
        builder = stack.pop()
        found[builder._meta.model] = builder
        stack.extend(builder.__subclasses__())
    return found


def test_every_page_type_has_a_builder():
    ours = [m for m in get_page_models() if m._meta.app_label not in ("wagtailcore",)]
    assert set(ours) == set(SITE_PAGE_TYPES)
    assert set(SITE_PAGE_TYPES) <= set(_builders())


@pytest.mark.django_db
@pytest.mark.parametrize("model", SITE_PAGE_TYPES[1:])
def test_every_page_type_renders(client, home, model):
    page = _builders()[model](parent=home, title=f"A {model.__name__}", slug=model.__name__.lower())
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"A {model.__name__}" in html
    assert 'id="main-content"' in html and "govuk-skip-link" in html


@pytest.mark.django_db
def test_home_page_renders_with_empty_sections(client, home, section_pages):
    html = client.get("/").content.decode()
    assert "There are no open consultations at the moment." in html
    assert "There are no volunteering opportunities listed at the moment." in html
    assert "When a consultation closes, we publish what you told us" in html
    assert f'href="{section_pages["directory"].url}"' in html


@pytest.mark.django_db
def test_home_page_without_section_pages_still_renders(client, home):
    html = client.get("/").content.decode()
    assert "Find support near you" in html and "Open consultations" not in html


def test_tree_rules():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    sections = (
        ConsultationIndexPage,
        YouSaidWeDidIndexPage,
        VolunteeringIndexPage,
        DirectoryIndexPage,
    )
    for model in sections:
        assert model.allowed_parent_page_models() == [HomePage]
        assert model.max_count_per_parent == 1
    assert set(HomePage.allowed_subpage_models()) == {
        StandardPage,
        ConsultationIndexPage,
        YouSaidWeDidIndexPage,
        VolunteeringIndexPage,
        DirectoryIndexPage,
    }
    assert StandardPage.allowed_subpage_models() == [StandardPage]
    for model in SITE_PAGE_TYPES:
        assert model.page_description and model.search_fields


@pytest.mark.django_db
def test_section_page_cannot_go_under_a_standard_page(standard_page):
    assert not ConsultationIndexPage.can_create_at(standard_page)
    assert StandardPage.can_create_at(standard_page)


@pytest.mark.django_db
def test_only_one_of_each_section_per_home(section_pages, home):
    assert not ConsultationIndexPage.can_create_at(home)


def _create(admin_client, model, parent, data):
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    return admin_client.post(url, nested_form_data({"action-publish": "publish", **data}))


@pytest.mark.django_db
def test_editor_creates_standard_page_with_blocks(admin_client, home, client):
    response = _create(
        admin_client,
        StandardPage,
        home,
        {
            "title": "Plan for Nature",
            "slug": "plan-for-nature",
            "introduction": "Help shape the city's nature plan.",
            "body": streamfield(
                [
                    ("heading", {"text": "Why we are asking", "level": "h2"}),
                    ("rich_text", rich_text("<p>Green spaces matter.</p>")),
                    ("warning_text", {"text": "Closes on Friday."}),
                ]
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="plan-for-nature")
    assert page.live
    html = client.get(page.url).content.decode()
    assert "Why we are asking" in html and "Green spaces matter." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [ConsultationIndexPage, VolunteeringIndexPage, DirectoryIndexPage]
)
def test_editor_creates_section_pages(admin_client, home, model):
    response = _create(
        admin_client,
        model,
        home,
        {
            "title": model._meta.verbose_name.title(),
            "slug": model._meta.model_name,
            "introduction": "",
            "body": streamfield([]),
        },
    )
    assert response.status_code == 302
    assert model.objects.filter(slug=model._meta.model_name, live=True).exists()


@pytest.mark.django_db
def test_editor_creates_home_page_at_root(admin_client, locales):
    root = Page.get_first_root_node()
    response = _create(
        admin_client,
        HomePage,
        root,
        {
            "title": "Second site",
            "slug": "second-site",
            "hero_title": "Hello",
            "introduction": "",
            "support_heading": "Support",
            "support_text": "",
            "body": streamfield([]),
        },
    )
    assert response.status_code == 302
    assert HomePage.objects.filter(slug="second-site").exists()
