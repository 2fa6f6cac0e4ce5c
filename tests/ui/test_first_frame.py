"""Start-up draws its first frame before the project model, the engine and the other pages are loaded, and what
was left for later still behaves: the first edit after start is undone back to the empty project, and the step
list follows the project once it exists."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hsp_wizard.ui.steps import State, Step
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import field, next_page

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication([])
seen = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if not seen and ev.type() == QEvent.Type.Paint:
            seen["modules"] = sorted(m for m in sys.modules if m.startswith(("hsp_wizard", "pydantic", "reportlab")))
            seen["built"] = w.wizard.built
        return False
f = FirstPaint(); app.installEventFilter(f)
from hsp_wizard.ui.main_window import MainWindow
w = MainWindow(); w.show()
while not seen: app.processEvents()
while not w.wizard.built: app.processEvents()
seen["after"] = "hsp_wizard.domain.project" in sys.modules
print(json.dumps(seen))
"""


def test_the_first_frame_needs_neither_the_model_nor_the_other_pages(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HSP_WIZARD_CONFIG_DIR=str(tmp_path / "config"),
               HSP_WIZARD_STATE_DIR=str(tmp_path / "state"), HSP_WIZARD_LOG_DIR=str(tmp_path / "logs"))
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert not seen["built"], "the other pages were built before the first frame"
    assert not [m for m in seen["modules"] if m.startswith(("pydantic", "reportlab", "hsp_wizard.domain"))], \
        seen["modules"]
    assert seen["after"], "the pages built after the first frame load the model"


def test_the_first_edit_after_start_is_undone_back_to_the_empty_project(window):
    from hsp_wizard.domain.project import Project
    w = window
    next_page(w)
    assert w.wizard.currentId() == PageId.CATEGORY
    field(w, w.wizard.currentPage().name, "Ana")
    assert w.doc.project.name == "Ana" and w.doc.dirty
    # the step list follows the project now it exists: begun, but without a category and birth date yet
    assert w.steps.states[Step.CATEGORY] == State.ATTENTION
    w.actions["undo"].trigger()
    assert w.doc.project == Project() and w.wizard.currentPage().name.text() == ""
    assert not w.doc.dirty  # back to the state the window started in
    w.actions["redo"].trigger()
    assert w.doc.project.name == "Ana"


def test_the_points_panel_redraws_only_the_lines_that_change(qtbot):
    """A name typed changes no point: the lines stay as they are, the chosen line and its explanation too; a
    salary that changes the salary line's points changes that line in place (the chosen line's explanation
    follows it); no category, then one again: the list is emptied and filled again."""
    from hsp_wizard.storage import load_project
    from hsp_wizard.ui.document import ProjectDocument
    from hsp_wizard.ui.widgets.points_panel import PointsPanel
    doc = ProjectDocument(load_project(ROOT / "examples" / "hsp-holder-b.hspw"))
    panel = PointsPanel(doc)
    qtbot.addWidget(panel)

    def shown():
        return [panel.lines.item(i).text() for i in range(panel.lines.count())]
    items = [panel.lines.item(i) for i in range(panel.lines.count())]
    texts = shown()
    salary_row = next(i for i, text in enumerate(texts) if "salary" in text.lower())
    panel.lines.setCurrentRow(salary_row)
    why = panel.why.text()
    assert why
    doc.update(name="Someone Else")
    assert [panel.lines.item(i) for i in range(panel.lines.count())] == items and shown() == texts
    assert panel.lines.currentRow() == salary_row and panel.why.text() == why
    doc.update(salary=[s.model_copy(update={"amount_yen": 30_000_000}) for s in doc.project.salary])
    now = shown()
    assert [i for i in range(len(texts)) if now[i] != texts[i]] == [salary_row]  # that line, in place
    assert [panel.lines.item(i) for i in range(panel.lines.count())] == items
    assert panel.lines.currentRow() == salary_row and panel.why.text() not in ("", why)
    category = doc.project.category
    doc.update(category=None)
    assert panel.lines.count() == 0 and panel.why.text() == ""
    doc.update(category=category)
    assert shown() == now and panel.lines.currentRow() == -1 and panel.why.text() == ""
