"""Volunteering as residents do it: find by postcode and sign up on a 320px phone without
JavaScript, then cancel from the emailed link. axe checks every page state on the way."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Organisation, Place, Signup
from volunteering.signups import signup_cancel
from website.core.geography import POSTCODES_CSV
from website.core.models import Postcode
from website.core.postcode_loading import postcodes_replace
from website.emails.models import OutgoingEmail

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def beach_clean(section_pages, settings):
    """A beach clean near Plymouth Hoe with one session that has a place left, and a second
    (further away) opportunity on the board."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0  # a test types faster than a person
    if not Postcode.objects.exists():  # an earlier transactional test emptied the table
        with POSTCODES_CSV.open(encoding="utf-8") as lines:
            postcodes_replace(model=Postcode, lines=lines)
    board = section_pages["volunteering"]
    organisation = Organisation.objects.create(
        name="National Marine Park", contact_email="park@example.org"
    )
    opportunity = OpportunityPageBuilder(
        parent=board,
        title="Beach clean at the Hoe",
        slug="beach-clean",
        organisation=organisation,
        address="Hoe Road",
        postcode="PL1 3DE",
    )
    OpportunityPageBuilder(
        parent=board, title="Library helper", organisation=organisation, postcode="PL6 5UB"
    )
    session = OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=timezone.now() + timedelta(days=5), places=2
    )
    SignupBuilder(opportunity=opportunity, session=session, place=Place.BOOKED)
    return opportunity


def _no_violations(page, javascript: bool, state: str) -> None:
    if javascript:  # axe is itself JavaScript: it runs where the site's scripts are blocked
        assert axe_violations(page) == [], state


@pytest.mark.parametrize(
    "javascript", [False, True], ids=["javascript-off", "site-scripts-blocked-with-axe"]
)
def test_find_by_postcode_and_sign_up_on_a_phone(beach_clean, open_page, javascript):
    page = open_page("/volunteering/", width="phone", javascript=javascript, site_scripts=False)
    _no_violations(page, javascript, "board")
    page.get_by_label("Postcode").fill("pl1 2aa")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"postcode=pl1"))
    _no_violations(page, javascript, "board filtered")
    page.get_by_role("link", name="Beach clean at the Hoe").click()
    page.wait_for_url("**/beach-clean/")
    _no_violations(page, javascript, "opportunity")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/beach-clean/sign-up/")
    _no_violations(page, javascript, "form")

    page.get_by_label("Your name").fill("Alice Example")
    page.get_by_label("Email address").fill("alice@@example.org")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_selector(".govuk-error-summary")
    summary = page.inner_text(".govuk-error-summary")
    assert "Select a session" in summary and "correct format" in summary
    assert page.get_by_label("Your name").input_value() == "Alice Example"
    _no_violations(page, javascript, "form with errors")

    page.get_by_label(re.compile("1 place left")).check()
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Your postcode").fill("pl1 2aa")
    page.get_by_label(re.compile("I agree to National Marine Park contacting me")).check()
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/beach-clean/sign-up/sent/")
    assert "You have a place" in page.inner_text("h1")
    assert "km from your postcode" in page.inner_text("main")
    _no_violations(page, javascript, "confirmation")
    signup = Signup.objects.get(email="alice@example.org")
    assert (signup.place, signup.postcode) == (Place.BOOKED, "PL1 2AA")


def _emailed_path(address: str) -> str:
    email = OutgoingEmail.objects.filter(to=[address]).order_by("-pk").first()
    return re.search(r"https?://[^/\s]+(/\S*/my-sign-up/[^/\s]+/)", email.body_text).group(1)


def test_cancel_from_the_emailed_link(beach_clean, open_page):
    session = beach_clean.sessions.get()
    page = open_page(beach_clean.url + "sign-up/", width="phone", site_scripts=False)
    page.get_by_label(re.compile("1 place left")).check()
    page.get_by_label("Your name").fill("Bob Example")
    page.get_by_label("Email address").fill("bob@example.org")
    page.get_by_label(re.compile("I agree to")).check()
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/sign-up/sent/")
    waiting = SignupBuilder(
        opportunity=beach_clean, session=session, place=Place.WAITING, email="next@example.org"
    )

    page = open_page(_emailed_path("bob@example.org"), width="phone", site_scripts=False)
    assert "You have a place." in page.inner_text("main")
    assert axe_violations(page) == [], "private page"
    page.get_by_role("button", name="Cancel your sign-up").click()
    page.wait_for_selector("text=Are you sure you want to cancel?")
    assert axe_violations(page) == [], "are you sure"
    page.get_by_role("button", name="Yes, cancel my sign-up").click()
    page.wait_for_selector("text=Your sign-up is cancelled.")
    assert "You cancelled this sign-up" in page.inner_text("main")
    assert page.get_by_role("button", name="Cancel your sign-up").count() == 0
    assert axe_violations(page) == [], "cancelled"

    waiting.refresh_from_db()
    assert waiting.place == Place.OFFERED  # the freed place went to the waiting list
    assert OutgoingEmail.objects.filter(to=["next@example.org"]).exists()


def test_the_offer_change_and_wrong_link_pages_have_no_axe_violations(beach_clean, open_page):
    session = beach_clean.sessions.get()
    taken = SignupBuilder(opportunity=beach_clean, session=session, place=Place.BOOKED)
    SignupBuilder(
        opportunity=beach_clean, session=session, place=Place.WAITING, email="next@example.org"
    )
    signup_cancel(signup=taken, by="coordinator")  # offered to the next, with a new link
    link = _emailed_path("next@example.org")

    page = open_page(link, width="phone", site_scripts=False)
    assert "A place has come up" in page.inner_text("main")
    assert axe_violations(page) == [], "offer"
    page.get_by_role("button", name="Change your sign-up").click()
    page.wait_for_selector("text=Save changes")
    assert axe_violations(page) == [], "change"
    page.evaluate(
        "document.querySelectorAll('input[name=session]').forEach(r => r.checked = false)"
    )
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_selector(".govuk-error-summary")
    assert "Select a session" in page.inner_text(".govuk-error-summary")
    assert axe_violations(page) == [], "change with errors"

    page = open_page(beach_clean.url + "my-sign-up/not-a-real-link/", width="phone")
    assert "This link has expired or is not right" in page.inner_text("h1")
    assert axe_violations(page) == [], "wrong link"
