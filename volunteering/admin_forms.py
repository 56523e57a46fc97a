"""Forms for the volunteering admin: the opportunity editor, organisations, and sign-up work."""

from decimal import Decimal

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from website.core.models import ReviewStatus
from website.staff.groups import VOLUNTEER_COORDINATORS

from .models import Place, Signup, SignupStatus
from .permissions import opportunities_visible, sessions_visible

MAX_HOURS = Decimal(1000)


class CoordinatorsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.get_username()})" if name else obj.get_username()


class OrganisationForm(WagtailAdminModelForm):
    """An organisation: its coordinators are chosen from the Volunteer coordinators group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.coordinators.all() if self.instance.pk else []
        people = get_user_model().objects.filter(
            Q(groups__name=VOLUNTEER_COORDINATORS, is_active=True) | Q(pk__in=current)
        )
        self.fields["coordinators"] = CoordinatorsField(
            queryset=people.distinct().order_by("first_name", "last_name", "username"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=_("Coordinators"),
            help_text=_(
                "Staff who manage this organisation's opportunities and sign-ups, and are told "
                "of every sign-up. Only members of the Volunteer coordinators group are listed."
            ),
        )


class SignupStatusForm(forms.Form):
    """A coordinator's change of status, or a note on its own."""

    status = forms.ChoiceField(label=_("Status"), choices=SignupStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened, e.g. 'Called on Tuesday, starts on the 3rd'."),
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["status"].initial = current

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == self.current and not cleaned.get("note", "").strip():
            raise forms.ValidationError(_("Choose a new status or write a note."))
        return cleaned


class SignupHoursForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours volunteered"),
        required=False,
        min_value=0,
        max_value=MAX_HOURS,
        max_digits=6,
        decimal_places=2,
        help_text=_("In total, e.g. 3.5. Leave empty if not known."),
    )


class SessionEmailForm(forms.Form):
    """A message to the volunteers of one session."""

    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent as plain text. Volunteers' replies come to you."),
    )

    def clean_subject(self):
        # One line only: a line break in a subject could add mail headers.
        return " ".join(self.cleaned_data["subject"].split())


def _opportunities(request):
    return opportunities_visible(user=request.user).order_by("title", "pk")


def _sessions(request):
    sessions = sessions_visible(user=request.user).select_related("opportunity")
    return sessions.order_by("opportunity__title", "starts_at", "pk")


class SessionChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.opportunity.title}: {obj}"


class SessionFilter(django_filters.ModelChoiceFilter):
    field_class = SessionChoiceField


class SignupFilterSet(WagtailFilterSet):
    """The sign-ups list's filters, also read by the export: a coordinator is offered (and
    may ask for) only their own organisations' opportunities and sessions."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=SignupStatus.choices)
    opportunity = django_filters.ModelChoiceFilter(label=_("Opportunity"), queryset=_opportunities)
    session = SessionFilter(label=_("Session"), queryset=_sessions)
    place = django_filters.ChoiceFilter(label=_("Place"), choices=Place.choices)
    review_status = django_filters.ChoiceFilter(
        label=_("Review status"), choices=ReviewStatus.choices
    )

    class Meta:
        model = Signup
        fields = ["status", "opportunity", "session", "place", "review_status"]
