"""Media blocks: images with alt text, documents, embedded video."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image with the alt text it needs in this place and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("This image is decorative"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text; it then has empty alt text."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Add alternative text, or tick that the image is decorative.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        template = "components/streamfield/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class DocumentListBlock(blocks.StructBlock):
    """A titled list of downloadable documents, with their type and size."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_list_block.html"
        label = _("Document list")
        description = _("Documents residents can download, such as a consultation document.")


class VideoEmbedBlock(blocks.StructBlock):
    """An embedded video with a title for screen readers and a plain link as a fallback."""

    url = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(
        label=_("Video title"),
        max_length=200,
        help_text=_("Says what the video is, for screen readers and if it cannot load."),
    )
    transcript = blocks.URLBlock(label=_("Transcript link"), required=False)

    class Meta:
        icon = "media"
        template = "components/streamfield/video_embed_block.html"
        label = _("Video")
        description = _("A video from YouTube or Vimeo, with a link residents can always use.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=example",
            "title": "Plan for Nature: what we heard",
        }
