"""The Japanese CLI output and checklist PDF carry no English sentence: every example, every route."""

import re
from datetime import date
import subprocess
from pathlib import Path

import pytest

from hsp_wizard.cli import main
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.routes import ROUTES
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.report.checklist_pdf import build_checklist_pdf
from hsp_wizard.storage import load_project

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.hspw"))
# Latin words that are names, not English: the app, organisations, tests, file formats.
NAMES = {"HSP", "Wizard", "JICA", "JLPT", "BJT", "Word", "MBA", "MOT", "Skip", "UTF", "JSON", "Excel"}
ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")


def english_words(text: str) -> list[str]:
    text = re.sub(r"\[[^\]]*\]", "", text)  # rule ids and sources in brackets are identifiers
    text = re.sub(r"\b[a-z0-9_]+(?:\.[a-z0-9_]+)+\b", "", text)  # and so are rule ids (pr.child.years)
    return [w for w in ENGLISH_WORD.findall(text) if w not in NAMES]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_japanese_cli_output_has_no_english(path, capsys):
    project = load_project(path)
    on = project.planned_application_date.isoformat() if project.planned_application_date else "2026-10-01"
    assert main(["evaluate", str(path), "--lang", "ja", "--on", on]) == 0
    out = capsys.readouterr().out.replace(str(path), "")
    for s in project.scenarios:  # the person's own names for them
        out = out.replace(s.name, "")
    assert english_words(out) == []
    assert "年" in out and "点" in out


@pytest.mark.parametrize("route", [r for r in ROUTES if r not in ("refugee", "regional", "contribution")])
def test_japanese_checklist_has_no_english_and_era_dates(route, tmp_path):
    project = load_project(ROOT / "examples" / "hsp-holder-b.hspw").model_copy(update={"name": None})
    on = project.planned_application_date
    data = build_checklist_pdf(make_plan(project, on, on=on), lang="ja", route=route)
    f = tmp_path / "c.pdf"
    f.write_bytes(data)
    text = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    # The last section, 根拠 ("Why?"), cites sources by their own titles (many in English, as published); our
    # words around them are Japanese.
    head, sep, why = text.replace("\f", "\n").rpartition(  # a page break may precede it
        "\n根拠\n")
    text = head if sep else text
    assert english_words(text) == []
    if sep:
        assert "出典：" in why and "確度：" in why and "（基準 " in why
        assert english_words(re.sub(r"出典：.*?確度", "", why, flags=re.S)) == []
    assert "令和8年10月1日" in text and "2026年" not in text


def test_japanese_category_is_1go_i_ro_ha_never_a_latin_letter(capsys):
    # ISA writes 1号イ/ロ/ハ; the code passes the category's Japanese letter, not a/b/c (the 2026-11-30 review)
    path = ROOT / "examples" / "gijinkoku-points-route-b.hspw"
    assert main(["evaluate", str(path), "--lang", "ja", "--on", "2026-10-01"]) == 0
    out = capsys.readouterr().out
    assert "  1号ロ：75点、高度専門職1号の基準を満たします" in out.splitlines()
    assert "区分（" not in out and "（b）" not in out
    assert main(["evaluate", str(ROOT / "examples" / "researcher-a.hspw"), "--lang", "ja", "--on", "2026-12-01"]) == 0
    assert "  1号イ：70点、高度専門職1号の基準を満たします" in capsys.readouterr().out.splitlines()


def test_japanese_residence_messages_name_the_status_never_its_id():
    # {status} receives the status's name (技術・人文知識・国際業務), not its id (engineer_humanities): the period
    # of stay left empty asks for it by the status's name
    from hsp_wizard.presentation import Renderer
    from hsp_wizard.rules import load_rules

    project = load_project(ROOT / "examples" / "gijinkoku-points-route-b.hspw")
    now = project.residence[-1].model_copy(update={"period_of_stay_months": None})
    project = project.model_copy(update={"residence": [*project.residence[:-1], now]})
    ev = evaluate(project, date(2026, 10, 1), find_dates=False)
    r = Renderer("ja")
    said = [r.msg(c.why) for route in ev.routes.values() for c in route.conditions]
    assert "技術・人文知識・国際業務で許可された在留期間を入力してください" in said
    assert "2026年10月1日時点の在留資格：技術・人文知識・国際業務" in said
    ids = set(load_rules().statuses)
    assert "engineer_humanities" in ids
    assert [s for s in said if any(i in s for i in ids)] == []
