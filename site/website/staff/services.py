"""Writes for staff accounts: keeping the staff groups exactly as the apps declare them."""

import logging
from collections import defaultdict

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .groups import ALL_PAGES, STAFF_GROUPS, GroupGrant

logger = logging.getLogger(__name__)


def staff_group_grants() -> dict[str, list[GroupGrant]]:
    """Every app's grants (hook `register_staff_group_grants`), by group name."""
    grants = defaultdict(list)
    for hook in hooks.get_hooks("register_staff_group_grants"):
        for grant in hook():
            grants[grant.group].append(grant)
    return grants


@transaction.atomic
def staff_groups_sync() -> None:
    """Creates the staff groups and sets their permissions to exactly what the apps grant.

    Anything else a group was given by hand is removed, so a group never holds more than the
    README says. Run after migrations (automatically) and after adding a section index page
    (`manage.py staff_groups_sync`).
    """
    grants = staff_group_grants()
    # Wagtail's migrations create an "Editors" group that may edit every page: unused, it
    # would be a way round least privilege, so it goes while nobody is in it.
    Group.objects.filter(name="Editors", user__isnull=True).delete()
    for name in STAFF_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group_grants = grants.get(name, [])
        group.permissions.set(_permissions(p for g in group_grants for p in g.permissions))
        _page_permissions_set(group, group_grants)
        _collection_permissions_set(group, group_grants)


def _permissions(labels) -> list[Permission]:
    """The permissions named "app_label.codename"; a missing one is logged and left out.

    Only an emptied database (a test's flush) lacks permissions that migrations create;
    tests/staff prove every granted label exists after `migrate`.
    """
    wanted = {tuple(label.split(".", 1)) for label in labels}
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.filter(
            codename__in={codename for _app, codename in wanted}
        ).select_related("content_type")
    }
    for missing in wanted - found.keys():
        logger.warning("Staff group grant names an unknown permission %s.%s", *missing)
    return [found[key] for key in wanted if key in found]


def _pages_of_type(label: str):
    if label == ALL_PAGES:
        return [Page.get_first_root_node()]
    return apps.get_model(label).objects.all()


def _page_permissions_set(group: Group, grants: list[GroupGrant]) -> None:
    wanted = set()
    for grant in grants:
        permissions = _permissions(f"wagtailcore.{name}_page" for name in grant.page_permissions)
        for page_type in grant.page_types:
            for page in _pages_of_type(page_type):
                wanted.update((page.pk, permission.pk) for permission in permissions)
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[gp.pk for gp in existing if (gp.page_id, gp.permission_id) in wanted]
    ).delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def _collection_permissions_set(group: Group, grants: list[GroupGrant]) -> None:
    root = Collection.get_first_root_node()
    if root is None:  # an emptied test database: nothing to grant on
        return
    wanted = _permissions(p for g in grants for p in g.collection_permissions)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
