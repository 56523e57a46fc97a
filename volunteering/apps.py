from django.apps import AppConfig
from django.db.models.signals import post_migrate


class VolunteeringConfig(AppConfig):
    name = "volunteering"
    verbose_name = "Volunteering"

    def ready(self):
        post_migrate.connect(_workflow_ensure_after_migrate, sender=self)


def _workflow_ensure_after_migrate(app_config, using, plan=None, **kwargs):
    """Keeps partner opportunities behind the volunteering team's approval after every
    `migrate` (a flush sends post_migrate without a plan: nothing to do then)."""
    if plan is None:
        return
    from .workflow import opportunity_workflow_ensure

    opportunity_workflow_ensure()
