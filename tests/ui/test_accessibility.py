"""What Qt tells a screen reader (QAccessible interfaces, offscreen and fast): names without mnemonic markers,
the total and the headline as named text, errors on their fields and cells, named cell editors and blank cells,
links that are buttons, the wizard named after its page, and all of it again after a language switch.
tests/accessibility checks the same through AT-SPI, as a screen reader receives it."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from hsp_wizard.ui.accessibility import plain
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, cell, focused, next_page

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"
MNEMONIC = re.compile(r"[(（]&?[A-Z][)）]|&(?!&|D\b)")  # "学位(D)", "(&D)" or a stray "&" ("R&D" is a word)


def name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def description(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


def cell_of(table, row: int, col: int):
    """The accessible cell a screen reader reads (PySide6 has no tableInterface(): counted as Qt lays the
    children out, the header row and column first)."""
    top = int(table.horizontalHeader().isVisible())
    left = int(table.verticalHeader().isVisible())
    iface = QAccessible.queryAccessibleInterface(table)
    child = iface.child((row + top) * (table.columnCount() + left) + col + left)
    assert child.role() == QAccessible.Role.Cell
    return child


def ja(w, qtbot) -> None:
    w.language_actions["ja"].trigger()
    qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    QApplication.processEvents()


def to(w, pid: PageId) -> None:
    while w.wizard.currentId() < pid:
        next_page(w)


@pytest.mark.parametrize("label, said", [
    ("&Degrees", "Degrees"), ("学位(&D)", "学位"), ("学位(&D)に行を追加", "学位に行を追加"), ("ファイル（&F）", "ファイル"),
    ("R&&D ratio", "R&D ratio"), ("Save &As…", "Save As…"), ("N&ame (optional):", "Name (optional):"),
    ("(i)(b) Advanced", "(i)(b) Advanced")])
def test_a_name_is_the_label_without_its_mnemonic_marker(label, said):
    assert plain(label) == said


def test_every_name_on_every_page_in_japanese_is_free_of_mnemonic_markers(window, qtbot):
    """The issue counted 57 names such as "学位(D)に行を追加" and "在留資格(S)"."""
    w = window
    ja(w, qtbot)
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    seen, marked = 0, []
    while True:
        for wdg in (w.wizard, *w.wizard.findChildren(QWidget)):
            if not wdg.isVisible() or wdg.window() is not w:
                continue
            iface = QAccessible.queryAccessibleInterface(wdg)
            if iface is None:
                continue
            seen += 1
            said = iface.text(QAccessible.Text.Name)
            if MNEMONIC.search(said):
                marked.append(f"{PageId(w.wizard.currentId()).name}: {type(wdg).__name__} {said!r}")
        if w.wizard.currentId() == PageId.RESULTS:
            break
        next_page(w)
    assert seen > 300
    assert marked == []
    degrees = w.wizard.page(PageId.EDUCATION).editors["degrees"]
    assert name(degrees.add_button) == "学位に行を追加" and name(degrees.table) == "学位"


def test_the_total_is_named_with_its_date_value_and_category_in_both_languages(window, qtbot):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    total = w.wizard.panel.total
    assert total.text() == "90 points"
    assert name(total) == "Points on 1 Oct 2026: 90, category (b)"
    ja(w, qtbot)
    assert name(total) == "2026年10月1日時点の点数：90点、1号ロ"


def test_a_new_total_renames_it_and_is_announced_once(window, monkeypatch, qtbot):
    """Born 1996-03-15 instead of 1998: 30 on the planned date, so age 15 -> 10 and the salary line (under 30
    only) 10 -> 0: 75 points. The announcement is asked for only when the total changes (not on each key)."""
    from hsp_wizard.ui import accessibility
    said = []
    monkeypatch.setattr(accessibility, "announce", lambda widget, text, assertive=False: said.append(text))
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    page = w.wizard.currentPage()
    page.birth.setFocus()
    page.birth.selectAll()
    QTest.keyClicks(page.birth, "1996-03-15")
    assert name(w.wizard.panel.total) == "Points on 1 Oct 2026: 75, category (b)"  # at once
    qtbot.waitUntil(lambda: bool(said), timeout=3000)  # once typing has settled
    assert said == ["Points on 1 Oct 2026: 75, category (b)"]  # once, however many keys and totals passed by
    w.wizard.panel.retranslate()  # the same total in the same words again: nothing to announce
    QTest.qWait(800)
    assert said == ["Points on 1 Oct 2026: 75, category (b)"]


def test_the_wizard_and_each_page_carry_their_titles(window, qtbot):
    w = window
    assert name(w.wizard) == "Welcome to HSP Wizard"
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    assert name(w.wizard) == "You and your category"
    assert description(w.wizard) == "Your points in each category update as you type."
    next_page(w)
    assert name(w.wizard) == "Education" and name(w.wizard.currentPage()) == "Education"
    ja(w, qtbot)
    qtbot.waitUntil(lambda: name(w.wizard) == "学歴", timeout=2000)
    assert name(w.wizard.button(QWizard.WizardButton.NextButton)) == "次へ"


def test_a_row_error_is_on_its_cells_and_its_table_and_follows_a_language_switch(window, qtbot):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    next_page(w)
    editor = w.wizard.currentPage().editors["degrees"]
    cell(editor, 0, 2, "2019-02-30")
    table = QAccessible.queryAccessibleInterface(editor.table)
    awarded = cell_of(editor.table, 0, 2)
    assert awarded.text(QAccessible.Text.Name) == "2019-02-30"
    # the error names its column (a fresh user could not tell which cell "There is no such day" was about)
    assert awarded.text(QAccessible.Text.Description) == "Row 1: Awarded: There is no such day"
    assert table.text(QAccessible.Text.Description) == "Row 1: Awarded: There is no such day"
    ja(w, qtbot)
    said = "1行目：取得日：その日付は存在しません"
    qtbot.waitUntil(lambda: table.text(QAccessible.Text.Description) == said, timeout=2000)
    assert cell_of(editor.table, 0, 1).text(QAccessible.Text.Description) == said


def test_a_cell_editor_and_a_blank_cell_are_named(window, qtbot):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    next_page(w)
    editor = w.wizard.currentPage().editors["degrees"]
    row = add_row(editor)
    assert cell_of(editor.table, row, 1).text(QAccessible.Text.Name) == "blank"  # Field, not typed yet
    editor.table.setFocus()
    editor.table.setCurrentCell(row, 1)
    QTest.keyClick(editor.table, Qt.Key.Key_F2)
    assert name(focused()) == f"Field, row {row + 1}"
    QTest.keyClicks(focused(), "Physics")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert cell_of(editor.table, row, 1).text(QAccessible.Text.Name) == "Physics"
    editor.table.setCurrentCell(row, 0)
    QTest.keyClick(editor.table, Qt.Key.Key_F2)
    # the choice editor too: on Linux Qt names a combo box by its value, so the cell is in its description
    # (no error yet: the new row has no date, but it is still being filled in; issue 18 says it once it is left)
    assert description(focused()) == f"Level, row {row + 1}"
    assert focused().accessibleName() == f"Level, row {row + 1}"
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    ja(w, qtbot)
    qtbot.waitUntil(lambda: cell_of(editor.table, row, 2).text(QAccessible.Text.Name) == "空欄", timeout=2000)


def test_each_categorys_score_says_which_category_it_is(window, qtbot):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    from hsp_wizard.domain.project import Category
    scores = w.wizard.currentPage().compare
    assert name(scores[Category.B]) == "Category (b): 90 points — meets the criteria"
    assert name(scores[Category.C]) == "Category (c): 55 points — does not meet the criteria"
    ja(w, qtbot)
    assert name(scores[Category.B]) == "1号ロ：90点 — 基準を満たします"


def test_the_continuity_result_is_the_labels_name(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    to(w, PageId.RESIDENCE)
    problems = w.wizard.currentPage().problems
    assert problems.text()
    assert name(problems) == f"Continuity check: {problems.text()}"


def test_the_results_links_are_named_buttons_that_enter_and_space_follow(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    to(w, PageId.RESULTS)
    page = w.wizard.currentPage()
    assert name(page.answer) == (  # issue 17's headline (the example leaves the landing criteria unanswered)
        "Cannot tell yet: enter whether you still meet your current status's requirements first. If all is in "
        "order, you can apply via HSP 80 points, 1 year, open since 1 Apr 2021.")
    links = page.view.links
    assert links and all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in links)
    # issue 17: the headline's "Why?" first, each fact to enter, each route's "Why?", then the "change" buttons
    assert all(name(b).startswith(("Change: ", "Why?: ", "Enter: ")) for b in links)
    assert name(links[0]).startswith("Why?: Cannot tell yet")
    first = next(b for b in links if name(b) == "Change: You and your category")
    assert description(first) == "On the planned date"
    first.setFocus()
    QTest.keyClick(first, Qt.Key.Key_Return)
    assert w.wizard.currentId() == PageId.CATEGORY
    to(w, PageId.RESULTS)
    education = next(b for b in w.wizard.currentPage().view.links if name(b) == "Change: Education")
    education.setFocus()
    QTest.keyClick(education, Qt.Key.Key_Space)
    assert w.wizard.currentId() == PageId.EDUCATION


def test_the_charts_description_follows_a_language_switch(window, qtbot):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
    to(w, PageId.RESULTS)
    page = w.wizard.currentPage()
    page.tabs.setCurrentIndex(1)
    page.chart.setFocus()
    QTest.keyClick(page.chart, Qt.Key.Key_End)
    english = description(page.chart)
    assert "points" in english
    ja(w, qtbot)
    japanese = description(page.chart)
    assert japanese != english and "点" in japanese and "points" not in japanese
    assert page.chart.selected is not None and japanese == page.chart.describe(page.chart.selected)


def test_the_password_dialog_names_its_fields_and_buttons_and_puts_the_error_on_the_field(qtbot, monkeypatch):
    from hsp_wizard.ui import password
    from hsp_wizard.ui.language import apply_language
    from hsp_wizard.ui.password import PasswordDialog
    said = []
    monkeypatch.setattr(password, "announce", lambda widget, text, assertive=False: said.append(text))
    wrong = PasswordDialog(None, file_name="p.hspw", wrong=True)
    qtbot.addWidget(wrong)
    assert name(wrong.field) == "Password"
    assert description(wrong.field) == "The password is not right. Try again."
    new = PasswordDialog(None, new=True)
    qtbot.addWidget(new)
    new.field.setText("short")
    new.confirm.setText("short")
    new.accept()
    assert new.error.text() and description(new.field) == new.error.text() and said == [new.error.text()]
    apply_language("ja")
    try:
        QApplication.processEvents()
        dialog = PasswordDialog(None, new=True)
        qtbot.addWidget(dialog)
        names = [name(dialog.field), name(dialog.confirm), *(name(b) for b in dialog.buttons.buttons())]
        assert all(n and not MNEMONIC.search(n) for n in names), names
    finally:
        apply_language("en")
        QApplication.processEvents()
