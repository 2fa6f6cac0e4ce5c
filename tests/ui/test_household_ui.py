"""The household page driven like a user with the keyboard only: add a spouse in her dialog, see her state in the
row, open a member with Enter, cancel with Esc, remove with Delete; the results page's family tab."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hsp_wizard.domain.project import MemberKind
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import cell, choose, focused, pick, to_page, type_into

ROOT = Path(__file__).resolve().parents[2]


class Done(list):
    def __bool__(self):
        for item in self:
            if isinstance(item, BaseException):
                raise item
        return len(self) > 0


def in_dialog(page, act):
    """Run `act(dialog)` once the member dialog is open (it is modal); a failure closes it and is raised by
    `assert done` (never a hang)."""
    done = Done()

    def step():
        dlg = page.dialog
        if dlg is None or not dlg.isVisible() or not dlg.isActiveWindow():
            if dlg is not None and dlg.isVisible():
                dlg.activateWindow()
            QTimer.singleShot(20, step)
            return
        try:
            act(dlg)
            done.append(True)
        except BaseException as exc:  # noqa: BLE001 (re-raised in the test)
            done.append(exc)
        if dlg.isVisible():
            dlg.reject()
    QTimer.singleShot(0, step)
    return done


def tab_to(widget, dialog, limit=60):
    """Press Tab until `widget` has the focus (what a keyboard user does)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the widget")


def test_add_a_spouse_with_the_keyboard_and_see_her_state(window, qtbot):
    w = window
    w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    page = to_page(w, PageId.HOUSEHOLD)
    assert page.table.rowCount() == 0

    def fill(dlg):
        assert focused() is dlg.name  # the first field has the focus
        type_into(dlg.name, "Mei")
        tab_to(dlg.birth, dlg)
        type_into(dlg.birth, "1996-05-05")
        tab_to(dlg.nationality, dlg)
        QTest.keyClick(dlg.nationality, Qt.Key.Key_Down)  # Not answered -> Foreign national
        tab_to(dlg.marriage, dlg)
        type_into(dlg.marriage, "2023-11-01")
        for box in (dlg.together, dlg.taxes, dlg.pension, dlg.health):
            tab_to(box, dlg)
            QTest.keyClick(box, Qt.Key.Key_Down)  # Yes / paid on time
        dlg.residence.add_button.setFocus()
        QTest.keyClick(dlg.residence.add_button, Qt.Key.Key_Space)
        choose(dlg.residence, 0, 0, "dependent")
        cell(dlg.residence, 0, 1, "2023-10-01")
        cell(dlg.residence, 0, 3, "60")
        QTest.keyClick(dlg.name, Qt.Key.Key_Return)  # the default button: OK
    done = in_dialog(page, fill)
    spouse_button = page.add_buttons[MemberKind.SPOUSE]
    spouse_button.setFocus()
    QTest.keyClick(spouse_button, Qt.Key.Key_Space)
    assert done
    members = w.doc.project.household.members
    assert len(members) == 1
    m = members[0]
    assert (m.name, m.birth_date, m.marriage_date, m.nationality.value) == ("Mei", date(1996, 5, 5),
                                                                           date(2023, 11, 1), "foreign")
    assert m.lives_together.value == "yes" and m.taxes.value == "on_time" and m.residence[0].status == "dependent"
    assert page.table.item(0, 0).text() == "Spouse: Mei"
    # his own landing criteria are not answered (his routes "cannot tell yet"): neither can hers with him be told
    assert page.table.item(0, 2).text() == "cannot tell yet"
    qtbot.waitUntil(lambda: member_lines(w) == ["Mei: cannot tell yet"], timeout=5000)
    pick(to_page(w, PageId.REQUIREMENTS).landing, "yes")  # he answers it
    page = to_page(w, PageId.HOUSEHOLD)
    # married 2 years 11 months on the planned date: she can apply with him from the third anniversary
    assert page.table.item(0, 2).text() == "with you from 1 Nov 2026"
    # the step list names her (the list is narrow), a screen reader hears her kind too
    qtbot.waitUntil(lambda: member_lines(w) == ["Mei: can apply with you from 1 Nov 2026"], timeout=5000)
    lst = w.steps.list
    line = next(lst.item(r) for r in range(lst.count()) if lst.item(r).text().strip().startswith("Mei:"))
    assert line.data(Qt.ItemDataRole.AccessibleTextRole) == "Spouse: Mei: can apply with you from 1 Nov 2026"

    # Enter on the row opens her dialog; Esc cancels without a change
    before = w.doc.project.model_copy(deep=True)
    done = in_dialog(page, lambda dlg: QTest.keyClick(dlg, Qt.Key.Key_Escape))
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert done and w.wizard.currentId() == PageId.HOUSEHOLD  # Enter did not reach the wizard's Next
    assert w.doc.project == before

    # the results page's family tab
    results = to_page(w, PageId.RESULTS)
    results.tabs.setCurrentIndex(4)
    text = results.family.toPlainText()
    assert "Spouse: Mei" in text and "With you, earliest: 1 Nov 2026" in text and "Bringing a parent" in text

    # back, Delete removes her
    w.wizard.go_to(PageId.HOUSEHOLD)
    page = w.wizard.currentPage()
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert w.doc.project.household.members == []


