"""A new staff member sets up two-factor sign-in, prints backup codes, and signs in with a code."""

import base64
import re

from django_otp.oath import totp

PASSWORD = "a long staff password 2026"


def _code(secret: str) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def _sign_in_with_password(page, base_url):
    page.goto(base_url + "/admin/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Next").click()


def test_enrol_then_sign_in_with_an_authenticator_code(
    demo_site, django_user_model, browser, live_server
):
    django_user_model.objects.create_superuser("officer", "o@example.org", PASSWORD)
    page = browser.new_context().new_page()
    _sign_in_with_password(page, live_server.url)
    page.wait_for_url("**/admin/account/two_factor/setup/")
    page.get_by_role("button", name="Next").click()
    secret = re.search(r"TOTP Secret:\s*([A-Z2-7]+)", page.inner_text("main")).group(1)
    assert page.locator("main img[alt='QR Code']").count() == 1
    page.get_by_label("Token").fill(_code(secret))
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/setup/complete/")

    page.goto(live_server.url + "/admin/account/two_factor/backup/tokens/")
    page.get_by_role("button", name="Generate Tokens").click()
    page.locator("main li").first.wait_for()
    assert page.locator("main li").count() == 10

    page.context.clear_cookies()  # signed out
    _sign_in_with_password(page, live_server.url)
    page.get_by_label("Token").fill(_code(secret))
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(live_server.url + "/admin/")
    assert page.locator("#wagtail").count() == 1, page.content()[:3000]
    assert page.locator("main").count() == 1
    page.context.close()  # no connection to the live server may outlive the test
