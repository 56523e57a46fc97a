"""Blocks that send residents somewhere: calls to action and contact details."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CallToActionBlock(blocks.StructBlock):
    """A short panel that leads to one action, such as 'Respond to the consultation'."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or give an address, not both."))
                }
            )
        return value

    class Meta:
        icon = "pick"
        template = "components/streamfield/call_to_action_block.html"
        label = _("Call to action")
        description = _("A panel with a button that leads residents to one next step.")
        preview_value = {
            "heading": "Have your say",
            "text": "Tell us what matters to you in your neighbourhood.",
            "button_text": "Find a consultation",
            "url": "https://example.org/",
        }


class ContactDetailsBlock(blocks.StructBlock):
    """How to reach a team: phone, email, address and when they answer."""

    name = blocks.CharBlock(label=_("Team or person"), max_length=120)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=400)
    opening_times = blocks.CharBlock(label=_("When we answer"), required=False, max_length=200)

    class Meta:
        icon = "mail"
        template = "components/streamfield/contact_details_block.html"
        label = _("Contact details")
        description = _("A team's phone number, email address, postal address and opening times.")
        preview_value = {
            "name": "Community Engagement team",
            "phone": "01632 960000",
            "email": "engagement@example.org",
            "opening_times": "Monday to Friday, 9am to 5pm",
        }
