"""What a fresh-eyes user test found: each problem driven as the user met it."""

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from hsp_wizard.storage import load_project
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, choose, next_page, step
from tests.ui.test_app_behaves import new_project

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- 1. a row whose only entry is a choice is kept
def test_a_jlpt_row_with_only_a_level_chosen_is_kept_saved_and_marks_the_window_changed(window, tmp_path,
                                                                                          monkeypatch):
    w = window
    new_project(w)
    step(w, PageId.BONUSES)
    w.doc.set_dirty(False)
    ed = w.wizard.currentPage().editors["japanese"]
    add_row(ed)
    choose(ed, 0, 0, "jlpt")  # the test (a new row has none chosen) and the level; the result date left empty
    choose(ed, 0, 1, "N2")
    next_page(w)
    assert w.wizard.currentId() == PageId.BONUSES
    assert "Row 1: Result date is required" in ed.error.text()
    assert w.isWindowModified()  # closing would ask
    step(w, PageId.SALARY)
    step(w, PageId.BONUSES)
    ed = w.wizard.currentPage().editors["japanese"]
    assert ed.table.rowCount() == 1 and ed.cell_text(0, 1) == "N2"
    assert "Row 1: Result date is required" in ed.error.text()
    target = tmp_path / "p.hspw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.actions["save_as"].trigger()
    saved = load_project(target)
    assert saved.japanese == []
    assert [r.cells["level"] for r in saved.incomplete_rows["japanese"]] == ["N2"]


def test_a_row_left_as_added_is_still_not_kept(window):
    w = window
    new_project(w)
    step(w, PageId.BONUSES)
    ed = w.wizard.currentPage().editors["japanese"]
    add_row(ed)
    next_page(w)
    assert "japanese" not in w.doc.project.incomplete_rows


# ---------------------------------------------------------------- 2. Escape in a member's dialog keeps what was typed
# (Escape, Cancel and the window's close button alike: section 9)


# ---------------------------------------------------------------- 3. the wheel scrolls the page, not an answer
def wheel(widget, down=True):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    pos = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(widget.rect().center()))
    delta = -120 if down else 120
    ev = QWheelEvent(pos, glob, QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)
    QApplication.processEvents()


def test_the_wheel_over_an_answer_scrolls_the_page_and_leaves_the_answer(window):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox
    w = window
    new_project(w)
    step(w, PageId.REQUIREMENTS)
    page = w.wizard.currentPage()
    w.resize(1280, 680)
    QApplication.processEvents()
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the page scrolls at this size
    box = page.taxes
    before = (box.currentIndex(), bar.value())
    wheel(box)
    assert box.currentIndex() == before[0]  # the answer stays
    assert bar.value() > before[1]  # the page scrolled instead
    box.setFocus()  # clicked into: now the wheel may change it
    wheel(box)
    assert box.currentIndex() == before[0] + 1
    for pid in PageId:  # every page's combo and spin boxes take the focus by click or Tab, never by the wheel
        w.wizard.jump_to(pid)
        for b in w.wizard.currentPage().findChildren(QComboBox) + w.wizard.currentPage().findChildren(QAbstractSpinBox):
            assert b.focusPolicy() == Qt.FocusPolicy.StrongFocus, (pid.name, b.accessibleName())


