"""The sign-up form, its confirmation, and the resident's private page (from the emailed link).

POST/redirect/GET throughout. The sign-up goes through the public-form toolkit (rate limit,
spam screening, one row per rendered form); the private page is reached only with the token.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from website.core.geography import POSTCODE_ATTRIBUTION, distance_km
from website.core.models import ReviewStatus
from website.core.public_forms.ratelimit import rate_limit_check
from website.core.public_forms.screening import submission_screen
from website.core.public_forms.views import public_form_cache_control, rate_limited_response
from website.core.selectors import postcode_point

from .models import Availability, LocationKind, OpportunityPage, Place, Signup, SignupStatus
from .selectors import sessions_with_places
from .signup_forms import SignupChangeForm, SignupForm
from .signups import (
    RESIDENT,
    offer_accept,
    signup_active,
    signup_by_token,
    signup_cancel,
    signup_change,
    signup_submit,
    signup_waiting_position,
)

SESSION_SENT = "volunteering-signup-sent"  # {opportunity pk: {"signup": pk, "token": str}}
METHODS = ["GET", "HEAD", "POST"]


def _url(opportunity: OpportunityPage, name: str, *args) -> str:
    return opportunity.url + opportunity.reverse_subpage(name, args=list(args))


def _private(response, *, logged: bool = True):
    """No caching anywhere, and never the address (the secret) in a Referer header.

    "strict-origin", not "no-referrer": under no-referrer browsers send `Origin: null` with
    the page's own form posts, which Django's CSRF check rightly refuses.
    """
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "strict-origin"
    if not logged:
        # Django logs the path of every 4xx response, which would put the (wrong or expired)
        # token in the logs; it skips responses already marked as logged.
        response._has_been_logged = True
    return response


def _upcoming(sessions: list) -> list:
    now = timezone.now()
    return [session for session in sessions if session.starts_at > now]


def signup_view(request, opportunity: OpportunityPage):
    """GET shows the form (or that sign-ups are closed); a valid POST signs up and redirects."""
    if request.method not in METHODS:
        return HttpResponseNotAllowed(METHODS)
    sessions = sessions_with_places(opportunity=opportunity)
    upcoming = _upcoming(sessions)
    if not opportunity.is_open() or (sessions and not upcoming):
        context = {"page": opportunity}
        response = TemplateResponse(request, "volunteering/signup_closed.html", context)
        return public_form_cache_control(response)
    if request.method == "POST":
        return _signup_post(request, opportunity, upcoming)
    form = SignupForm(opportunity=opportunity, sessions=upcoming)
    if (chosen := request.GET.get("session", "")) in form.sessions:
        form.initial["session"] = chosen
    return _signup_render(request, opportunity, form)


def _signup_post(request, opportunity, sessions):
    rate = rate_limit_check(request=request, scope=SignupForm.public_form_scope)
    if rate.block:
        return rate_limited_response(request)
    form = SignupForm(request.POST, opportunity=opportunity, sessions=sessions)
    if not form.is_valid():
        return _signup_render(request, opportunity, form)
    signup = signup_submit(
        opportunity=opportunity,
        session=form.chosen_session(),
        fields=form.signup_fields(),
        screening=submission_screen(request=request, form=form, rate=rate),
        language=get_language(),
    )
    _sent_remember(request, opportunity, signup)
    return redirect(_url(opportunity, "signup_sent"))


def _signup_render(request, opportunity, form):
    context = {"page": opportunity, "form": form, "organisation": opportunity.organisation}
    response = TemplateResponse(request, "volunteering/signup.html", context)
    return public_form_cache_control(response)


def _sent_remember(request, opportunity, signup: Signup) -> None:
    """Remembers the sign-up for the confirmation page. Only a resident without an email
    address is shown the private link there; a replay (no new token) keeps the first one."""
    sent = request.session.get(SESSION_SENT, {})
    previous = sent.get(str(opportunity.pk), {})
    token = getattr(signup, "token", "") if not signup.email else ""
    if not token and previous.get("signup") == signup.pk:
        token = previous.get("token", "")
    sent[str(opportunity.pk)] = {"signup": signup.pk, "token": token}
    request.session[SESSION_SENT] = sent


def sent_view(request, opportunity: OpportunityPage):
    """What happens next: a place, a waiting-list position, or interest registered."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    state = request.session.get(SESSION_SENT, {}).get(str(opportunity.pk))
    signup = state and Signup.objects.select_related("session").filter(pk=state["signup"]).first()
    if not signup:
        raise Http404  # only the browser that signed up sees its confirmation
    manage_path = _url(opportunity, "signup_manage", state["token"]) if state["token"] else ""
    context = {
        **_signup_context(opportunity, signup),
        "manage_url": request.build_absolute_uri(manage_path) if manage_path else "",
    }
    response = TemplateResponse(request, "volunteering/signup_sent.html", context)
    return _private(response)


