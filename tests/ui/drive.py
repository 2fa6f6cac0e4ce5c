"""Helpers that act like a person: type into the focused widget, click buttons, fill table cells by keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from hsp_wizard.ui.wizard import PageId


def focused():
    return QApplication.focusWidget()


def type_into(widget, text: str) -> None:
    """ASCII as key presses; anything else committed by the input method, as a Japanese IME does."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            ev = QInputMethodEvent("", [])
            ev.setCommitString(ch)
            QApplication.sendEvent(widget, ev)


def next_page(w) -> None:
    QTest.mouseClick(w.wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def field(w, widget, text: str) -> None:
    """Click into a line edit, select what is there, type."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.selectAll()
    type_into(widget, text)


def cell(editor, row: int, col: int, text: str) -> None:
    """Type into a table cell as a person does: select it, type (the editor opens), Enter."""
    table = editor.table
    table.setFocus()
    table.setCurrentCell(row, col)
    QTest.keyClick(table, Qt.Key.Key_F2)
    ed = focused()
    assert ed is not table and ed is not None, "F2 did not open the cell's editor"
    ed.selectAll()
    type_into(ed, text)
    QTest.keyClick(ed, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits with a queued call


def choose(editor, row: int, col: int, value: str) -> None:
    """Pick a choice in a cell with the keyboard: F2 opens the combo, Down until the value, Enter."""
    table = editor.table
    table.setFocus()
    table.setCurrentCell(row, col)
    QTest.keyClick(table, Qt.Key.Key_F2)
    box = focused()
    assert hasattr(box, "currentData"), "F2 did not open the choice editor"
    QTest.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentData() == value:
            break
        QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == value, value
    QTest.keyClick(box, Qt.Key.Key_Return)
    QApplication.processEvents()


def check(editor, row: int, col: int) -> None:
    """Tick a checkbox cell with the keyboard (Space on the current cell)."""
    table = editor.table
    table.setFocus()
    table.setCurrentCell(row, col)
    QTest.keyClick(table, Qt.Key.Key_Space)


def add_row(editor) -> int:
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    return editor.table.rowCount() - 1


def step(w, page_id: int) -> None:
    """Click a step in the step list (a complete project opens on its results)."""
    lst = w.steps.list
    for row in range(lst.count()):
        if lst.item(row).data(Qt.ItemDataRole.UserRole) == int(page_id):
            rect = lst.visualItemRect(lst.item(row))
            QTest.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            QApplication.processEvents()
            assert w.wizard.currentId() == int(page_id), (w.wizard.currentId(), page_id)
            return
    raise AssertionError(f"no step {page_id}")


def to_page(w, page_id: int):
    """Walk to a page with Next, as a person would (first back with the step list when it lies behind: a complete
    project opens on its results); the page."""
    if w.wizard.currentId() > page_id:
        step(w, page_id)
    for _ in range(len(PageId)):
        if w.wizard.currentId() == page_id:
            break
        next_page(w)
    assert w.wizard.currentId() == page_id
    return w.wizard.currentPage()


def pick(box, value) -> None:
    """Choose a combo box's item with the keyboard: Home, then Down until the value."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentData() == value:
            return
        QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == value
