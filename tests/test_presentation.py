"""The renderer: Term parameters translated (and only those), dates with and without the era, yen per language."""

from datetime import date

import pytest

from hsp_wizard.domain.explain import Msg, Term
from hsp_wizard.domain.points import points
from hsp_wizard.domain.project import CareerPeriod, Project
from hsp_wizard.presentation import Renderer, format_day, format_yen


def test_term_parameters_are_translated_and_plain_strings_are_not(monkeypatch):
    r = Renderer("en")
    monkeypatch.setattr(r, "tr", lambda text: text.upper())
    m = Msg.of("{a} and {b}", a=Term("taxes"), b="Kawasaki Robotics")
    assert r.msg(m) == "TAXES and Kawasaki Robotics"


def test_kinds_are_named_not_shown_as_ids():
    p = Project(birth_date=date(1990, 1, 1),
                career=[CareerPeriod(kind="business_management", start=date(2015, 1, 1))])
    r = points("b", p, date(2026, 1, 1))
    text = " ".join(Renderer("en").msg(ln.why) for ln in (*r.lines, *r.withheld))
    assert "business management" in text and "business_management" not in text
    assert all(isinstance(v, Term) for ln in r.withheld for k, v in ln.why.params if k == "kind")


@pytest.mark.parametrize("day, text", [
    (date(2019, 4, 30), "平成31年4月30日"), (date(2019, 5, 1), "令和元年5月1日"), (date(2026, 4, 1), "令和8年4月1日"),
    (date(1989, 1, 7), "昭和64年1月7日"), (date(1989, 1, 8), "平成元年1月8日"), (date(1920, 3, 1), "1920年3月1日"),
])
def test_japanese_dates_with_the_era_change_on_its_first_day(day, text):
    assert format_day(day, "ja", era=True) == text
    assert format_day(day, "ja") == f"{day.year}年{day.month}月{day.day}日"


@pytest.mark.parametrize("amount, ja, en", [
    (7_200_000, "720万円", "¥7,200,000"), (7_253_000, "7,253,000円", "¥7,253,000"),
    (120_000_000, "1億2,000万円", "¥120,000,000"), (100_000_000, "1億円", "¥100,000,000"), (0, "0円", "¥0"),
])
def test_yen_the_way_each_language_writes_it(amount, ja, en):
    assert format_yen(amount, "ja") == ja and format_yen(amount, "en") == en