# ---------------------------------------------------------------- 4. no internal id on any page until "Why?"
def visible_texts(root) -> list[str]:
    """What a person reads on a page: labels, buttons, ticks, group titles, table headers and cells, answers."""
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QListWidget, QTableWidget,
                                   QTextEdit)
    out = []
    for lst in root.findChildren(QListWidget):  # the points panel's lines
        if lst.isVisibleTo(root):
            out += [lst.item(i).text() for i in range(lst.count())]
    for wdg in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if wdg.isVisibleTo(root):
            out.append(wdg.text())
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root):
            out.append(box.title())
    for box in root.findChildren(QComboBox):
        if box.isVisibleTo(root):
            out += [box.itemText(i) for i in range(box.count())]
    for edit in root.findChildren(QTextEdit):
        if edit.isVisibleTo(root):
            out.append(edit.toPlainText())
    for table in root.findChildren(QTableWidget):
        if table.isVisibleTo(root):
            out += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())
                    if table.horizontalHeaderItem(c)]
            out += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                    if table.item(r, c)]
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_wizard_page_shows_an_internal_id_outside_why(window, lang):
    from tests.answer.idscan import internal_ids
    w = window
    w.set_language(lang)
    w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    for pid in PageId:
        w.wizard.jump_to(pid)
        QApplication.processEvents()
        page = w.wizard.currentPage()
        found = internal_ids("\n".join(visible_texts(page)))
        assert found == [], (pid.name, lang, found)
        if w.wizard.panel.isVisible():  # the points beside the page
            found = internal_ids("\n".join(visible_texts(w.wizard.panel)))
            assert found == [], ("points panel", pid.name, lang, found)
    for ed in w.wizard.page(PageId.BONUSES).editors.values():  # every choice a table cell offers
        for c in ed.columns:
            found = internal_ids("\n".join(c.label_of(v) for v, _label in c.choices))
            assert found == [], (ed.title, lang, found)
    step(w, PageId.SALARY)
    page = w.wizard.currentPage()
    QTest.mouseClick(page.why_buttons[0], Qt.MouseButton.LeftButton)  # the rule and its sources, when asked
    assert "convention.salary_expected" in "\n".join(visible_texts(page))


# ---------------------------------------------------------------- 6. no "Why?" link without words beside it
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_link_on_the_results_has_words_beside_it(window, lang):
    from hsp_wizard.ui.widgets.linked_text import LinkedText
    from tests.ui.drive import to_page
    w = window
    w.set_language(lang)
    for path in sorted((ROOT / "examples").glob("*.hspw")):
        assert w.open_path(str(path), ask=False)
        page = to_page(w, PageId.RESULTS)
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
            QApplication.processEvents()
        for view in page.findChildren(LinkedText):
            empty = [i for i, p in enumerate(view.paragraphs) if not p.text().strip()]
            assert empty == [], (path.name, lang, empty)


