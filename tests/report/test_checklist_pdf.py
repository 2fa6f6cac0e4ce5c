"""The checklist PDF read back: the documents each route and situation must list and must not, the font
embedded, metadata without personal data, and byte-identical output."""

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.project import Family, InsurancePeriod
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.report.checklist_pdf import build_checklist_pdf
from hsp_wizard.storage import load_project

ROOT = Path(__file__).resolve().parents[2]


def example(name):
    return load_project(ROOT / "examples" / f"{name}.hspw")


def pdf(project, route=None, lang="en", on=None):
    on = on or project.planned_application_date
    return build_checklist_pdf(make_plan(project, on, on=on), lang=lang, route=route)


def text(data: bytes, tmp_path) -> str:
    f = tmp_path / "c.pdf"
    f.write_bytes(data)
    out = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)  # table cells wrap: compare without white space


def layout_text(data: bytes, tmp_path) -> str:
    """As `text`, in the page's layout: a table row reads as one line, in order."""
    f = tmp_path / "c.pdf"
    f.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def has(t: str, s: str) -> bool:
    return re.sub(r"\s+", "", s) in t


def test_hsp80_with_points_notice(tmp_path):
    t = text(pdf(example("hsp-holder-b"), "hsp80"), tmp_path)
    for must in ("永住許可申請書", "理由書", "高度専門職ポイント計算表（永住許可申請の時点）",
                 "高度専門職ポイント計算結果通知書の写し", "資料転用願出書", "身元保証書", "了解書",
                 "Taxrecords:1year(s);pension:1;healthinsurance:1."):
        assert has(t, must), must
    assert not has(t, "高度専門職ポイント計算表（永住許可申請の1年前又は3年前の時点）")
    assert not has(t, "配偶者の戸籍謄本")


def test_hsp80_without_notice_needs_the_earlier_sheet_and_evidence_for_both_dates(tmp_path):
    p = example("hsp-holder-b")
    p.obligations.points_notice = False
    t = text(pdf(p, "hsp80"), tmp_path)
    assert has(t, "高度専門職ポイント計算表（永住許可申請の1年前又は3年前の時点）")
    assert not has(t, "高度専門職ポイント計算結果通知書の写し") and not has(t, "資料転用願出書")
    assert has(t, "Pointcalculationasof1Oct2026") and has(t, "Pointcalculationasof1Oct2025")
    assert has(t, "E-16")  # 8 items x 2 checkpoints, one exhibit each


def test_hsp70_years(tmp_path):
    t = text(pdf(example("manager-c"), "hsp70"), tmp_path)
    assert has(t, "Taxrecords:3year(s);pension:2;healthinsurance:2.")
    assert has(t, "健康保険・厚生年金保険料領収証書")  # a company representative who owns the workplace


def test_spouse_of_a_japanese_national(tmp_path):
    t = text(pdf(example("spouse-route"), "spouse"), tmp_path)
    assert has(t, "配偶者の戸籍謄本") and has(t, "Taxrecords:3year(s);pension:2;healthinsurance:2.")
    assert has(t, "住民税を適正な時期に納めていることを証明する資料")  # resident tax was not withheld
    assert not has(t, "婚姻証明書") and not has(t, "高度専門職ポイント計算表")
    assert not has(t, "Statementofreasonswhypermanentresidenceisneeded")  # not listed as a document...
    assert has(t, "Practitioners'listsdifferonwhetheraletterofreason(理由書)isneeded")  # ...and the doubt is said
    # the March 2022 national-pension month lies outside the 2-year window before 2026-12-01
    assert not has(t, "国民年金保険料領収証書")


def test_spouse_of_a_permanent_resident_files_a_marriage_certificate(tmp_path):
    p = example("spouse-route")
    p.family = Family(spouse_is="permanent_resident", marriage_date=date(2021, 9, 10))
    t = text(pdf(p, "spouse"), tmp_path)
    assert has(t, "婚姻証明書") and not has(t, "配偶者の戸籍謄本")


