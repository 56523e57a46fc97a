"""Reads for site-wide pieces that templates show on every page."""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from .models import AlertBanner


def alert_banner_current(*, locale: Locale, now: datetime | None = None) -> AlertBanner | None:
    """The newest live banner in this language, else in the default language (one query).

    An urgent message must reach every resident, so an untranslated banner still shows.
    """
    now = now or timezone.now()
    default_locale_id = Locale.get_default().pk if locale.language_code else None
    banners = (
        AlertBanner.objects.filter(locale_id__in={locale.pk, default_locale_id}, is_enabled=True)
        .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now))
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .order_by("-starts_at", "-pk")
    )
    by_locale: dict[int, AlertBanner] = {}
    for banner in banners:
        by_locale.setdefault(banner.locale_id, banner)
    return by_locale.get(locale.pk) or by_locale.get(default_locale_id)
