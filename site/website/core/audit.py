"""Wagtail's audit log for residents' personal data: who viewed, exported, hid or deleted what."""

from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

# Action name -> (label, message) for Wagtail's log registry (see wagtail_hooks).
AUDIT_ACTIONS = {
    "website.personal_data.view": (_("View personal data"), _("Viewed personal data")),
    "website.personal_data.export": (_("Export personal data"), _("Exported personal data")),
    "website.personal_data.hide": (_("Hide personal data"), _("Hid personal data")),
    "website.personal_data.email": (_("Email residents"), _("Emailed residents")),
    "website.review.release": (_("Release held submission"), _("Released from review")),
    "website.review.spam": (_("Mark as spam"), _("Marked as spam")),
    "website.review.block": (_("Block a sender"), _("Blocked the sender")),
    "website.submission.status": (_("Change a submission's status"), _("Changed the status")),
    "website.submission.update": (_("Update a submission"), _("Updated the submission")),
}


def audit_title(instance: Model) -> str:
    """What the log calls `instance`: for a resident's submission its type and number, never
    its `__str__`, which may hold a name that must not outlive the submission in the log."""
    if getattr(instance, "PERSONAL_DATA_FIELDS", ()):
        return f"{capfirst(instance._meta.verbose_name)} {instance.pk}"
    return ""  # Wagtail's default: str(instance)


def audit_log(*, instance: Model, action: str, user, data: dict | None = None) -> None:
    """Records `action` on `instance` by `user` (now) in Wagtail's audit log."""
    if action not in AUDIT_ACTIONS and not action.startswith("wagtail."):
        raise ValueError(f"Unregistered audit action {action!r}")
    log(instance=instance, action=action, user=user, data=data or {}, title=audit_title(instance))
