"""Sign-ups in the admin: each coordinator sees only their own organisations' sign-ups.

The list shows no personal data (it is not audited); opening a sign-up is audited, and there
the coordinator changes its status with a note and records hours. The list exports what it
shows and emails a session's volunteers. Another organisation's sign-up, by any URL, is a 404.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import HeaderButton

from website.core.public_forms.forms import form_token_new, form_token_read
from website.core.submission_admin import SubmissionInspectView, SubmissionViewSet

from .admin_forms import SessionEmailForm, SignupFilterSet, SignupHoursForm, SignupStatusForm
from .coordination import (
    hours_totals,
    session_recipients,
    session_volunteers_email,
    signup_hours_set,
    signup_status_change,
)
from .exports import FILTERS, export_response
from .models import Availability, Signup
from .permissions import sees_every_organisation, sessions_visible, signups_visible

EMAIL_FORM_SCOPE = "volunteering-session-email"


def signup_reference(signup: Signup) -> str:
    """How the list names a sign-up: by number, never by the volunteer's name (the list is
    not audited)."""
    return _("Sign-up %(number)s") % {"number": signup.pk}


class SignupIndexView(IndexView):
    """The sign-ups list, with an export of what it shows and, for one session, an email."""

    export_url_name = email_url_name = hours_report_url_name = None

    def get_base_queryset(self):
        visible = signups_visible(user=self.request.user)
        return visible.select_related("opportunity", "session")

    @cached_property
    def columns(self):
        title = self._get_title_column_class(TitleColumn)(
            "reference",
            label=gettext_lazy("Sign-up"),
            accessor=signup_reference,
            get_url=self.get_inspect_url,
            sort_key="pk",
        )
        return [
            title,
            Column("opportunity", label=gettext_lazy("Opportunity"), accessor="opportunity.title"),
            Column("session", label=gettext_lazy("Session"), accessor=_session_label),
            DateColumn("created_at", label=gettext_lazy("Received"), sort_key="created_at"),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            Column("place", label=gettext_lazy("Place"), accessor="get_place_display"),
            Column("hours", label=gettext_lazy("Hours"), accessor=_hours_label),
            Column(
                "review_status",
                label=gettext_lazy("Review status"),
                accessor="get_review_status_display",
            ),
        ]

    def get_list_more_buttons(self, instance):
        return []  # the row's menu would be labelled with str(signup): the volunteer's name

    @cached_property
    def header_buttons(self):
        report = HeaderButton(
            _("Hours volunteered"), url=reverse(self.hours_report_url_name), icon_name="time"
        )
        return [*super().header_buttons, report]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        chosen = filters.form.cleaned_data if filters and filters.is_valid() else {}
        query = {name: self.request.GET[name] for name in FILTERS if chosen.get(name)}
        context["export_url"] = f"{reverse(self.export_url_name)}?{urlencode(query)}".rstrip("?")
        session = chosen.get("session")
        if session and self.user_has_permission("change"):
            context["email_url"] = reverse(self.email_url_name, args=[session.pk])
        return context


def _session_label(signup: Signup) -> str:
    return str(signup.session) if signup.session_id else "-"


def _hours_label(signup: Signup) -> str:
    return "-" if signup.hours is None else f"{signup.hours.normalize():f}"


class SignupInspectView(SubmissionInspectView):
    """A sign-up with its history, and forms to change its status and record hours."""

    status_url_name = hours_url_name = None

    def get_object(self, queryset=None):
        visible = signups_visible(user=self.request.user)
        related = visible.select_related("opportunity__organisation", "session", "reviewed_by")
        return get_object_or_404(related, pk=self.pk)

    def get_availability_display_value(self):
        labels = dict(Availability.choices)
        chosen = self.object.availability if isinstance(self.object.availability, list) else []
        return ", ".join(str(labels.get(item, item)) for item in chosen) or "-"

    def get_hours_display_value(self):
        return _hours_label(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notes"] = self.object.notes.select_related("author")
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            context["status_url"] = reverse(self.status_url_name, args=[self.object.pk])
            context["status_form"] = SignupStatusForm(current=self.object.status)
            context["hours_url"] = reverse(self.hours_url_name, args=[self.object.pk])
            context["hours_form"] = SignupHoursForm(initial={"hours": self.object.hours})
        return context


class SignupURLFinder(ModelAdminURLFinder):
    """Where the site history links a sign-up: its (audited) page, and only for those who
    see every organisation, so a coordinator is never sent to another's sign-up (there is
    no edit view to link to)."""

    def construct_edit_url(self, instance):
        return reverse("volunteer_signups:inspect", args=[instance.pk])

    def get_edit_url(self, instance):
        if self.user is None or not sees_every_organisation(self.user):
            return None
        return self.construct_edit_url(instance)


class SignupViewSet(SubmissionViewSet):
    model = Signup
    icon = "group"
    menu_label = gettext_lazy("Volunteer sign-ups")
    add_to_admin_menu = True
    menu_order = 270
    index_view_class = SignupIndexView
    index_results_template_name = "volunteering/admin/signup_index_results.html"
    inspect_view_class = SignupInspectView
    inspect_template_name = "volunteering/admin/signup_inspect.html"
    filterset_class = SignupFilterSet
    list_filter = None
    url_finder_class = SignupURLFinder
    inspect_view_fields = [
        "opportunity", "session", "place", "offer_expires_at", "status", "status_changed_at",
        "name", "email", "phone", "postcode", "availability", "needs", "age_confirmed",
        "contact_consent", "language", "hours", "created_at", "token_expires_at",
        "review_status", "held_reasons", "reviewed_by", "reviewed_at",
    ]  # fmt: skip

    @staticmethod
    def review_service(signup, user, release):
        from .signups import signup_review  # the public sign-up services (places, emails)

        signup_review(signup, user, release)

    def get_common_view_kwargs(self, **kwargs):
        # No history, usage or delete views: a sign-up's history is its notes, and sign-ups
        # are deleted by the retention command, not by hand.
        return super().get_common_view_kwargs(
            history_url_name=None, usage_url_name=None, delete_url_name=None, **kwargs
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            export_url_name=self.get_url_name("export"),
            email_url_name=self.get_url_name("email_session"),
            hours_report_url_name=self.get_url_name("hours_report"),
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            status_url_name=self.get_url_name("status"),
            hours_url_name=self.get_url_name("hours"),
            **kwargs,
        )

    def get_urlpatterns(self):
        hidden = {"delete", "history", "history_results", "usage", "review"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden),
            path("review/<int:pk>/", self._review_view, name="review"),
            path("status/<int:pk>/", self._status_view, name="status"),
            path("hours/<int:pk>/", self._hours_view, name="hours"),
            path("export/", self._export_view, name="export"),
            path("session/<int:session_id>/email/", self._email_view, name="email_session"),
            path("hours-volunteered/", self._hours_report_view, name="hours_report"),
        ]

    def signup_for(self, request, pk: int, permission: str = "change") -> Signup:
        """The sign-up if `request.user` may act on it: 403 without the permission at all,
        404 for another organisation's sign-up (as for one that does not exist)."""
        if not self.permission_policy.user_has_permission(request.user, permission):
            raise PermissionDenied
        return get_object_or_404(signups_visible(user=request.user), pk=pk)

    @property
    def _review_view(self):
        @require_POST
        def view(request, pk):
            signup = self.signup_for(request, pk)
            release = request.POST.get("release") == "1"
            self.review_service(signup, request.user, release)
            messages.success(request, _("Released.") if release else _("Marked as spam."))
            return redirect(self.get_url_name("inspect"), pk)

        return view

    @property
    def _status_view(self):
        @require_POST
        def view(request, pk):
            signup = self.signup_for(request, pk)
            form = SignupStatusForm(request.POST, current=signup.status)
            if not form.is_valid():
                _form_errors_message(request, form)
                return redirect(self.get_url_name("inspect"), pk)
            status, note = form.cleaned_data["status"], form.cleaned_data["note"]
            signup_status_change(signup=signup, status=status, note=note, user=request.user)
            if status == form.current:
                messages.success(request, _("Note added."))
            else:
                label = dict(form.fields["status"].choices)[status]
                messages.success(request, _("Status changed to %(status)s.") % {"status": label})
            return redirect(self.get_url_name("inspect"), pk)

        return view

    @property
    def _hours_view(self):
        @require_POST
        def view(request, pk):
            signup = self.signup_for(request, pk)
            form = SignupHoursForm(request.POST)
            if form.is_valid():
                signup_hours_set(signup=signup, hours=form.cleaned_data["hours"], user=request.user)
                messages.success(request, _("Hours saved."))
            else:
                _form_errors_message(request, form)
            return redirect(self.get_url_name("inspect"), pk)

        return view

    @property
    def _export_view(self):
        @require_GET
        def view(request):
            if not self.permission_policy.user_has_permission(request.user, "view"):
                raise PermissionDenied
            return export_response(request)

        return view

    @property
    def _email_view(self):
        return _session_email_view(self)

    @property
    def _hours_report_view(self):
        @require_GET
        def view(request):
            if not self.permission_policy.user_has_permission(request.user, "view"):
                raise PermissionDenied
            context = {
                "page_title": _("Hours volunteered"),
                "header_icon": "time",
                "totals": hours_totals(signups=signups_visible(user=request.user)),
                "index_url": reverse(self.get_url_name("index")),
            }
            return TemplateResponse(request, "volunteering/admin/hours.html", context)

        return view


