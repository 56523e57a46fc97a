"""'Open now' and 'opens next' at the boundaries: midnight, exceptions and the clock changes."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from directory.opening_hours import DatedHours, WeeklyPeriod, opening_intervals, opening_status

LONDON = ZoneInfo("Europe/London")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# A Wellbeing Hub: weekdays 09:00-12:30 and 13:30-17:00, Friday late 18:00-21:00.
HUB = [
    *(WeeklyPeriod(day, time(9), time(12, 30)) for day in range(MON, SAT)),
    *(WeeklyPeriod(day, time(13, 30), time(17)) for day in range(MON, SAT)),
    WeeklyPeriod(FRI, time(18), time(21)),
]


def london(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def status(weekly, now, dated=()):
    return opening_status(weekly=weekly, dated=dated, now=now)


def test_open_from_the_opening_minute_and_closed_from_the_closing_minute():
    # Monday 23 November 2026 (GMT).
    assert status(HUB, london(2026, 11, 23, 8, 59, 59)).opens_at == london(2026, 11, 23, 9)
    opened = status(HUB, london(2026, 11, 23, 9))
    assert opened.is_open and opened.closes_at == london(2026, 11, 23, 12, 30)
    lunch = status(HUB, london(2026, 11, 23, 12, 30))
    assert not lunch.is_open and lunch.opens_at == london(2026, 11, 23, 13, 30)


def test_after_friday_closing_it_opens_next_on_monday():
    late = status(HUB, london(2026, 11, 27, 21, 0))
    assert not late.is_open and late.opens_at == london(2026, 11, 30, 9)
    assert status(HUB, london(2026, 11, 27, 20, 59)).closes_at == london(2026, 11, 27, 21)


def test_a_period_past_midnight_is_open_into_the_next_day():
    night_shelter = [WeeklyPeriod(FRI, time(22), time(2))]
    saturday_early = status(night_shelter, london(2026, 11, 28, 1, 30))
    assert saturday_early.is_open and saturday_early.closes_at == london(2026, 11, 28, 2)
    assert not status(night_shelter, london(2026, 11, 28, 2)).is_open
    assert status(night_shelter, london(2026, 11, 28, 2)).opens_at == london(2026, 12, 4, 22)


def test_open_until_midnight_then_from_midnight_is_one_opening():
    all_weekend = [WeeklyPeriod(SAT, time(0), time(0)), WeeklyPeriod(SUN, time(0), time(0))]
    saturday = status(all_weekend, london(2026, 11, 28, 12))
    assert saturday.is_open and saturday.closes_at == london(2026, 11, 30, 0)


def test_a_closure_replaces_the_day_and_special_hours_replace_its_periods():
    christmas = [
        DatedHours(date(2026, 12, 25)),
        DatedHours(date(2026, 12, 24), ((time(9), time(12)),)),
    ]
    eve = status(HUB, london(2026, 12, 24, 13, 45), christmas)
    assert not eve.is_open and eve.opens_at == london(2026, 12, 28, 9)  # Friday 25th closed
    assert status(HUB, london(2026, 12, 24, 11), christmas).closes_at == london(2026, 12, 24, 12)


def test_special_opening_on_a_day_that_is_normally_closed():
    fun_day = [DatedHours(date(2026, 11, 29), ((time(10), time(14)),))]  # a Sunday
    assert status(HUB, london(2026, 11, 29, 10, 30), fun_day).is_open
    assert status(HUB, london(2026, 11, 28, 18), fun_day).opens_at == london(2026, 11, 29, 10)


def test_the_spring_clock_change_keeps_wall_clock_hours():
    # Clocks go forward at 01:00 GMT on Sunday 29 March 2026; Monday opens at 09:00 BST.
    monday = status(HUB, datetime(2026, 3, 30, 8, 0, tzinfo=UTC))  # = 09:00 BST
    assert monday.is_open
    before = status(HUB, datetime(2026, 3, 28, 12, 0, tzinfo=UTC))  # Saturday
    assert before.opens_at == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)


def test_the_autumn_clock_change_keeps_wall_clock_hours():
    # Clocks go back at 02:00 BST on Sunday 25 October 2026; Monday opens at 09:00 GMT.
    assert not status(HUB, datetime(2026, 10, 26, 8, 30, tzinfo=UTC)).is_open  # 08:30 GMT
    assert status(HUB, datetime(2026, 10, 26, 9, 0, tzinfo=UTC)).is_open


def test_a_night_opening_across_the_autumn_change_lasts_an_hour_longer():
    overnight = [WeeklyPeriod(SAT, time(22), time(6))]  # Saturday 24 to Sunday 25 October
    opens, closes = opening_intervals(weekly=overnight, dated=(), start=date(2026, 10, 24), days=1)[
        0
    ]
    assert (closes - opens).total_seconds() == 9 * 3600
    at_one_gmt = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # after the clocks went back
    assert status(overnight, at_one_gmt).is_open


def test_never_open_says_so_and_needs_an_aware_time():
    assert status([], london(2026, 11, 23, 12)).opens_at is None
    with pytest.raises(ValueError, match="aware"):
        status(HUB, datetime(2026, 11, 23, 12))
