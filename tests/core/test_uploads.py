"""Staff uploads: allow-listed document types within a size limit, no SVG, served by Wagtail only."""

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

Document = get_document_model()
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_allowed_document_is_stored(admin_client):
    response = _upload_document(admin_client, "plan.pdf", PDF)
    assert response.status_code == 302
    assert Document.objects.filter(title="plan.pdf").exists()


def test_other_document_types_are_refused(admin_client):
    for name in ("setup.exe", "page.html", "drawing.svg", "script.js", "macro.docm"):
        response = _upload_document(admin_client, name, b"content")
        assert response.status_code == 200, name
        assert not Document.objects.filter(title=name).exists(), name


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = _upload_document(admin_client, "big.pdf", PDF + b" " * 2048)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.filter(title="big.pdf").exists()


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "logo", "file": SimpleUploadedFile("logo.svg", svg, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_documents_are_served_through_wagtail_not_from_media(admin_client, client, site):
    _upload_document(admin_client, "plan.pdf", PDF)
    document = Document.objects.get()
    assert document.url.startswith("/documents/")
    assert client.get(document.url).status_code == 200
    assert client.get(f"/media/{document.file.name}").status_code == 404
