"""The checklist's shortcuts around reportlab (issue 21: `hsp-wizard checklist` under 500 ms) change no byte: each
example's PDF, in both languages, is the PDF reportlab's own code paths make with every shortcut taken out."""

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from hsp_wizard.domain.plan import make_plan
from hsp_wizard.report import checklist_pdf
from hsp_wizard.report.font_cache import CachedTTFont
from hsp_wizard.storage import load_project

ROOT = Path(__file__).resolve().parents[2]


def build(name: str, lang: str, route=None) -> bytes:
    p = load_project(ROOT / "examples" / f"{name}.hspw")
    on = p.planned_application_date
    return checklist_pdf.build_checklist_pdf(make_plan(p, on, on=on), lang=lang, route=route)


def without_shortcuts(monkeypatch) -> None:
    monkeypatch.setattr(checklist_pdf._Paragraph, "wrap", Paragraph.wrap)  # every wrap breaks the lines again
    monkeypatch.setattr(CachedTTFont, "stringWidth", TTFont.stringWidth)  # every width measured again


# family-b: 6-7 pages, tables split across pages with repeated header rows; planning-b: scenarios;
# manager-c: the longest English checklist of the single-person examples
@pytest.mark.parametrize("name, route", [("household/family-b", None), ("planning-b", None), ("manager-c", None),
                                         ("hsp-holder-b", "hsp80")])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_same_bytes_as_without_shortcuts(monkeypatch, name, route, lang):
    fast = build(name, lang, route)
    with monkeypatch.context() as m:
        without_shortcuts(m)
        slow = build(name, lang, route)
    assert fast.startswith(b"%PDF") and fast == slow


def test_a_paragraph_is_broken_once_per_width(monkeypatch):
    """The shortcut is taken (a test of the bytes alone would pass with it broken): far fewer line breaks."""
    calls = []
    real = Paragraph.breakLinesCJK
    monkeypatch.setattr(Paragraph, "breakLinesCJK", lambda self, widths: calls.append(self) or real(self, widths))
    build("hsp-holder-b", "en")
    fast = len(calls)
    calls.clear()
    without_shortcuts(monkeypatch)
    build("hsp-holder-b", "en")
    assert fast < len(calls) / 2, (fast, len(calls))
