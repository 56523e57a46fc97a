"""Each staff group can do its own job in the admin and nothing else, direct URLs included."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from consultations.builders import ConsultationIndexPageBuilder
from website.contact.models import ContactMessage
from website.staff.groups import STAFF_GROUPS
from website.staff.services import staff_groups_sync
from website.standard_pages.builders import StandardPageBuilder

from ..conftest import staff_client_for


def test_migrate_creates_every_group(db):
    assert set(STAFF_GROUPS) <= set(Group.objects.values_list("name", flat=True))


@pytest.fixture
def tree(section_pages, standard_page):
    """A page in each section, then the groups synced as after adding section pages."""
    pages = {
        "about": standard_page,
        "consultation": StandardPageBuilder(parent=section_pages["consultations"], slug="c"),
        "opportunity": StandardPageBuilder(parent=section_pages["volunteering"], slug="o"),
        "hub": StandardPageBuilder(parent=section_pages["directory"], slug="h"),
    }
    staff_groups_sync()
    return pages


@pytest.fixture
def member(django_user_model):
    def _member(group_name):
        user = django_user_model.objects.create_user(
            group_name.lower().replace(" ", "-"), password="x" * 20
        )
        user.groups.add(Group.objects.get(name=group_name))
        return staff_client_for(user)

    return _member


def _can_edit(client, page) -> bool:
    return client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def _allowed(client, url) -> bool:
    return client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("group", "editable"),
    [
        ("Comms editors", {"about", "consultation", "opportunity", "hub"}),
        ("Consultation officers", {"consultation"}),
        ("Volunteer coordinators", {"opportunity"}),
        ("Directory editors", {"hub"}),
        ("Moderators", set()),
    ],
)
def test_each_group_edits_only_its_own_pages(tree, member, group, editable):
    client = member(group)
    assert client.get("/admin/").status_code == 200
    assert {name for name, page in tree.items() if _can_edit(client, page)} == editable


def test_coordinators_and_moderators_cannot_publish(tree):
    publishers = {
        group.name
        for group in Group.objects.filter(
            page_permissions__permission__codename="publish_page"
        ).distinct()
    }
    assert publishers == {
        "Comms editors",
        "Consultation officers",
        "Directory editors",
        "Volunteering team",
    }


@pytest.fixture
def message(db):
    return ContactMessage.objects.create(topic="other", message="Hello", email="a@example.org")


@pytest.mark.parametrize(
    ("group", "sees_messages"),
    [
        ("Moderators", True),
        ("Comms editors", False),
        ("Consultation officers", False),
        ("Volunteer coordinators", False),
        ("Directory editors", False),
    ],
)
def test_only_moderators_see_residents_messages(tree, member, message, group, sees_messages):
    client = member(group)
    assert _allowed(client, "/admin/contact_messages/") is sees_messages
    assert _allowed(client, f"/admin/contact_messages/inspect/{message.pk}/") is sees_messages


@pytest.mark.parametrize("group", list(STAFF_GROUPS))
def test_no_group_manages_users_groups_or_failed_email(tree, member, group):
    client = member(group)
    for url in ("/admin/users/", "/admin/groups/", "/admin/emails/", "/admin/sites/"):
        assert not _allowed(client, url), url


def test_snippets_and_settings_belong_to_comms_editors(tree, member):
    comms, officer = member("Comms editors"), member("Consultation officers")
    for url in ("/admin/snippets/core/alertbanner/", "/admin/snippets/navigation/mainmenu/"):
        assert _allowed(comms, url) and not _allowed(officer, url)


def test_every_granted_permission_exists(db):
    from website.staff.services import staff_group_grants

    for grants in staff_group_grants().values():
        for grant in grants:
            for label in (*grant.permissions, *grant.collection_permissions):
                app_label, codename = label.split(".")
                assert Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).exists(), label
            for page_type in grant.page_types:
                assert page_type == "wagtailcore.Page" or apps.get_model(page_type)


def test_sync_removes_permissions_added_by_hand(tree):
    group = Group.objects.get(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    staff_groups_sync()
    assert not group.permissions.filter(codename="delete_user").exists()


def test_sync_gives_new_section_pages_to_their_group(tree, home):
    staff_groups_sync()
    second = ConsultationIndexPageBuilder(parent=home, slug="more-consultations")
    staff_groups_sync()
    assert GroupPagePermission.objects.filter(
        group__name="Consultation officers", page=second
    ).exists()
