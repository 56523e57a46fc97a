"""The online response form: one or more pages of questions, kept in the session between pages.

POST/redirect/GET throughout. Only the last page's POST stores anything, through the
public-form toolkit (rate limit, spam screening, one row per rendered form).
"""

from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from website.core.public_forms.forms import CAPTCHA_FIELD, HONEYPOT_FIELD, TOKEN_FIELD
from website.core.public_forms.ratelimit import rate_limit_check
from website.core.public_forms.screening import submission_screen
from website.core.public_forms.views import public_form_cache_control, rate_limited_response

from .after_response import responded_remember
from .forms import ResponseForm, field_name, question_rows
from .models import ConsultationPage, ConsultationStatus
from .services import response_submit


def question_steps(page: ConsultationPage) -> list[list]:
    """The questions split into pages where the officer asked for a new page."""
    steps: list[list] = []
    for question in page.questions.all():
        if not steps or question.starts_new_page:
            steps.append([])
        steps[-1].append(question)
    return steps


def _draft_key(page: ConsultationPage) -> str:
    return f"consultation-response-{page.pk}"


def _posted_values(form: ResponseForm) -> dict[str, list[str]]:
    """The raw values of this page's fields, to rebuild the form on another page."""
    return {name: form.data.getlist(name) for name in form.fields}


def _as_querydict(values: dict[str, list[str]], extra: dict[str, str]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, items in values.items():
        data.setlist(name, items)
    for name, value in extra.items():
        data[name] = value
    return data


def respond_view(request, page: ConsultationPage, step: int):
    """GET or POST one page of the form; the last page's POST stores the response."""
    if page.status() != ConsultationStatus.OPEN:
        return TemplateResponse(request, "consultations/respond_closed.html", {"page": page})
    steps = question_steps(page)
    if not 1 <= step <= len(steps):
        raise Http404
    draft = request.session.get(_draft_key(page), {"values": {}, "token": "", "honeypot": False})
    if request.method == "POST":
        return _respond_post(request, page, steps, step, draft)
    form = ResponseForm(
        _as_querydict(draft["values"], {}) if step_answered(draft, steps[step - 1]) else None,
        questions=steps[step - 1],
    )
    if draft["token"]:
        form.form_token = draft["token"]
    return _render(request, page, form, steps, step)


def step_answered(draft: dict, questions: list) -> bool:
    """True once the resident has been through this page (so Back shows their answers)."""
    return any(
        field_name(q) in draft["values"] or f"{field_name(q)}_rank_0" in draft["values"]
        for q in questions
    )


def _respond_post(request, page, steps, step, draft):
    last = step == len(steps)
    rate = rate_limit_check(request=request, scope="consultation-response") if last else None
    if rate and rate.block:
        return rate_limited_response(request)
    form = ResponseForm(request.POST, questions=steps[step - 1])
    if not form.is_valid():
        return _render(request, page, form, steps, step)
    draft["values"].update(_posted_values(form))
    draft["token"] = draft["token"] or form.form_token  # the first page's render time counts
    draft["honeypot"] = draft["honeypot"] or bool(form.protection_value(HONEYPOT_FIELD).strip())
    request.session[_draft_key(page)] = draft
    if not last:
        return redirect(page.url + page.reverse_subpage("respond_step", args=[step + 1]))
    return _respond_finish(request, page, steps, draft, rate)


def _respond_finish(request, page, steps, draft, rate):
    extra = {
        TOKEN_FIELD: draft["token"],
        HONEYPOT_FIELD: "filled" if draft["honeypot"] else "",
        CAPTCHA_FIELD: request.POST.get(CAPTCHA_FIELD, ""),
    }
    questions = [question for step in steps for question in step]
    full = ResponseForm(_as_querydict(draft["values"], extra), questions=questions)
    if not full.is_valid():  # the questions changed while the resident was answering
        return redirect(page.url + page.reverse_subpage("respond"))
    response = response_submit(
        consultation=page,
        answers=full.answers(),
        screening=submission_screen(request=request, form=full, rate=rate),
        language=get_language(),
    )
    del request.session[_draft_key(page)]
    responded_remember(request, page, response)
    return redirect(page.url + page.reverse_subpage("respond_sent"))


def _render(request, page, form, steps, step):
    back = None
    if step > 1:
        back = page.url + page.reverse_subpage("respond_step", args=[step - 1])
    context = {
        "page": page,
        "form": form,
        "rows": question_rows(form),
        "step": step,
        "step_count": len(steps),
        "is_last": step == len(steps),
        "back_url": back,
    }
    response = TemplateResponse(request, "consultations/respond.html", context)
    return public_form_cache_control(response)
