"""The results page driven in the window: the headline of each hand-worked profile (tests/answer/profiles.py) is
the first thing it says, in English and in Japanese; "Why?" opens the explanation (with the rule ids) where it is
and closes it again; a fact to enter is a link to its page; the empty project shows one sentence."""

from __future__ import annotations

import pytest
from hsp_wizard.ui import document as document_mod


def frozen_plan(monkeypatch) -> None:
    """The window's plan made on TODAY (the profiles are worked by hand for that day)."""
    made = document_mod.ProjectDocument.plan
    monkeypatch.setattr(document_mod.ProjectDocument, "plan", lambda self, today=None: made(self, today or TODAY))

from tests.answer.profiles import HEADLINES, PROFILES, TODAY
from tests.answer.test_headlines import FrozenDate


def click(page, name: str) -> None:
    """Press the results page's button (drawn as a link) of that accessible name, as a keyboard user would."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    found = [b for b in page.view.links if b.accessibleName() == name]
    assert found, (name, [b.accessibleName() for b in page.view.links])
    found[0].setFocus()
    QTest.keyClick(found[0], Qt.Key.Key_Space)


def results(w, qtbot, kind, lang, tmp_path, monkeypatch):
    from hsp_wizard.storage import save_project
    from hsp_wizard.ui.pages import results as results_mod
    from hsp_wizard.ui.wizard import PageId
    monkeypatch.setattr(results_mod, "date", FrozenDate)
    frozen_plan(monkeypatch)
    frozen_plan(monkeypatch)
    if lang == "ja":
        w.language_actions["ja"].trigger()
        qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    path = tmp_path / f"{kind}.hspw"
    save_project(PROFILES[kind], path, backup=False)
    assert w.open_path(str(path), ask=False)
    while w.wizard.currentId() != PageId.RESULTS:
        w.wizard.next()
    return w.wizard.currentPage()


@pytest.mark.parametrize("kind,lang", sorted(HEADLINES))
def test_results_page_says_the_headline_first(window, qtbot, tmp_path, monkeypatch, kind, lang):
    page = results(window, qtbot, kind, lang, tmp_path, monkeypatch)
    assert page.answer.text() == HEADLINES[(kind, lang)]  # the one headline, above the tabs
    text = page.view.toPlainText()
    assert HEADLINES[(kind, lang)] not in text  # said once
    if kind == "empty":
        assert "HSP 80" not in text and "高度人材（80点" not in text
        assert len([x for x in text.splitlines() if x.strip()]) == 1  # only the button to its page


def test_why_opens_and_closes_the_explanation(window, qtbot, tmp_path, monkeypatch):
    page = results(window, qtbot, "closes", "en", tmp_path, monkeypatch)
    assert "pr.hsp80.points" not in page.view.toPlainText()
    click(page, "Why?: HSP 80 points, 1 year (高度人材（80点以上・1年）)")
    text = page.view.toPlainText()
    assert "(rule pr.hsp80.points)" in text and "How sure: official" in text
    assert "Hide why" in text
    click(page, "Hide why: HSP 80 points, 1 year (高度人材（80点以上・1年）)")
    assert "pr.hsp80.points" not in page.view.toPlainText()
    click(page, "Why?: Today (3 Dec 2026): 90 points")  # the point rows' sources, by title
    text = page.view.toPlainText()
    assert "(rule bonus.b7_n1)" in text and "Sources: " in text
    click(page, "Hide why: Today (3 Dec 2026): 90 points")
    assert "bonus.b7_n1" not in page.view.toPlainText()


def test_a_fact_to_enter_links_to_its_page(window, qtbot, tmp_path, monkeypatch):
    from hsp_wizard.ui.wizard import PageId
    page = results(window, qtbot, "unknown", "en", tmp_path, monkeypatch)
    fact = "Enter the period of stay granted for Engineer/Specialist in Humanities/International Services — " \
        "技術・人文知識・国際業務"
    assert fact in page.view.toPlainText()
    click(page, f"Enter: {fact}")  # the fact's button goes to its field: the period of stay of the status held
    qtbot.waitUntil(lambda: window.wizard.currentId() == PageId.RESIDENCE, timeout=2000)
    table = window.wizard.currentPage().editors["residence"].table
    qtbot.waitUntil(lambda: table.hasFocus(), timeout=2000)
    header = table.horizontalHeaderItem(table.currentColumn()).text().replace("\n", " ")  # long headers wrap
    assert (table.currentRow(), header) == (0, "Period of stay (months)")


def test_scenario_after_the_route_closes_is_not_starred(window, qtbot, tmp_path, monkeypatch):
    from datetime import date as real_date

    from hsp_wizard.domain.project import Scenario
    from hsp_wizard.storage import save_project
    from tests.answer.profiles import engineer
    from tests.ui.test_scenarios_ui import open_scenarios, table
    p = engineer(36).model_copy(update={"scenarios": [
        Scenario(name="Apply in May", planned_application_date=real_date(2027, 5, 1))]})
    from hsp_wizard.ui.widgets import scenarios_panel
    monkeypatch.setattr(scenarios_panel.ScenariosPanel, "__init__", _with_today(scenarios_panel.ScenariosPanel.__init__))
    panel = open_scenarios(window, p, tmp_path / "p.hspw")
    qtbot.waitUntil(lambda: panel.comparison is not None, timeout=3000)
    t = table(panel)
    assert t["Earliest date"] == ["★ 3 Dec 2026", "closed from 1 Apr 2027"]
    assert t["HSP 80 points, 1 year"] == ["3 Dec 2026", "closed from 1 Apr 2027"]


def _with_today(init):
    def wrapped(self, *a, **kw):
        init(self, *a, **kw)
        self.today = lambda: TODAY
    return wrapped


def test_an_unanswered_question_links_to_it(window, qtbot, tmp_path, monkeypatch):
    """The engineer who has not said whether a guarantor signs: "cannot tell yet", and the link focuses the
    question on the requirements page."""
    from hsp_wizard.domain.project import Obligations
    from hsp_wizard.storage import save_project
    from hsp_wizard.ui.pages import results as results_mod
    from hsp_wizard.ui.wizard import PageId
    from tests.answer.profiles import engineer
    monkeypatch.setattr(results_mod, "date", FrozenDate)
    p = engineer(60)
    p = p.model_copy(update={"obligations": Obligations(**{**p.obligations.model_dump(), "guarantor": "unknown"})})
    save_project(p, tmp_path / "g.hspw", backup=False)
    assert window.open_path(str(tmp_path / "g.hspw"), ask=False)
    while window.wizard.currentId() != PageId.RESULTS:
        window.wizard.next()
    page = window.wizard.currentPage()
    assert page.answer.text().startswith(
        "Cannot tell yet: enter whether you have a guarantor first. If all is in order, you can apply via HSP 80 "
        "points, 1 year, open since 1 Apr 2025.")
    click(page, "Enter: whether you have a guarantor")
    qtbot.waitUntil(lambda: window.wizard.currentId() == PageId.REQUIREMENTS, timeout=2000)
    qtbot.waitUntil(lambda: window.wizard.currentPage().guarantor.hasFocus(), timeout=2000)
