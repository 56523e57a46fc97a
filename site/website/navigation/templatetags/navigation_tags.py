"""Template tags that render the header menu, footer, breadcrumbs and language switcher."""

from django import template

from website.core.locales import locale_for_request

from .. import selectors

register = template.Library()


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    links = selectors.main_menu_links(request=request, locale=locale_for_request(request))
    is_search = request.resolver_match is not None and request.resolver_match.url_name == "search"
    return {"links": links, "is_search": is_search}


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def footer(context):
    request = context["request"]
    content = selectors.footer_content(request=request, locale=locale_for_request(request))
    return {**content, "settings": context.get("settings"), "request": request}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None:
        return {"links": []}
    return {"links": selectors.breadcrumbs(page=page, request=context["request"])}


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's links and the hreflang alternates (worked out once a request)."""
    request = context["request"]
    if not hasattr(request, "_website_language_links"):
        request._website_language_links = selectors.language_links(
            request=request, page=context.get("page"), locale=locale_for_request(request)
        )
    return request._website_language_links
