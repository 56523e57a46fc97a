"""The demo content builds the whole site, marks itself as example content, and is idempotent."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from website.core.models import Area, SiteSettings, Topic
from website.navigation.models import FooterMenu, MainMenu


@pytest.fixture
def loaded(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content")


def _counts():
    return (
        Page.objects.count(),
        Topic.objects.count(),
        Area.objects.count(),
        MainMenu.objects.count(),
        FooterMenu.objects.count(),
    )


@pytest.mark.django_db
def test_running_twice_adds_nothing(loaded, django_capture_on_commit_callbacks):
    first = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content")
    assert _counts() == first


@pytest.mark.django_db
def test_content(loaded, client):
    english = Topic.objects.filter(locale__language_code="en")
    assert english.count() == 5
    polish_topics = Topic.objects.filter(locale__language_code="pl")
    assert "Budowanie społeczności" in {topic.name for topic in polish_topics}
    assert Area.objects.filter(kind="ward").count() == 20
    assert Area.objects.get(name="Barne Barton").ward.name == "St Budeaux"
    assert SiteSettings.objects.get().example_content_notice
    home = client.get("/").content.decode()
    assert "Example content." in home
    footer = home.split('class="govuk-footer"')[1]
    for path in ("/accessibility-statement/", "/privacy/", "/cookies/", "/contact/"):
        assert f'href="{path}"' in footer
        assert client.get(path).status_code == 200
    polish = client.get("/pl/").content.decode()
    assert "Wyraź swoje zdanie w Plymouth" in polish and 'href="/pl/consultations/"' in polish
    assert 'dir="rtl"' in client.get("/ar/consultations/").content.decode()


@pytest.mark.django_db
def test_no_real_looking_contact_details(loaded):
    from website.demo import content

    text = str(content.__dict__)
    assert "01632 960" in text
    assert "@" not in text.replace("@example.org", "")