# ---------------------------------------------------------------- 7. Ctrl+Z in a field is the app's one undo
@pytest.mark.parametrize("redo_keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_ctrl_z_in_a_text_field_undoes_through_the_one_history_and_redo_brings_it_back(window, redo_keys):
    from PySide6.QtGui import QKeySequence
    from tests.ui.drive import field, focused
    w = window
    new_project(w)  # the birth date typed: one step
    page = w.wizard.currentPage()
    field(w, page.name, "Ana")
    assert w.doc.project.name == "Ana"
    steps = w.history.count()
    assert focused() is page.name
    QTest.keySequence(page.name, QKeySequence("Ctrl+Z"))
    QApplication.processEvents()
    assert w.doc.project.name is None and page.name.text() == ""  # the project and the field agree
    assert w.history.count() == steps and w.history.can_redo()  # no new step was written by the undo
    assert w.doc.project.birth_date is not None  # only the name's step went
    QTest.keySequence(focused(), QKeySequence(redo_keys))
    QApplication.processEvents()
    assert w.doc.project.name == "Ana" and w.wizard.currentPage().name.text() == "Ana"
    assert w.history.count() == steps and not w.history.can_redo()
    for _ in range(3):  # again, and on: the name, the category, the birth date; no flip-flop
        QTest.keySequence(focused(), QKeySequence("Ctrl+Z"))
    QApplication.processEvents()
    assert w.doc.project.name is None and w.doc.project.birth_date is None
    assert w.wizard.currentPage().birth.text() == "" and w.history.count() == steps


def test_ctrl_z_in_a_date_field_puts_the_date_before_back_once(window):
    from PySide6.QtGui import QKeySequence
    from tests.ui.drive import field
    w = window
    new_project(w)  # born 1990-05-01, then a category picked
    page = w.wizard.currentPage()
    field(w, page.birth, "1985-01-02")
    assert w.doc.project.birth_date.isoformat() == "1985-01-02"
    steps = w.history.count()
    QTest.keySequence(page.birth, QKeySequence("Ctrl+Z"))
    QApplication.processEvents()
    assert w.doc.project.birth_date.isoformat() == "1990-05-01"
    assert w.wizard.currentPage().birth.text() == "1990-05-01" and w.history.count() == steps
    assert w.history.can_redo()  # undone, not written again as an edit
    QTest.keySequence(page.birth, QKeySequence("Ctrl+Z"))  # the category step, then the first birth date
    QTest.keySequence(page.birth, QKeySequence("Ctrl+Z"))
    QApplication.processEvents()
    assert w.doc.project.birth_date is None and w.wizard.currentPage().birth.text() == ""


# ---------------------------------------------------------------- 8. a tick in the step list means the page is complete
def marks(w) -> dict:
    from tests.ui.test_app_behaves import Step
    lst = w.steps.list
    out = {}
    for row in range(lst.count()):
        item = lst.item(row)
        if item.data(Qt.ItemDataRole.UserRole + 1) is None:
            out[Step(item.data(Qt.ItemDataRole.UserRole))] = item.text().split(" ", 1)[0]
    return out


def test_jumping_ahead_ticks_no_page_passed_over_and_a_tick_needs_the_pages_facts(window):
    from tests.ui.drive import field
    from tests.ui.test_app_behaves import Step
    w = window
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    page = w.wizard.currentPage()
    assert set(marks(w).values()) == {"○"}  # just arrived, nothing typed: neither a tick nor a red mark
    field(w, page.name, "Ana")  # begun, without the category and birth date
    assert marks(w)[Step.CATEGORY] == "!"  # kept: the needs-attention mark as soon as it is begun
    step(w, PageId.RESULTS)  # a jump over every page in between
    m = marks(w)
    assert m[Step.CATEGORY] == "!"
    for s in (Step.EDUCATION, Step.CAREER, Step.SALARY, Step.ACHIEVEMENTS, Step.BONUSES, Step.RESIDENCE,
              Step.REQUIREMENTS, Step.HOUSEHOLD):
        assert m[s] == "○", (s.name, m[s])  # passed over, never seen: not ticked
    assert m[Step.RESULTS] == "○"  # no result can be worked out without the category and birth date
    step(w, PageId.SALARY)  # back: again over pages never stopped on
    assert marks(w)[Step.RESIDENCE] == "○" and marks(w)[Step.SALARY] == "○"  # on it: nothing said yet
    step(w, PageId.ACHIEVEMENTS)
    assert marks(w)[Step.SALARY] == "!"  # left without a salary, which (b) and (c) require: not ticked
    step(w, PageId.CATEGORY)
    assert marks(w)[Step.ACHIEVEMENTS] == "✓"  # stopped on and left with nothing to fix: seen and complete
    assert marks(w)[Step.EDUCATION] == "○"
    field(w, w.wizard.currentPage().birth, "1990-05-01")
    QTest.mouseClick(list(w.wizard.currentPage().radios.values())[1], Qt.MouseButton.LeftButton)  # (b)
    m = marks(w)
    assert m[Step.CATEGORY] == "✓" and m[Step.SALARY] == "!"  # (b) needs a salary (its ¥3M minimum)
    salary = next(w.steps.list.item(r) for r in range(w.steps.list.count())
                  if w.steps.list.item(r).data(Qt.ItemDataRole.UserRole) == int(Step.SALARY))
    assert salary.toolTip() == "Salary: needs attention: no salary entered yet"  # the mark says why
    assert salary.data(Qt.ItemDataRole.AccessibleTextRole) == salary.toolTip()
    w.set_language("ja")
    QApplication.processEvents()
    assert salary.toolTip() == "年収：要確認：年収が未入力です", salary.toolTip()
    w.set_language("en")
    QApplication.processEvents()
    step(w, PageId.RESULTS)
    # seen, but the salary and the statuses of residence are still to enter: not ticked (a second fresh user)
    assert marks(w)[Step.RESULTS] == "!" and marks(w)[Step.CAREER] == "○"
    step(w, PageId.RESIDENCE)
    step(w, PageId.RESULTS)
    assert marks(w)[Step.RESIDENCE] == "!"  # left without a status of residence: nothing can be judged


# ---------------------------------------------------------------- 9. Cancel and the close button ask as Escape does
@pytest.mark.parametrize("how", ["escape", "cancel", "close"])
def test_escape_cancel_or_closing_a_member_dialog_with_typing_asks_and_keeps_it_unless_discarded(window, monkeypatch,
                                                                                                   how):
    from PySide6.QtWidgets import QDialogButtonBox
    from hsp_wizard.domain.project import MemberKind
    from hsp_wizard.ui import dialogs
    from tests.ui.drive import type_into
    from tests.ui.test_household_ui import in_dialog
    w = window
    new_project(w)
    page = w.wizard.page(PageId.HOUSEHOLD)
    step(w, PageId.HOUSEHOLD)
    answers = [False, True]  # keep it the first time, discard the second
    asked = []
    monkeypatch.setattr(dialogs, "ask_discard_changes", lambda parent: asked.append(parent) or answers.pop(0))
    seen = []

    def leave(dlg):
        if how == "escape":
            QTest.keyClick(dlg.name, Qt.Key.Key_Escape)
        elif how == "cancel":
            button = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            dlg.close()  # the window's close button
        QApplication.processEvents()

    def typed_then_leave(dlg):
        type_into(dlg.name, "Mei")
        leave(dlg)
        seen.append((dlg.isVisible(), dlg.name.text()))  # kept: still open with her name
        leave(dlg)
        seen.append(dlg.isVisible())  # discarded when the user says so
    done = in_dialog(page, typed_then_leave)
    page.add(MemberKind.SPOUSE)
    assert done and seen == [(True, "Mei"), False] and len(asked) == 2
    assert w.doc.project.household.members == []

    asked.clear()
    seen.clear()
    done = in_dialog(page, lambda dlg: (leave(dlg), seen.append(dlg.isVisible())))
    page.add(MemberKind.CHILD)
    assert done and seen == [False] and asked == []  # nothing typed: it closes at once


@pytest.mark.parametrize("how", ["escape", "cancel"])
def test_escape_or_cancel_in_the_domestic_worker_dialog_with_a_tick_asks(window, monkeypatch, how):
    from PySide6.QtWidgets import QDialogButtonBox
    from hsp_wizard.ui import dialogs
    from tests.ui.test_household_ui import in_dialog
    w = window
    new_project(w)
    page = w.wizard.page(PageId.HOUSEHOLD)
    step(w, PageId.HOUSEHOLD)
    asked = []
    monkeypatch.setattr(dialogs, "ask_discard_changes", lambda parent: asked.append(parent) or False)
    seen = []

    def tick_then_leave(dlg):
        QTest.keyClick(dlg.has, Qt.Key.Key_Space)
        if how == "escape":
            QTest.keyClick(dlg.has, Qt.Key.Key_Escape)
        else:
            QTest.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel),
                             Qt.MouseButton.LeftButton)
        seen.append((dlg.isVisible(), dlg.has.isChecked()))
    done = in_dialog(page, tick_then_leave)
    page.edit_worker()
    assert done and seen == [(True, True)] and len(asked) == 1


