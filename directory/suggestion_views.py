"""The asset map's "suggest an asset or a correction" form and its confirmation.

POST/redirect/GET through the public-form toolkit: rate limit, validate, screen for spam,
then the service stores one row per rendered form. Both pages are rendered with the asset map
as `page`, so the breadcrumbs and language links are the map's.
"""

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from website.core.public_forms.ratelimit import rate_limit_check
from website.core.public_forms.screening import submission_screen
from website.core.public_forms.views import public_form_cache_control, rate_limited_response

from .models import AssetSuggestion, CommunityAssetMapPage
from .suggestion_forms import AssetSuggestionForm
from .suggestions import suggestion_submit

SESSION_SENT = "directory-suggestion-sent"  # the pk of this browser's last suggestion
METHODS = ["GET", "HEAD", "POST"]


def _url(asset_map: CommunityAssetMapPage, name: str) -> str:
    return asset_map.url + asset_map.reverse_subpage(name)


def suggest_view(request, asset_map: CommunityAssetMapPage):
    """GET shows the form (a correction when linked from an entry); a valid POST stores the
    suggestion and redirects to the confirmation."""
    if request.method not in METHODS:
        return HttpResponseNotAllowed(METHODS)
    if request.method == "POST":
        return _suggest_post(request, asset_map)
    form = AssetSuggestionForm(initial={"entry": request.GET.get("entry", "")})
    return _suggest_render(request, asset_map, form)


def _suggest_post(request, asset_map: CommunityAssetMapPage):
    rate = rate_limit_check(request=request, scope=AssetSuggestionForm.public_form_scope)
    if rate.block:
        return rate_limited_response(request)
    form = AssetSuggestionForm(request.POST)
    if not form.is_valid():
        return _suggest_render(request, asset_map, form)
    suggestion = suggestion_submit(
        screening=submission_screen(request=request, form=form, rate=rate),
        language=translation.get_language(),
        **form.suggestion_fields(),
    )
    request.session[SESSION_SENT] = suggestion.pk
    return redirect(_url(asset_map, "suggest_sent"))


def _suggest_render(request, asset_map: CommunityAssetMapPage, form: AssetSuggestionForm):
    context = {"page": asset_map, "form": form, "entry": form.entry_page}
    response = TemplateResponse(request, "directory/suggest.html", context)
    return public_form_cache_control(response)


def sent_view(request, asset_map: CommunityAssetMapPage):
    """What happens next. The browser that sent the suggestion is reminded what it asked for;
    anyone else sees the general steps (the page is the same whether or not it was held)."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    pk = request.session.get(SESSION_SENT)
    suggestion = AssetSuggestion.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    context = {
        "page": asset_map,
        "suggestion": suggestion,
        "suggest_url": _url(asset_map, "suggest"),
    }
    response = TemplateResponse(request, "directory/suggest_sent.html", context)
    patch_cache_control(response, private=True, no_store=True)  # it may show the email address
    return response
