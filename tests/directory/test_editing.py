"""Directory editors keep hubs, food places and assets through the admin, hours included."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import WellbeingHubPage
from tests.conftest import staff_client_for
from website.staff.groups import DIRECTORY_EDITORS
from website.staff.services import staff_groups_sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(django_user_model, directory):
    staff_groups_sync()
    user = django_user_model.objects.create_user("directory-editor", password="x" * 20)
    user.groups.add(Group.objects.get(name=DIRECTORY_EDITORS))
    return staff_client_for(user)


def _hub_form(**overrides) -> dict:
    data = {
        "title": "Mount Gould Hub",
        "slug": "mount-gould-hub",
        "introduction": "Advice and befriending for older people.",
        "operator": "Age UK",
        "about": rich_text("<p>A friendly place.</p>"),
        "address": "Example address, Mount Gould",
        "postcode": "pl4 7qd",
        "services": inline_formset(
            [{"service_type": "befriending", "description": "Weekly visits at home."}]
        ),
        "opening_periods": inline_formset(
            [
                {"weekday": "0", "opens": "09:00", "closes": "17:00"},
                {"weekday": "4", "opens": "22:00", "closes": "02:00"},
            ]
        ),
        "dated_hours": inline_formset(
            [{"day": "2026-12-25", "opens": "", "closes": "", "note": "Christmas Day"}]
        ),
        "action-publish": "publish",
    }
    return nested_form_data(data | overrides)


def test_editor_publishes_a_hub_with_services_and_hours(editor_client, directory):
    url = f"/admin/pages/add/directory/wellbeinghubpage/{directory.pk}/"
    response = editor_client.post(url, _hub_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    hub = WellbeingHubPage.objects.get(slug="mount-gould-hub")
    assert hub.live
    assert hub.postcode == "PL4 7QD"
    assert hub.latitude is not None  # from the postcode table
    assert [s.service_type for s in hub.services.all()] == ["befriending"]
    assert {(p.weekday, p.opens, p.closes) for p in hub.opening_periods.all()} == {
        (0, datetime.time(9), datetime.time(17)),
        (4, datetime.time(22), datetime.time(2)),
    }
    closed = hub.dated_hours.get()
    assert closed.opens is None and closed.note == "Christmas Day"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"postcode": "SW1A 1AA"}, "not in Plymouth&#x27;s postcode list"),
        (
            {
                "opening_periods": inline_formset(
                    [{"weekday": "0", "opens": "09:00", "closes": "09:00"}]
                )
            },
            "The closing time must differ from the opening.",
        ),
        (
            {
                "dated_hours": inline_formset(
                    [{"day": "2026-12-24", "opens": "10:00", "closes": "", "note": ""}]
                )
            },
            "Give both times for special hours, or neither if it is closed.",
        ),
    ],
)
def test_editor_mistakes_are_explained(editor_client, directory, overrides, message):
    url = f"/admin/pages/add/directory/wellbeinghubpage/{directory.pk}/"
    response = editor_client.post(url, _hub_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WellbeingHubPage.objects.exists()


def test_editor_cannot_edit_pages_outside_the_directory(editor_client, section_pages):
    board = section_pages["volunteering"]
    assert editor_client.get(f"/admin/pages/{board.pk}/edit/").status_code in (302, 403)
