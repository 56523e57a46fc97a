"""The approval workflow: coordinators submit opportunities, the volunteering team approves them,
and only then do they go live."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.conftest import staff_client_for
from volunteering.builders import VolunteeringIndexPageBuilder
from volunteering.models import OpportunityPage, VolunteeringIndexPage
from volunteering.workflow import TASK_NAME, WORKFLOW_NAME, opportunity_workflow_ensure
from website.staff.groups import VOLUNTEERING_TEAM

from .test_admin import member_make
from .test_coordinators import opportunity_data

PAGES = "/admin/pages/"


@pytest.fixture
def workflow(board):
    return opportunity_workflow_ensure()


@pytest.fixture
def team_member(django_user_model, board):
    return member_make(django_user_model, "team", VOLUNTEERING_TEAM)


def test_the_workflow_is_made_once_with_the_teams_approval_on_every_board(
    board, locales, translate
):
    polish = translate(board, locales["pl"])
    first = opportunity_workflow_ensure()
    again = opportunity_workflow_ensure()

    assert first == again and Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    assert [wt.task.specific for wt in WorkflowTask.objects.filter(workflow=first)] == [task]
    assert list(task.groups.values_list("name", flat=True)) == [VOLUNTEERING_TEAM]
    assert {wp.page_id for wp in WorkflowPage.objects.filter(workflow=first)} == {
        board.pk,
        polish.pk,
    }
    assert board.get_workflow() == first


def test_ensure_repairs_a_workflow_switched_off_or_reassigned(board):
    workflow = opportunity_workflow_ensure()
    Workflow.objects.filter(pk=workflow.pk).update(active=False)
    WorkflowPage.objects.filter(page=board).update(
        workflow=Workflow.objects.exclude(pk=workflow.pk).first()
    )
    GroupApprovalTask.objects.get(name=TASK_NAME).groups.set([Group.objects.get(name="Moderators")])

    opportunity_workflow_ensure()

    workflow.refresh_from_db()
    assert workflow.active and board.get_workflow() == workflow
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    assert list(task.groups.values_list("name", flat=True)) == [VOLUNTEERING_TEAM]


def test_a_board_added_in_the_admin_gets_the_workflow(admin_client, home):
    data = nested_form_data(
        {
            "title": "Volunteering",
            "slug": "volunteering",
            "introduction": "",
            "body": streamfield([]),
        }
    )
    response = admin_client.post(f"{PAGES}add/volunteering/volunteeringindexpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    board = VolunteeringIndexPage.objects.get()
    assert board.get_workflow().name == WORKFLOW_NAME


def test_a_board_made_outside_the_admin_has_none_until_ensured(home):
    board = VolunteeringIndexPageBuilder(parent=home)
    assert board.get_workflow().name == "Moderators approval"  # Wagtail's, on the whole tree
    opportunity_workflow_ensure()
    assert VolunteeringIndexPage.objects.get().get_workflow().name == WORKFLOW_NAME


def _submit(client, board, organisation):
    url = f"{PAGES}add/volunteering/opportunitypage/{board.pk}/"
    response = client.post(url, opportunity_data(organisation, **{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return OpportunityPage.objects.get(slug="litter-pick-on-the-hoe")


def test_a_coordinators_opportunity_goes_live_when_the_team_approves(
    workflow, team_member, coordinator, coordinator_client, board, organisation, client
):
    page = _submit(coordinator_client, board, organisation)
    assert not page.live and page.workflow_in_progress
    assert client.get(page.url or f"/volunteering/{page.slug}/").status_code == 404
    state = TaskState.objects.get()
    assert state.task.specific.name == TASK_NAME

    team = staff_client_for(team_member)
    url = f"{PAGES}workflow/action/{page.pk}/approve/{state.pk}/"
    response = team.post(url, {"comment": "Looks good"})
    assert response.status_code in (200, 302), response.content.decode()[:2000]

    page.refresh_from_db()
    assert page.live and not page.workflow_in_progress
    assert client.get(page.url).status_code == 200


def test_a_coordinator_cannot_approve_or_publish(workflow, coordinator_client, board, organisation):
    page = _submit(coordinator_client, board, organisation)
    state = TaskState.objects.get()
    coordinator_client.post(f"{PAGES}workflow/action/{page.pk}/approve/{state.pk}/", {})
    page.refresh_from_db()
    assert not page.live

    data = opportunity_data(organisation, **{"action-publish": "publish"})
    coordinator_client.post(f"{PAGES}{page.pk}/edit/", data)
    page.refresh_from_db()
    assert not page.live


def test_a_coordinator_publishing_directly_only_saves_a_draft(
    workflow, coordinator_client, board, organisation
):
    url = f"{PAGES}add/volunteering/opportunitypage/{board.pk}/"
    coordinator_client.post(url, opportunity_data(organisation, **{"action-publish": "publish"}))
    page = OpportunityPage.objects.get(slug="litter-pick-on-the-hoe")
    assert not page.live and not page.workflow_in_progress


def test_the_team_may_publish_directly(workflow, team_member, board, organisation):
    team = staff_client_for(team_member)
    url = f"{PAGES}add/volunteering/opportunitypage/{board.pk}/"
    team.post(url, opportunity_data(organisation, **{"action-publish": "publish"}))
    assert OpportunityPage.objects.get(slug="litter-pick-on-the-hoe").live