# ---------------------------------------------------------------- 10. a new status row says no status until one is chosen
def test_a_new_status_row_has_no_status_chosen_until_the_user_picks_one(window):
    from hsp_wizard.domain.project import MemberKind
    from tests.ui.drive import cell
    from tests.ui.test_household_ui import in_dialog
    w = window
    new_project(w)
    page = w.wizard.page(PageId.HOUSEHOLD)
    step(w, PageId.HOUSEHOLD)
    seen = []

    def fill(dlg):
        QTest.mouseClick(dlg.residence.add_button, Qt.MouseButton.LeftButton)
        seen.append(dlg.residence.cell_text(0, 0))  # nothing chosen
        cell(dlg.residence, 0, 1, "2023-10-01")
        QTest.keyClick(dlg.name, Qt.Key.Key_Return)  # OK: refused, the row has no status
        seen.append((dlg.isVisible(), dlg.error.text()))
        choose(dlg.residence, 0, 0, "dependent")
        QTest.keyClick(dlg.name, Qt.Key.Key_Return)
        seen.append(dlg.isVisible())
    done = in_dialog(page, fill)
    page.add(MemberKind.SPOUSE)
    assert done, seen
    assert seen[0] == ""
    assert seen[1][0] and "Row 1: Status is required" in seen[1][1]
    assert seen[2] is False
    assert [r.status for r in w.doc.project.household.members[0].residence] == ["dependent"]


