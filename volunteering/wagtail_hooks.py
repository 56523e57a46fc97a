"""Admin registration for the volunteering section: groups, organisations, sign-ups, and the
hooks that keep each coordinator to their own organisations' opportunities."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from website.staff.groups import (
    COMMS_EDITORS,
    VOLUNTEER_COORDINATORS,
    VOLUNTEERING_TEAM,
    GroupGrant,
)

from .admin_forms import OrganisationForm
from .models import OpportunityPage, Organisation, VolunteeringIndexPage
from .permissions import (
    opportunity_page_allowed,
    opportunity_pages_hidden,
    organisation_allowed,
    organisation_coordinated,
    organisations_listed,
)
from .workflow import opportunity_workflow_ensure

SIGNUPS = ("volunteering.view_signup", "volunteering.change_signup")
ORGANISATIONS = ("volunteering.add_organisation", "volunteering.change_organisation")
IMAGES_ADD_AND_CHOOSE = ("wagtailimages.add_image", "wagtailimages.choose_image")


@hooks.register("register_staff_group_grants")
def staff_group_grants():
    """Coordinators draft opportunities and handle their organisations' sign-ups; the
    volunteering team approves and publishes, keeps organisations, and sees every sign-up."""
    board = ("volunteering.VolunteeringIndexPage",)
    return [
        GroupGrant(
            group=VOLUNTEER_COORDINATORS,
            permissions=(*SIGNUPS, "volunteering.view_organisation"),
            page_types=board,
            page_permissions=("add", "change"),
        ),
        GroupGrant(
            group=VOLUNTEERING_TEAM,
            permissions=(*SIGNUPS, *ORGANISATIONS, "volunteering.delete_organisation"),
            page_types=board,
            page_permissions=("add", "change", "publish"),
            collection_permissions=IMAGES_ADD_AND_CHOOSE,
        ),
        GroupGrant(group=COMMS_EDITORS, permissions=ORGANISATIONS),
    ]


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    from .admin_views import SignupViewSet

    return SignupViewSet("volunteer_signups")


class OrganisationInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(organisations_listed(user=self.request.user), pk=self.pk)


class OrganisationListedMixin:
    """Only the organisations the user may choose (until OpportunityPage's own form, which
    offers a plain select, is in use, the editor's organisation field is this chooser)."""

    def get_object_list(self):
        return organisations_listed(user=self.request.user)


class OrganisationChooseView(OrganisationListedMixin, ChooseView):
    pass


class OrganisationChooseResultsView(OrganisationListedMixin, ChooseResultsView):
    pass


class OrganisationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView


class OrganisationViewSet(SnippetViewSet):
    """Organisations: kept by the volunteering team and comms editors; a coordinator sees
    only those they coordinate."""

    model = Organisation
    icon = "group"
    menu_label = _("Volunteering organisations")
    add_to_admin_menu = True
    menu_order = 280
    list_display = [
        "name",
        "kind",
        "contact_email",
        Column("coordinator_count", label=_("Coordinators")),
    ]
    list_filter = ["kind"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_class = OrganisationInspectView
    chooser_viewset_class = OrganisationChooserViewSet
    inspect_view_fields = ["name", "kind", "description", "website", "contact_email"]
    edit_handler = ObjectList(Organisation.panels, base_form_class=OrganisationForm)

    def get_queryset(self, request):
        visible = organisations_listed(user=request.user)
        return visible.annotate(coordinator_count=Count("coordinators"))


register_snippet(OrganisationViewSet)


def _refused(request):
    """A 403 page for another organisation's opportunity (the page explorer hides them)."""
    context = {"page_title": _("Another organisation's opportunity"), "header_icon": "lock"}
    return TemplateResponse(request, "volunteering/admin/not_yours.html", context, status=403)


def _posted_organisation_allowed(request, page_class) -> bool:
    """On saving an opportunity, the organisation chosen must be one the user may choose
    (the editor offers only those; this refuses a forged form)."""
    if request.method != "POST" or not issubclass(page_class, OpportunityPage):
        return True
    chosen = request.POST.get("organisation", "")
    if not chosen:
        return True  # the form itself says it is needed
    digits = chosen.isascii() and chosen.isdigit()
    return digits and organisation_allowed(user=request.user, organisation_id=int(chosen))


@hooks.register("construct_explorer_page_queryset")
def explorer_hides_other_organisations(parent_page, pages, request):
    hidden = opportunity_pages_hidden(user=request.user)
    return pages if hidden is None else pages.exclude(pk__in=hidden.values("pk"))


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_other_organisations(pages, request):
    hidden = opportunity_pages_hidden(user=request.user)
    return pages if hidden is None else pages.exclude(pk__in=hidden.values("pk"))


@hooks.register("before_edit_page")
def edit_only_own_opportunities(request, page):
    allowed = opportunity_page_allowed(user=request.user, page=page)
    if not allowed or not _posted_organisation_allowed(request, type(page.specific_deferred)):
        return _refused(request)
    return None


@hooks.register("before_create_page")
def create_only_for_own_organisations(request, parent_page, page_class):
    if not _posted_organisation_allowed(request, page_class):
        return _refused(request)
    return None


@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
@hooks.register("before_unpublish_page")
@hooks.register("before_convert_alias_page")
def act_only_on_own_opportunities(request, page):
    if not opportunity_page_allowed(user=request.user, page=page):
        return _refused(request)
    return None


@hooks.register("before_move_page")
def move_only_own_opportunities(request, page, destination):
    return act_only_on_own_opportunities(request, page)


@hooks.register("before_bulk_action")
def bulk_act_only_on_own_opportunities(request, action_type, objects, action_class_instance):
    if action_type != "page":
        return None
    if all(opportunity_page_allowed(user=request.user, page=page) for page in objects):
        return None
    return _refused(request)


@hooks.register("after_create_page")
def board_gets_the_approval_workflow(request, page):
    """A new volunteering board (in any language) gets the volunteering team's approval."""
    if isinstance(page.specific_deferred, VolunteeringIndexPage):
        opportunity_workflow_ensure()


@hooks.register("register_page_header_buttons")
def signup_buttons(page, user, view_name, next_url=None):
    """On an opportunity in the admin: its sign-ups, and an export of them."""
    specific = page.specific_deferred
    if not isinstance(specific, OpportunityPage) or not user.has_perm("volunteering.view_signup"):
        return
    if not organisation_coordinated(user=user, organisation_id=specific.organisation_id):
        return
    yield Button(
        _("Sign-ups"), reverse("volunteer_signups:index") + f"?opportunity={page.pk}", priority=10
    )
    export_url = reverse("volunteer_signups:export") + f"?opportunity={page.pk}"
    yield Button(_("Export sign-ups"), export_url, icon_name="download", priority=15)
