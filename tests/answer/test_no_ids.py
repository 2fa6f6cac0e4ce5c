"""No internal id (snake_case words, rule ids, source numbers) in the CLI's text or the checklist PDF of any example,
in either language, outside the "Why?" explanations (the CLI's --why block, the PDF's last section)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.storage import load_project
from tests.answer.idscan import internal_ids
from tests.answer.profiles import PROFILES, TODAY

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.hspw"))
WHY = {"en": "Why?", "ja": "根拠"}


def test_the_scanner_finds_ids():
    assert internal_ids("Enter the period of stay granted for engineer_humanities") == ["engineer_humanities"]
    assert internal_ids("[stay.longest_period; official]") == ["stay.longest_period"]
    assert internal_ids("75 points [pr.hsp80.points] (S1, S9; S118b)") == ["S1", "S9", "S118b", "pr.hsp80.points"]
    assert internal_ids("examples/spouse-route.hspw: evaluated on 1 Dec 2026, e.g. 3 years") == []
    assert internal_ids("10  Employer receives innovation-promotion support (B1)") == ["B1"]
    assert internal_ids("SME (B2/B4), Designated university (B10)") == ["B2", "B4", "B10"]
    assert internal_ids("中小企業（特別加算B2・B4）") == ["B2", "B4"]
    assert internal_ids("Japanese at B2 level (JLPT N2); 日本語能力（B2相当）; BJT 480; bonus.b1_innovation") == \
        ["bonus.b1_innovation"]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_cli_text_has_no_ids(path, lang, capsys):
    from hsp_wizard import cli
    assert cli.main(["evaluate", str(path), "--lang", lang]) == 0  # with the timeline and the suggestions
    out = capsys.readouterr().out
    assert internal_ids(out) == []
    assert cli.main(["evaluate", str(path), "--lang", lang, "--why"]) == 0
    before, why = capsys.readouterr().out.split(f"  {WHY[lang]}\n", 1)
    assert internal_ids(before) == [] and internal_ids(why)  # the ids are there, behind "Why?"


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", sorted(PROFILES))
def test_the_hand_worked_profiles_have_no_ids(kind, lang, tmp_path, capsys):
    """The profiles of every headline kind (the empty project too), CLI and PDF."""
    from hsp_wizard import cli
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    from hsp_wizard.storage import save_project
    p = PROFILES[kind]
    save_project(p, tmp_path / "p.hspw", backup=False)
    assert cli.main(["evaluate", str(tmp_path / "p.hspw"), "--lang", lang]) == 0
    assert internal_ids(capsys.readouterr().out) == []
    f = tmp_path / "c.pdf"
    f.write_bytes(build_checklist_pdf(make_plan(p, TODAY), lang=lang))
    text = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    head, sep, _why = text.replace("\f", "\n").rpartition(  # a page break may precede it
        f"\n{WHY[lang]}\n")
    assert internal_ids(head if sep else text) == []


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pdf_has_no_ids_outside_why(path, lang, tmp_path):
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    p = load_project(path)
    today = date(2026, 12, 3)
    on = p.planned_application_date or today
    f = tmp_path / "c.pdf"
    f.write_bytes(build_checklist_pdf(make_plan(p, today), lang=lang))
    text = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    head, sep, why = text.replace("\f", "\n").rpartition(  # a page break may precede it
        f"\n{WHY[lang]}\n")
    if not sep:
        head = text
    assert internal_ids(head) == []