def test_an_invalid_member_is_refused_with_the_reason(window):
    w = window
    w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    page = to_page(w, PageId.HOUSEHOLD)
    seen = []

    def bad(dlg):
        type_into(dlg.birth, "1996-13-40")
        QTest.keyClick(dlg.name, Qt.Key.Key_Return)
        seen.append((dlg.isVisible(), dlg.error.text()))
        QTest.keyClick(dlg, Qt.Key.Key_Escape)
    done = in_dialog(page, bad)
    page.add(MemberKind.CHILD)
    assert done and seen[0][0] is True and seen[0][1]
    assert w.doc.project.household.members == []


def test_the_domestic_worker_dialog_by_keyboard(window):
    w = window
    w.open_path(str(ROOT / "examples" / "household" / "family-b.hspw"), ask=False)
    page = to_page(w, PageId.HOUSEHOLD)

    def fill(dlg):
        assert focused() is dlg.has and not dlg.birth.isEnabled()
        QTest.keyClick(dlg.has, Qt.Key.Key_Space)
        tab_to(dlg.birth, dlg)
        type_into(dlg.birth, "1990-01-01")
        tab_to(dlg.pay, dlg)
        type_into(dlg.pay, "200,000")
        tab_to(dlg.other, dlg)
        QTest.keyClick(dlg.other, Qt.Key.Key_Down)
        QTest.keyClick(dlg.other, Qt.Key.Key_Down)  # No
        QTest.keyClick(dlg.pay, Qt.Key.Key_Return)
    done = in_dialog(page, fill)
    page.worker_button.setFocus()
    QTest.keyClick(page.worker_button, Qt.Key.Key_Space)
    assert done
    dw = w.doc.project.household.domestic_worker
    assert (dw.birth_date, dw.monthly_pay_yen, dw.other_domestic_worker.value) == (date(1990, 1, 1), 200_000, "no")


def test_a_second_spouse_cannot_be_added(window):
    w = window
    w.open_path(str(ROOT / "examples" / "household" / "family-b.hspw"), ask=False)
    page = to_page(w, PageId.HOUSEHOLD)
    assert page.table.rowCount() == 4 and not page.add_buttons[MemberKind.SPOUSE].isEnabled()
    assert page.add_buttons[MemberKind.CHILD].isEnabled()
    members = list(w.doc.project.household.members)
    assert page._set_members(members + [members[0]]) is False  # refused, and said
    assert page.error.text() == "A household has at most one spouse" and len(w.doc.project.household.members) == 4


def test_an_old_file_opens_as_a_household_of_one(window):
    w = window
    w.open_path(str(ROOT / "tests" / "storage" / "golden" / "v2.hspw"), ask=False)
    assert w.doc.migrated_from == 2
    page = to_page(w, PageId.HOUSEHOLD)
    assert page.table.rowCount() == 0 and page.add_buttons[MemberKind.SPOUSE].isEnabled()
    results = to_page(w, PageId.RESULTS)
    results.tabs.setCurrentIndex(4)
    assert "A household of one" in results.family.toPlainText()


# ---------------------------------------------------------------- the step list and the what-if tab
def member_lines(w) -> list[str]:
    """The step list's lines under 'Your household', as a person reads them."""
    from hsp_wizard.ui.widgets.step_list import MEMBER_ROLE
    lst = w.steps.list
    return [lst.item(r).text().strip() for r in range(lst.count()) if lst.item(r).data(MEMBER_ROLE) is not None]


FAMILY_LINES = ["Spouse: can apply with you from 1 Nov 2026",  # married 2023-11-01: her third anniversary
                "Child 1: can apply with you on 1 Oct 2026",  # born here: a year on the family's day
                "Child 2: can apply with you from 1 Dec 2026",  # arrived 2025-12-01: a year then
                "Parent: parent's stay: conditions met"]  # a child under 7, household income ¥8,000,000: at the line


