"""A made-up route, declared once in a temporary registry, is seen by the engine, the planner, the results
page, the CLI and the PDF, with no other module touched (docs/adding-a-route.md)."""

import json
import re
import subprocess
from datetime import date
from pathlib import Path

from hsp_wizard.cli import main
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.explain import Msg
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.domain.pr_routes import OTHER, RESIDENCE_FACTS, RESIDENT
from hsp_wizard.domain.registry import Fact, RouteSpec, current, use
from hsp_wizard.domain.routes import RouteResult
from hsp_wizard.report.checklist_pdf import build_checklist_pdf
from hsp_wizard.storage import load_project
from tests.ui.test_planner_ui import to_results

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"  # residing since 2016-04-01: 3 years on 2019-04-01
NAME = "Made-up route, 3 years of residence"


def _made_up(e, on):
    years = e.num("pr.regional.years", on)  # a rule of the rule data: 3 years, with its sources
    conds = [e.resident(on), e.continuous(on, years, "pr.regional.years"),
             e.cond("pr.regional.years", e.p.birth_date is not None,
                    Msg.of("Enter your birth date"), on)]
    conds += e.other_requirements(on)
    return RouteResult("made_up", on, tuple(conds))


MADE_UP = RouteSpec(
    "made_up", NAME, "架空の経路", _made_up,
    conditions=(("pr.regional.years", "age"),) + RESIDENT + OTHER,
    facts=(Fact("birth_date", "age"),) + RESIDENCE_FACTS,
    years_rules=("pr.regional.years",), length_rule="pr.regional.years", documents="general", preference=-1)


def pdf_text(data: bytes, tmp_path) -> str:
    f = tmp_path / "c.pdf"
    f.write_bytes(data)
    out = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def test_a_made_up_route_is_seen_everywhere(window, capsys, tmp_path):
    p = load_project(EXAMPLE)
    on = p.planned_application_date  # 2026-10-01
    assert "made_up" not in current().routes
    with use(current().with_route(MADE_UP)):
        # the engine and the planner: open on the planned date, and first open 3 years after arriving
        ev = evaluate(p, date(2019, 1, 1), today=date(2019, 1, 1))
        assert not ev.routes["made_up"].open
        assert ev.openings["made_up"].opens == date(2019, 4, 1)
        # first in the preference order: the best route, so the checklist's default
        plan = make_plan(p, on, on=on)
        assert plan.evaluation.routes["made_up"].open and plan.best == "made_up"
        # the CLI: in the JSON and in the readable output
        assert main(["evaluate", "--json", str(EXAMPLE), "--on", "2026-10-01"]) == 0
        out = json.loads(capsys.readouterr().out)["results"][0]["evaluation"]
        assert out["routes"]["made_up"]["open"] is True and list(out["routes"])[-1] == "made_up"
        assert main(["evaluate", str(EXAMPLE), "--on", "2026-10-01"]) == 0
        said = capsys.readouterr().out  # first in the preference order: the headline's route (issue 17's answer;
        # hsp-holder-b leaves the landing-criteria question unanswered, so it cannot be told yet)
        assert f"If all is in order, you can apply via {NAME}, open since 1 Apr 2019." in said
        assert f"{NAME} (架空の経路): cannot tell yet: enter whether you still meet your current status's " \
            "requirements (if all is in order: open since 1 Apr 2019)" in said
        # the PDF: the route on the cover, and its document list
        t = pdf_text(build_checklist_pdf(plan), tmp_path)
        assert f"Route {NAME} — 架空の経路" in t
        assert main(["checklist", str(EXAMPLE), "--route", "made_up", "-o", str(tmp_path / "x.pdf")]) == 0
        # the results page: the route, its state, and a "change" link to the page its rules are entered on
        window.open_path(str(EXAMPLE), ask=False)
        page = to_results(window)
        assert NAME in page.view.toPlainText()
        assert re.search(rf"{re.escape(NAME)}.*?open", page.view.toPlainText())
    assert "made_up" not in current().routes  # the temporary registry is gone


def test_window_cli_and_pdf_show_a_project_without_a_planned_date_on_the_same_day(window, qtbot, tmp_path,
                                                                                  monkeypatch):
    """One function decides the date shown: with no planned date, the earliest date a route opens. planning-b's
    general rule opens on 1 Apr 2029 (ten years after arriving on 1 Apr 2019; tests/domain/test_scenarios.py):
    the panel, the results page, the printed checklist and the CLI's checklist all use that day and route."""
    from PySide6.QtWidgets import QFileDialog
    from hsp_wizard.storage import save_project
    from hsp_wizard.ui import dialogs
    p = load_project(ROOT / "examples" / "planning-b.hspw").model_copy(update={"planned_application_date": None})
    path = tmp_path / "unplanned.hspw"
    save_project(p, path)
    window.open_path(str(path), ask=False)
    page = to_results(window)
    shown = page.view.toPlainText()
    # the answer first (issue 17): judged from today, the first route to open and its day; the points shown on it
    assert "The first to open is General rule, 10 years, on 1 Apr 2029" in page.answer.text()
    assert "On the earliest date found (1 Apr 2029)" in shown
    qtbot.waitUntil(lambda: "on the earliest application date found, 1 Apr 2029" in window.wizard.panel.heading.text(),
                    timeout=3000)
    printed = tmp_path / "window.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(printed), ""))
    monkeypatch.setattr(dialogs, "open_in_viewer", lambda _path: None)
    assert window.save_checklist_pdf()  # (print_checklist asks the system's print dialog)
    assert main(["checklist", str(path), "-o", str(tmp_path / "cli.pdf")]) == 0
    for pdf in (printed, tmp_path / "cli.pdf"):
        t = pdf_text(pdf.read_bytes(), tmp_path)
        assert "Route General rule, 10 years — 原則（引き続き10年）" in t
        assert "Earliest application date found 1 Apr 2029" in t  # no planned date: never called planned
        assert "Planned application date" not in t


def test_every_page_a_route_names_is_a_page_of_the_wizard():
    """The registry's facts and conditions name pages by item; the wizard's page table has each of them (the
    "change" links and the step list go there)."""
    from hsp_wizard.domain.registry import PAGES as ITEMS
    from hsp_wizard.ui.wizard import PAGE_OF_ITEM, PageId
    reg = current()
    named = {page for name in reg.all for _rule, page in reg[name].conditions} | \
        {f.page for name in reg.all for f in reg[name].facts}
    assert named <= set(ITEMS) == set(PAGE_OF_ITEM)
    assert PAGE_OF_ITEM["residence"] == PageId.RESIDENCE and PAGE_OF_ITEM["age"] == PageId.CATEGORY
