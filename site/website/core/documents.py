"""Staff document uploads: the allow-listed types only, and no bigger than the size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with a file size limit (Wagtail checks the extension)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if file and getattr(file, "size", 0) > limit:
            raise ValidationError(
                _("The file must be smaller than %(limit)s."),
                params={"limit": filesizeformat(limit)},
                code="file_too_large",
            )
        return file
