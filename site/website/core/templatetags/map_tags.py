"""Template tags for maps: the tile server from settings, and the counts the map's script needs
to say "N places shown on the map" with the right plural form in every site language."""

from dataclasses import dataclass

from django import template
from django.conf import settings

register = template.Library()

# Whole numbers that, between them, land in every plural category the site's languages use:
# English one/other, Polish one/few/many, Arabic zero/one/two/few/many/other. The template
# renders the count sentence once for each; the script picks the one whose category
# (Intl.PluralRules) matches the real count.
PLURAL_SAMPLES = (0, 1, 2, 3, 11, 100)


@dataclass(frozen=True)
class MapTiles:
    """A Leaflet tile URL template and the attribution (HTML) its licence asks for."""

    url: str
    attribution: str


@register.simple_tag
def map_tiles() -> MapTiles:
    """The configured tile server: {% map_tiles as tiles %} then tiles.url, tiles.attribution."""
    return MapTiles(url=settings.MAP_TILE_URL, attribution=settings.MAP_TILE_ATTRIBUTION)


@register.simple_tag
def map_plural_samples() -> tuple[int, ...]:
    """The sample counts: {% map_plural_samples as samples %}."""
    return PLURAL_SAMPLES
