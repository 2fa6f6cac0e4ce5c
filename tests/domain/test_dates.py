"""Age, anniversaries and 'N years before': the stated conventions at their edges."""

from datetime import date

import pytest

from hsp_wizard.domain.dates import (anniversary, completed_months, completed_years,
                                     earliest_on_or_after_years_before, years_before)


@pytest.mark.parametrize("on, age", [
    (date(2026, 5, 9), 29),   # day before the 30th birthday
    (date(2026, 5, 10), 30),  # the birthday itself
    (date(2026, 5, 11), 30),
])
def test_age_rises_on_the_birthday(on, age):
    assert completed_years(date(1996, 5, 10), on) == age


@pytest.mark.parametrize("on, age", [
    (date(2030, 2, 28), 29),  # common year: not yet
    (date(2030, 3, 1), 30),   # common year: Feb 29 birthday rises on Mar 1
    (date(2028, 2, 28), 27),
    (date(2028, 2, 29), 28),  # leap year: on the day
])
def test_feb29_birthday(on, age):
    assert completed_years(date(2000, 2, 29), on) == age


def test_anniversary_of_feb29_in_common_year_is_mar1():
    assert anniversary(date(2000, 2, 29), 30) == date(2030, 3, 1)
    assert anniversary(date(2000, 2, 29), 28) == date(2028, 2, 29)


@pytest.mark.parametrize("d, n, expected", [
    (date(2028, 2, 29), 1, date(2027, 2, 28)),  # Feb 29 maps to Feb 28
    (date(2028, 2, 29), 4, date(2024, 2, 29)),
    (date(2026, 10, 1), 3, date(2023, 10, 1)),
    (date(2027, 3, 1), 1, date(2026, 3, 1)),
])
def test_years_before(d, n, expected):
    assert years_before(d, n) == expected


def test_earliest_day_whose_lookback_reaches_a_date():
    # the first day D with years_before(D, 1) >= 2027-02-28 is 2028-02-28 (and 2028-02-29 maps there too)
    assert earliest_on_or_after_years_before(date(2027, 2, 28), 1) == date(2028, 2, 28)
    assert earliest_on_or_after_years_before(date(2027, 3, 1), 1) == date(2028, 3, 1)


@pytest.mark.parametrize("start, end, months", [
    (date(2020, 4, 1), date(2023, 4, 1), 36),
    (date(2020, 4, 1), date(2023, 3, 31), 35),
    (date(2020, 1, 31), date(2020, 2, 29), 1),  # a month ends on the clamped day
    (date(2020, 1, 31), date(2020, 2, 28), 0),
    (date(2020, 5, 1), date(2020, 5, 1), 0),
])
def test_completed_months(start, end, months):
    assert completed_months(start, end) == months


def test_the_first_day_whose_lookback_reaches_a_date_is_its_anniversary():
    """The planner shifts each base date by a route's years once (`Planner._shifted`), relying on this: the first
    day `n` years after which a date lies is the date's anniversary, Feb 29 included (a leap day's anniversary in a
    common year is Mar 1, and Feb 28 of that year still looks back to Feb 28)."""
    from datetime import timedelta
    day = date(2019, 1, 1)
    while day < date(2033, 1, 1):
        for n in (1, 2, 3, 4, 5, 7, 10):
            assert earliest_on_or_after_years_before.__wrapped__(day, n) == anniversary(day, n), (day, n)
        day += timedelta(days=1)


def test_completed_months_and_years_are_counted_by_their_definitions():
    """The counts compare months and days without building dates (issue 21); here against their definitions: the
    months whose same day (clamped to the month's last) is not after the end, the years whose anniversary is not
    after the day; every start in 2019-2021 (a leap day included) against ends around month and year turns."""
    from datetime import timedelta
    from hsp_wizard.domain.dates import month_add

    def months_by_definition(start, end):
        n = 0
        while month_add(start, n + 1) <= end:
            n += 1
        return n

    def years_by_definition(start, on):
        n = -1
        while anniversary(start, n + 1) <= on:
            n += 1
        return n

    start = date(2019, 1, 1)
    while start < date(2021, 1, 1):
        for end in (date(2020, 2, 28), date(2020, 2, 29), date(2020, 3, 1), date(2021, 2, 28), date(2021, 3, 1),
                    date(2021, 1, 31), date(2023, 4, 30), start + timedelta(days=400)):
            if end > start:
                assert completed_months(start, end) == months_by_definition(start, end), (start, end)
            assert completed_years(start, end) == years_by_definition(start, end), (start, end)
        start += timedelta(days=1)
