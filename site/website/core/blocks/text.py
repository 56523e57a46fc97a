"""Text blocks: rich text, headings, inset and warning text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# The formatting editors may use in body text: enough for council content, nothing decorative.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class RichTextBlock(blocks.RichTextBlock):
    """Paragraphs, lists and links, rendered with GOV.UK body styles."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/rich_text_block.html"
        label = _("Text")
        description = _("Paragraphs, bulleted or numbered lists and links.")
        preview_value = (
            "<p>The Community Engagement Hub is where you can find out about consultations, "
            "<b>have your say</b> and see what changed as a result.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2 or 3, with an anchor for in-page links."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        label = _("Heading")
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "How to take part", "level": "h2"}


class InsetTextBlock(blocks.StructBlock):
    """Text set apart from the body: a quotation, an example, or extra information."""

    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "openquote"
        template = "components/streamfield/inset_text_block.html"
        label = _("Inset text")
        description = _("Differentiates a block of text, such as an important date or example.")
        preview_value = {"text": "<p>The consultation closes at midnight on 31 March.</p>"}


class WarningTextBlock(blocks.StructBlock):
    """Something residents must know to avoid a problem, with a warning icon."""

    text = blocks.CharBlock(label=_("Warning"), max_length=300)

    class Meta:
        icon = "warning"
        template = "components/streamfield/warning_text_block.html"
        label = _("Warning text")
        description = _("A short warning residents must not miss, such as a deadline.")
        preview_value = {"text": "Responses received after the closing date cannot be counted."}
