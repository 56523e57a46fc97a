"""Working days in England: Monday to Friday except England and Wales bank holidays, counted on
London wall-clock time, for "within 5 working days" promises and the reminders that keep them.

The rule, chosen so that a coordinator always gets the full number of working days:

- The clock starts when something arrives during working hours (09:00 to 17:00 inclusive,
  London time, on a working day).
- Something that arrives before 09:00 on a working day starts the clock at 09:00 that day;
  after 17:00, or on a weekend or bank holiday, at 09:00 on the next working day.
- The deadline is the same London wall-clock time, `days` working days after the clock starts.

So a sign-up on Monday at 14:30 is due the next Monday at 14:30; one on Saturday at 10:00 (or
on Friday at 18:00) is treated as arriving on Monday at 09:00 and is due a week later at
09:00. Deadlines always fall in working hours, never in the hour the clocks change.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
DAY_STARTS = time(9, 0)
DAY_ENDS = time(17, 0)
# Expands itself to any year it is asked about; includes substitute days ("observed").
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG")


def working_day_is(day: date) -> bool:
    """Whether `day` is a working day: Monday to Friday and not a bank holiday in England."""
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def working_days_add(start: datetime, days: int) -> datetime:
    """The deadline `days` working days after `start` (see the module's rule), in UTC."""
    clock = _clock_start(_london(start))
    day = clock.date()
    for _count in range(days):
        day = _working_day_step(day, 1)
    return _aware(day, clock.time())


def working_days_cutoff(end: datetime, days: int) -> datetime:
    """The latest start whose deadline `working_days_add(start, days)` is at or before `end`.

    Lets the database select what is due: `created_at <= cutoff` holds exactly when the
    deadline has passed, because deadlines only move forward as the start does.
    """
    latest = _deadline_latest(_london(end))
    day = latest.date()
    for _count in range(days):
        day = _working_day_step(day, -1)
    return _aware(day, latest.time())


def _london(moment: datetime) -> datetime:
    """London wall-clock time of an aware datetime, as a naive one."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("Working days need an aware datetime.")
    return moment.astimezone(LONDON).replace(tzinfo=None)


def _clock_start(local: datetime) -> datetime:
    """When the clock starts for something arriving at `local` (London wall-clock time)."""
    if working_day_is(local.date()):
        if local.time() < DAY_STARTS:
            return datetime.combine(local.date(), DAY_STARTS)
        if local.time() <= DAY_ENDS:
            return local
    return datetime.combine(_working_day_step(local.date(), 1), DAY_STARTS)


def _deadline_latest(local: datetime) -> datetime:
    """The latest moment at or before `local` that a deadline can fall on (in working hours)."""
    if working_day_is(local.date()) and local.time() >= DAY_STARTS:
        return min(local, datetime.combine(local.date(), DAY_ENDS))
    return datetime.combine(_working_day_step(local.date(), -1), DAY_ENDS)


def _working_day_step(day: date, step: int) -> date:
    """The next (step 1) or previous (step -1) working day."""
    day += timedelta(days=step)
    while not working_day_is(day):
        day += timedelta(days=step)
    return day


def _aware(day: date, at: time) -> datetime:
    # Working hours never fall in a clock change, so the London time is never ambiguous.
    return datetime.combine(day, at, tzinfo=LONDON).astimezone(UTC)
