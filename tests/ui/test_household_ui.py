"""The household page driven like a user with the keyboard only: add a spouse in her dialog, see her state in the
row, open a member with Enter, cancel with Esc, remove with Delete; the results page's family tab."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hsp_wizard.domain.project import MemberKind
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import cell, choose, focused, step, type_into

ROOT = Path(__file__).resolve().parents[2]


def to_page(w, pid):
    """Click the page's step in the step list (a complete project opens on its results)."""
    step(w, pid)
    return w.wizard.currentPage()


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


def test_add_a_spouse_with_the_keyboard_and_see_her_state(window):
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
    # married 2 years 11 months on the planned date: she can apply with him from the third anniversary
    assert page.table.item(0, 0).text() == "Spouse: Mei"
    assert page.table.item(0, 2).text() == "with you from 1 Nov 2026"

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
