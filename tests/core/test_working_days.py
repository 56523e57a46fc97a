"""Working days in England on London time: weekends, bank holidays, clock changes, and the
cut-off that lets the database select what is due."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from website.core.working_days import working_day_is, working_days_add, working_days_cutoff

LONDON = ZoneInfo("Europe/London")


def london(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# England and Wales bank holidays, from gov.uk/bank-holidays (not from the library under test).
BANK_HOLIDAYS_2026 = [
    date(2026, 1, 1),
    date(2026, 4, 3),  # Good Friday
    date(2026, 4, 6),  # Easter Monday
    date(2026, 5, 4),
    date(2026, 5, 25),
    date(2026, 8, 31),
    date(2026, 12, 25),
    date(2026, 12, 28),  # Boxing Day falls on a Saturday: the Monday is the holiday
]


@pytest.mark.parametrize("day", BANK_HOLIDAYS_2026)
def test_bank_holidays_are_not_working_days(day):
    assert not working_day_is(day)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 24), True),
        (date(2026, 12, 29), True),
        (date(2026, 4, 2), True),
        (date(2026, 4, 7), True),
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 3, 17), True),  # St Patrick's Day: a holiday in Northern Ireland only
        (date(2026, 11, 30), True),  # St Andrew's Day: Scotland only
    ],
)
def test_working_days(day, expected):
    assert working_day_is(day) is expected


@pytest.mark.parametrize(
    ("start", "days", "deadline"),
    [
        # During working hours: the same wall-clock time, days working days later.
        (london(2025, 3, 3, 14, 30), 5, london(2025, 3, 10, 14, 30)),
        (london(2025, 3, 7, 16, 0), 1, london(2025, 3, 10, 16, 0)),  # Friday -> Monday
        (london(2025, 3, 5, 9, 0), 10, london(2025, 3, 19, 9, 0)),
        (london(2025, 3, 3, 17, 0), 5, london(2025, 3, 10, 17, 0)),  # 17:00 still counts
        # Before 09:00 the clock starts at 09:00; after 17:00, at 09:00 the next working day.
        (london(2025, 3, 3, 8, 15), 5, london(2025, 3, 10, 9, 0)),
        (london(2025, 3, 3, 17, 0, 1), 5, london(2025, 3, 11, 9, 0)),
        (london(2025, 3, 7, 23, 0), 5, london(2025, 3, 17, 9, 0)),  # Friday night
        # At the weekend, from 09:00 on Monday: five whole working days.
        (london(2025, 3, 8, 10, 0), 5, london(2025, 3, 17, 9, 0)),
        (london(2025, 3, 9, 22, 0), 5, london(2025, 3, 17, 9, 0)),
        # Nothing to add: when the clock starts.
        (london(2025, 3, 8, 10, 0), 0, london(2025, 3, 10, 9, 0)),
        (london(2025, 3, 4, 11, 0), 0, london(2025, 3, 4, 11, 0)),
    ],
)
def test_working_days_add(start, days, deadline):
    assert working_days_add(start, days) == deadline


def test_christmas_and_new_year_are_skipped():
    # Wed 24 (1), Christmas, Boxing Day, the weekend, Mon 29 (2), 30 (3), 31 (4), New Year's
    # Day, Fri 2 January (5).
    assert working_days_add(london(2025, 12, 23, 10, 0), 5) == london(2026, 1, 2, 10, 0)
    # Signed up on Christmas Day: the clock starts on Monday 29 December at 09:00.
    assert working_days_add(london(2025, 12, 25, 12, 0), 5) == london(2026, 1, 6, 9, 0)
    # Boxing Day 2026 is a Saturday, so Monday 28 December is the bank holiday.
    assert working_days_add(london(2026, 12, 24, 11, 0), 1) == london(2026, 12, 29, 11, 0)


def test_easter_is_skipped():
    # Good Friday 3 April and Easter Monday 6 April 2026.
    assert working_days_add(london(2026, 4, 2, 15, 0), 1) == london(2026, 4, 7, 15, 0)
    assert working_days_add(london(2026, 4, 2, 15, 0), 5) == london(2026, 4, 13, 15, 0)
    assert working_days_add(london(2026, 4, 4, 12, 0), 1) == london(2026, 4, 8, 9, 0)


def test_the_march_clock_change_keeps_the_wall_clock_time():
    # Clocks go forward on Sunday 29 March 2026: 10:00 GMT is 10:00 UTC, 10:00 BST is 09:00.
    deadline = working_days_add(utc(2026, 3, 26, 10, 0), 2)
    assert deadline == utc(2026, 3, 30, 9, 0)
    assert deadline.tzinfo is UTC


def test_the_october_clock_change_keeps_the_wall_clock_time():
    # Clocks go back on Sunday 26 October 2025: 10:00 BST is 09:00 UTC, 10:00 GMT is 10:00.
    assert working_days_add(utc(2025, 10, 24, 9, 0), 1) == utc(2025, 10, 27, 10, 0)
    # 01:30 happens twice that night; either way it is a Sunday, so Monday 09:00 GMT.
    first, second = utc(2025, 10, 26, 0, 30), utc(2025, 10, 26, 1, 30)
    assert working_days_add(first, 1) == working_days_add(second, 1) == utc(2025, 10, 28, 9, 0)


def test_counts_on_london_time_not_utc():
    # 16:30 UTC on a summer Monday is 17:30 in London: after hours, so from Tuesday 09:00.
    assert working_days_add(utc(2025, 6, 2, 16, 30), 1) == london(2025, 6, 4, 9, 0)
    # 23:30 UTC on a summer Friday is already Saturday in London.
    assert working_days_add(utc(2025, 6, 6, 23, 30), 0) == london(2025, 6, 9, 9, 0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        working_days_add(datetime(2025, 3, 3, 12, 0), 5)
    with pytest.raises(ValueError, match="aware"):
        working_days_cutoff(datetime(2025, 3, 3, 12, 0), 5)


@pytest.mark.parametrize(
    ("end", "days", "cutoff"),
    [
        (london(2025, 3, 10, 14, 30), 5, london(2025, 3, 3, 14, 30)),
        # On Saturday, deadlines up to Friday 17:00 have passed.
        (london(2025, 3, 15, 10, 0), 5, london(2025, 3, 7, 17, 0)),
        # Before 09:00, up to the previous working day's 17:00.
        (london(2025, 3, 17, 8, 59), 5, london(2025, 3, 7, 17, 0)),
        (london(2026, 1, 2, 10, 0), 5, london(2025, 12, 23, 10, 0)),
    ],
)
def test_working_days_cutoff(end, days, cutoff):
    assert working_days_cutoff(end, days) == cutoff


# Moments across two years, with the clock changes, Christmas and Easter in range.
MOMENTS = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=400, deadline=None)
@given(end=MOMENTS, days=st.integers(min_value=0, max_value=12))
def test_cutoff_is_exactly_the_last_start_that_is_due(end, days):
    """Due (deadline <= end) for the cut-off itself, and not a microsecond later."""
    cutoff = working_days_cutoff(end, days)
    assert working_days_add(cutoff, days) <= end
    assert working_days_add(cutoff + timedelta(microseconds=1), days) > end


@settings(max_examples=400, deadline=None)
@given(start=MOMENTS, gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=9)))
def test_a_later_start_never_has_an_earlier_deadline(start, gap):
    """Deadlines move forward with the start, so a cut-off on the start is exact."""
    assert working_days_add(start, 5) <= working_days_add(start + gap, 5)
    assert working_days_add(start, 5) - start >= timedelta(days=5)
