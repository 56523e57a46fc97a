"""The shared StreamField blocks: every block renders, validates, and is described for editors."""

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from website.core.blocks import (
    AccordionBlock,
    CallToActionBlock,
    ContactDetailsBlock,
    DocumentListBlock,
    HeadingBlock,
    ImageBlock,
    InsetTextBlock,
    RichTextBlock,
    StandardStreamBlock,
    TableBlock,
    VideoEmbedBlock,
    WarningTextBlock,
)


def test_every_block_has_icon_template_and_description():
    for name, block in StandardStreamBlock().child_blocks.items():
        assert block.meta.icon not in (None, "placeholder"), name
        assert block.meta.template.startswith("components/streamfield/"), name
        assert block.meta.description, name


@pytest.mark.parametrize(
    "block_class",
    [
        RichTextBlock,
        HeadingBlock,
        InsetTextBlock,
        WarningTextBlock,
        CallToActionBlock,
        ContactDetailsBlock,
        AccordionBlock,
        VideoEmbedBlock,
    ],
)
def test_preview_value_renders(block_class, db):
    block = block_class()
    value = block.to_python(block.get_prep_value(block.normalize(block.meta.preview_value)))
    assert block.render(value).strip()


def test_table_preview_value_renders():
    block = TableBlock()
    assert "<caption" in block.render(block.meta.preview_value)


def test_heading_renders_level_and_anchor():
    html = HeadingBlock().render({"text": "How to take part", "level": "h3"})
    assert '<h3 class="govuk-heading-m" id="how-to-take-part">How to take part</h3>' in html


def test_warning_text_has_visually_hidden_label():
    html = WarningTextBlock().render({"text": "Closes Friday"})
    assert 'govuk-visually-hidden">Warning</span> Closes Friday' in html


def test_resident_style_markup_in_plain_text_blocks_is_escaped():
    html = WarningTextBlock().render({"text": "<script>alert(1)</script>"})
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.django_db
def test_image_block_requires_alt_text_unless_decorative():
    image = Image.objects.create(title="Hoe", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    html = block.render(
        block.to_python(
            {"image": image.pk, "alt_text": "Plymouth Hoe at dusk", "caption": "The Hoe"}
        )
    )
    assert 'alt="Plymouth Hoe at dusk"' in html and "<figcaption" in html
    decorative = block.render(block.to_python({"image": image.pk, "decorative": True}))
    assert 'alt=""' in decorative


def test_call_to_action_needs_exactly_one_destination():
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"heading": "Go", "button_text": "Go"}))
    block.clean(
        block.to_python({"heading": "Go", "button_text": "Go", "url": "https://example.org"})
    )


@pytest.mark.django_db
def test_document_list_shows_type_and_size():
    document = Document.objects.create(title="Plan for Nature summary")
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4 example"))
    block = DocumentListBlock()
    html = block.render(block.to_python({"heading": "Documents", "documents": [document.pk]}))
    assert "Plan for Nature summary" in html and "(PDF, 16" in html
    assert f"/documents/{document.pk}/" in html  # served through Wagtail's view, not /media/


def test_accordion_sections_are_readable_without_javascript():
    block = AccordionBlock()
    value = block.to_python(
        {"sections": [{"heading": "Online", "summary": "", "content": "<p>Use the form.</p>"}]}
    )
    html = block.render(value)
    assert "govuk-accordion__section-content" in html and "<p>Use the form.</p>" in html


def test_table_has_caption_and_scoped_headers():
    block = TableBlock()
    html = block.render(
        {
            "table_caption": "Ways to respond",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "data": [["Way", "How"], ["Phone", "01632 960000"]],
        }
    )
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html


@pytest.mark.django_db
def test_video_has_a_link_that_always_works():
    block = VideoEmbedBlock()
    value = block.to_python(
        {"url": "https://www.youtube.com/watch?v=x", "title": "Plan for Nature"}
    )
    html = block.render(value)
    assert 'href="https://www.youtube.com/watch?v=x"' in html and "Plan for Nature" in html
    assert '<iframe title="Example video"' in html


def test_contact_details_link_phone_and_email():
    html = ContactDetailsBlock().render(
        {
            "name": "Team",
            "phone": "01632 960000",
            "email": "team@example.org",
            "address": "",
            "opening_times": "",
        }
    )
    assert 'href="tel:01632960000"' in html and 'href="mailto:team@example.org"' in html


def test_rich_text_block_limits_formatting():
    assert set(RichTextBlock().features) == {"bold", "italic", "link", "document-link", "ol", "ul"}
    assert "<b>x</b>" in RichTextBlock().render(RichText("<p><b>x</b></p>"))


def test_stream_block_offers_each_shared_block_once():
    names = [type(b).__name__ for b in StandardStreamBlock().child_blocks.values()]
    assert len(names) == len(set(names)) == 11
