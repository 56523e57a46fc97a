"""Template tags for site-wide pieces: the alert banner and the reader's locale."""

from django import template

from ..locales import locale_for_request
from ..selectors import alert_banner_current

register = template.Library()


@register.inclusion_tag("components/alert_banner.html", takes_context=True)
def alert_banner(context):
    """The current site-wide alert, if any, in the reader's language."""
    request = context.get("request")
    if request is None:  # error pages rendered without a request
        return {"banner": None}
    return {"banner": alert_banner_current(locale=locale_for_request(request))}