def test_national_pension_and_health_insurance_months_add_their_receipts(tmp_path):
    p = example("spouse-route")
    p.obligations.insurance = [InsurancePeriod(kind="national_pension", start=date(2025, 4, 1)),
                               InsurancePeriod(kind="national_health", start=date(2025, 4, 1))]
    t = text(pdf(p, "spouse"), tmp_path)
    for must in ("国民年金保険料領収証書", "国民健康保険の資格確認書", "国民健康保険料（税）納付証明書",
                 "国民健康保険料（税）領収証書"):
        assert has(t, must), must
    assert not has(t, "健康保険被保険者証（写し）健康") and not has(t, "Healthinsurancecard(copy)")


def test_self_employed_files_the_tax_return_not_an_employment_certificate(tmp_path):
    p = example("gijinkoku-points-route-b")
    p.obligations.occupation = "self_employed"
    t = text(pdf(p, "general"), tmp_path)
    assert has(t, "確定申告書控えの写し") and not has(t, "在職証明書1") and not has(t, "Certificateofemployment")


def test_general_route_lists_assets_and_five_years(tmp_path):
    t = text(pdf(example("gijinkoku-points-route-b"), "general"), tmp_path)
    assert has(t, "資産を証明する資料") and has(t, "Taxrecords:5year(s);pension:2;healthinsurance:2.")


def test_child_under_16_needs_no_photo(tmp_path):
    p = example("spouse-route")
    p.family = Family(parent_is="japanese")
    p.birth_date = date(2012, 1, 1)
    t = text(pdf(p, "child"), tmp_path)
    assert has(t, "日本人親の戸籍謄本") and not has(t, "写真（縦4cm×横3cm）")
    assert has(t, "Taxrecords:1year(s);pension:1;healthinsurance:1.")


def test_warnings_carry_their_source(tmp_path):
    p = example("gijinkoku-points-route-b")
    t = text(pdf(p, "hsp80", on=date(2027, 6, 1)), tmp_path)
    assert has(t, "Whatcouldleadtoarefusal") and has(t, "stay.three_years_count")


