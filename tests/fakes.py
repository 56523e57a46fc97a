"""Stand-ins for outside services the tests must not call."""

from wagtail.embeds.finders.base import EmbedFinder


class FakeEmbedFinder(EmbedFinder):
    """Answers every embed URL with a titled iframe, as YouTube's oEmbed would, offline."""

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Example video",
            "author_name": "Plymouth City Council",
            "provider_name": "Example",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": '<iframe title="Example video" width="640" height="360" src="about:blank"></iframe>',
        }
