"""Each kind of headline on a hand-worked profile (tests/answer/profiles.py), in both languages: the domain's
answer, the CLI's text, the PDF's first page read back and the results page driven in the window all say the
same sentence; the empty project says only what to enter first."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest

from hsp_wizard.domain.answer import answer_for
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.presentation import Renderer
from hsp_wizard.wording import words
from tests.answer.profiles import HEADLINES, PROFILES, TODAY

CASES = sorted(HEADLINES)


class FrozenDate(date):
    @classmethod
    def today(cls):
        return TODAY


@pytest.mark.parametrize("kind,lang", CASES)
def test_headline(kind, lang):
    a = answer_for(PROFILES[kind], TODAY)
    assert a.kind == kind
    assert words(Renderer(lang), a).headline == HEADLINES[(kind, lang)]


def test_route_states_of_the_engineer():
    """The states behind the headlines, worked by hand in profiles.py."""
    a = answer_for(PROFILES["open"], TODAY)
    hsp80, hsp70, general = a.route("hsp80"), a.route("hsp70"), a.route("general")
    assert (hsp80.state, hsp80.since, hsp80.closes) == ("open", date(2025, 4, 1), None)
    assert hsp70.state == "open" and hsp70.since < date(2025, 4, 1)
    assert (general.state, general.opens) == ("opens", date(2028, 4, 1))
    assert a.folded == ["spouse", "child", "long_term_resident", "refugee", "contribution", "regional"]
    closes = answer_for(PROFILES["closes"], TODAY)
    assert {r.route: (r.state, r.last_day) for r in closes.routes if r.route in ("hsp80", "hsp70")} == {
        "hsp80": ("open", date(2027, 3, 31)), "hsp70": ("open", date(2027, 3, 31))}
    unknown = answer_for(PROFILES["unknown"], TODAY)
    assert unknown.route("hsp80").state == "unknown"
    assert [f.rule_id for f in unknown.route("hsp80").missing] == ["stay.longest_period"]
    assert [f.item for f in unknown.route("hsp80").missing] == ["residence"]


def test_a_warning_once():
    """The 36-month allowance warning belongs to both HSP routes: it is said once, in the shared list."""
    a = answer_for(PROFILES["closes"], TODAY)
    w = words(Renderer("en"), a)
    said = [x for x in w.warnings if "counts as the longest only until 31 Mar 2027" in x]
    said += [x for rw in w.routes for x in rw.warnings if "counts as the longest only until" in x]
    assert len(said) == 1


def test_period_of_stay_ends_before_a_decision():
    """Applying now with a 60-month period of stay granted on 2022-02-01 (it ends 2027-01-31): ISA's average of 322
    days puts a decision near 2027-10-21, after the end: the answer says to extend, from 2026-11-01 (3 months
    before the end)."""
    from tests.answer.profiles import engineer
    p = engineer(60)
    p = p.model_copy(update={"residence": [p.residence[0].model_copy(update={"end": date(2022, 1, 31)}),
                                           p.residence[0].model_copy(update={"start": date(2022, 2, 1)})]})
    a = answer_for(p, TODAY)
    assert a.stay is not None
    assert (a.stay.expires, a.stay.decision, a.stay.extend_from) == (date(2027, 1, 31), date(2027, 10, 21),
                                                                     date(2026, 11, 1))
    text = words(Renderer("en"), a).stay
    assert "A pending permanent-residence application does not extend it" in text
    assert "from 1 Nov 2026, before 31 Jan 2027" in text
    assert "永住許可申請中でも在留期間は延長されません" in words(Renderer("ja"), a).stay
    assert answer_for(PROFILES["open"], TODAY).stay is None  # granted 2018 for 60 months: no end to compare



def test_period_of_stay_note_in_the_cli_and_on_the_pdfs_first_page(tmp_path, capsys, monkeypatch):
    from hsp_wizard import cli
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    from hsp_wizard.storage import save_project
    from tests.answer.profiles import engineer
    p = engineer(60)
    p = p.model_copy(update={"residence": [p.residence[0].model_copy(update={"end": date(2022, 1, 31)}),
                                           p.residence[0].model_copy(update={"start": date(2022, 2, 1)})]})
    monkeypatch.setattr(cli, "date", FrozenDate)
    save_project(p, tmp_path / "p.hspw", backup=False)
    assert cli.main(["evaluate", str(tmp_path / "p.hspw"), "--no-plan"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].strip() == HEADLINES[("open", "en")]
    assert lines[2].strip().startswith("Your period of stay ends on 31 Jan 2027, before a decision is likely "
                                       "(about 21 Oct 2027, at ISA's average of 322 days from an application on "
                                       "3 Dec 2026).")
    f = tmp_path / "c.pdf"
    f.write_bytes(build_checklist_pdf(make_plan(p, TODAY), lang="ja"))
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(f), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert _flat("永住許可申請中でも在留期間は延長されません。令和8年11月1日から令和9年1月31日までに在留期間更新許可申請"
                 "をしてください。") in _flat(first)


@pytest.mark.parametrize("kind,lang", CASES)
def test_cli_says_the_headline(kind, lang, tmp_path, capsys, monkeypatch):
    from hsp_wizard import cli
    from hsp_wizard.storage import save_project
    monkeypatch.setattr(cli, "date", FrozenDate)
    path = tmp_path / f"{kind}.hspw"
    save_project(PROFILES[kind], path, backup=False)
    assert cli.main(["evaluate", str(path), "--lang", lang, "--no-plan"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].strip() == HEADLINES[(kind, lang)]
    if kind == "empty":
        assert len(out.strip().splitlines()) == 2  # the file line and the sentence (it names the page)
        assert "HSP 80" not in out and "高度人材" not in out


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind,lang", CASES)
def test_pdf_first_page_says_the_headline(kind, lang, tmp_path):
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    p = PROFILES[kind]
    data = build_checklist_pdf(make_plan(p, TODAY), lang=lang)
    f = tmp_path / "c.pdf"
    f.write_bytes(data)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(f), "-"], capture_output=True, text=True,
                           check=True).stdout
    # The same sentence; Japanese dates on the printed checklist carry the era name, as on ISA's forms
    # (令和7年4月1日 for 2025年4月1日), so the Japanese PDF's sentence is worded with era dates.
    said = words(Renderer(lang, era=True), answer_for(p, TODAY)).headline
    if lang == "en":
        assert said == HEADLINES[(kind, lang)]
    else:
        assert re.sub(r"令和(\d+|元)年", lambda m: f"{2018 + int(m[1] if m[1] != '元' else 1)}年", said) == \
            HEADLINES[(kind, lang)]
    assert _flat(said) in _flat(first)
    if kind == "empty":
        assert "HSP 80" not in first and "高度人材（80点" not in first  # no route list


def test_each_warning_once_in_the_pdf_and_the_cli(tmp_path, capsys):
    """researcher-a's 106-day trip is a warning on the 70 route and the general rule: said once on the PDF's first
    page (not again under "What could lead to a refusal"), once in the CLI; the PDF's "Why?" explains it."""
    from hsp_wizard import cli
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    from hsp_wizard.storage import load_project
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "examples" / "researcher-a.hspw"
    p = load_project(path)
    data = build_checklist_pdf(make_plan(p, TODAY), lang="en")
    f = tmp_path / "c.pdf"
    f.write_bytes(data)
    text = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    head, _sep, why = text.replace("\f", "\n").rpartition(  # a page break may precede it
        "\nWhy?\n")
    trip = "A trip of 106 days abroad (1 Jul 2024 to 15 Oct 2024)"
    assert _flat(head).count(_flat(trip)) == 1 and _flat(trip) in _flat(why)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(f), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert _flat(trip) in _flat(first)
    assert cli.main(["evaluate", str(path), "--no-plan"]) == 0
    assert capsys.readouterr().out.count(trip) == 1


def test_cannot_tell_yet_still_says_the_deadline():
    """The engineer with a 36-month period of stay (HSP routes close on 2027-04-01) who has not said whether a
    guarantor signs: cannot tell yet, and the last day to apply if it is in order."""
    from hsp_wizard.domain.project import Obligations
    from tests.answer.profiles import engineer
    p = engineer(36)
    p = p.model_copy(update={"obligations": Obligations(**{**p.obligations.model_dump(), "guarantor": "unknown"})})
    a = answer_for(p, TODAY)
    assert a.kind == "unknown"
    assert words(Renderer("en"), a).headline == (
        "Cannot tell yet: enter whether you have a guarantor first. If all is in order, you can apply via HSP 80 "
        "points, 1 year, open since 1 Apr 2025, until 31 Mar 2027: apply by 31 Mar 2027.")
    assert words(Renderer("ja"), a).headline == (
        "まだ判断できません。先に身元保証人がいるかを入力してください。問題がなければ、高度人材（80点以上・1年）により"
        "申請できます（2025年4月1日から2027年3月31日まで要件を満たします）。2027年3月31日までに申請してください。")
