"""Real Chromium (Debian's) driven by Playwright against the live test server.

Every request that is not to the test server is blocked, so a page can never depend on (or
leak to) an outside service.
"""

import os
import shutil

import pytest
from django.core.management import call_command

# Playwright's sync API keeps an event loop running in this thread; the ORM calls the fixtures
# make are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
WIDTHS = {"desktop": (1280, 900), "phone": (320, 640)}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: CI must install it (apt-get install chromium).")
        pytest.skip("Chromium is not installed; run `make browser`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db):
    """The full example site, as `make run` builds it."""
    call_command("load_demo_content")


def _block_outside(live_server_url, site_scripts):
    def handle(route):
        url = route.request.url
        if not url.startswith(live_server_url) or (
            not site_scripts and route.request.resource_type == "script"
        ):
            route.abort()
        else:
            route.continue_()

    return handle


@pytest.fixture
def open_page(browser, live_server):
    """Open a path at a width; returns the Playwright page.

    `javascript=False` turns the browser's JavaScript off. `site_scripts=False` keeps it on but
    blocks the site's own scripts: the page as a resident without JavaScript gets it, which axe
    (itself JavaScript) can still check. `enforce_csp=True` keeps the site's Content Security
    Policy in force (axe cannot run then).
    """
    contexts = []

    def _open(path, width="desktop", javascript=True, site_scripts=True, enforce_csp=False):
        w, h = WIDTHS[width]
        # axe is injected script, so the site's Content Security Policy is bypassed unless a
        # test asks for it (to prove the site itself runs under it).
        context = browser.new_context(
            viewport={"width": w, "height": h},
            java_script_enabled=javascript,
            bypass_csp=not enforce_csp,
        )
        context.route("**/*", _block_outside(live_server.url, site_scripts))
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + path)
        return page

    yield _open
    for context in contexts:
        context.close()


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]
