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
    ("0", 0), ("", None),
])
def test_amounts_accepted(text, expected):
    assert parse_yen(text) == expected


@pytest.mark.parametrize("text", ["-1", "4.000.000", "4e6", "¥4M", "4,00,000", "abc", "99999999999"])
def test_amounts_refused(text):
    with pytest.raises(ParseError):
        parse_yen(text)
