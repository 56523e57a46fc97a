"""Fixtures that build the page tree the way the site has it: root -> home -> section pages."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from wagtail.models import Locale, Site

from consultations.builders import ConsultationIndexPageBuilder
from directory.builders import DirectoryIndexPageBuilder
from volunteering.builders import VolunteeringIndexPageBuilder
from website.core.builders import locale_ensure
from website.home.builders import home_page_ensure
from website.standard_pages.builders import StandardPageBuilder


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.activate("en")  # a request in another test may have left Arabic active
    cache.clear()  # rate limit counters must not carry over from another test


@pytest.fixture(autouse=True)
def _postcodes_restore(request, django_db_blocker):
    """Puts back the postcode table (loaded by a migration) after a transactional test.

    Such tests end by flushing every table, which would leave later tests without postcodes.
    """
    yield
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from website.core.models import Postcode
        from website.core.postcode_loading import postcodes_bundled_load

        with django_db_blocker.unblock():
            if not Postcode.objects.exists():
                postcodes_bundled_load()


@pytest.fixture
def locales(db):
    """English (default), Polish and Arabic."""
    return {code: locale_ensure(code) for code in ("en", "pl", "ar")}


@pytest.fixture
def home(db, locales):
    """The English home page, the default site's root."""
    return home_page_ensure()


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def section_pages(home):
    """The three section index pages under home."""
    return {
        "consultations": ConsultationIndexPageBuilder(parent=home),
        "volunteering": VolunteeringIndexPageBuilder(parent=home),
        "directory": DirectoryIndexPageBuilder(parent=home),
    }


@pytest.fixture
def standard_page(home):
    return StandardPageBuilder(parent=home, slug="about", title="About this site")


def staff_client_for(user) -> Client:
    """A client signed in as `user` who has passed two-factor sign-in (a confirmed TOTP device)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="default", confirmed=True
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 20)


@pytest.fixture
def admin_client(admin_user):
    return staff_client_for(admin_user)


@pytest.fixture
def polish(locales) -> Locale:
    return locales["pl"]


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate and publish through wagtail-localize, one commit per call as in the admin.

    wagtail-localize publishes on commit with the page object it holds, so several
    translations inside one test transaction must each get their own commit.
    """
    from website.demo.services import translation_publish

    def _translate(instance, locale, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            translation_publish(instance, locale, strings or {})
        return instance.get_translation(locale)

    return _translate
