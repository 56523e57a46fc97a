"""The site-wide alert banner shows only while enabled and inside its time window."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from website.core.builders import AlertBannerBuilder
from website.core.selectors import alert_banner_current


@pytest.mark.django_db
def test_banner_shows_on_every_page(client, home, standard_page):
    AlertBannerBuilder(title="Phone lines closed", message="<p>Back on <b>Monday</b>.</p>")
    for url in ("/", standard_page.url, "/search/"):
        html = client.get(url).content.decode()
        assert "Phone lines closed" in html and "<b>Monday</b>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("enabled", "start", "end", "shown"),
    [
        (True, None, None, True),
        (False, None, None, False),
        (True, -1, 1, True),
        (True, 1, None, False),  # not started yet
        (True, None, -1, False),  # already ended
    ],
)
def test_time_window(locales, enabled, start, end, shown):
    now = timezone.now()
    AlertBannerBuilder(
        is_enabled=enabled,
        starts_at=now + timedelta(hours=start) if start is not None else None,
        ends_at=now + timedelta(hours=end) if end is not None else None,
    )
    assert (alert_banner_current(locale=locales["en"], now=now) is not None) is shown


@pytest.mark.django_db
def test_untranslated_banner_still_reaches_other_languages(locales):
    banner = AlertBannerBuilder()
    assert alert_banner_current(locale=locales["pl"]) == banner
    polish = AlertBannerBuilder(
        locale=locales["pl"], translation_key=banner.translation_key, title="Ważne"
    )
    assert alert_banner_current(locale=locales["pl"]) == polish


@pytest.mark.django_db
def test_end_must_follow_start(locales):
    now = timezone.now()
    banner = AlertBannerBuilder.build(starts_at=now, ends_at=now - timedelta(minutes=1))
    with pytest.raises(ValidationError):
        banner.clean()


@pytest.mark.django_db
def test_urgent_banner_is_styled_differently(client, home):
    AlertBannerBuilder(level="urgent")
    assert "app-notification-banner--urgent" in client.get("/").content.decode()