def test_font_is_embedded_and_nothing_else_is_referenced(tmp_path):
    f = tmp_path / "c.pdf"
    f.write_bytes(pdf(example("researcher-a"), lang="ja"))
    rows = subprocess.run(["pdffonts", str(f)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(" yes yes yes " in r for r in rows), rows
    assert all("IPAexGothic" in r for r in rows)


def test_same_project_and_date_give_identical_bytes():
    p = example("manager-c")
    assert pdf(p) == pdf(p)
    assert pdf(p, lang="ja") == pdf(p, lang="ja")


def test_metadata_names_the_app_and_no_person(tmp_path):
    p = example("hsp-holder-b")
    f = tmp_path / "c.pdf"
    f.write_bytes(pdf(p))
    info = subprocess.run(["pdfinfo", str(f)], capture_output=True, text=True, check=True).stdout
    assert "Creator:         HSP Wizard" in info and "document checklist" in info
    assert p.name not in info and "1998" not in info


def test_name_appears_only_when_entered(tmp_path):
    p = example("hsp-holder-b")
    assert has(text(pdf(p), tmp_path), "Example:HSP(i)(b)engineer")
    p.name = None
    assert not has(text(pdf(p), tmp_path), "Name")


@pytest.mark.parametrize("lang, fragment", [("en", "Page1of"), ("ja", "令和8年10月1日印刷")])
def test_page_numbers_and_language(tmp_path, lang, fragment):
    assert has(text(pdf(example("hsp-holder-b"), lang=lang), tmp_path), fragment)


def test_cli_writes_a_private_pdf_and_refuses_bad_input(tmp_path, capsys):
    from hsp_wizard.cli import main
    out = tmp_path / "x.pdf"
    assert main(["checklist", str(ROOT / "examples" / "jskip-b.hspw"), "-o", str(out), "--lang", "ja"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and (out.stat().st_mode & 0o777) == 0o600
    bad = tmp_path / "bad.hspw"
    bad.write_text("{}")
    assert main(["checklist", str(bad), "-o", str(tmp_path / "y.pdf")]) == 2
    assert "Not an HSP Wizard project" in capsys.readouterr().err
    assert not (tmp_path / "y.pdf").exists()


def test_the_end_of_the_three_year_allowance_is_a_printed_warning(tmp_path):
    t = text(pdf(example("spouse-route"), "spouse"), tmp_path)
    assert has(t, "countsasthelongestonlyuntil31Mar2027") and has(t, "stay.three_years_count")


def test_the_points_timeline_is_printed_with_its_table(tmp_path):
    from hsp_wizard.domain.evaluate import evaluate
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    p = example("hsp-holder-b")
    printed = date(2026, 11, 22)
    data = build_checklist_pdf(make_plan(p, printed, on=p.planned_application_date))
    t = text(data, tmp_path)
    assert has(t, "Points over time, category (b): 22 Nov 2023 to 22 Nov 2031")
    assert has(t, "15 Mar 2028 65 80 55")  # the birthday row: turning 30 costs 15 points
    assert has(t, "Age under 30: 15 → 0")
    ja = text(build_checklist_pdf(make_plan(p, printed, on=p.planned_application_date), lang="ja"), tmp_path)
    assert has(ja, "ポイントの推移（1号ロ）：令和5年11月22日〜令和13年11月22日")


def test_the_scenarios_are_compared_in_the_pdf_and_only_when_there_are_some(tmp_path):
    """planning-b's four scenarios, printed on 2026-11-22 (the hand computation is in
    tests/domain/test_scenarios.py): one row each after the project as entered."""
    p = example("planning-b")
    printed = date(2026, 11, 22)
    plan = make_plan(p, printed, on=p.planned_application_date)
    t = layout_text(build_checklist_pdf(plan), tmp_path)
    assert has(t, "Your scenarios compared")
    assert has(t, "As entered 1 Jun 2029 General rule, 10 years 1 Apr 2029 65 65 65")
    # each scenario's row, then its changes one per row under it (a long list flows onto the next page)
    assert has(t, "N1 in July 1 Jun 2029 HSP 80 points, 1 year 1 Jul 2028 65 80 80 • JLPT N1 passed: 1 Jul 2027")
    assert has(t, "Raise, apply early 1 Apr 2028 HSP 80 points, 1 year 1 Apr 2028 60 80 80 "
                  "• New annual salary: ¥9,000,000 from 1 Apr 2027")
    assert has(t, "Long trip 1 Jun 2029 none within the horizon — 65 65 65 • Trip abroad: 1 Feb 2027 to 15 Mar 2028")
    ja = layout_text(build_checklist_pdf(plan, lang="ja"), tmp_path)
    assert has(ja, "シナリオの比較") and has(ja, "•日本語能力試験N1合格：令和9年7月1日")
    assert has(ja, "高度人材（80点以上・1年）令和10年7月1日 65 80 80")
    bare = p.model_copy(update={"scenarios": []})
    assert not has(text(build_checklist_pdf(make_plan(bare, printed, on=bare.planned_application_date)), tmp_path),
                   "Your scenarios compared")


def test_a_scenario_with_the_most_changes_allowed_flows_across_pages(tmp_path):
    """Issue 19: 30 or more changes in one scenario raised reportlab's LayoutError (all in one table cell).
    Now each change is a row of its own: 200 changes (the schema's limit) print, every one of them."""
    from hsp_wizard.domain.project import MAX_ITEMS, Scenario, ScenarioChange
    p = example("planning-b")
    changes = [ScenarioChange(kind="raise", start=date(2027, 1, 1).fromordinal(date(2027, 1, 1).toordinal() + i),
                              amount_yen=8_000_000 + 1_000 * i) for i in range(MAX_ITEMS)]
    p = p.model_copy(update={"scenarios": [Scenario(name="Many raises", changes=changes)]})
    printed = date(2026, 11, 22)
    data = build_checklist_pdf(make_plan(p, printed, on=p.planned_application_date))
    t = text(data, tmp_path)
    assert has(t, "Many raises") and has(t, "¥8,000,000 from 1 Jan 2027") and has(t, "¥8,199,000 from 19 Jul 2027")
    assert t.count("Newannualsalary:") == MAX_ITEMS


def test_a_pdf_that_cannot_be_laid_out_is_a_clear_error_in_the_cli(tmp_path, monkeypatch, capsys):
    from reportlab.platypus.doctemplate import LayoutError

    from hsp_wizard import cli
    from hsp_wizard.report import checklist_pdf

    def too_big(self, *args, **kwargs):
        raise LayoutError("Flowable <Table> too large on page 3")

    monkeypatch.setattr(checklist_pdf.SimpleDocTemplate, "build", too_big)
    out = tmp_path / "c.pdf"
    code = cli.main(["checklist", str(ROOT / "examples" / "planning-b.hspw"), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists() and "Traceback" not in err
    assert f"{out}: The checklist cannot be made: a part of it does not fit on a page" in err


def layout_lines(data: bytes, tmp_path) -> list[str]:
    f = tmp_path / "l.pdf"
    f.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(ln.split()) for ln in out.splitlines()]


def test_a_family_checklist_lists_the_spouses_documents_numbered_and_a_single_person_does_not(tmp_path):
    data = pdf(example("household/family-b"), "hsp80")
    rows = {ln.split()[0]: ln for ln in layout_lines(data, tmp_path) if re.match(r"E-\d+ ", ln)}
    # the evidence takes E-1..E-8; the household's documents go on in the same series
    for n, doc, who in ((9, "Your spouse's pension record", "Spouse"),
                        (10, "Your spouse's health-insurance records", "Spouse"),
                        (11, "Marriage certificate", "Spouse"), (12, "Birth certificate", "Child 1"),
                        (13, "Birth certificate", "Child 2")):
        assert rows[f"E-{n}"].startswith(f"E-{n} {doc}") and who in rows[f"E-{n}"], rows[f"E-{n}"]
    assert "E-8" in rows and "E-14" not in rows and "1 year(s)" in rows["E-9"]
    t = text(data, tmp_path)
    assert has(t, "Your family's permanent residence") and has(t, "cannot apply with you yet")
    assert has(t, "Bringing a parent") and has(t, "At permanent residence (your earliest: 1 Oct 2026) it ends")
    single = pdf(example("hsp-holder-b"), "hsp80")
    single_rows = [ln for ln in layout_lines(single, tmp_path) if re.match(r"E-\d+ ", ln)]
    assert len(single_rows) == 8 and not any("spouse" in ln.lower() for ln in single_rows)
    t = text(single, tmp_path)
    assert not has(t, "Your household's documents") and not has(t, "Your family's permanent residence")
    assert "spouse's" not in t


def test_a_family_checklist_in_japanese(tmp_path):
    t = text(pdf(example("household/family-b"), "hsp80", lang="ja"), tmp_path)
    assert has(t, "配偶者の「ねんきん定期便」") and has(t, "婚姻証明書") and has(t, "出生証明書")
    assert has(t, "家族の書類") and has(t, "親の帯同") and has(t, "永住許可を受けると終了")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_family_checklist_names_sources_only_under_why(tmp_path, lang):
    """The household's documents and benefits say how sure in words; their sources (H1-H17, seeds) by title
    and the rule ids only in the 'Why?' section at the end."""
    from tests.answer.idscan import internal_ids
    f = tmp_path / "family.pdf"
    f.write_bytes(pdf(example("household/family-b"), "hsp80", lang=lang))
    t = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    why = "根拠" if lang == "ja" else "Why?"
    body, explained = t[:t.rindex(why)], t[t.rindex(why):]
    assert internal_ids(body) == [], internal_ids(body)[:5]
    flat = re.sub(r"\s+", "", explained)
    assert "benefit.parent.household_income_yen" in flat and "family.joint_application" in flat
    assert has(flat, "婚姻証明書" if lang == "ja" else "Marriage certificate: sources:")


def test_every_mark_of_the_family_checklist_has_a_glyph_in_the_embedded_font(tmp_path):
    """✗ (not met) is not in IPAexGothic and printed as an empty box: the PDF draws × instead."""
    from reportlab.pdfbase.ttfonts import TTFont
    from hsp_wizard.report.checklist_pdf import FONT_FILE
    face = TTFont("check", str(FONT_FILE)).face
    f = tmp_path / "family.pdf"
    f.write_bytes(pdf(example("household/family-b"), "hsp80"))
    t = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    assert "×" in t and "✗" not in t
    missing = {ch for ch in t if ord(ch) > 0x2000 and ord(ch) not in face.charToGlyph and not ch.isspace()}
    assert missing == set()


def test_the_scenario_table_moves_the_familys_date_and_a_single_persons_has_no_family_row(tmp_path):
    from hsp_wizard.domain.project import Household, Scenario
    fam = example("household/family-b").model_copy(update={"scenarios": [
        Scenario(name="In 2028", planned_application_date=date(2028, 4, 1))]})
    lines = layout_lines(pdf(fam, "hsp80"), tmp_path)
    family = [ln for ln in lines if ln.startswith("→ Spouse: with you on")]
    assert family == ["→ Spouse: with you on 1 Nov 2026; Child 1: with you on 1 Oct 2026; Child 2: with you on "
                      "1 Dec 2026",
                      "→ Spouse: with you on 1 Apr 2028; Child 1: with you on 1 Apr 2028; Child 2: with you on "
                      "1 Apr 2028"]
    single = fam.model_copy(update={"household": Household()})
    assert not any("with you on" in ln for ln in layout_lines(pdf(single, "hsp80"), tmp_path))


@pytest.mark.parametrize("lang, planned, found", [("en", "Planned application date", "Earliest application date found"),
                                                  ("ja", "申請予定日", "最短の申請可能日（計算結果）")])
def test_the_cover_calls_a_date_planned_only_when_the_person_planned_it(tmp_path, lang, planned, found):
    """A fresh user without a planned date read "Planned application date" on the checklist: the date shown was
    the earliest one found. The same project with and without its planned date."""
    dated = example("planning-b")
    assert dated.planned_application_date is not None
    t = text(build_checklist_pdf(make_plan(dated, date(2026, 11, 22)), lang=lang), tmp_path)
    assert has(t, planned) and not has(t, found)
    undated = dated.model_copy(update={"planned_application_date": None})
    t = text(build_checklist_pdf(make_plan(undated, date(2026, 11, 22)), lang=lang), tmp_path)
    assert has(t, found) and not has(t, planned)


HEADINGS = ("Documents to bring", "Evidence for each point claimed", "Your household's documents",
            "Routes to permanent residence", "What could lead to a refusal", "Why?", "Your scenarios compared",
            "提出書類", "疎明資料", "家族の書類", "永住許可の申請類型", "不許可につながる")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_page_ends_on_a_heading(tmp_path, lang):
    """A fresh user's page 1 ended with "Documents to bring — 提出書類", its list on page 2 (8 such pages among
    the examples before headings were kept with what follows them)."""
    found = []
    for path in [*sorted((ROOT / "examples").glob("*.hspw")), ROOT / "examples" / "household" / "family-b.hspw"]:
        f = tmp_path / "c.pdf"
        f.write_bytes(build_checklist_pdf(make_plan(load_project(path), date(2026, 12, 3)), lang=lang))
        pages = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
        for number, page in enumerate(pages.split("\f")[:-2], 1):  # the last page may end anyhow
            lines = [ln for ln in page.splitlines() if ln.strip() and not ln.startswith("HSP Wizard")
                     and not ln.startswith("Page ") and "ページ" not in ln]
            if lines and lines[-1].startswith(HEADINGS):
                found.append((path.stem, number, lines[-1]))
    assert not found
