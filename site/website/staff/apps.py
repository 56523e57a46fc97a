from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff accounts: groups, two-factor sign-in, session limits and login throttling."""

    name = "website.staff"
    label = "staff"
    verbose_name = _("Staff accounts")

    def ready(self):
        post_migrate.connect(_staff_groups_sync_after_migrate, sender=self)


def _staff_groups_sync_after_migrate(app_config, using, plan=None, **kwargs):
    """Keeps the groups current after every `migrate`, once every app's permissions exist.

    `flush` sends post_migrate too (without a plan), after emptying the tables that hold the
    permissions data migrations made, so there is nothing to sync then.
    """
    if plan is None:
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from .services import staff_groups_sync

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    staff_groups_sync()
