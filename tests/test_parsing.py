"""Typed dates and amounts: the accepted forms, and a clear refusal for the rest."""

from datetime import date

import pytest

from hsp_wizard.parsing import ParseError, parse_date, parse_yen


@pytest.mark.parametrize("text, expected", [
    ("2026-04-01", date(2026, 4, 1)), ("2026/4/1", date(2026, 4, 1)), ("2026年4月1日", date(2026, 4, 1)),
    ("２０２６－０４－０１", date(2026, 4, 1)), ("令和8年4月1日", date(2026, 4, 1)), ("R8.4.1", date(2026, 4, 1)),
    ("平成31年4月30日", date(2019, 4, 30)), ("令和元年5月1日", date(2019, 5, 1)), ("2024-02-29", date(2024, 2, 29)),
    ("", None), ("   ", None),
])
def test_dates_accepted(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-29", "2024-04-31", "2026-13-01", "2026-00-10", "0001-01-01",
                                  "1 April", "2026", "令和元年4月30日", "20260401x"])
def test_dates_refused(text):
    with pytest.raises(ParseError):
        parse_date(text)


@pytest.mark.parametrize("text, expected", [
    ("4000000", 4_000_000), ("4,000,000", 4_000_000), ("¥4,000,000", 4_000_000), ("４００００００", 4_000_000),
    ("400万", 4_000_000), ("400万円", 4_000_000), (" 4000000 ", 4_000_000), ("4000000円", 4_000_000),
    ("0", 0), ("", None), ("6.5M", 6_500_000), ("650万", 6_500_000), ("6,500,000", 6_500_000),
    ("¥4M", 4_000_000), ("6.5万", 65_000), ("650k", 650_000), ("1.25m", 1_250_000), ("6.5 M yen", 6_500_000),
])
def test_amounts_accepted(text, expected):
    assert parse_yen(text) == expected


@pytest.mark.parametrize("text", ["-1", "4.000.000", "4e6", "4,00,000", "abc", "99999999999",
                                  "6.5", "1.2345k", "6.5MM", "20000M"])
def test_amounts_refused(text):
    with pytest.raises(ParseError):
        parse_yen(text)


@pytest.mark.parametrize("text, month, expected", [
    ("2018-03", "last", date(2018, 3, 31)), ("2018/3", "last", date(2018, 3, 31)),
    ("2020年2月", "last", date(2020, 2, 29)), ("2019-02", "last", date(2019, 2, 28)),
    ("2018-03", "first", date(2018, 3, 1)), ("2018-03-15", "last", date(2018, 3, 15)),
])
def test_a_month_without_a_day_is_the_day_the_field_says(text, month, expected):
    """A degree "2018-03" counts from 2018-03-31: never a point before it is earned."""
    assert parse_date(text, month=month) == expected


@pytest.mark.parametrize("text", ["2018-03", "2018-13"])
def test_a_month_without_a_day_is_refused_where_the_day_matters(text):
    with pytest.raises(ParseError):
        parse_date(text)  # a birth date, a planned date: the day is needed
    if text == "2018-13":
        with pytest.raises(ParseError):
            parse_date(text, month="last")


def test_whole_numbers():
    from hsp_wizard.parsing import ParseError, parse_whole
    assert parse_whole("") is None and parse_whole("  ") is None
    assert parse_whole("36") == 36 and parse_whole("３６") == 36 and parse_whole("1,200") == 1200
    for bad in ("three", "-5", "3.5", "٣"):
        with pytest.raises(ParseError):
            parse_whole(bad)
