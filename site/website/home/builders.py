"""Builders for the home page, and the step that makes it the site's root."""

import wagtail_factories
from wagtail.models import Locale, Page, Site

from .models import HomePage


class HomePageBuilder(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_title = "Have your say in Plymouth"
    introduction = (
        "Find consultations, see what changed because of them, volunteer, and find support."
    )

    class Meta:
        model = HomePage


def home_page_ensure() -> HomePage:
    """The English home page as the default site's root, replacing Wagtail's welcome page.

    Idempotent: safe on a fresh database (after migrations) and on one already set up.
    """
    existing = HomePage.objects.filter(depth=2, locale=Locale.get_default()).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    if root is None:  # a flushed test database: rebuild Wagtail's tree root
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    root.get_children().filter(depth=2, content_type__model="page", slug="home").delete()
    home = HomePageBuilder(parent=Page.objects.get(pk=root.pk))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Plymouth Community Engagement Hub",
        },
    )
    return home