def _signup_context(opportunity, signup: Signup) -> dict:
    """What the confirmation and the private page show about a sign-up."""
    labels = dict(Availability.choices)
    return {
        "page": opportunity,
        "organisation": opportunity.organisation,
        "signup": signup,
        "session": signup.session,
        "state": _state(signup),
        "position": signup_waiting_position(signup=signup),
        "distance": _distance(opportunity, signup),
        "postcode_attribution": POSTCODE_ATTRIBUTION,
        "availability_labels": [labels.get(value, value) for value in signup.availability],
        "offer_hours": settings.VOLUNTEERING_OFFER_HOURS,
        "contact_days": settings.VOLUNTEERING_CONTACT_WORKING_DAYS,
    }


def _state(signup: Signup) -> str:
    """The resident's view of the sign-up, one word for the templates."""
    if signup.status == SignupStatus.WITHDRAWN:
        return "cancelled"
    if signup.review_status == ReviewStatus.HELD:
        return "held"
    expires = signup.offer_expires_at
    if signup.place == Place.OFFERED and (expires is None or expires <= timezone.now()):
        return "lapsed"
    if signup.place == Place.NONE:
        return "ended"
    return signup.place


def _distance(opportunity, signup: Signup) -> float | None:
    """Kilometres from the resident's postcode to the opportunity's, when both are known."""
    if opportunity.location_kind == LocationKind.HOME or not (
        signup.postcode and opportunity.postcode
    ):
        return None
    here = postcode_point(postcode=signup.postcode)
    there = postcode_point(postcode=opportunity.postcode)
    return round(distance_km(here, there), 1) if here and there else None


# The private page -------------------------------------------------------------------------

MANAGE_STEPS = {
    "change": "volunteering/manage_change.html",
    "cancel": "volunteering/manage_cancel.html",
}


def manage_view(request, opportunity: OpportunityPage, token: str):
    """The resident's sign-up: see it, accept an offer, change it or cancel it."""
    if request.method not in METHODS:
        return HttpResponseNotAllowed(METHODS)
    signup = signup_by_token(opportunity=opportunity, token=token)
    if signup is None:
        context = {"page": opportunity, "organisation": opportunity.organisation}
        response = TemplateResponse(
            request, "volunteering/manage_invalid.html", context, status=404
        )
        return _private(response, logged=False)
    if request.method == "POST":
        return _manage_post(request, opportunity, signup)
    step = request.GET.get("step", "")
    if step not in MANAGE_STEPS or not signup_active(signup=signup):
        step = ""
    return _manage_render(request, opportunity, signup, step)


def _change_form(opportunity, signup: Signup, data=None) -> SignupChangeForm:
    """Moving session only while sign-ups are open, to a session that has not started."""
    sessions = sessions_with_places(opportunity=opportunity)
    return SignupChangeForm(
        data,
        signup=signup,
        sessions=_upcoming(sessions) if opportunity.is_open() else [],
        availability=not sessions,
    )


def _manage_render(request, opportunity, signup, step: str, form=None):
    if step == "change" and form is None:
        form = _change_form(opportunity, signup)
    here = _url(opportunity, "signup_manage", signup.token)
    context = {
        **_signup_context(opportunity, signup),
        "form": form,
        "manage_url": here,
        "can_change": signup_active(signup=signup) and signup.status != SignupStatus.WITHDRAWN,
    }
    template = MANAGE_STEPS.get(step, "volunteering/manage.html")
    return _private(TemplateResponse(request, template, context))


def _manage_post(request, opportunity, signup: Signup):
    here = _url(opportunity, "signup_manage", signup.token)
    action = request.POST.get("action", "")
    if not signup_active(signup=signup) or signup.status == SignupStatus.WITHDRAWN:
        return redirect(here)  # nothing more to do: the page shows it is cancelled
    if action == "accept":
        if offer_accept(signup=signup):
            messages.success(request, _("You have accepted the place. See you there!"))
    elif action == "cancel":
        signup_cancel(signup=signup, by=RESIDENT)
        messages.success(request, _("Your sign-up is cancelled."))
    elif action == "change":
        return _change_post(request, opportunity, signup, here)
    return redirect(here)


def _change_post(request, opportunity, signup: Signup, here: str):
    form = _change_form(opportunity, signup, request.POST)
    if not form.is_valid():
        return _manage_render(request, opportunity, signup, "change", form=form)
    moved_from = signup.session_id
    changed = signup_change(
        signup=signup,
        session=form.chosen_session() if "session" in form.fields else signup.session,
        availability=form.cleaned_data.get("availability", signup.availability),
        needs=form.cleaned_data["needs"],
    )
    if changed.session_id != moved_from and changed.place == Place.BOOKED:
        messages.success(request, _("Your sign-up is changed: you have a place."))
    elif changed.session_id != moved_from and changed.place == Place.WAITING:
        messages.success(request, _("Your sign-up is changed: you are on the waiting list."))
    else:
        messages.success(request, _("Your sign-up is changed."))
    return redirect(here)
