"""Template tags for site-wide pieces: the alert banner and the privacy notice link."""

from django import template

from ..locales import locale_for_request
from ..selectors import alert_banner_current, privacy_notice_url

register = template.Library()


@register.inclusion_tag("components/alert_banner.html", takes_context=True)
def alert_banner(context):
    """The current site-wide alert, if any, in the reader's language."""
    request = context.get("request")
    if request is None:  # error pages rendered without a request
        return {"banner": None}
    return {"banner": alert_banner_current(locale=locale_for_request(request))}


@register.simple_tag(takes_context=True)
def privacy_notice(context) -> str:
    """The privacy notice's address: {% privacy_notice as privacy_url %}."""
    return privacy_notice_url(request=context["request"])


@register.simple_tag
def lookup(mapping, key):
    """mapping[key] in a template, or "" when it is missing."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