def new_residence_row(w):
    """A new project, on the residence page, with one status row added: the statuses' editor."""
    new_project(w)
    step(w, PageId.RESIDENCE)
    ed = w.wizard.currentPage().editors["residence"]
    add_row(ed)
    return ed


def test_a_new_row_on_the_residence_page_has_no_status_chosen(window):
    from tests.ui.drive import cell
    w = window
    ed = new_residence_row(w)
    assert ed.cell_text(0, 0) == ""
    cell(ed, 0, 1, "2020-04-01")
    next_page(w)  # stays: the status is missing
    assert w.wizard.currentId() == PageId.RESIDENCE and "Row 1: Status is required" in ed.error.text()
    assert w.doc.project.residence == []
    assert [r.cells["status"] for r in w.doc.project.incomplete_rows["residence"]] == [""]
    choose(ed, 0, 0, "engineer_humanities")
    assert [r.status for r in w.doc.project.residence] == ["engineer_humanities"]


# ---------------------------------------------------------------- 11. a file that cannot be opened: words, not errors
FILES = {  # what is in the file; the sentence said first
    "newer": ('{"format": "hsp-wizard-project", "schema_version": 99}',
              "This project was saved by a newer version of HSP Wizard. Install that version to open it; the file "
              "was not changed."),
    "text": ("Shopping list: milk, eggs",
             "This file is not an HSP Wizard project. Choose a file saved by HSP Wizard (its name ends in .hspw)."),
    "other_json": ('{"name": "something else"}',
                   "This file is not an HSP Wizard project. Choose a file saved by HSP Wizard (its name ends in "
                   ".hspw)."),
    "broken_json": ('{"format": "hsp-wizard-project", "schema_version": 3, "name": "Ana',
                    "This project file is damaged, so it cannot be opened. The file was not changed; if you have "
                    "another copy of it, open that one."),
    "missing": (None, "The file is no longer there: it may have been moved, renamed or deleted."),
    "empty": ("", "This project file is damaged, so it cannot be opened. The file was not changed; if you have "
                  "another copy of it, open that one."),  # a save or copy cut short: not "not a project"
}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case", sorted(FILES))
def test_a_file_that_cannot_be_opened_is_told_in_words_with_the_detail_behind_show_details(window, tmp_path, lang,
                                                                                           case):
    from hsp_wizard.i18n import _
    w = window
    w.set_language(lang)
    content, sentence = FILES[case]
    path = tmp_path / f"{case}.hspw"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert not w.open_path(str(path), ask=False)
    [(title, text)] = w.told
    assert title == _("This project cannot be opened")
    assert text.startswith(_(sentence)) and str(path) in text, text
    if lang == "ja":
        assert _(sentence) != sentence  # translated
    for technical in ("JSON", "schema_version", "format", "Errno", "line", "column", "version 99", "行"):
        assert technical not in text.replace(str(path), ""), (technical, text)
    assert w.told_details[0].strip()  # the technical reason is there for whoever asks


