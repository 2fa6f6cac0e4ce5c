"""Enter in a table is the table's: on a cell it opens the cell's editor (F2's), on a tick box it ticks, and the
wizard never takes it as Next (a fresh user pressed Enter on a cell and found themselves on the next page)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, step, type_into
from tests.ui.test_app_behaves import new_project


def new_row_on(w, page: PageId, field: str):
    """A new project, on `page`, with one row added to the list `field`: its editor."""
    new_project(w)
    step(w, page)
    ed = w.wizard.currentPage().editors[field]
    add_row(ed)
    return ed


def test_enter_on_a_cell_edits_it_and_stays_on_the_page(window):
    w = window
    ed = new_row_on(w, PageId.SALARY, "salary")
    ed.table.setFocus()
    ed.table.setCurrentCell(0, 0)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        QTest.keyClick(ed.table, key)
        QApplication.processEvents()
        assert w.wizard.currentId() == PageId.SALARY
        editor = QApplication.focusWidget()
        assert editor is not ed.table and ed.table.isAncestorOf(editor), editor  # the cell's editor is open
        QTest.keyClick(editor, Qt.Key.Key_Escape)
        QApplication.processEvents()
    QTest.keyClick(ed.table, Qt.Key.Key_Return)
    type_into(QApplication.focusWidget(), "2020-04-01")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter in the editor commits, as before
    QApplication.processEvents()
    assert ed.cell_text(0, 0) == "2020-04-01" and w.wizard.currentId() == PageId.SALARY


def test_enter_on_a_tick_box_ticks_it(window):
    w = window
    ed = new_row_on(w, PageId.RESIDENCE, "residence")
    col = next(i for i, c in enumerate(ed.columns) if c.key == "granted_as_hsp")
    ed.table.setFocus()
    ed.table.setCurrentCell(0, col)
    QTest.keyClick(ed.table, Qt.Key.Key_Return)
    assert ed.table.item(0, col).checkState() == Qt.CheckState.Checked
    QTest.keyClick(ed.table, Qt.Key.Key_Enter)
    assert ed.table.item(0, col).checkState() == Qt.CheckState.Unchecked
    assert w.wizard.currentId() == PageId.RESIDENCE


def test_a_wrong_value_is_said_with_its_column_in_words(window):
    """'Row 1: There is no such day' did not say which cell; a number column said Python's own words ("invalid
    literal for int() with base 10")."""
    from tests.ui.drive import cell
    w = window
    ed = new_row_on(w, PageId.RESIDENCE, "residence")
    months = next(i for i, c in enumerate(ed.columns) if c.key == "period_of_stay_months")
    cell(ed, 0, months, "three")
    assert "Row 1: Period of stay (months): Enter a whole number, for example 36" in ed.error.text()
    cell(ed, 0, 1, "2023-02-30")
    assert "Row 1: From: There is no such day" in ed.error.text()
    assert "int()" not in ed.error.text()


def test_a_next_that_stays_to_show_a_problem_says_so_and_that_next_again_goes_on(window):
    from tests.ui.drive import cell, next_page
    w = window
    ed = new_row_on(w, PageId.SALARY, "salary")
    cell(ed, 0, 0, "2020-04-01")  # no amount yet
    next_page(w)
    assert w.wizard.currentId() == PageId.SALARY
    assert w.statusBar().currentMessage().startswith("Fix what is marked on this page, or press Next again to go on")
    next_page(w)
    assert w.wizard.currentId() != PageId.SALARY
