"""Fixtures for the volunteering tests: an organisation with a coordinator, and its board."""

import pytest
from django.contrib.auth.models import Group

from tests.conftest import staff_client_for
from volunteering.builders import (
    OpportunityPageBuilder,
    OpportunitySessionBuilder,
    OrganisationBuilder,
)
from website.staff.groups import VOLUNTEER_COORDINATORS
from website.staff.services import staff_groups_sync


@pytest.fixture
def board(section_pages):
    """The volunteering index page (the board)."""
    return section_pages["volunteering"]


def coordinator_make(django_user_model, username: str, *organisations):
    """A staff user in the Volunteer coordinators group, coordinating `organisations`."""
    staff_groups_sync()
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="x" * 20
    )
    user.groups.add(Group.objects.get(name=VOLUNTEER_COORDINATORS))
    for organisation in organisations:
        organisation.coordinators.add(user)
    return user


@pytest.fixture
def organisation(db):
    return OrganisationBuilder(name="Good Neighbours Scheme", contact_email="gns@example.org")


@pytest.fixture
def coordinator(django_user_model, organisation):
    return coordinator_make(django_user_model, "coordinator", organisation)


@pytest.fixture
def coordinator_client(coordinator):
    return staff_client_for(coordinator)


@pytest.fixture
def opportunity(board, organisation):
    """An open opportunity at PL1 1AE (city centre) without sessions or a limit on places."""
    return OpportunityPageBuilder(
        parent=board, title="Befriending older neighbours", organisation=organisation
    )


@pytest.fixture
def session(opportunity):
    """A session of `opportunity` a week from now with 10 places."""
    return OpportunitySessionBuilder(opportunity=opportunity, places=10)
