"""Blocks that arrange content: accordions and tables."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from .text import RICH_TEXT_FEATURES


class AccordionSectionBlock(blocks.StructBlock):
    """One section of an accordion: a heading and its content."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    summary = blocks.CharBlock(label=_("Summary"), required=False, max_length=200)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Content"))

    class Meta:
        icon = "list-ul"
        label = _("Section")


class AccordionBlock(blocks.StructBlock):
    """Sections residents can open and close; all open and readable without JavaScript."""

    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1, label=_("Sections"))

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/accordion_block.html"
        label = _("Accordion")
        description = _("Sections that open and close, for long pages residents scan.")
        preview_value = {
            "sections": [
                {"heading": "Online", "content": "<p>Fill in the online form.</p>"},
                {"heading": "By post", "content": "<p>Ask us for a paper copy.</p>"},
            ]
        }


class TableBlock(WagtailTableBlock):
    """A data table with a caption and header row for screen readers."""

    class Meta:
        icon = "table"
        template = "components/streamfield/table_block.html"
        label = _("Table")
        description = _("Rows and columns of data, with a caption and a header row.")
        preview_value = {
            "table_caption": "Ways to respond",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "data": [["Way", "How"], ["Online", "This page"], ["Phone", "01632 960000"]],
        }
