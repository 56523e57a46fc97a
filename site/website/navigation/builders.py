"""Builders for menus and footers."""

import factory
from wagtail.models import Locale

from .models import FooterMenu, MainMenu


class MainMenuBuilder(factory.django.DjangoModelFactory):
    name = "Main menu"
    locale = factory.LazyFunction(Locale.get_default)
    links = factory.LazyFunction(list)

    class Meta:
        model = MainMenu


class FooterMenuBuilder(factory.django.DjangoModelFactory):
    name = "Footer"
    locale = factory.LazyFunction(Locale.get_default)
    sections = factory.LazyFunction(list)
    meta_links = factory.LazyFunction(list)

    class Meta:
        model = FooterMenu


def page_link(page, text: str = "") -> tuple[str, dict]:
    """A LinkBlock entry for a page, to put in a menu's links."""
    return ("link", {"page": page, "url": "", "text": text})
