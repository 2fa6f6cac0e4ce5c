"""What-if scenarios in the window: create, edit, compare, save, reopen, rename, delete; a suggestion tried as a
scenario; the comparison table against the engine; both languages."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hsp_wizard.domain.project import Scenario, ScenarioChange
from hsp_wizard.domain.scenarios import compare
from hsp_wizard.storage import load_project, save_project
from tests.domain.test_planner import engineer_at_65
from tests.ui.drive import add_row, cell, choose, field
from tests.ui.test_planner_ui import to_results

SCENARIOS_TAB = 3


def click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def open_scenarios(w, project, path):
    save_project(project, path)
    assert w.open_path(str(path), ask=False)
    page = to_results(w)
    page.tabs.setCurrentIndex(SCENARIOS_TAB)
    QApplication.processEvents()
    for _ in range(1000):  # the comparison runs off the UI thread
        if not page.scenarios.busy:
            break
        QTest.qWait(10)
    return page.scenarios


def table(panel) -> dict[str, list[str]]:
    """The comparison as a person reads it: row label -> the cells left to right."""
    t = panel.table
    return {t.verticalHeaderItem(r).text(): [t.item(r, c).text() for c in range(t.columnCount())]
            for r in range(t.rowCount())}


def headers(panel) -> list[str]:
    return [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]


def settle(qtbot, panel) -> None:
    """Wait for the comparison that follows an edit (it waits for typing to pause, then runs in a worker)."""
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def planned() -> object:
    p = engineer_at_65()
    p.planned_application_date = date(2029, 6, 1)
    return p


def test_create_edit_compare_save_and_reopen(window, qtbot, tmp_path):
    w = window
    path = tmp_path / "plan.hspw"
    panel = open_scenarios(w, planned(), path)
    assert headers(panel) == ["As entered"] and panel.chooser.count() == 0
    assert not panel.editor.isEnabled() and not panel.delete_button.isEnabled()
    assert table(panel)["Earliest route"] == ["General rule, 10 years"]
    assert table(panel)["Earliest date"] == ["★ 1 Apr 2029"]

    # a new scenario: N1 on 2027-07-01 (by hand: 80 points from then, the 80 route a year later)
    w.scenario_names.append("N1 in July")
    click(panel.new_button)
    assert panel.chooser.currentText() == "N1 in July" and panel.editor.isEnabled() and w.doc.dirty
    row = add_row(panel.changes)
    choose(panel.changes, row, 0, "jlpt_n1")
    cell(panel.changes, row, 1, "2027-07-01")
    settle(qtbot, panel)
    assert headers(panel) == ["As entered", "N1 in July"]
    t = table(panel)
    assert t["Earliest route"] == ["General rule, 10 years", "HSP 80 points, 1 year"]
    assert t["Earliest date"] == ["1 Apr 2029", "★ 1 Jul 2028"]
    assert t["HSP 80 points, 1 year"] == ["—", "1 Jul 2028"]
    assert t["Points on 1 Jun 2029"] == ["65", "80"] and t["Points on 1 Jun 2028"] == ["65", "80"]
    assert w.doc.project.scenarios == [Scenario(name="N1 in July", changes=[
        ScenarioChange(kind="jlpt_n1", start=date(2027, 7, 1))])]

    # duplicated and turned into a raise to ¥9,000,000 from 2027-04-01, applying on 2028-04-01
    w.scenario_names.append("Raise")
    click(panel.copy_button)
    assert panel.chooser.currentText() == "Raise" and panel.changes.table.rowCount() == 1
    choose(panel.changes, 0, 0, "raise")
    cell(panel.changes, 0, 1, "2027-04-01")
    cell(panel.changes, 0, 3, "9,000,000")
    field(w, panel.planned, "2028-04-01")
    # a trip back before it leaves: the row is marked and not saved; the rest is
    row = add_row(panel.changes)
    choose(panel.changes, row, 0, "trip")
    cell(panel.changes, row, 1, "2027-09-01")
    cell(panel.changes, row, 2, "2027-08-01")
    settle(qtbot, panel)
    assert "Row 2:" in panel.changes.error.text() and "before the departure date" in panel.changes.error.text()
    raise_ = w.doc.project.scenarios[1]
    assert raise_.planned_application_date == date(2028, 4, 1)
    assert raise_.changes == [ScenarioChange(kind="raise", start=date(2027, 4, 1), amount_yen=9_000_000)]
    t = table(panel)
    assert headers(panel) == ["As entered", "N1 in July", "Raise"]
    assert t["Application date"] == ["1 Jun 2029", "1 Jun 2029", "1 Apr 2028"]
    assert (t["Earliest route"][2], t["Earliest date"][2]) == ("HSP 80 points, 1 year", "★ 1 Apr 2028")
    assert t["Points on 1 Apr 2027"] == ["65", "65", "80"]
    # the table is the engine's comparison, cell by cell
    c = compare(w.doc.project, date.today())
    for d in c.days:
        label = next(k for k in t if k.startswith("Points") and k.endswith(panel_fmt(d) + ("" if d != c.today
                                                                                            else ")")))
        assert t[label] == [str(col.points[d]) for col in c.columns]

    # saved in the file and back on reopening
    assert w.save() and not w.doc.dirty
    saved = load_project(path)
    assert [s.name for s in saved.scenarios] == ["N1 in July", "Raise"] and saved.scenarios[1] == raise_
    w.new_project()
    assert w.open_path(str(path), ask=False)
    panel = to_results(w).scenarios
    w.wizard.currentPage().tabs.setCurrentIndex(SCENARIOS_TAB)
    QApplication.processEvents()
    assert [panel.chooser.itemText(i) for i in range(panel.chooser.count())] == ["N1 in July", "Raise"]
    assert table(panel)["Earliest date"] == ["1 Apr 2029", "1 Jul 2028", "★ 1 Apr 2028"]


def panel_fmt(d: date) -> str:
    from hsp_wizard.presentation import Renderer
    return Renderer().fmt(d)


def test_rename_refuses_a_name_in_use_and_delete_asks_first(window, qtbot, tmp_path):
    w = window
    p = planned()
    p.scenarios = [Scenario(name="Plan A"), Scenario(name="Plan B")]
    panel = open_scenarios(w, p, tmp_path / "p.hspw")
    panel.chooser.setCurrentIndex(1)
    w.scenario_names.extend(["plan a", "  Plan   C "])
    click(panel.rename_button)
    labels = [a[2] for a in w.asked if a[0] == "scenario name"]
    assert labels == ["Name of the scenario:", "Another scenario is called that. Name of the scenario:"]
    assert [s.name for s in w.doc.project.scenarios] == ["Plan A", "Plan C"]
    assert panel.chooser.currentText() == "Plan C"
    w.scenario_names.append(None)  # cancelled: nothing changes
    click(panel.new_button)
    assert len(w.doc.project.scenarios) == 2
    click(panel.delete_button)
    assert ("delete scenario", "Plan C") in w.asked
    assert [s.name for s in w.doc.project.scenarios] == ["Plan A"] and panel.chooser.currentText() == "Plan A"
    settle(qtbot, panel)
    assert headers(panel) == ["As entered", "Plan A"]
    # the name proposed, when accepted as it is: the next number, never one in use
    w.doc.update(scenarios=[Scenario(name="Plan A"), Scenario(name="Scenario 3")])
    panel.load()
    click(panel.new_button)
    assert [s.name for s in w.doc.project.scenarios] == ["Plan A", "Scenario 3", "Scenario 3 2"]
    click(panel.new_button)
    assert w.doc.project.scenarios[-1].name == "Scenario 4"


def test_a_suggestion_tried_as_a_scenario_opens_as_the_engine_said(window, qtbot, tmp_path):
    w = window
    save_project(planned(), tmp_path / "p.hspw")
    assert w.open_path(str(tmp_path / "p.hspw"), ask=False)
    page = to_results(w)
    page.tabs.setCurrentIndex(2)
    first = page.suggestions[0]
    assert first.kind == "jlpt_n1" and "Try it as a scenario" in page.sooner.toPlainText()
    # by keyboard: Tab to the first link in the text, Enter follows it
    page.sooner.setFocus()
    QTest.keyClick(page.sooner, Qt.Key.Key_Tab)
    link = QApplication.focusWidget()
    assert link.text() == "Try it as a scenario" and link.accessibleName().startswith("Try it as a scenario: ")
    QTest.keyClick(link, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert page.tabs.currentIndex() == SCENARIOS_TAB
    panel = page.scenarios
    settle(qtbot, panel)
    s = w.doc.project.scenarios[0]
    assert s.name.startswith("JLPT N1 by ") and s.changes == [first.change]
    col = panel.comparison.columns[1]
    assert col.earliest == (first.route, first.after)
    # applying earlier becomes a scenario with that date
    page.tabs.setCurrentIndex(2)
    last = page.suggestions[-1]
    assert last.kind == "apply_earlier" and page.try_as_scenario(last)
    assert w.doc.project.scenarios[1].planned_application_date == last.after
    assert w.doc.project.scenarios[1].name.startswith("Apply on ")


def test_scenarios_in_japanese_keep_what_is_typed(window, qtbot, tmp_path):
    w = window
    p = planned()
    p.scenarios = [Scenario(name="N1", changes=[ScenarioChange(kind="jlpt_n1", start=date(2027, 7, 1))])]
    panel = open_scenarios(w, p, tmp_path / "p.hspw")
    row = add_row(panel.changes)
    choose(panel.changes, row, 0, "raise")
    cell(panel.changes, row, 1, "2027-04-01")  # no amount yet: marked, not saved
    w.set_language("ja")
    QApplication.processEvents()
    page = w.wizard.currentPage()
    assert "シナリオ" in page.tabs.tabText(SCENARIOS_TAB)
    assert panel.changes.table.rowCount() == 2 and panel.changes.cell_text(1, 1) == "2027-04-01"
    assert "昇給" in panel.changes.error.text() or "金額" in panel.changes.error.text()
    t = table(panel)
    assert headers(panel)[0] == "入力内容（変更なし）"
    assert any(k.startswith("2029年6月1日") or "2029年6月1日" in k for k in t)
    assert len(w.doc.project.scenarios[0].changes) == 1


def test_a_plan_that_is_too_early_is_said_first_and_can_be_tried_later(window, qtbot, tmp_path):
    w = window
    p = engineer_at_65()
    p.planned_application_date = date(2028, 1, 1)
    save_project(p, tmp_path / "p.hspw")
    assert w.open_path(str(tmp_path / "p.hspw"), ask=False)
    page = to_results(w)
    page.tabs.setCurrentIndex(2)
    text = page.sooner.toPlainText()
    assert "Your planned date is too early: On your planned date, 1 Jan 2028, no route is open yet" in text
    assert text.index("too early") < text.index("Passing JLPT N1")
    assert page.try_as_scenario(page.suggestions[0])
    settle(qtbot, page.scenarios)
    assert w.doc.project.scenarios[0].planned_application_date == date(2029, 4, 1)
    assert page.scenarios.comparison.columns[1].points[date(2029, 4, 1)] == 70  # 10 years of career that day


def test_the_comparison_runs_in_a_worker_process_even_when_a_scenario_takes_a_full_list_past_its_limit(
        window, qtbot, tmp_path):
    """Issue 19: the comparison runs in another process, so the window's thread never waits for it. A raise in a
    scenario adds a salary entry: on a project whose salary list is full (200 entries), that scenario's side holds
    201, more than a file may. It is compared like any other side, and matches the engine's comparison."""
    import os
    from datetime import timedelta

    from hsp_wizard.domain.project import MAX_ITEMS, SalaryEntry
    from hsp_wizard.ui import compare_worker
    p = engineer_at_65()
    first = p.salary[0]
    p = p.model_copy(update={"salary": [first.model_copy(update={"start": first.start + timedelta(days=i)})
                                        for i in range(MAX_ITEMS)],
                             "scenarios": [Scenario(name="Raise", changes=[
                                 ScenarioChange(kind="raise", start=date(2027, 4, 1), amount_yen=9_000_000)])]})
    assert isinstance(p.salary[0], SalaryEntry) and len(p.salary) == MAX_ITEMS
    panel = open_scenarios(window, p, tmp_path / "full.hspw")
    settle(qtbot, panel)
    assert not window.told
    today = panel.today()
    expected = compare(window.doc.project, today)
    assert [c.opens for c in panel.comparison.columns] == [c.opens for c in expected.columns]
    assert [c.points for c in panel.comparison.columns] == [c.points for c in expected.columns]
    worker = compare_worker.submit(os.getpid).result(timeout=30)
    assert worker != os.getpid(), "the comparison's sides are searched in another process"