def _form_errors_message(request, form) -> None:
    errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
    messages.error(request, " ".join(errors))


def _session_email_view(viewset):
    @require_http_methods(["GET", "POST"])
    def view(request, session_id):
        if not viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        visible = sessions_visible(user=request.user).select_related("opportunity__organisation")
        session = get_object_or_404(visible, pk=session_id)
        form = SessionEmailForm(request.POST or None)
        token = request.POST.get("form_token", "")
        if request.method == "POST" and form.is_valid():
            payload = form_token_read(EMAIL_FORM_SCOPE, token)
            if payload is not None:
                sent = session_volunteers_email(
                    session=session, user=request.user, key=payload["k"], **form.cleaned_data
                )
                _email_sent_message(request, sent)
                return redirect(f"{reverse(viewset.get_url_name('index'))}?session={session.pk}")
            messages.error(request, _("The form had expired. Check the message and send it."))
            token = ""
        context = _session_email_context(session=session, form=form, token=token)
        return TemplateResponse(request, "volunteering/admin/session_email.html", context)

    return view


def _session_email_context(*, session, form, token: str) -> dict:
    recipients = session_recipients(session=session)
    with_email = sum(1 for signup in recipients if signup.email)
    return {
        "page_title": _("Email this session's volunteers"),
        "page_subtitle": f"{session.opportunity.title}: {session}",
        "header_icon": "mail",
        "form": form,
        "form_token": token or form_token_new(EMAIL_FORM_SCOPE),
        "session": session,
        "with_email": with_email,
        "without_email": len(recipients) - with_email,
    }


def _email_sent_message(request, sent: int | None) -> None:
    if sent is None:
        messages.info(request, _("This message was already sent."))
    else:
        text = ngettext(
            "Email queued for %(count)s volunteer.", "Email queued for %(count)s volunteers.", sent
        )
        messages.success(request, text % {"count": sent})
