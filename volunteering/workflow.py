"""The approval workflow: the volunteering team approves opportunities before they go live.

Coordinators (of partner organisations as well as the council) may add and change pages on
the board but not publish them; "Submit for moderation" sends a page to the volunteering team,
whose approval publishes it. A workflow on the board overrides the tree's default one.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from website.staff.groups import VOLUNTEERING_TEAM

from .models import VolunteeringIndexPage

WORKFLOW_NAME = "Volunteering approval"
TASK_NAME = "Volunteering team approval"


@transaction.atomic
def opportunity_workflow_ensure() -> Workflow:
    """Creates the approval workflow if missing and assigns it to every volunteering board
    (in every language); safe to run any number of times."""
    team, _created = Group.objects.get_or_create(name=VOLUNTEERING_TEAM)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([team])
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for board in VolunteeringIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=board, defaults={"workflow": workflow})
    return workflow
