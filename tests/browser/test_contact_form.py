"""The contact form, as residents use it: without JavaScript, by keyboard, with errors, under CSP."""

import pytest

from website.contact.models import ContactMessage
from website.core.models import ReviewStatus

from .conftest import axe_violations


@pytest.fixture
def form_settings(settings):
    # A test types faster than a person; the 3-second rule has its own tests.
    settings.PUBLIC_FORM_MIN_SECONDS = 0


def _fill(page):
    page.get_by_label("Feedback about this website").check()
    page.get_by_label("Your message").fill("The bus times page is hard to read on my phone.")
    page.get_by_label("Your email address").fill("alice+tag@example.org")


def test_sending_a_message_without_javascript(demo_site, form_settings, open_page):
    page = open_page("/feedback/", width="phone", javascript=False)
    _fill(page)
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/feedback/sent/")
    assert "Message sent" in page.inner_text("h1")
    message = ContactMessage.objects.get()
    assert message.review_status == ReviewStatus.ACCEPTED
    assert message.email == "alice+tag@example.org"


def test_errors_are_summarised_focused_and_keep_what_was_typed(demo_site, form_settings, open_page):
    page = open_page("/feedback/")
    page.get_by_label("Your email address").fill("alice@@example.org")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_selector(".govuk-error-summary")
    page.wait_for_function("document.activeElement.closest('.govuk-error-summary') !== null")
    summary = page.inner_text(".govuk-error-summary")
    assert "Select what your message is about" in summary and "Enter your message" in summary
    assert page.get_by_label("Your email address").input_value() == "alice@@example.org"
    assert page.title().startswith("Error:")
    # The summary's first link takes keyboard focus to the first radio.
    page.locator(".govuk-error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_topic_0"
    assert axe_violations(page) == []
    assert not ContactMessage.objects.exists()


def test_error_state_without_scripts_has_no_axe_violations(demo_site, form_settings, open_page):
    page = open_page("/feedback/", width="phone", site_scripts=False)
    page.get_by_role("button", name="Send message").click()
    page.wait_for_selector(".govuk-error-summary")
    assert axe_violations(page) == []


def test_honeypot_is_out_of_reach_of_keyboard_and_screen_readers(demo_site, open_page):
    page = open_page("/feedback/")
    assert not page.locator("#id_your_website").is_visible()
    tree = page.accessibility.snapshot() if hasattr(page, "accessibility") else None
    if tree is not None:
        assert "Leave this field empty" not in str(tree)
    focused = set()
    for _press in range(25):
        page.keyboard.press("Tab")
        focused.add(page.evaluate("document.activeElement.id"))
    assert "id_your_website" not in focused


def test_site_runs_under_its_content_security_policy(demo_site, form_settings, open_page):
    page = open_page("/feedback/", enforce_csp=True)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.reload()
    page.wait_for_selector(".govuk-frontend-supported")  # our module script ran
    _fill(page)
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/feedback/sent/")
    assert violations == []


def test_with_recaptcha_on_and_google_unreachable_the_message_is_kept_and_held(
    demo_site, form_settings, settings, open_page
):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    page = open_page("/feedback/")  # every request to Google is blocked here
    assert page.locator("input[data-recaptcha-site-key='site-key']").count() == 1
    _fill(page)
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/feedback/sent/", timeout=15000)  # after the script's 5 s fallback
    message = ContactMessage.objects.get()
    assert message.review_status == ReviewStatus.HELD
    assert message.held_reasons == ["captcha_unavailable"]


FAKE_RECAPTCHA = """
window.grecaptcha = {
  ready: (callback) => callback(),
  execute: (key, options) => Promise.resolve(`token-for-${key}-${options.action}`),
};
"""


def test_with_recaptcha_answering_the_token_is_checked_and_a_good_score_accepted(
    demo_site, form_settings, settings, open_page, monkeypatch
):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    checked = []

    class Reply:
        def read(self):
            return b'{"success": true, "score": 0.9, "action": "submit"}'

        def close(self):
            pass

    def google_verifies(params):
        checked.append(params)
        return Reply()

    monkeypatch.setattr("django_recaptcha.client.recaptcha_request", google_verifies)
    page = open_page("/feedback/")
    page.route(
        "https://www.google.com/recaptcha/**",
        lambda route: route.fulfill(body=FAKE_RECAPTCHA, content_type="text/javascript"),
    )
    page.reload()
    _fill(page)
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/feedback/sent/")
    assert b"token-for-site-key-submit" in checked[0]
    assert ContactMessage.objects.get().review_status == ReviewStatus.ACCEPTED
