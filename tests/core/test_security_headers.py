"""Security headers on every response, and a nonce-based Content Security Policy on public pages."""

import re

import pytest

from website.contact.models import ContactMessage


@pytest.fixture
def pages(site, standard_page):
    return ["/", "/about/", "/search/?q=about", "/feedback/", "/no-such-page/"]


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def test_public_pages_send_a_strict_content_security_policy(client, pages):
    for path in pages:
        response = client.get(path)
        policy = _policy(response)
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in policy[directive]
            assert "'unsafe-eval'" not in policy[directive]
            assert any(source.startswith("'nonce-") for source in policy[directive])


def test_public_pages_have_no_inline_script_or_style(client, pages):
    for path in pages:
        html = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"<style\b", html), path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+=", html), path


def test_security_headers_on_every_response(client, pages):
    for path in pages:
        response = client.get(path)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_is_left_to_wagtail_and_behind_sign_in(client, db):
    response = client.get("/admin/account/login/")
    assert "Content-Security-Policy" not in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_recaptcha_sources_are_allowed_only_when_keys_are_set(client, pages):
    policy = _policy(client.get("/feedback/"))
    assert not any("google" in source for source in policy["script-src"])


def test_host_header_for_another_site_is_refused(client, site):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_post_to_a_get_only_page_is_refused(client, site, standard_page):
    assert client.post("/search/", {"q": "x"}).status_code == 405
    assert not ContactMessage.objects.exists()
