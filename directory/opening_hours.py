"""Opening hours: "open now" and "opens next at ..." from weekly hours and dated exceptions.

Hours are London wall-clock times. A period whose closing time is at or before its opening time
runs past midnight (Friday 22:00-02:00 closes on Saturday at 02:00). A dated exception (a bank
holiday, a closure, special hours) replaces that day's weekly hours entirely; an exception with
no periods means closed all day. Times are made aware in Europe/London on their own date, so
the answers stay right across the clock changes.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# How far ahead "opens next" looks: far enough for a place open one day a month.
LOOKAHEAD_DAYS = 35


@dataclass(frozen=True)
class WeeklyPeriod:
    """Open on `weekday` (0 = Monday) from `opens` to `closes`."""

    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class DatedHours:
    """The hours on one date instead of the weekly ones: no periods means closed."""

    day: date
    periods: tuple[tuple[time, time], ...] = ()


@dataclass(frozen=True)
class OpeningStatus:
    """Whether a place is open at a moment, until when, and when it next opens."""

    is_open: bool
    closes_at: datetime | None = None  # when open: the end of the current opening
    opens_at: datetime | None = None  # when closed: the next opening, if within the lookahead


def _aware(day: date, moment: time) -> datetime:
    """The London wall-clock time on `day`, in UTC (aware datetimes sharing one tzinfo compare
    by wall clock, which is wrong in the hour the clocks go back)."""
    return datetime.combine(day, moment, tzinfo=LONDON).astimezone(UTC)


def _day_periods(
    day: date, weekly: list[WeeklyPeriod], dated: dict[date, DatedHours]
) -> Iterator[tuple[time, time]]:
    if day in dated:
        yield from dated[day].periods
    else:
        yield from ((p.opens, p.closes) for p in weekly if p.weekday == day.weekday())


def opening_intervals(
    *, weekly: Iterable[WeeklyPeriod], dated: Iterable[DatedHours], start: date, days: int
) -> list[tuple[datetime, datetime]]:
    """Every opening from `start` for `days` days as UTC (opens, closes), in time order,
    with touching or overlapping ones joined (open until 24:00 then from 00:00 is one)."""
    weekly, dated_by_day = list(weekly), {entry.day: entry for entry in dated}
    intervals = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        for opens, closes in _day_periods(day, weekly, dated_by_day):
            end_day = day + timedelta(days=1) if closes <= opens else day
            intervals.append((_aware(day, opens), _aware(end_day, closes)))
    intervals.sort()
    joined: list[tuple[datetime, datetime]] = []
    for opens, closes in intervals:
        if joined and opens <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], closes))
        else:
            joined.append((opens, closes))
    return joined


def opening_status(
    *, weekly: Iterable[WeeklyPeriod], dated: Iterable[DatedHours], now: datetime
) -> OpeningStatus:
    """Open now (and until when), or when it opens next; `now` must be aware."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    today = now.astimezone(LONDON).date()
    # From yesterday: a period that started yesterday evening may still be running.
    intervals = opening_intervals(
        weekly=weekly, dated=dated, start=today - timedelta(days=1), days=LOOKAHEAD_DAYS + 1
    )
    for opens, closes in intervals:
        if opens <= now < closes:
            return OpeningStatus(is_open=True, closes_at=closes)
        if opens > now:
            return OpeningStatus(is_open=False, opens_at=opens)
    return OpeningStatus(is_open=False)
