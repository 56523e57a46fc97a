"""Messages residents send through "Contact us / give feedback on this website"."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.models import PublicSubmission


class ContactMessage(PublicSubmission):
    """One message from the contact form, stored as typed and escaped wherever it is shown."""

    PERSONAL_DATA_FIELDS = ("name", "email", "message", "page_address")

    class Topic(models.TextChoices):
        WEBSITE = "website", _("Feedback about this website")
        PROBLEM = "problem", _("Something is wrong with a page")
        QUESTION = "question", _("A question about having your say or volunteering")
        OTHER = "other", _("Something else")

    topic = models.CharField(_("about"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"), max_length=5000)
    page_address = models.CharField(_("page"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    emailed_at = models.DateTimeField(_("sent to the council"), null=True, blank=True)

    class Meta(PublicSubmission.Meta):
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return _("Message %(number)s") % {"number": self.pk}
