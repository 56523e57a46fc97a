"""The sign-up form, and the form residents use to change their sign-up from the private link."""

import re

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from website.core.forms import GovukFormMixin
from website.core.postcodes import PostcodeField
from website.core.public_forms.forms import PublicFormMixin

from .models import Availability, OpportunityPage, OpportunitySession

_PHONE = re.compile(r"^\+?[0-9 ]+$")
PHONE_DIGITS = (10, 15)  # a UK number has 10 or 11 digits, an international one up to 15


def session_label(session: OpportunitySession) -> str:
    """ "Sat 14 Jun 2025, 10:00 to 13:00" in the reader's language, with the session's note."""
    starts = formats.date_format(timezone.localtime(session.starts_at), "D j M Y, H:i")
    ends = formats.time_format(timezone.localtime(session.ends_at), "H:i")
    label = _("%(starts)s to %(ends)s") % {"starts": starts, "ends": ends}
    return f"{label} ({session.note})" if session.note else label


def session_choice_label(session: OpportunitySession) -> str:
    """A session's radio label: when, and how many places are left or that it is full."""
    if session.places_left:
        left = ngettext("%(count)s place left", "%(count)s places left", session.places_left) % {
            "count": session.places_left
        }
    else:
        left = _("Full: join the waiting list")
    return _("%(when)s: %(left)s") % {"when": session_label(session), "left": left}


def _current_label(session: OpportunitySession) -> str:
    return _("%(when)s: your session now") % {"when": session_label(session)}


def _clean_phone(value: str) -> str:
    value = " ".join(value.split())
    digits = sum(character.isdigit() for character in value)
    if value and (not _PHONE.match(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
        raise forms.ValidationError(
            _("Enter a phone number, like 07700 900 982 or +44 7700 900 982"), code="invalid"
        )
    return value


class SessionChoiceMixin:
    """The session radios (for an opportunity with sessions) or availability checkboxes."""

    def _sessions_add(self, sessions: list, *, availability: bool, current: int | None = None):
        self.sessions = {str(session.pk): session for session in sessions}
        if sessions:
            choices = [
                (pk, _current_label(s) if s.pk == current else session_choice_label(s))
                for pk, s in self.sessions.items()
            ]
            self.fields["session"] = forms.ChoiceField(
                label=_("Which session would you like?"),
                choices=choices,
                widget=forms.RadioSelect,
                help_text=_("When a session is full you join its waiting list, and we email "
                            "you if a place comes up."),
                error_messages={"required": _("Select a session"),
                                "invalid_choice": _("Select one of the sessions shown")},
            )  # fmt: skip
        elif availability:
            self.fields["availability"] = forms.MultipleChoiceField(
                label=_("When can you usually help? (optional)"),
                choices=Availability.choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                error_messages={"invalid_choice": _("Select the times shown")},
            )

    def chosen_session(self) -> OpportunitySession | None:
        return self.sessions.get(self.cleaned_data.get("session") or "")


class SignupForm(SessionChoiceMixin, PublicFormMixin, forms.Form):
    """Asks only what the organisation needs to arrange the volunteering: a name and a way to
    get in touch; the rest is optional or a confirmation."""

    public_form_scope = "volunteering-signup"

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={
            "required": _("Enter your name"),
            "max_length": _("Your name must be 100 characters or fewer"),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        help_text=_("We email you a confirmation and a private link to change or cancel."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Your email address must be 254 characters or fewer"),
        },
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"max_length": _("Your phone number must be 30 characters or fewer")},
    )
    postcode = PostcodeField(
        label=_("Your postcode"),
        required=False,
        help_text=_("So we can tell you how far away it is."),
    )
    needs = forms.CharField(
        label=_("Anything we should know? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("This must be 2,000 characters or fewer")},
    )

    def __init__(self, *args, opportunity: OpportunityPage, sessions: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity
        organisation = opportunity.organisation.name
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["needs"].help_text = _(
            "For example, access needs or anything that would help you take part. Only "
            "%(organisation)s sees it."
        ) % {"organisation": organisation}
        self._sessions_add(sessions, availability=not sessions)
        if opportunity.minimum_age:
            self.fields["age_confirmed"] = forms.BooleanField(
                label=_("I am %(age)s or older") % {"age": opportunity.minimum_age},
                error_messages={"required": _("Confirm you are %(age)s or older")
                                % {"age": opportunity.minimum_age}},
            )  # fmt: skip
        self.fields["contact_consent"] = forms.BooleanField(
            label=_("I agree to %(organisation)s contacting me about volunteering in this role")
            % {"organisation": organisation},
            error_messages={"required": _("Agree to %(organisation)s contacting you, so they "
                                          "can arrange your volunteering")
                            % {"organisation": organisation}},
        )  # fmt: skip

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data.get("phone", ""))

    def clean(self):
        cleaned = super().clean()
        email_given = cleaned.get("email") or "email" in self.errors
        if not email_given and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error(
                "email",
                _("Enter an email address or a phone number, so %(organisation)s can contact you")
                % {"organisation": self.opportunity.organisation.name},
            )
        return cleaned

    def signup_fields(self) -> dict:
        """The cleaned answers as the sign-up stores them."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "postcode": data["postcode"],
            "availability": data.get("availability", []),
            "needs": data["needs"],
            "age_confirmed": data.get("age_confirmed", False),
            "contact_consent": data["contact_consent"],
        }


class SignupChangeForm(SessionChoiceMixin, GovukFormMixin, forms.Form):
    """From the private link: another session (or availability) and "anything we should know"."""

    needs = SignupForm.base_fields["needs"]

    def __init__(self, *args, signup, sessions: list, availability: bool, **kwargs):
        initial = {
            "session": str(signup.session_id or ""),
            "availability": signup.availability,
            "needs": signup.needs,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["needs"].help_text = _("Only %(organisation)s sees it.") % {
            "organisation": signup.opportunity.organisation.name
        }
        self._sessions_add(sessions, availability=availability, current=signup.session_id)