# ---------------------------------------------------------------- 12. Japanese all through Qt's own file dialog
def test_the_qt_file_dialog_is_japanese_in_japanese(window):
    """Qt 6.11's file dialog asks for "&Look in:" and "Files of &type:", which Qt's own Japanese catalog (made for
    the older "Look in:") lacks: they showed in English beside Japanese labels."""
    import re
    from PySide6.QtWidgets import QLabel
    w = window
    w.set_language("ja")
    QApplication.processEvents()
    dlg = QFileDialog(w, "x")
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Linux shows without a desktop's own
    try:
        labels = [re.sub(r"\(&\w\)", "", lbl.text()) for lbl in dlg.findChildren(QLabel) if lbl.text()]
        assert len(labels) >= 3 and not any(ch.isascii() and ch.isalpha() for text in labels for ch in text), labels
    finally:
        dlg.deleteLater()


# ---------------------------------------------------------------- 13. Japanese residence statuses shown whole
def test_every_status_fits_its_column_in_japanese_at_1280x720(window):
    from hsp_wizard.presentation import status_label
    from hsp_wizard.rules import load_rules
    from tests.ui.drive import to_page
    w = window
    w.set_language("ja")
    w.resize(1280, 720)
    assert w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    page = to_page(w, PageId.RESIDENCE)
    QApplication.processEvents()
    table = page.editors["residence"].table
    width = table.columnWidth(0)
    metrics = table.fontMetrics()
    for s in load_rules().statuses.values():
        text = status_label(s, "ja")
        assert metrics.horizontalAdvance(text) + 12 <= width, (text, metrics.horizontalAdvance(text), width)  # margins


def test_a_row_with_no_status_chosen_stays_blank_when_the_language_changes(window):
    w = window
    ed = new_residence_row(w)
    w.set_language("ja")
    QApplication.processEvents()
    assert ed.cell_text(0, 0) == ""
    w.set_language("en")
    QApplication.processEvents()
    assert ed.cell_text(0, 0) == ""


# ---------------------------------------------------------------- 14. the timeline's day text never covers the chart
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_day_text_on_the_timeline_does_not_overlap_the_chart_at_1280x720(window, lang):
    from tests.ui.drive import to_page
    w = window
    w.set_language(lang)
    w.resize(1280, 720)
    assert w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    page = to_page(w, PageId.RESULTS)
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    page.chart.select(page.timeline.events[0].on)  # the longest breakdown: every point line of that day
    QApplication.processEvents()
    assert page.day_text.text().count("\n") >= 5
    parts = [page.chart, page.day_text, page.table]
    boxes = [wd.geometry() for wd in parts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b), (lang, boxes)
    assert page.day_text.height() >= page.day_text.heightForWidth(page.day_text.width())  # every line shown
    assert page.chart.height() >= page.chart.minimumHeight()


def test_ctrl_z_in_an_open_cell_editor_takes_back_what_was_typed_there(window):
    from PySide6.QtGui import QKeySequence
    from tests.ui.drive import focused, type_into
    w = window
    new_project(w)
    step(w, PageId.EDUCATION)
    ed = w.wizard.currentPage().editors["degrees"]
    add_row(ed)  # an empty row is not kept in the project until something is typed in it
    ed.table.setFocus()
    ed.table.setCurrentCell(0, 1)
    QTest.keyClick(ed.table, Qt.Key.Key_F2)
    type_into(focused(), "Physics")  # not yet committed
    QTest.keySequence(focused(), QKeySequence("Ctrl+Z"))
    QApplication.processEvents()
    ed = w.wizard.currentPage().editors["degrees"]
    assert w.doc.project.incomplete_rows == {} and w.doc.project.degrees == []  # the typing is undone
    assert all("Physics" not in ed.typed_cells(r).values() for r in range(ed.table.rowCount()))
    assert w.history.can_redo()
    QTest.keySequence(ed.table, QKeySequence("Ctrl+Shift+Z"))
    QApplication.processEvents()
    assert w.wizard.currentPage().editors["degrees"].cell_text(0, 1) == "Physics"


