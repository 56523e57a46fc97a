from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmailsConfig(AppConfig):
    """Outgoing email: one service renders, queues and retries every message the site sends."""

    name = "website.emails"
    label = "emails"
    verbose_name = _("Outgoing email")
