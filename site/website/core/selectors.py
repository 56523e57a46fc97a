"""Reads for site-wide pieces that templates show on every page."""

from datetime import datetime

from django.conf import settings
from django.db.models import Avg, F, Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale

from .geography import Point
from .models import AlertBanner, Postcode, SiteSettings


def alert_banner_current(*, locale: Locale, now: datetime | None = None) -> AlertBanner | None:
    """The newest live banner in this language, else in the default language (one query).

    An urgent message must reach every resident, so an untranslated banner still shows.
    """
    now = now or timezone.now()
    banners = (
        AlertBanner.objects.filter(is_enabled=True)
        .filter(Q(locale=locale) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now))
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        # Same order on SQLite and PostgreSQL, which put NULLs at opposite ends.
        .order_by(F("starts_at").desc(nulls_last=True), "-pk")
    )
    in_reader_language = [banner for banner in banners if banner.locale_id == locale.pk]
    return in_reader_language[0] if in_reader_language else next(iter(banners), None)


def privacy_notice_url(*, request: HttpRequest) -> str:
    """The privacy notice in the reader's language (or English), for every form to link to."""
    page = SiteSettings.for_request(request).privacy_page
    if page is None:
        return ""
    page = page.localized
    return page.get_url(request=request) or ""


def postcode_point(*, postcode: str) -> Point | None:
    """The centre of a (normalised) postcode, or None if it is not in the postcode table."""
    row = Postcode.objects.filter(postcode=postcode).values("latitude", "longitude").first()
    return Point(row["latitude"], row["longitude"]) if row else None


def postcode_ward_code(*, postcode: str) -> str:
    """The GSS code of a (normalised) postcode's ward, or "" if it is not in the table."""
    row = Postcode.objects.filter(postcode=postcode).values_list("ward_code", flat=True).first()
    return row or ""


def ward_centre(*, code: str) -> Point | None:
    """The mean position of a ward's postcodes: where an approximate place is shown."""
    centre = Postcode.objects.filter(ward_code=code).aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude")
    )
    if centre["latitude"] is None:
        return None
    return Point(round(centre["latitude"], 4), round(centre["longitude"], 4))
