"""Contact messages in the admin, for moderators."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from website.core.submission_admin import SubmissionViewSet, held_reasons_column
from website.staff.groups import MODERATORS, GroupGrant

from .models import ContactMessage
from .services import contact_message_review


class ContactMessageViewSet(SubmissionViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Contact messages")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["__str__", "topic", "created_at", "review_status", held_reasons_column()]
    list_filter = ["review_status", "topic"]
    inspect_view_fields = [
        "topic",
        "message",
        "page_address",
        "name",
        "email",
        "created_at",
        "review_status",
        "held_reasons",
        "emailed_at",
        "reviewed_by",
        "reviewed_at",
    ]

    @staticmethod
    def review_service(contact_message, user, release):
        contact_message_review(contact_message=contact_message, user=user, release=release)


@hooks.register("register_admin_viewset")
def register_contact_message_viewset():
    return ContactMessageViewSet("contact_messages")


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Moderators read messages, release or mark held ones as spam, and delete them."""
    return [
        GroupGrant(
            group=MODERATORS,
            permissions=(
                "contact.view_contactmessage",
                "contact.change_contactmessage",
                "contact.delete_contactmessage",
            ),
        )
    ]
