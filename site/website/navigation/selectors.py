"""Reads that turn menus, the page tree and translations into links for templates.

Each function runs a fixed number of queries however many pages the site has.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Model, Q
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from .models import FooterMenu, MainMenu, NavigationSettings


@dataclass(frozen=True)
class Link:
    """A resolved link: what it says, where it goes, and whether it is where the reader is."""

    text: str
    url: str
    is_current: bool = False
    is_active_section: bool = False


@dataclass(frozen=True)
class LanguageLink:
    """One language in the switcher; `alternate_url` is set when this page exists in it."""

    code: str
    name: str
    url: str
    is_current: bool
    alternate_url: str | None = None


def _localized_snippet(model: type[Model], pk: int | None, locale: Locale):
    """The snippet's translation in `locale`, else the snippet itself (one query)."""
    if pk is None:
        return None
    same_key = model.objects.filter(pk=pk).values("translation_key")
    candidates = model.objects.filter(Q(pk=pk) | Q(translation_key__in=same_key, locale=locale))
    by_locale = {item.locale_id: item for item in candidates}
    return by_locale.get(locale.pk) or next(iter(by_locale.values()), None)


def _localized_pages(pages: list[Page], locale: Locale) -> dict[int, Page]:
    """Map each page's id to its live translation in `locale`, else itself if live (one query)."""
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {}
    if keys:
        for translated in Page.objects.live().filter(translation_key__in=keys, locale=locale):
            translations[translated.translation_key] = translated
    resolved = {}
    for page in pages:
        target = translations.get(page.translation_key, page)
        if target.live:
            resolved[page.pk] = target
    return resolved


def _resolve_links(
    link_values: list, request: HttpRequest, locale: Locale, pages: dict[int, Page]
) -> list[Link]:
    """Turn LinkBlock values into Links, using `pages` (from _localized_pages) for page links."""
    links = []
    for value in link_values:
        if value["page"]:
            page = pages.get(value["page"].pk)
            if page is None:  # unpublished or deleted: leave it out rather than link to a 404
                continue
            url = page.get_url(request)
            text = value["text"] or page.title
        else:
            url, text = value["url"], value["text"]
        path = request.path
        links.append(
            Link(
                text=text,
                url=url,
                is_current=url == path,
                is_active_section=url not in ("/", f"/{locale.language_code}/")
                and path.startswith(url),
            )
        )
    return links


def _pages_for(link_values: list, locale: Locale) -> dict[int, Page]:
    return _localized_pages([value["page"] for value in link_values if value["page"]], locale)


def main_menu_links(*, request: HttpRequest, locale: Locale) -> list[Link]:
    """The header's links in the reader's language."""
    nav = NavigationSettings.for_request(request)
    menu = _localized_snippet(MainMenu, nav.main_menu_id, locale)
    if menu is None:
        return []
    values = [block.value for block in menu.links]
    return _resolve_links(values, request, locale, _pages_for(values, locale))


def footer_content(*, request: HttpRequest, locale: Locale) -> dict:
    """The footer's sections and meta links in the reader's language."""
    nav = NavigationSettings.for_request(request)
    footer = _localized_snippet(FooterMenu, nav.footer_menu_id, locale)
    if footer is None:
        return {"sections": [], "meta_links": []}
    meta_values = [block.value for block in footer.meta_links]
    # One translation lookup for every page the footer links to.
    all_values = meta_values + [link for block in footer.sections for link in block.value["links"]]
    pages = _pages_for(all_values, locale)
    sections = [
        {
            "heading": block.value["heading"],
            "links": _resolve_links(block.value["links"], request, locale, pages),
        }
        for block in footer.sections
    ]
    return {"sections": sections, "meta_links": _resolve_links(meta_values, request, locale, pages)}


def breadcrumbs(*, page: Page, request: HttpRequest) -> list[Link]:
    """Links from the home page down to the page's parent (one query)."""
    site = Site.find_for_request(request)
    if site is None or page.depth <= 2:
        return []
    ancestors = (
        page.get_ancestors()
        .filter(depth__gte=2)
        .only("id", "title", "url_path", "path", "depth", "locale_id", "live")
    )
    return [Link(text=a.title, url=a.get_url(request)) for a in ancestors]


def language_links(
    *, request: HttpRequest, page: Page | None, locale: Locale
) -> list[LanguageLink]:
    """One link per language: this page's live translation, else that language's home page.

    Pages outside the tree (search, errors) translate their own URL instead. One query.
    """
    site = Site.find_for_request(request)
    found: dict[tuple[str, str], Page] = {}
    if site is not None and page is not None:
        home_key = site.root_page.translation_key
        candidates = (
            Page.objects.live()
            .filter(translation_key__in={home_key, page.translation_key})
            .select_related("locale")
            .only("id", "url_path", "path", "depth", "translation_key", "locale__language_code")
        )
        found = {(str(c.translation_key), c.locale.language_code): c for c in candidates}
    links = []
    for code, _name in settings.LANGUAGES:
        translation = found.get((str(page.translation_key), code)) if page is not None else None
        if translation is not None:
            url = translation.get_url(request)
            alternate_url = translation.get_full_url(request)
        elif page is not None and (home := found.get((str(site.root_page.translation_key), code))):
            url, alternate_url = home.get_url(request), None
        else:
            url, alternate_url = translate_url(request.get_full_path(), code), None
        links.append(
            LanguageLink(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == locale.language_code,
                alternate_url=alternate_url,
            )
        )
    return links
