"""After responding: rate the process, give equality answers, ask for a copy or the outcome.

Each is optional, stored on its own, and offered only in the session that responded.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from website.core.public_forms.ratelimit import rate_limit_check
from website.core.public_forms.screening import submission_screen
from website.core.public_forms.views import public_form_cache_control, rate_limited_response

from .forms import EqualityForm, RatingForm, UpdatesForm
from .models import ConsultationPage, ConsultationResponse
from .services import (
    equality_submit,
    rating_submit,
    subscription_confirm,
    subscription_stop,
    updates_request,
)

SESSION_RESPONDED = "consultations-responded"  # {page pk: response pk}


def responded_remember(request, page: ConsultationPage, response: ConsultationResponse) -> None:
    """Remember in this session that it responded to `page` (for the optional extras)."""
    responded = request.session.get(SESSION_RESPONDED, {})
    responded[str(page.pk)] = {"response": response.pk, "rated": False, "equality": False}
    request.session[SESSION_RESPONDED] = responded


def _state(request, page) -> dict:
    state = request.session.get(SESSION_RESPONDED, {}).get(str(page.pk))
    if state is None:
        raise Http404  # only the session that responded gets the extras
    return state


def _state_set(request, page, **changes) -> None:
    responded = request.session[SESSION_RESPONDED]
    responded[str(page.pk)].update(changes)
    request.session[SESSION_RESPONDED] = responded


def _sent_url(page) -> str:
    return page.url + page.reverse_subpage("respond_sent")


def sent_view(request, page: ConsultationPage, **forms):
    """The confirmation, with the optional rating and email forms."""
    state = _state(request, page)
    context = {
        "page": page,
        "state": state,
        "rating_form": forms.get("rating_form") or RatingForm(),
        "updates_form": forms.get("updates_form") or UpdatesForm(),
    }
    return public_form_cache_control(
        TemplateResponse(request, "consultations/respond_sent.html", context)
    )


def _screened(request, form, scope):
    rate = rate_limit_check(request=request, scope=scope)
    if rate.block:
        return None, rate_limited_response(request)
    return submission_screen(request=request, form=form, rate=rate), None


@require_POST
def rating_view(request, page: ConsultationPage):
    """Stores one rating per response."""
    if _state(request, page)["rated"]:
        return redirect(_sent_url(page))
    form = RatingForm(request.POST)
    if not form.is_valid():
        return sent_view(request, page, rating_form=form)
    screening, refused = _screened(request, form, "consultation-rating")
    if refused:
        return refused
    rating_submit(consultation=page, screening=screening, **form.cleaned_data)
    _state_set(request, page, rated=True)
    messages.success(request, _("Thank you for your feedback."))
    return redirect(_sent_url(page))


@require_POST
def updates_view(request, page: ConsultationPage):
    """Queues a copy of the response and/or the confirmation for outcome emails."""
    state = _state(request, page)
    form = UpdatesForm(request.POST)
    if not form.is_valid():
        return sent_view(request, page, updates_form=form)
    _screening, refused = _screened(request, form, "consultation-updates")
    if refused:
        return refused
    updates_request(
        consultation=page,
        language=get_language(),
        response=ConsultationResponse.objects.filter(pk=state["response"]).first(),
        **form.cleaned_data,
    )
    if form.cleaned_data["outcome"]:
        messages.success(request, _("Check your email: click the link we sent to confirm."))
    else:
        messages.success(request, _("We have emailed you a copy of your response."))
    return redirect(_sent_url(page))


def equality_view(request, page: ConsultationPage):
    """GET or POST the optional equality questions, on a page of their own."""
    state = _state(request, page)
    if state["equality"]:
        return redirect(_sent_url(page))
    form = EqualityForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        equality_submit(consultation=page, answers=form.cleaned_data)
        _state_set(request, page, equality=True)
        messages.success(request, _("Thank you. Your answers are kept apart from your response."))
        return redirect(_sent_url(page))
    context = {"page": page, "form": form}
    return public_form_cache_control(
        TemplateResponse(request, "consultations/respond_equality.html", context)
    )


def confirm_view(request, page: ConsultationPage, token: str):
    """GET asks to confirm (mail scanners follow links); POST confirms the outcome emails."""
    if request.method == "POST":
        subscription = subscription_confirm(token=token)
        if subscription is None:
            raise Http404
        return TemplateResponse(request, "consultations/updates_confirmed.html", {"page": page})
    return TemplateResponse(request, "consultations/updates_confirm.html", {"page": page})


def stop_view(request, page: ConsultationPage, token: str):
    """GET asks to confirm; POST stops the emails about this consultation."""
    if request.method == "POST":
        if subscription_stop(token=token) is None:
            raise Http404
        return TemplateResponse(request, "consultations/updates_stopped.html", {"page": page})
    return TemplateResponse(request, "consultations/updates_stop.html", {"page": page})
