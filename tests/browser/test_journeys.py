"""Journeys a resident takes: by keyboard, without JavaScript, in another language."""

from .conftest import axe_violations


def test_skip_link_is_first_and_moves_focus_to_main(demo_site, open_page):
    page = open_page("/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_search_by_keyboard_alone(demo_site, open_page):
    page = open_page("/search/", width="phone")
    page.focus("#id_q")
    page.keyboard.type("accessibility")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=accessibility")
    assert "1 result for" in page.inner_text("main") or "results for" in page.inner_text("main")
    assert page.locator("main a", has_text="Accessibility statement").count() == 1


def test_accordion_content_is_readable_without_javascript(demo_site, open_page):
    page = open_page("/about/", javascript=False)
    assert page.get_by_text("Community Builders work in Barne Barton").is_visible()


def test_accordion_opens_with_javascript(demo_site, open_page):
    page = open_page("/about/")
    content = page.get_by_text("Community Builders work in Barne Barton")
    page.wait_for_selector(".govuk-frontend-supported")
    assert not content.is_visible()
    page.get_by_role("button", name="Community Building").click()
    assert content.is_visible()
    assert axe_violations(page) == []


def test_menu_works_at_320px_with_and_without_javascript(demo_site, open_page):
    without = open_page("/", width="phone", javascript=False)
    assert without.locator(".govuk-service-navigation__link", has_text="Volunteering").is_visible()
    with_js = open_page("/", width="phone")
    with_js.wait_for_selector(".govuk-frontend-supported")
    toggle = with_js.locator(".govuk-service-navigation__toggle")
    toggle.click()
    with_js.locator(".govuk-service-navigation__link", has_text="Volunteering").click()
    with_js.wait_for_url("**/volunteering/")


def test_switching_language_keeps_the_page(demo_site, open_page):
    page = open_page("/consultations/")
    page.locator('a[hreflang="pl"]').first.click()
    page.wait_for_url("**/pl/consultations/")
    assert page.locator("h1").inner_text() == "Konsultacje"
    assert page.evaluate("document.documentElement.lang") == "pl"
    page.locator('a[hreflang="ar"]').first.click()
    page.wait_for_url("**/ar/consultations/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # Mirrored layout: the heading starts at the right-hand edge of its column.
    box = page.locator("h1").bounding_box()
    column = page.locator(".govuk-grid-column-two-thirds").first.bounding_box()
    assert abs((box["x"] + box["width"]) - (column["x"] + column["width"])) < 20


def test_find_a_consultation_by_filter_without_javascript(demo_site, open_page):
    page = open_page("/consultations/", width="phone", javascript=False)
    page.get_by_label("Open", exact=False).first.check()
    page.get_by_label("Keyword").fill("Pride")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/consultations/?*status=open*")
    assert "1 consultation" in page.inner_text("#results-count")
    page.get_by_role("link", name="Pride in Place: a ten-year plan for your neighbourhood").click()
    assert "This consultation is open" in page.inner_text("main")


def test_comment_and_reply_without_javascript_then_axe(demo_site, open_page, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    path = "/consultations/city-centre-living/"
    page = open_page(path, width="phone", javascript=False)
    page.get_by_role("button", name="Post comment").click()  # empty: errors
    assert "Enter a name to show" in page.inner_text(".govuk-error-summary")
    page.get_by_label("Name to show").fill("Sam")
    page.get_by_label("Your comment").fill("More homes above shops, please.")
    page.get_by_role("button", name="Post comment").click()
    assert "Your comment is published." in page.inner_text("main")
    assert "More homes above shops, please." in page.inner_text("#comments + p + ol")
    checked = open_page(path, width="phone", site_scripts=False)
    assert axe_violations(checked) == []


def test_read_you_said_we_did_from_the_home_page(demo_site, open_page):
    page = open_page("/", width="phone", javascript=False)
    results = page.locator("section[aria-labelledby='results-heading']")
    results.get_by_role("link", name="Plan for Nature").click()
    page.wait_for_url("**/plan-for-nature/")
    section = page.inner_text("section[aria-labelledby='results-heading']")
    assert "120 responses in all." in section and "What we are doing" in section
    assert "Which should come first?" in section
