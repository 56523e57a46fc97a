"""The shared StreamField blocks, by family; pages use `StandardStreamBlock`."""

from wagtail import blocks

from .layout import AccordionBlock, TableBlock
from .links import CallToActionBlock, ContactDetailsBlock
from .media import DocumentListBlock, ImageBlock, VideoEmbedBlock
from .text import HeadingBlock, InsetTextBlock, RichTextBlock, WarningTextBlock


class StandardStreamBlock(blocks.StreamBlock):
    """Everything an editor may put in the body of a content page."""

    heading = HeadingBlock()
    rich_text = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    accordion = AccordionBlock()
    document_list = DocumentListBlock()
    table = TableBlock()
    video = VideoEmbedBlock()
    contact_details = ContactDetailsBlock()


__all__ = [
    "AccordionBlock",
    "CallToActionBlock",
    "ContactDetailsBlock",
    "DocumentListBlock",
    "HeadingBlock",
    "ImageBlock",
    "InsetTextBlock",
    "RichTextBlock",
    "StandardStreamBlock",
    "TableBlock",
    "VideoEmbedBlock",
    "WarningTextBlock",
]
