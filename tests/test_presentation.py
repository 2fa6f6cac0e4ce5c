"""The renderer translates message ids passed as Term parameters, and only those."""

from datetime import date

from hsp_wizard.domain.explain import Msg, Term
from hsp_wizard.domain.points import points
from hsp_wizard.domain.project import CareerPeriod, Project
from hsp_wizard.presentation import Renderer


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
