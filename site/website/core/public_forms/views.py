"""The view side of the toolkit: the POST sequence and the friendly 429 page."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.generic import FormView

from .ratelimit import rate_limit_check
from .screening import Screening, submission_screen


def rate_limited_response(request: HttpRequest) -> HttpResponse:
    """429 Too Many Requests in the site's design, saying when to try again."""
    window = settings.PUBLIC_FORM_RATE_WINDOW_SECONDS
    response = TemplateResponse(
        request, "429.html", {"retry_minutes": max(1, window // 60)}, status=429
    )
    response["Retry-After"] = str(window)
    return response


def public_form_cache_control(response: HttpResponse) -> HttpResponse:
    """A page holding a form token must never come from a shared cache: each render is unique."""
    patch_cache_control(response, private=True, max_age=0)
    return response


class PublicFormView(FormView):
    """A public form page: rate limit, validate, screen, then `submit()` and redirect.

    Subclasses set form_class, template_name and success_url, and implement `submit()` by
    calling their app's service with the cleaned data and the screening.
    """

    http_method_names = ["get", "head", "post"]

    def post(self, request, *args, **kwargs):
        rate = rate_limit_check(request=request, scope=self.get_form_class().public_form_scope)
        if rate.block:
            return rate_limited_response(request)
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        self.submit(form=form, screening=submission_screen(request=request, form=form, rate=rate))
        return redirect(self.get_success_url())

    def submit(self, *, form, screening: Screening) -> None:
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        return public_form_cache_control(super().render_to_response(context, **response_kwargs))