def test_hovering_a_status_cut_short_in_its_cell_shows_it_whole(window):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip
    from tests.ui.drive import to_page
    w = window
    w.resize(1280, 720)
    assert w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    page = to_page(w, PageId.RESIDENCE)
    QApplication.processEvents()
    table = page.editors["residence"].table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith("Engineer/Specialist"))
    full = table.item(row, 0).text()
    assert table.fontMetrics().horizontalAdvance(full) > 2 * table.columnWidth(0)  # more than its cell shows
    where = table.visualItemRect(table.item(row, 0)).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, where,
                                                        table.viewport().mapToGlobal(where)))
    assert QToolTip.text() == full
    QToolTip.hideText()


def test_undo_in_a_text_fields_context_menu_is_the_windows_undo(window):
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QContextMenuEvent
    from tests.ui.drive import field
    w = window
    new_project(w)
    page = w.wizard.currentPage()
    field(w, page.name, "Ana")
    steps = w.history.count()
    chosen = []

    def choose_undo():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, choose_undo)
            return
        undo = next(a for a in menu.actions() if a.text().startswith("&Undo"))
        chosen.append(undo.isEnabled())
        menu.close()
        undo.trigger()
    QTimer.singleShot(0, choose_undo)
    where = page.name.rect().center()
    QApplication.sendEvent(page.name, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                        page.name.mapToGlobal(where)))
    QApplication.processEvents()
    assert chosen == [True]
    assert w.doc.project.name is None and w.wizard.currentPage().name.text() == ""
    assert w.history.count() == steps and w.history.can_redo()  # the history's step, not a new edit


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_undo_of_an_edit_made_on_another_page_goes_to_that_page_and_says_so(window, lang):
    """A fresh user pressed Ctrl+Z on one page and an edit made on another page went, unseen. The window now shows
    the page whose facts the undo or redo put back, and says so in the status bar."""
    from PySide6.QtGui import QKeySequence
    from hsp_wizard.i18n import _
    from tests.ui.drive import field, focused
    w = window
    w.set_language(lang)
    new_project(w)
    page = w.wizard.currentPage()
    field(w, page.name, "Ana")  # typed on the first page
    step(w, PageId.BONUSES)
    assert w.wizard.currentId() == PageId.BONUSES
    QTest.keySequence(focused() or w, QKeySequence("Ctrl+Z"))
    QApplication.processEvents()
    assert w.doc.project.name is None
    assert w.wizard.currentId() == PageId.CATEGORY and w.wizard.currentPage().name.text() == ""
    title = _("You and your category")
    assert w.statusBar().currentMessage() == _("Undone on the page “{page}”").format(page=title)
    step(w, PageId.RESIDENCE)
    w.history.redo()
    QApplication.processEvents()
    assert w.doc.project.name == "Ana" and w.wizard.currentId() == PageId.CATEGORY
    assert w.statusBar().currentMessage() == _("Redone on the page “{page}”").format(page=title)


def test_save_proposes_the_projects_name_and_saving_the_checklist_is_confirmed(window, monkeypatch, tmp_path):
    """A fresh user who had entered a name was offered "project.hspw"; after "Save checklist as PDF" with no PDF
    viewer nothing said the file was written."""
    from hsp_wizard.ui import dialogs
    w = window
    new_project(w)
    w.doc.update(name="Ana / Silva: 2026")
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _w, _t, suggested, *_a: (offered.append(suggested)
                                                                                          or "", ""))
    assert not w.save()
    assert Path(offered[-1]).name == "Ana Silva 2026.hspw"
    assert not w.save_checklist_pdf()
    assert Path(offered[-1]).name == "Ana Silva 2026-checklist.pdf"
    target = tmp_path / "list.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(dialogs, "open_in_viewer", lambda _path: False)  # no viewer on this machine
    assert w.save_checklist_pdf() and target.exists()
    said = w.statusBar().currentMessage()
    assert str(target) in said and "no PDF viewer could be opened" in said
