"""Sign-ups in the admin: each coordinator sees only their organisations' sign-ups, by any URL;
opening one is audited; status changes keep a history; the volunteering team sees them all."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from tests.conftest import staff_client_for
from volunteering.builders import (
    OpportunityPageBuilder,
    OpportunitySessionBuilder,
    OrganisationBuilder,
    SignupBuilder,
)
from volunteering.models import Place, Signup, SignupNote, SignupStatus
from website.core.models import ReviewStatus
from website.staff.groups import VOLUNTEERING_TEAM
from website.staff.services import staff_groups_sync

from .conftest import coordinator_make

URL = "/admin/volunteer_signups/"
VIEW = "website.personal_data.view"


def member_make(django_user_model, username: str, group: str):
    """A staff user in one staff group."""
    staff_groups_sync()
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="x" * 20
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def listed(html: str) -> set[int]:
    """The sign-up numbers a list page links to."""
    return {int(pk) for pk in re.findall(r"/admin/volunteer_signups/inspect/(\d+)/", html)}


@pytest.fixture
def other_organisation(db):
    return OrganisationBuilder(name="Age Positive", contact_email="ap@example.org")


@pytest.fixture
def other_coordinator(django_user_model, other_organisation):
    return coordinator_make(django_user_model, "other-coordinator", other_organisation)


@pytest.fixture
def other_opportunity(board, other_organisation):
    return OpportunityPageBuilder(
        parent=board, title="Tea and chat afternoons", organisation=other_organisation
    )


@pytest.fixture
def mine(opportunity, session):
    """The coordinator's organisation's sign-ups: one booked in a session, one interested."""
    return {
        "booked": SignupBuilder(
            opportunity=opportunity, session=session, place=Place.BOOKED, name="Ann Booked"
        ),
        "interest": SignupBuilder(opportunity=opportunity, name="Ian Interested"),
    }


@pytest.fixture
def theirs(other_opportunity):
    """Another organisation's sign-up, with a session."""
    session = OpportunitySessionBuilder(opportunity=other_opportunity, places=5)
    return SignupBuilder(
        opportunity=other_opportunity, session=session, place=Place.BOOKED, name="Olga Other"
    )


def test_a_coordinator_lists_only_their_organisations_sign_ups_without_names(
    coordinator_client, mine, theirs
):
    response = coordinator_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert listed(html) == {mine["booked"].pk, mine["interest"].pk}
    assert "Befriending older neighbours" in html and "Has a place" in html
    assert "Ann Booked" not in html and "resident" not in html  # no names or emails
    assert "Tea and chat afternoons" not in html  # not even in the filter's choices
    assert not ModelLogEntry.objects.filter(action=VIEW).exists()


def test_the_volunteering_team_and_superusers_see_every_organisation(
    django_user_model, admin_client, mine, theirs
):
    team = staff_client_for(member_make(django_user_model, "team", VOLUNTEERING_TEAM))
    everyone = {mine["booked"].pk, mine["interest"].pk, theirs.pk}
    assert listed(team.get(URL).content.decode()) == everyone
    assert listed(admin_client.get(URL).content.decode()) == everyone
    assert team.get(f"{URL}inspect/{theirs.pk}/").status_code == 200


