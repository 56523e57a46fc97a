"""Coordinators in the page tree: they see, edit and create opportunities only for their own
organisations; organisations are kept by the volunteering team and comms editors."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.conftest import staff_client_for
from volunteering.builders import OpportunityPageBuilder, OrganisationBuilder
from volunteering.models import OpportunityPage, Organisation
from website.staff.groups import COMMS_EDITORS, VOLUNTEERING_TEAM

from .conftest import coordinator_make
from .test_admin import member_make

PAGES = "/admin/pages/"


@pytest.fixture(autouse=True)
def _board_first(board):
    """The board exists before any staff user, so the group sync grants its pages."""


@pytest.fixture
def other_organisation(db):
    return OrganisationBuilder(name="Age Positive", contact_email="ap@example.org")


@pytest.fixture
def other_opportunity(board, other_organisation):
    return OpportunityPageBuilder(
        parent=board, title="Tea and chat afternoons", organisation=other_organisation
    )


def opportunity_data(organisation, **overrides) -> dict:
    data = {
        "title": "Litter pick on the Hoe",
        "slug": "litter-pick-on-the-hoe",
        "introduction": "Keep the Hoe tidy.",
        "organisation": organisation.pk,
        "cause": "environment",
        "what_you_will_do": rich_text("<p>Pick litter with friendly people.</p>"),
        "location_kind": "home",
        "address": "",
        "postcode": "",
        "commitment": "flexible",
        "commitment_detail": "",
        "closes_on": "",
        "places": "",
        "minimum_age": "",
        "no_experience_needed": "on",
        "accessibility": "",
        "skills_gained": "",
        "training": "",
        "expenses": "",
        "sessions": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def _edit_status(client, page) -> int:
    return client.get(f"{PAGES}{page.pk}/edit/").status_code


def test_the_explorer_lists_only_the_coordinators_own_opportunities(
    coordinator_client, board, opportunity, other_opportunity
):
    html = coordinator_client.get(f"{PAGES}{board.pk}/").content.decode()
    assert opportunity.title in html
    assert other_opportunity.title not in html


def test_the_page_chooser_hides_other_organisations_opportunities(
    coordinator_client, board, opportunity, other_opportunity
):
    browse = coordinator_client.get(f"/admin/choose-page/{board.pk}/").content.decode()
    assert opportunity.title in browse and other_opportunity.title not in browse
    search = coordinator_client.get("/admin/choose-page/search/", {"q": "a"}).content.decode()
    assert other_opportunity.title not in search


def test_comms_editors_and_the_team_see_every_opportunity(
    django_user_model, board, opportunity, other_opportunity
):
    for group in (COMMS_EDITORS, VOLUNTEERING_TEAM):
        client = staff_client_for(member_make(django_user_model, group[:8], group))
        html = client.get(f"{PAGES}{board.pk}/").content.decode()
        assert opportunity.title in html and other_opportunity.title in html, group
        assert _edit_status(client, other_opportunity) == 200, group


def test_another_organisations_opportunity_cannot_be_opened_or_changed_by_url(
    coordinator_client, opportunity, other_opportunity, board
):
    assert _edit_status(coordinator_client, opportunity) == 200
    assert _edit_status(coordinator_client, other_opportunity) == 403
    assert coordinator_client.get(f"{PAGES}{other_opportunity.pk}/copy/").status_code == 403
    # Moving and deleting need permissions coordinators lack anyway: Wagtail sends them home.
    for action in ("move", "delete"):
        response = coordinator_client.post(f"{PAGES}{other_opportunity.pk}/{action}/")
        assert response.status_code in (302, 403), action
    assert OpportunityPage.objects.filter(pk=other_opportunity.pk).exists()
    edited = coordinator_client.post(
        f"{PAGES}{other_opportunity.pk}/edit/",
        opportunity_data(other_opportunity.organisation, title="Taken over"),
    )
    assert edited.status_code == 403
    assert not Page.objects.get(pk=other_opportunity.pk).has_unpublished_changes


def test_the_refusal_is_a_plain_admin_page(coordinator_client, other_opportunity):
    html = coordinator_client.get(f"{PAGES}{other_opportunity.pk}/edit/").content.decode()
    assert "belongs to an organisation you do not coordinate" in html


def test_a_coordinator_cannot_move_their_opportunity_to_another_organisation(
    coordinator_client, opportunity, other_organisation
):
    response = coordinator_client.post(
        f"{PAGES}{opportunity.pk}/edit/", opportunity_data(other_organisation)
    )
    assert response.status_code == 403
    opportunity.refresh_from_db()
    latest = opportunity.get_latest_revision_as_object()
    assert latest.organisation_id == opportunity.organisation_id != other_organisation.pk


def test_the_editor_offers_only_the_coordinators_organisations(
    coordinator_client, board, organisation, other_organisation
):
    html = coordinator_client.get(
        f"{PAGES}add/volunteering/opportunitypage/{board.pk}/"
    ).content.decode()
    assert f'<option value="{organisation.pk}" selected>' in html  # their only one, chosen
    assert other_organisation.name not in html


def test_the_team_is_offered_every_organisation(
    django_user_model, board, organisation, other_organisation
):
    team = staff_client_for(member_make(django_user_model, "team", VOLUNTEERING_TEAM))
    html = team.get(f"{PAGES}add/volunteering/opportunitypage/{board.pk}/").content.decode()
    assert organisation.name in html and other_organisation.name in html


def test_the_editor_form_refuses_another_organisation(
    coordinator, board, organisation, other_organisation
):
    form_class = OpportunityPage.get_edit_handler().get_form_class()

    def form(chosen):
        data = opportunity_data(chosen)
        return form_class(data, instance=OpportunityPage(), parent_page=board, for_user=coordinator)

    refused = form(other_organisation)
    assert not refused.is_valid() and "organisation" in refused.errors
    allowed = form(organisation)
    assert allowed.is_valid(), allowed.errors


def test_a_coordinator_creates_an_opportunity_only_for_their_organisation(
    coordinator_client, board, organisation, other_organisation
):
    url = f"{PAGES}add/volunteering/opportunitypage/{board.pk}/"
    refused = coordinator_client.post(url, opportunity_data(other_organisation))
    assert refused.status_code == 403
    assert not OpportunityPage.objects.filter(slug="litter-pick-on-the-hoe").exists()

    created = coordinator_client.post(url, opportunity_data(organisation))
    assert created.status_code == 302, created.content.decode()[:2000]
    page = OpportunityPage.objects.get(slug="litter-pick-on-the-hoe")
    assert page.organisation == organisation and not page.live


def test_a_coordinator_of_two_organisations_works_with_both(
    django_user_model, board, organisation, other_organisation, opportunity, other_opportunity
):
    client = staff_client_for(
        coordinator_make(django_user_model, "both", organisation, other_organisation)
    )
    assert _edit_status(client, opportunity) == _edit_status(client, other_opportunity) == 200


def test_an_opportunity_offers_its_sign_ups_and_export_in_the_admin(
    coordinator_client, opportunity
):
    html = coordinator_client.get(f"{PAGES}{opportunity.pk}/edit/").content.decode()
    assert f"/admin/volunteer_signups/?opportunity={opportunity.pk}" in html
    assert f"/admin/volunteer_signups/export/?opportunity={opportunity.pk}" in html


def test_comms_editors_get_no_sign_up_buttons(django_user_model, opportunity):
    client = staff_client_for(member_make(django_user_model, "comms", COMMS_EDITORS))
    html = client.get(f"{PAGES}{opportunity.pk}/edit/").content.decode()
    assert "/admin/volunteer_signups/" not in html


SNIPPETS = "/admin/snippets/volunteering/organisation/"


def test_a_coordinator_sees_only_their_own_organisations(
    coordinator_client, organisation, other_organisation
):
    html = coordinator_client.get(SNIPPETS).content.decode()
    assert organisation.name in html and other_organisation.name not in html
    assert coordinator_client.get(f"{SNIPPETS}inspect/{organisation.pk}/").status_code == 200
    assert coordinator_client.get(f"{SNIPPETS}inspect/{other_organisation.pk}/").status_code == 404
    assert coordinator_client.get(f"{SNIPPETS}edit/{organisation.pk}/").status_code != 200
    assert coordinator_client.get(f"{SNIPPETS}add/").status_code != 200


def test_the_organisation_chooser_offers_a_coordinator_only_their_own(
    django_user_model, coordinator_client, organisation, other_organisation
):
    url = "/admin/snippets/choose/volunteering/organisation/"
    html = coordinator_client.get(url).content.decode()
    assert organisation.name in html and other_organisation.name not in html
    comms = staff_client_for(member_make(django_user_model, "comms", COMMS_EDITORS))
    html = comms.get(url).content.decode()
    assert organisation.name in html and other_organisation.name in html


@pytest.mark.parametrize("group", [VOLUNTEERING_TEAM, COMMS_EDITORS])
def test_the_team_and_comms_editors_list_every_organisation(
    django_user_model, organisation, other_organisation, group
):
    client = staff_client_for(member_make(django_user_model, "keeper", group))
    html = client.get(SNIPPETS).content.decode()
    assert organisation.name in html and other_organisation.name in html
    assert client.get(f"{SNIPPETS}inspect/{other_organisation.pk}/").status_code == 200


@pytest.mark.parametrize("group", [VOLUNTEERING_TEAM, COMMS_EDITORS])
def test_the_team_and_comms_editors_link_coordinators_to_organisations(
    django_user_model, organisation, coordinator, group
):
    client = staff_client_for(member_make(django_user_model, "keeper", group))
    newcomer = coordinator_make(django_user_model, "newcomer")
    bystander = django_user_model.objects.create_user("bystander", password="x" * 20)
    url = f"{SNIPPETS}edit/{organisation.pk}/"
    form = client.get(url).content.decode()
    assert "newcomer" in form and "coordinator" in form and "bystander" not in form
    response = client.post(
        url,
        {
            "name": organisation.name,
            "kind": "partner",
            "description": "",
            "website": "",
            "contact_email": organisation.contact_email,
            "contact_phone": "",
            "coordinators": [coordinator.pk, newcomer.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(organisation.coordinators.all()) == {coordinator, newcomer}
    refused = client.post(url, {"name": organisation.name, "kind": "partner",
                                "contact_email": "x@example.org", "coordinators": [bystander.pk]})  # fmt: skip
    assert refused.status_code == 200  # not a coordinator: not a valid choice
    assert bystander not in organisation.coordinators.all()
    assert Organisation.objects.count() == 1
