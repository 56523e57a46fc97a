from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    """The site's "Contact us / give feedback on this website" form."""

    name = "website.contact"
    label = "contact"
    verbose_name = _("Contact and feedback")
