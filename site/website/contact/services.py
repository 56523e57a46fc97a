"""Writes for contact messages: store once, tell the council, and release held ones."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.core.models import ReviewStatus, SiteSettings
from website.core.public_forms.screening import Screening, submission_store
from website.core.review import submission_review
from website.emails.services import email_queue

from .models import ContactMessage


def contact_recipients() -> list[str]:
    """Where messages go: the contact email in site settings, else CONTACT_FORM_RECIPIENTS."""
    site_settings = SiteSettings.objects.filter(site__is_default_site=True).first()
    if site_settings and site_settings.contact_email:
        return [site_settings.contact_email]
    return list(settings.CONTACT_FORM_RECIPIENTS)


@transaction.atomic
def contact_message_submit(
    *, topic: str, message: str, page_address: str, name: str, email: str, screening: Screening
) -> ContactMessage:
    """Stores the message once per rendered form and, unless it is held, emails the council."""
    contact_message, created = submission_store(
        model=ContactMessage,
        screening=screening,
        topic=topic,
        message=message,
        page_address=page_address,
        name=name,
        email=email,
    )
    if created and contact_message.review_status == ReviewStatus.ACCEPTED:
        _council_notify(contact_message)
    return contact_message


@transaction.atomic
def contact_message_review(*, contact_message: ContactMessage, user, release: bool) -> None:
    """A moderator's decision; a released message goes to the council as if never held."""
    submission_review(submission=contact_message, user=user, release=release)
    if release and not contact_message.emailed_at:
        _council_notify(contact_message)


def _council_notify(contact_message: ContactMessage) -> None:
    email_queue(
        to=contact_recipients(),
        template="contact_message",
        context={"contact_message": contact_message},
        reply_to=[contact_message.email] if contact_message.email else [],
    )
    contact_message.emailed_at = timezone.now()
    contact_message.save(update_fields=["emailed_at"])
