"""The public-form toolkit's parts on their own: client address, reCAPTCHA wrapper, sanitiser."""

from html.parser import HTMLParser
from urllib.error import URLError

import pytest
from django.test import RequestFactory
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from website.core.client_ip import client_ip
from website.core.public_forms import captcha
from website.core.public_forms.ratelimit import rate_limit_check
from website.core.sanitise import html_sanitise


def _request(remote="203.0.113.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/feedback/", **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "203.0.113.5"),  # no trusted proxy: the header is ignored
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client's own entry is not trusted
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "203.0.113.5"),  # fewer entries than proxies: fall back
        (1, "not-an-address", "203.0.113.5"),
        (1, "", "203.0.113.5"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_ipv6_addresses_share_a_limit_per_slash_64(settings):
    settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 1
    first = rate_limit_check(request=_request(remote="2001:db8:1:2::1"), scope="t")
    second = rate_limit_check(request=_request(remote="2001:db8:1:2::ffff"), scope="t")
    other = rate_limit_check(request=_request(remote="2001:db8:1:3::1"), scope="t")
    assert (first.block, second.block, other.block) == (False, True, False)


def test_rate_limit_never_fails_a_form_when_the_cache_is_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
        }
    }
    result = rate_limit_check(request=_request(), scope="t")
    assert not result.hold and not result.block


class _Reply:
    def __init__(self, body: bytes):
        self.body = body

    def read(self):
        return self.body

    def close(self):
        pass


@pytest.fixture
def recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    settings.RECAPTCHA_REQUIRED_SCORE = 0.5


def _google_replies(monkeypatch, reply):
    def fake_request(params):
        if isinstance(reply, BaseException):
            raise reply
        return _Reply(reply)

    monkeypatch.setattr("django_recaptcha.client.recaptcha_request", fake_request)


def test_recaptcha_is_not_consulted_without_keys(monkeypatch):
    _google_replies(monkeypatch, URLError("should not be called"))
    assert captcha.captcha_assess(token="", ip="1.2.3.4") is None


@pytest.mark.parametrize(
    ("token", "reply", "reason"),
    [
        ("t", b'{"success": true, "score": 0.9}', None),
        ("t", b'{"success": true, "score": 0.1}', "captcha_score"),
        ("t", b'{"success": false, "error-codes": ["invalid-input-response"]}', "captcha_score"),
        ("", b'{"success": true, "score": 0.9}', "captcha_unavailable"),  # JavaScript off
        ("t", URLError("no route to Google"), "captcha_unavailable"),
        ("t", TimeoutError("timed out"), "captcha_unavailable"),
        ("t", b"<html>502 Bad Gateway</html>", "captcha_unavailable"),
        ("t", b'{"score": 0.9}', "captcha_unavailable"),
    ],
    ids=["good", "low", "invalid", "no-token", "network", "timeout", "garbage", "no-success"],
)
def test_recaptcha_holds_but_never_raises(recaptcha_keys, monkeypatch, token, reply, reason):
    _google_replies(monkeypatch, reply)
    assert captcha.captcha_assess(token=token, ip="1.2.3.4") == reason


# The sanitiser: whatever a resident types, no script, handler or javascript: URL survives.
_fragments = st.sampled_from(
    [
        "<script>alert(1)</script>", "<SCRIPT SRC=//x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>', "<a href='javascript:alert(1)'>x</a>",
        "<a href='JaVaScRiPt:alert(1)'>x</a>", "<a href='java\tscript:alert(1)'>x</a>",
        "<a href='&#106;avascript:alert(1)'>x</a>", "<a href='data:text/html,<script>'>x</a>",
        "<p onclick='x()'>p</p>", "<style>p{}</style>", "<iframe src=x>", "<a href=https://ok.example>ok</a>",
        "<strong>b</strong>", "<em>i</em>", "<ul><li>x</li></ul>", "<br>", "<!-- c -->", "<",
        ">", "&", "\"", "'", "=", "\x00", "\u202e", "e\u0301", "😀",
    ]
)  # fmt: skip


class _Elements(HTMLParser):
    """Every element and attribute in a piece of HTML, as a browser's parser sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@hypothesis_settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(_fragments, st.text(max_size=20)), max_size=12).map("".join))
def test_sanitised_html_carries_no_script(value):
    clean = html_sanitise(value)
    for tag, attributes in _Elements(clean).found:
        assert tag in {"p", "br", "strong", "em", "ul", "ol", "li", "a"}, tag
        assert set(attributes) <= {"href", "rel"}, attributes  # no on* handlers, no style
        href = (attributes.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), href
        if tag == "a":
            assert attributes["rel"] == "nofollow ugc noopener"
    assert html_sanitise(clean) == clean  # sanitising twice changes nothing


def test_sanitiser_keeps_simple_formatting_and_marks_links():
    clean = html_sanitise(
        '<p>Hi <strong>all</strong> <a href="https://example.org" target="_blank">site</a></p>'
    )
    assert clean == (
        "<p>Hi <strong>all</strong> "
        '<a href="https://example.org" rel="nofollow ugc noopener">site</a></p>'
    )