def test_opening_a_sign_up_shows_everything_and_is_audited_without_the_name(
    coordinator, coordinator_client, mine
):
    signup = mine["booked"]
    Signup.objects.filter(pk=signup.pk).update(
        needs="<script>alert(1)</script> step-free", availability=["weekends"], phone="07700 900123"
    )
    response = coordinator_client.get(f"{URL}inspect/{signup.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for shown in ("Ann Booked", signup.email, "07700 900123", "Weekends", "Has a place"):
        assert shown in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; step-free" in html and "<script>alert" not in html
    entry = ModelLogEntry.objects.get(action=VIEW)
    assert (entry.object_id, entry.user_id) == (str(signup.pk), coordinator.pk)
    assert entry.label == f"Volunteer sign-up {signup.pk}"  # never the volunteer's name


def _no_change(theirs: Signup) -> None:
    fresh = Signup.objects.get(pk=theirs.pk)
    assert (fresh.status, fresh.place, fresh.hours, fresh.review_status) == (
        SignupStatus.NEW,
        Place.BOOKED,
        None,
        ReviewStatus.ACCEPTED,
    )
    assert not SignupNote.objects.exists()
    assert not ModelLogEntry.objects.exists()


def test_every_url_to_another_organisations_sign_up_is_not_found(coordinator_client, theirs):
    session = theirs.session
    gets = [
        f"{URL}inspect/{theirs.pk}/",
        f"{URL}export/?opportunity={theirs.opportunity_id}",
        f"{URL}export/?session={session.pk}",
        f"{URL}session/{session.pk}/email/",
    ]
    posts = {
        f"{URL}status/{theirs.pk}/": {"status": "withdrawn", "note": "Gone"},
        f"{URL}hours/{theirs.pk}/": {"hours": "3"},
        f"{URL}review/{theirs.pk}/": {"release": "0"},
        f"{URL}session/{session.pk}/email/": {"subject": "Hi", "message": "Hello"},
    }
    for url in gets:
        assert coordinator_client.get(url).status_code == 404, url
    for url, data in posts.items():
        assert coordinator_client.post(url, data).status_code == 404, url
    _no_change(theirs)


@pytest.mark.parametrize(
    "group", ["Comms editors", "Moderators", "Consultation officers", "Directory editors"]
)
def test_groups_without_sign_up_permissions_see_none(django_user_model, mine, group):
    client = staff_client_for(member_make(django_user_model, "someone", group))
    signup = mine["booked"]
    for url in (URL, f"{URL}inspect/{signup.pk}/", f"{URL}export/", f"{URL}hours-volunteered/"):
        response = client.get(url)
        assert response.status_code != 200, url
        assert b"Ann Booked" not in response.content
    client.post(f"{URL}status/{signup.pk}/", {"status": "placed"})
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.NEW
    assert not ModelLogEntry.objects.exists()


def test_the_list_filters_by_status_opportunity_session_and_place(
    coordinator_client, organisation, opportunity, session, mine, theirs
):
    second = OpportunityPageBuilder(parent=opportunity.get_parent(), organisation=organisation)
    elsewhere = SignupBuilder(opportunity=second, status=SignupStatus.PLACED)
    placed = {elsewhere.pk}
    waiting = SignupBuilder(opportunity=opportunity, session=session, place=Place.WAITING)

    def filtered(**params) -> set[int]:
        return listed(coordinator_client.get(URL, params).content.decode())

    assert filtered(status="placed") == placed
    assert filtered(status="new") == {mine["booked"].pk, mine["interest"].pk, waiting.pk}
    assert filtered(opportunity=second.pk) == placed
    assert filtered(session=session.pk) == {mine["booked"].pk, waiting.pk}
    assert filtered(place="waiting") == {waiting.pk}
    assert filtered(session=session.pk, place="booked") == {mine["booked"].pk}
    # Another organisation's opportunity is no valid choice: the filter is ignored, and the
    # list stays the coordinator's own.
    assert theirs.pk not in filtered(opportunity=theirs.opportunity_id)


@pytest.mark.parametrize(
    "query",
    [
        "p=-1",
        "p=99999999999999999999",
        "ordering=unknown",
        "ordering=name",
        "opportunity=abc",
        "session=%00",
        "status=%27%20OR%20%271%27%3D%271",
        "place=%E2%80%AE",
    ],
)
def test_odd_list_queries_never_fail(coordinator_client, mine, query):
    response = coordinator_client.get(f"{URL}?{query}")
    assert response.status_code in (200, 404)
    assert "Ann Booked" not in response.content.decode()


def test_the_filters_offer_only_the_coordinators_own_opportunities_and_sessions(
    coordinator_client, opportunity, session, theirs
):
    html = coordinator_client.get(URL).content.decode()
    assert f'value="{opportunity.pk}"' in html and f'value="{session.pk}"' in html
    assert f'value="{theirs.opportunity_id}"' not in html
    assert f'value="{theirs.session_id}"' not in html


def test_status_change_with_a_note_is_kept_in_the_history_and_the_audit_log(
    coordinator, coordinator_client, mine
):
    signup = mine["interest"]
    url = f"{URL}status/{signup.pk}/"
    response = coordinator_client.post(url, {"status": "contacted", "note": "Called, <b>keen</b>"})
    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONTACTED and signup.status_changed_at is not None
    note = SignupNote.objects.get(signup=signup)
    assert (note.status, note.note, note.author) == (
        "contacted",
        "Called, <b>keen</b>",
        coordinator,
    )
    entry = ModelLogEntry.objects.get(action="website.submission.status")
    assert entry.data == {"from": "new", "to": "contacted", "note": note.pk}
    assert entry.user == coordinator and entry.label == f"Volunteer sign-up {signup.pk}"

    page = coordinator_client.get(response["Location"]).content.decode()
    assert "Status changed to Contacted." in page
    assert "Called, &lt;b&gt;keen&lt;/b&gt;" in page and "<b>keen</b>" not in page


def test_a_note_alone_keeps_the_status_but_the_same_status_needs_a_note(coordinator_client, mine):
    signup = mine["interest"]
    url = f"{URL}status/{signup.pk}/"
    refused = coordinator_client.post(url, {"status": "new", "note": "   "}, follow=True)
    assert "Choose a new status or write a note." in refused.content.decode()
    assert not SignupNote.objects.exists()
    added = coordinator_client.post(url, {"status": "new", "note": "Left a voicemail"}, follow=True)
    assert "Note added." in added.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.NEW and signup.status_changed_at is None
    assert SignupNote.objects.get().note == "Left a voicemail"


@pytest.mark.parametrize("bad", [{"status": "deleted"}, {"status": "placed", "note": "x" * 2001}])
def test_a_bad_status_form_changes_nothing(coordinator_client, mine, bad):
    signup = mine["interest"]
    response = coordinator_client.post(f"{URL}status/{signup.pk}/", bad)
    assert response.status_code == 302
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.NEW
    assert not SignupNote.objects.exists()


@pytest.mark.parametrize("status", ["not_placed", "withdrawn"])
def test_not_placed_or_withdrawn_frees_the_place_for_the_waiting_list(
    coordinator_client, opportunity, status
):
    session = OpportunitySessionBuilder(opportunity=opportunity, places=1)
    booked = SignupBuilder(opportunity=opportunity, session=session, place=Place.BOOKED)
    waiting = SignupBuilder(opportunity=opportunity, session=session, place=Place.WAITING)

    coordinator_client.post(f"{URL}status/{booked.pk}/", {"status": status, "note": "Moved away"})

    booked.refresh_from_db()
    waiting.refresh_from_db()
    assert (booked.status, booked.place) == (status, Place.NONE)
    assert waiting.place == Place.OFFERED and waiting.offer_expires_at is not None
    assert waiting.status == SignupStatus.NEW


def test_placed_keeps_the_place(coordinator_client, mine):
    signup = mine["booked"]
    coordinator_client.post(f"{URL}status/{signup.pk}/", {"status": "placed", "note": ""})
    signup.refresh_from_db()
    assert (signup.status, signup.place) == (SignupStatus.PLACED, Place.BOOKED)


def test_a_held_sign_up_can_be_released_by_its_coordinator(coordinator_client, opportunity):
    held = SignupBuilder(
        opportunity=opportunity,
        place=Place.NONE,
        review_status=ReviewStatus.HELD,
        held_reasons=["too_fast"],
    )
    html = coordinator_client.get(f"{URL}inspect/{held.pk}/").content.decode()
    assert f"{URL}review/{held.pk}/" in html
    coordinator_client.post(f"{URL}review/{held.pk}/", {"release": "1"})
    held.refresh_from_db()
    assert held.review_status == ReviewStatus.RELEASED and held.place == Place.INTEREST


def test_the_status_form_needs_a_csrf_token(coordinator, mine):
    client = staff_client_for(coordinator)
    client.handler.enforce_csrf_checks = True
    signup = mine["interest"]
    response = client.post(f"{URL}status/{signup.pk}/", {"status": "placed"})
    assert response.status_code == 403
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.NEW


def test_history_usage_and_delete_views_are_not_offered(admin_client, mine):
    signup = mine["booked"]
    for url in (
        f"{URL}history/{signup.pk}/",
        f"{URL}usage/{signup.pk}/",
        f"{URL}delete/{signup.pk}/",
    ):
        assert admin_client.get(url).status_code == 404, url


def test_the_site_history_shows_sign_up_entries_by_number_only(
    admin_client, coordinator_client, mine, theirs, other_coordinator
):
    staff_client_for(other_coordinator).get(f"{URL}inspect/{theirs.pk}/")
    admin_client.get(f"{URL}inspect/{mine['booked'].pk}/")
    for client in (admin_client, coordinator_client):
        response = client.get("/admin/reports/site-history/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Olga Other" not in html and "Ann Booked" not in html
    assert (
        f"{URL}inspect/{theirs.pk}/"
        in admin_client.get("/admin/reports/site-history/").content.decode()
    )
    assert f"{URL}inspect/{theirs.pk}/" not in html  # the coordinator gets no link to it
