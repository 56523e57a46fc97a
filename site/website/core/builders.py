"""Builders (factory_boy) for core snippets; shared by the tests and the demo content."""

import factory
from django.utils.text import slugify
from wagtail.models import Locale

from .models import AlertBanner, Area, Topic


def locale_ensure(language_code: str) -> Locale:
    """The Locale for a language, created if the database does not have it yet."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale


class TopicBuilder(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = ""
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic
        django_get_or_create = ("locale", "slug")


class AreaBuilder(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Area.Kind.WARD

    class Meta:
        model = Area
        django_get_or_create = ("slug",)


class AlertBannerBuilder(factory.django.DjangoModelFactory):
    title = "Important"
    message = "<p>Our phone lines are closed on Friday afternoon for training.</p>"
    level = AlertBanner.Level.IMPORTANT
    is_enabled = True
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AlertBanner