def test_the_step_list_shows_each_members_state_and_leads_to_them_by_keyboard(window, qtbot):
    w = window
    w.open_path(str(ROOT / "examples" / "household" / "family-b.hspw"), ask=False)
    qtbot.waitUntil(lambda: member_lines(w) == FAMILY_LINES, timeout=5000)
    lst = w.steps.list
    rows = [r for r in range(lst.count()) if lst.item(r).text().strip() in FAMILY_LINES]
    household = [r for r in range(lst.count()) if lst.item(r).text().endswith("Your household")]
    assert rows == [household[0] + 1 + n for n in range(4)]  # right under its step
    assert lst.item(rows[0]).data(Qt.ItemDataRole.AccessibleTextRole) == FAMILY_LINES[0]
    # keyboard: into the list, down to Child 2, Enter: the household page, Child 2 selected, the table focused
    lst.setFocus()
    lst.setCurrentRow(household[0])
    for _ in range(3):
        QTest.keyClick(lst, Qt.Key.Key_Down)
    QTest.keyClick(lst, Qt.Key.Key_Return)
    QApplication.processEvents()
    page = w.wizard.currentPage()
    assert w.wizard.currentId() == PageId.HOUSEHOLD and page.table.currentRow() == 2 and focused() is page.table

    # a member missing facts: said at once, in red, and the step needs attention
    from hsp_wizard.domain.project import HouseholdMember
    hh = w.doc.project.household
    w.doc.update(household=hh.model_copy(update={"members": [*hh.members, HouseholdMember(kind="child")]}))
    qtbot.waitUntil(lambda: len(member_lines(w)) == 5, timeout=5000)
    assert member_lines(w)[4] == "Child 3: needs facts"
    item = next(lst.item(r) for r in range(lst.count()) if lst.item(r).text().strip() == "Child 3: needs facts")
    assert item.toolTip() == "Child 3: still to enter: Birth date; Nationality; Relation"
    assert item.foreground().color().name() == "#b00020"
    step_item = lst.item(household[0])
    assert step_item.text().startswith("!") and "needs attention" in step_item.toolTip()

    # in Japanese
    w.set_language("ja")
    qtbot.waitUntil(lambda: member_lines(w)[0].startswith("配偶者"), timeout=5000)
    lines = member_lines(w)
    assert lines[0] == "配偶者：2026年11月1日から同時申請できます"
    assert lines[4] == "子（3人目）：入力が必要な事項があります"


def test_a_scenario_moves_the_familys_date_in_the_what_if_tab(window, qtbot, tmp_path):
    """The family-b example with a scenario applying on 2028-04-01: every member comes on that day; as entered
    (2026-10-01) each waits for their own date (the lines above)."""
    from hsp_wizard.domain.project import Scenario
    from hsp_wizard.storage import load_project
    from tests.ui.test_scenarios_ui import open_scenarios, table
    p = load_project(ROOT / "examples" / "household" / "family-b.hspw")
    p = p.model_copy(update={"scenarios": [Scenario(name="In 2028", planned_application_date=date(2028, 4, 1))]})
    panel = open_scenarios(w := window, p, tmp_path / "family.hspw")
    qtbot.waitUntil(lambda: not panel.busy and "Spouse: with you" in table(panel), timeout=20000)
    t = table(panel)
    assert t["Spouse: with you"] == ["1 Nov 2026", "1 Apr 2028"]
    assert t["Child 1: with you"] == ["1 Oct 2026", "1 Apr 2028"]
    assert t["Child 2: with you"] == ["1 Dec 2026", "1 Apr 2028"]
    assert not any(k.startswith("Parent") for k in t)  # a parent has no route of their own here
    w.set_language("ja")
    qtbot.waitUntil(lambda: "配偶者：同時申請" in table(panel), timeout=5000)
    assert table(panel)["配偶者：同時申請"] == ["2026年11月1日", "2028年4月1日"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_family_tab_shows_no_ids_until_why_is_opened(window, qtbot, lang):
    from hsp_wizard.ui.widgets.linked_text import LinkButton
    from tests.answer.idscan import internal_ids
    w = window
    w.set_language(lang)
    w.open_path(str(ROOT / "examples" / "household" / "family-b.hspw"), ask=False)
    results = to_page(w, PageId.RESULTS)
    results.tabs.setCurrentIndex(4)
    text = results.family.toPlainText()
    assert internal_ids(text) == [] and ("Bringing a parent" in text or "親の帯同" in text)
    why = "根拠" if lang == "ja" else "Why?"
    buttons = [b for b in results.family.findChildren(LinkButton) if b.text() == why]
    assert len(buttons) >= 4  # each member with a route, each benefit
    QTest.mouseClick(buttons[-1], Qt.MouseButton.LeftButton)  # the domestic worker's: its rules and sources
    QApplication.processEvents()
    opened = results.family.toPlainText()
    assert "benefit.domestic.household_income_yen" in opened and internal_ids(opened)
    assert len(opened) > len(text)
