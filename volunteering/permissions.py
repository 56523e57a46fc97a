"""Who sees which organisation's opportunities and sign-ups in the admin.

A coordinator works only with the organisations they coordinate; the council's volunteering
team and superusers see every organisation. Comms editors, who edit every page, keep every
opportunity page, but see no sign-ups (they have no sign-up permissions).
"""

from django.db.models import QuerySet

from website.staff.groups import COMMS_EDITORS, VOLUNTEERING_TEAM

from .models import OpportunityPage, OpportunitySession, Organisation, Signup


def _group_names(user) -> frozenset[str]:
    """The user's group names, read once per user object (so once per request)."""
    if not hasattr(user, "_volunteering_group_names"):
        names = user.groups.values_list("name", flat=True) if user.is_authenticated else []
        user._volunteering_group_names = frozenset(names)
    return user._volunteering_group_names


def sees_every_organisation(user) -> bool:
    """Superusers and the volunteering team see every organisation's sign-ups."""
    return user.is_superuser or VOLUNTEERING_TEAM in _group_names(user)


def edits_every_opportunity(user) -> bool:
    """Whether page permissions alone decide which opportunities `user` may open."""
    return sees_every_organisation(user) or COMMS_EDITORS in _group_names(user)


def organisations_listed(*, user) -> QuerySet[Organisation]:
    """The organisations `user` sees in the admin and may put opportunities under: every one
    for the team and comms editors, a coordinator's own for a coordinator."""
    if edits_every_opportunity(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(coordinators=user)


def signups_visible(*, user) -> QuerySet[Signup]:
    """The sign-ups `user` may see: their organisations' only, unless they see every one."""
    if sees_every_organisation(user):
        return Signup.objects.all()
    return Signup.objects.filter(opportunity__organisation__coordinators=user)


def opportunities_visible(*, user) -> QuerySet[OpportunityPage]:
    """The opportunities whose sign-ups `user` may see."""
    if sees_every_organisation(user):
        return OpportunityPage.objects.all()
    return OpportunityPage.objects.filter(organisation__coordinators=user)


def sessions_visible(*, user) -> QuerySet[OpportunitySession]:
    """The sessions of the opportunities whose sign-ups `user` may see."""
    if sees_every_organisation(user):
        return OpportunitySession.objects.all()
    return OpportunitySession.objects.filter(opportunity__organisation__coordinators=user)


def opportunity_pages_hidden(*, user) -> QuerySet[OpportunityPage] | None:
    """Other organisations' opportunities, kept out of a coordinator's page explorer and
    chooser; None when page permissions alone decide."""
    if edits_every_opportunity(user):
        return None
    return OpportunityPage.objects.exclude(organisation__coordinators=user)


def opportunity_page_allowed(*, user, page) -> bool:
    """Whether `user` may edit, move, copy or delete this page (any page but another
    organisation's opportunity)."""
    if edits_every_opportunity(user) or not isinstance(page.specific_deferred, OpportunityPage):
        return True
    organisation_id = page.specific_deferred.organisation_id
    return organisation_allowed(user=user, organisation_id=organisation_id)


def organisation_allowed(*, user, organisation_id) -> bool:
    """Whether `user` may put an opportunity under this organisation."""
    return organisations_listed(user=user).filter(pk=organisation_id).exists()


def organisation_coordinated(*, user, organisation_id) -> bool:
    """Whether `user` may see this organisation's sign-ups."""
    if sees_every_organisation(user):
        return True
    return Organisation.objects.filter(pk=organisation_id, coordinators=user).exists()
