"""axe-core finds no WCAG 2.2 AA violations on any page type, at 1280px and 320px, and with
the site's scripts blocked, as a resident without JavaScript sees it."""

import pytest

from website.core.builders import AlertBannerBuilder

from .conftest import axe_violations

PAGES = {
    "home": "/",
    "consultations index": "/consultations/",
    "consultations filtered, none found": "/consultations/?status=open&q=zzzz",
    "consultation open": "/consultations/pride-in-place-neighbourhood-plan/",
    "consultation forthcoming": "/consultations/wellbeing-hub-opening-hours/",
    "consultation closed": "/consultations/food-co-op-members-survey/",
    "consultation with results": "/consultations/plan-for-nature/",
    "you said, we did": "/you-said-we-did/",
    "volunteering index": "/volunteering/",
    "volunteering near a postcode": "/volunteering/?postcode=pl4+6ab&distance=5&sort=distance",
    "volunteering unknown postcode": "/volunteering/?postcode=SW1A+1AA",
    "volunteering none found": "/volunteering/?q=zzzz&only=under-18s",
    "opportunity with sessions": "/volunteering/welcome-visitors-at-the-box/",
    "opportunity full": "/volunteering/beach-clean-at-mount-batten/",
    "opportunity closed": "/volunteering/christmas-lights-switch-on-stewards/",
    "opportunity from home": "/volunteering/good-neighbours-telephone-friend/",
    "volunteer sign-up form": "/volunteering/welcome-visitors-at-the-box/sign-up/",
    "volunteer sign-up, no sessions": "/volunteering/good-neighbours-befriender/sign-up/",
    "volunteer sign-up closed": "/volunteering/christmas-lights-switch-on-stewards/sign-up/",
    "directory index": "/support-near-you/",
    "directory near a postcode, open now": "/support-near-you/?postcode=pl4+6ab&open_now=on",
    "directory unknown postcode": "/support-near-you/?postcode=SW1A+1AA",
    "directory none found": "/support-near-you/?q=zzzz",
    "wellbeing hub": "/support-near-you/mount-gould-hub/",
    "food co-op": "/support-near-you/efford-food-co-op/",
    "community asset map": "/support-near-you/community-assets/?category=skills-and-gifts",
    "community asset (skills)": (
        "/support-near-you/community-assets/fishing-and-knot-tying-skills-in-barne-barton/"
    ),
    "standard page with blocks": "/about/",
    "contact": "/contact/",
    "contact form": "/feedback/",
    "contact form sent": "/feedback/sent/",
    "search results": "/search/?q=plymouth",
    "search with no results": "/search/?q=zzzzqqq",
    "search form": "/search/",
    "not found": "/no-such-page/",
    "polish home": "/pl/",
    "arabic section (rtl)": "/ar/consultations/",
}


@pytest.mark.parametrize(
    ("width", "javascript"), [("desktop", True), ("phone", True), ("phone", False)]
)
def test_no_axe_violations_on_any_page_type(demo_site, open_page, width, javascript):
    AlertBannerBuilder(title="Example alert", message="<p>Phone lines close early today.</p>")
    failures = {}
    for name, path in PAGES.items():
        page = open_page(path, width=width, site_scripts=javascript)
        enhanced = page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
        assert enhanced is javascript, name
        violations = axe_violations(page)
        if violations:
            failures[name] = violations
        # Nothing may scroll sideways on a small phone.
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        if overflow:
            failures.setdefault(name, []).append("page scrolls horizontally")
    assert failures == {}
