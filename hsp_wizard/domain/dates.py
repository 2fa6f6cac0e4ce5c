"""Date arithmetic the rules depend on, each convention stated once (project decisions table)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

ONE_DAY = timedelta(days=1)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def anniversary(start: date, years: int) -> date:
    """The date `years` after `start` on which a count of completed years rises.

    A Feb 29 start rises on Mar 1 in common years (Civil Code art. 143 reading, project decision).
    """
    y = start.year + years
    m, d = start.month, start.day
    if m == 2 and d == 29 and not _is_leap(y):
        return date(y, 3, 1)
    return date(y, m, d) if start.__class__ is date else start.replace(year=y)  # as replace, 3x faster


def completed_years(start: date, on: date) -> int:
    """Completed years from `start` to `on` (age: rises on the birthday; Feb 29 births on Mar 1)."""
    if on < start:
        return -1
    n = on.year - start.year
    if start.__class__ is not date or on.__class__ is not date:
        return n - 1 if anniversary(start, n) > on else n
    # the anniversary in `on`'s year (Feb 29 on Mar 1 in a common year), compared by month and day without the date
    sm, sd = start.month, start.day
    if sm == 2 and sd == 29 and not _is_leap(on.year):
        sm, sd = 3, 1
    om = on.month
    return n - 1 if sm > om or (sm == om and sd > on.day) else n


def years_before(d: date, years: int) -> date:
    """Same month and day `years` earlier; Feb 29 maps to Feb 28 (project decision, Catala's round-down)."""
    y = d.year - years
    m, day = d.month, d.day
    if m == 2 and day == 29 and not _is_leap(y):
        return date(y, 2, 28)
    return date(y, m, day) if d.__class__ is date else d.replace(year=y)


def years_after(d: date, years: int) -> date:
    """Same month and day `years` later; Feb 29 maps to Feb 28 (the inverse reading of years_before)."""
    y = d.year + years
    m, day = d.month, d.day
    if m == 2 and day == 29 and not _is_leap(y):
        return date(y, 2, 28)
    return date(y, m, day) if d.__class__ is date else d.replace(year=y)


@lru_cache(maxsize=8192)  # pure; the planner asks it for every event date of every project and scenario
def earliest_on_or_after_years_before(target: date, years: int) -> date:
    """The first date D with years_before(D, years) >= target."""
    d = years_after(target, years)
    while years_before(d, years) < target:
        d += ONE_DAY
    while years_before(d - ONE_DAY, years) >= target:
        d -= ONE_DAY
    return d


def completed_months(start: date, end_exclusive: date) -> int:
    """Whole calendar months from `start` up to (not including) `end_exclusive`; leftover days are dropped.

    A month completes on the same day-of-month (clamped to the month's last day) one month later.
    """
    if end_exclusive <= start:
        return 0
    ey, em, ed = end_exclusive.year, end_exclusive.month, end_exclusive.day
    months = (ey - start.year) * 12 + (em - start.month)
    # `start` moved `months` months lands in the end's month, on its day clamped to that month's last: later than
    # the end exactly when that day is (the comparison `_month_add(start, months) > end_exclusive`, without the date)
    sd = start.day
    if sd > ed and min(sd, _days_in_month(ey, em)) > ed:
        months -= 1
    return months


def _month_add(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    m += 1
    last = _days_in_month(y, m)
    return date(y, m, min(d.day, last))


def month_add(d: date, months: int) -> date:
    """`d` moved by whole months, the day clamped to the target month's last day."""
    return _month_add(d, months)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(y: int, m: int) -> int:
    return 29 if m == 2 and _is_leap(y) else _MONTH_DAYS[m]


# Japanese eras, newest first: name, the Latin initial used in short dates (R8.4.1), and the first day (the
# era changes on that day; its first year is 元年). Babel and QLocale have no Japanese calendar.
JAPANESE_ERAS = (("令和", "R", date(2019, 5, 1)), ("平成", "H", date(1989, 1, 8)), ("昭和", "S", date(1926, 12, 25)))
