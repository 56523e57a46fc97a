"""Blocks only consultation pages use: key dates, events and the other ways to respond."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class KeyDateBlock(blocks.StructBlock):
    """One step on the consultation's timeline, e.g. "Cabinet decides"."""

    date = blocks.DateBlock(label=_("Date"))
    label = blocks.CharBlock(label=_("What happens"), max_length=120)
    description = blocks.TextBlock(label=_("More detail"), required=False, max_length=400)

    class Meta:
        icon = "date"
        template = "consultations/blocks/key_date_block.html"
        label = _("Key date")
        description = _("A date on the timeline: opens, drop-in sessions, closes, decision.")
        preview_value = {"date": "2026-03-02", "label": "Cabinet decides", "description": ""}


class ConsultationEventBlock(blocks.StructBlock):
    """A drop-in, meeting or online session where residents can talk to the team."""

    KINDS = [
        ("drop-in", _("Drop-in session")),
        ("meeting", _("Public meeting")),
        ("online", _("Online session")),
        ("workshop", _("Workshop")),
    ]
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    kind = blocks.ChoiceBlock(choices=KINDS, label=_("Kind"), default="drop-in")
    starts_at = blocks.DateTimeBlock(label=_("Starts"))
    ends_at = blocks.DateTimeBlock(label=_("Ends"))
    venue = blocks.CharBlock(label=_("Venue"), max_length=200, help_text=_("Or the online link."))
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=300)
    accessibility = blocks.TextBlock(
        label=_("Accessibility"),
        required=False,
        max_length=400,
        help_text=_("Step-free access, hearing loop, BSL interpreter, parking, buses."),
    )
    booking_url = blocks.URLBlock(label=_("Booking link"), required=False)

    class Meta:
        icon = "group"
        template = "consultations/blocks/consultation_event_block.html"
        label = _("Event")
        description = _("A drop-in, meeting, workshop or online session.")
        preview_value = {
            "title": "Drop-in at the Central Library",
            "kind": "drop-in",
            "starts_at": "2026-02-10T10:00:00",
            "ends_at": "2026-02-10T13:00:00",
            "venue": "Central Library (example)",
            "accessibility": "Step-free access and a hearing loop.",
        }


class RespondByPostBlock(blocks.StructBlock):
    address = blocks.TextBlock(label=_("Address"), max_length=300)
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=200)

    class Meta:
        icon = "mail"
        template = "consultations/blocks/respond_by_post_block.html"
        label = _("By post")
        description = _("Where to send a paper response, and how to get a paper copy.")
        preview_value = {"address": "Freepost EXAMPLE\nPlymouth", "note": "No stamp needed."}


class RespondByPhoneBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Phone number"), max_length=40)
    times = blocks.CharBlock(label=_("When"), required=False, max_length=200)

    class Meta:
        icon = "mobile-alt"
        template = "consultations/blocks/respond_by_phone_block.html"
        label = _("By phone")
        description = _("A number residents can call to give their views.")
        preview_value = {"number": "01632 960000", "times": "Monday to Friday, 9am to 5pm"}


class RespondByEmailBlock(blocks.StructBlock):
    email = blocks.EmailBlock(label=_("Email address"))

    class Meta:
        icon = "mail"
        template = "consultations/blocks/respond_by_email_block.html"
        label = _("By email")
        description = _("An address residents can email their views to.")
        preview_value = {"email": "consultations@example.org"}


class RespondInPersonBlock(blocks.StructBlock):
    place = blocks.CharBlock(label=_("Where"), max_length=200)
    times = blocks.CharBlock(label=_("When"), required=False, max_length=200)

    class Meta:
        icon = "user"
        template = "consultations/blocks/respond_in_person_block.html"
        label = _("In person")
        description = _("Somewhere residents can get help to respond, e.g. a Wellbeing Hub.")
        preview_value = {"place": "Any Wellbeing Hub", "times": "During opening hours"}


class AlternativeFormatBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Label"), max_length=120, help_text=_('E.g. "Easy Read version" or "Polski".')
    )
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full"
        template = "consultations/blocks/alternative_format_block.html"
        label = _("Other format or language")
        description = _("An Easy Read, large print or translated version of the documents.")


class OtherWaysToRespondStreamBlock(blocks.StreamBlock):
    """Every way to take part besides the online form: no one should need the internet."""

    by_post = RespondByPostBlock()
    by_phone = RespondByPhoneBlock()
    by_email = RespondByEmailBlock()
    in_person = RespondInPersonBlock()
    alternative_format = AlternativeFormatBlock()
