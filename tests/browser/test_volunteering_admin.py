"""A coordinator signs in with two-factor, opens their sign-ups, marks one as placed with a
note and sees it confirmed; the volunteering admin pages checked by axe on the way."""

import binascii

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from volunteering.builders import (
    OpportunityPageBuilder,
    OpportunitySessionBuilder,
    OrganisationBuilder,
    SignupBuilder,
)
from volunteering.models import Place, SignupNote, SignupStatus
from website.staff.groups import VOLUNTEER_COORDINATORS
from website.staff.services import staff_groups_sync

from .conftest import _block_outside, axe_violations

PASSWORD = "a long coordinator password 2026"
KEY = "3132333435363738393031323334353637383930"  # hex, as django-otp stores it


@pytest.fixture
def world(transactional_db, section_pages, django_user_model):
    """A coordinator (with an authenticator app) of one organisation with two sign-ups, and
    another organisation's sign-up."""
    staff_groups_sync()
    mine = OrganisationBuilder(name="Good Neighbours Scheme")
    theirs = OrganisationBuilder(name="Age Positive")
    coordinator = django_user_model.objects.create_user(
        "coordinator", "coordinator@example.org", PASSWORD, first_name="Cara"
    )
    coordinator.groups.add(Group.objects.get(name=VOLUNTEER_COORDINATORS))
    mine.coordinators.add(coordinator)
    TOTPDevice.objects.create(user=coordinator, name="default", key=KEY, confirmed=True)
    board = section_pages["volunteering"]
    opportunity = OpportunityPageBuilder(parent=board, title="Befriending", organisation=mine)
    session = OpportunitySessionBuilder(opportunity=opportunity, places=5)
    other = OpportunityPageBuilder(parent=board, title="Tea and chat", organisation=theirs)
    return {
        "signup": SignupBuilder(
            opportunity=opportunity, session=session, place=Place.BOOKED, name="Ann Example"
        ),
        "second": SignupBuilder(opportunity=opportunity, name="Ben Example"),
        "theirs": SignupBuilder(opportunity=other, name="Olga Other"),
        "session": session,
    }


@pytest.fixture
def new_page(browser, live_server):
    """Opens pages at a width in a fresh context (requests outside the test server blocked),
    closed after the test so no connection to the live server outlives it."""
    contexts = []

    def _new_page(width: int, height: int):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.route("**/*", _block_outside(live_server.url, site_scripts=True))
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


def _sign_in(page, base_url):
    page.goto(base_url + "/admin/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Token").fill(f"{totp(binascii.unhexlify(KEY)):06d}")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(base_url + "/admin/")


def _settled(page):
    """Waits for Wagtail's message to finish fading in: axe would measure it half-drawn."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return page


def test_a_coordinator_marks_a_sign_up_as_placed(world, new_page, live_server):
    page = new_page(1280, 900)
    _sign_in(page, live_server.url)

    page.goto(live_server.url + "/admin/volunteer_signups/")
    listing = page.inner_text("main")
    assert "Befriending" in listing and "Tea and chat" not in listing
    assert "Ann Example" not in listing  # the list carries no names
    assert axe_violations(page) == []

    page.get_by_role("link", name=f"Sign-up {world['signup'].pk}", exact=True).click()
    page.wait_for_url(f"**/inspect/{world['signup'].pk}/")
    assert "Ann Example" in page.inner_text("main")
    assert axe_violations(page) == []

    page.get_by_label("Status").select_option("placed")
    page.get_by_label("Note").fill("Called Ann: starts on Saturday.")
    page.get_by_role("button", name="Save status").click()
    page.wait_for_url(f"**/inspect/{world['signup'].pk}/")
    assert "Status changed to Placed." in page.inner_text("body")
    assert "Called Ann: starts on Saturday." in page.inner_text("main table")
    assert axe_violations(_settled(page)) == []

    signup = world["signup"]
    signup.refresh_from_db()
    assert signup.status == SignupStatus.PLACED and signup.place == Place.BOOKED
    assert SignupNote.objects.get(signup=signup).note == "Called Ann: starts on Saturday."


def test_our_other_admin_pages_have_no_axe_violations(world, new_page, live_server):
    page = new_page(320, 640)
    _sign_in(page, live_server.url)
    session, signup = world["session"], world["signup"]
    for path in (
        "/admin/volunteer_signups/hours-volunteered/",
        f"/admin/volunteer_signups/session/{session.pk}/email/",
        f"/admin/volunteer_signups/?session={session.pk}",
        "/admin/snippets/volunteering/organisation/",
    ):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
    page.goto(live_server.url + f"/admin/volunteer_signups/inspect/{signup.pk}/")
    page.get_by_role("button", name="Save status").click()  # no change and no note
    page.wait_for_selector("text=Choose a new status or write a note.")
    assert axe_violations(_settled(page)) == [], "status error"
    page.goto(live_server.url + f"/admin/volunteer_signups/inspect/{world['theirs'].pk}/")
    assert "Olga Other" not in page.content()
