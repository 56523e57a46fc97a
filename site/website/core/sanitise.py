"""The one HTML sanitiser for resident text that may carry formatting (nh3)."""

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"


def html_sanitise(value: str) -> str:
    """Keeps paragraphs, line breaks, bold, italics, lists and web or email links; drops the rest.

    Every link gets rel="nofollow ugc noopener". Script, style and their content are removed,
    as are event handler attributes and links to any other scheme (javascript:, data:).
    """
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
