"""What the directory's pages, maps and downloads say about an entry: opening status in words,
the week's hours, the map feature and the schema.org description."""

from datetime import date, datetime, time, timedelta

from django.utils import formats
from django.utils.translation import gettext as _

from .models import ACCESSIBILITY_FEATURES, AssetCategory, EntryKind, Weekday
from .opening_hours import LONDON, OpeningStatus, WeeklyPeriod


def time_text(moment: time) -> str:
    """A time as the reader's language writes it ("9 a.m.", "17:30")."""
    return formats.time_format(moment)


def _day_text(day: date, today: date) -> str:
    if day == today + timedelta(days=1):
        return _("tomorrow")
    if day - today < timedelta(days=7):
        return str(Weekday(day.weekday()).label)
    return formats.date_format(day, "l j F")


def opening_status_text(status: OpeningStatus | None, *, now: datetime) -> str:
    """ "Open now, closes at 5 p.m." or "Closed now, opens tomorrow at 9 a.m."; "" without hours."""
    if status is None:
        return ""
    today = now.astimezone(LONDON).date()
    if status.is_open:
        closes = status.closes_at.astimezone(LONDON)
        if closes.date() == today or closes.time() == time(0):
            return _("Open now, closes at %(time)s") % {"time": time_text(closes.time())}
        return _("Open now, closes %(day)s at %(time)s") % {
            "day": _day_text(closes.date(), today),
            "time": time_text(closes.time()),
        }
    if status.opens_at is None:
        return _("Closed now")
    opens = status.opens_at.astimezone(LONDON)
    if opens.date() == today:
        return _("Closed now, opens at %(time)s") % {"time": time_text(opens.time())}
    return _("Closed now, opens %(day)s at %(time)s") % {
        "day": _day_text(opens.date(), today),
        "time": time_text(opens.time()),
    }


def _period_text(opens: time, closes: time) -> str:
    return _("%(opens)s to %(closes)s") % {"opens": time_text(opens), "closes": time_text(closes)}


def weekly_hours_rows(weekly: list[WeeklyPeriod]) -> list[dict]:
    """Monday to Sunday, each with its periods in words, or "Closed"."""
    rows = []
    for day in Weekday:
        periods = sorted((p.opens, p.closes) for p in weekly if p.weekday == day.value)
        rows.append(
            {
                "day": day.label,
                "text": ", ".join(_period_text(*p) for p in periods) if periods else _("Closed"),
            }
        )
    return rows


def dated_hours_rows(page, *, today: date) -> list[dict]:
    """The changes to the usual hours from today, in date order, with their notes."""
    rows = []
    for change in page.dated_hours.all():
        if change.day < today:
            continue
        text = _period_text(change.opens, change.closes) if change.opens else _("Closed")
        rows.append({"day": change.day, "text": text, "note": change.note})
    return sorted(rows, key=lambda row: row["day"])


def where_text(page) -> str:
    """The address, or "Around Efford" for an asset placed only by its area."""
    if page.kind == EntryKind.ASSET and page.location_is_approximate:
        area = page.neighbourhood or page.ward
        return _("Around %(area)s") % {"area": area.name} if area else ""
    return ", ".join(part for part in (page.address.replace("\n", ", "), page.postcode) if part)


def kind_label(page) -> str:
    """What the entry is: "Wellbeing Hub", "Food co-op", "Places and spaces"."""
    if page.kind == EntryKind.FOOD:
        return page.get_food_place_kind_display()
    if page.kind == EntryKind.ASSET:
        return page.get_category_display()
    return str(EntryKind.HUB.label)


def _postal_address(page) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": page.address.replace("\n", ", "),
        "addressLocality": "Plymouth",
        "postalCode": page.postcode,
        "addressCountry": "GB",
    }


def _weekday_uri(weekday: int) -> str:
    return f"https://schema.org/{Weekday(weekday).name.title()}"


def entry_json_ld(page, *, url: str, weekly: list[WeeklyPeriod], today: date) -> dict:
    """schema.org for one entry: a LocalBusiness with hours for hubs and food places, a Place
    for assets (without address or coordinates when it is placed only by area)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Place" if page.kind == EntryKind.ASSET else "LocalBusiness",
        "name": page.title,
        "description": page.listing_summary,
        "url": url,
    }
    approximate = page.kind == EntryKind.ASSET and page.location_is_approximate
    if not approximate and page.postcode:
        data["address"] = _postal_address(page)
    if not approximate and page.has_point:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": page.latitude,
            "longitude": page.longitude,
        }
    data.update({k: v for k, v in (("telephone", page.phone), ("email", page.email)) if v})
    if page.kind != EntryKind.ASSET:
        data["openingHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": _weekday_uri(p.weekday),
                "opens": p.opens.strftime("%H:%M"),
                "closes": p.closes.strftime("%H:%M"),
            }
            for p in weekly
        ]
        data["specialOpeningHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": row["day"].isoformat(),
                "validThrough": row["day"].isoformat(),
                **(
                    {"opens": row["opens"], "closes": row["closes"]}
                    if row["opens"]
                    else {"opens": "00:00", "closes": "00:00"}
                ),
            }
            for row in _dated_specs(page, today)
        ]
        data["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": str(label), "value": True}
            for name, label in ACCESSIBILITY_FEATURES
            if getattr(page, name)
        ]
    return data


def _dated_specs(page, today: date) -> list[dict]:
    return [
        {
            "day": change.day,
            "opens": change.opens.strftime("%H:%M") if change.opens else "",
            "closes": change.closes.strftime("%H:%M") if change.closes else "",
        }
        for change in page.dated_hours.all()
        if change.day >= today
    ]


def category_label(category: str) -> str:
    return str(AssetCategory(category).label) if category else ""
