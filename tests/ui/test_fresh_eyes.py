"""What a fresh-eyes user test found: each problem driven as the user met it."""

from pathlib import Path

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
    choose(ed, 0, 1, "N2")  # the level; the result date left empty
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
