"""A day of typing in the real window, in a process of its own (an abort must not take pytest down with it).

    python tests/soak/soak_child.py KEYSTROKES TRIPS

Types KEYSTROKES characters into the Category page's name field (100 at a time, then erases them, as a person
rewrites a line), then adds TRIPS trips abroad through the Residence page's list editor and edits every one of
them twice more, all by keyboard and mouse events. Prints one JSON line: the reference count of None sampled as it goes,
the rows the project holds, and the time taken. The state, config and log folders come from the environment
(HSP_WIZARD_*_DIR), as in the tests.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

CHUNK = 100  # characters typed before the line is erased (the name field holds at most 500)


def main(keystrokes: int, trips: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from hsp_wizard.ui import dialogs
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    from tests.ui.drive import add_row, cell, choose, next_page

    dialogs.ask_restore = lambda *a, **k: sys.exit("the soak was offered a recovery")
    w = MainWindow()
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    app.processEvents()
    samples: list[tuple[str, int, int]] = [("start", 0, sys.getrefcount(None))]
    t0 = time.monotonic()

    name = w.wizard.currentPage().name
    QTest.mouseClick(name, Qt.MouseButton.LeftButton)
    typed = 0
    line = ("Ada Lovelace-Byron " * 6)[:CHUNK]
    while typed < keystrokes:
        text = line[: min(CHUNK, keystrokes - typed)]
        QTest.keyClicks(name, text)  # one key press and release per character
        typed += len(text)
        app.processEvents()  # the live recalculation and the autosave timer run, as between real keystrokes
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(name, Qt.Key.Key_Backspace)
        if typed % 5000 == 0:
            samples.append(("typing", typed, sys.getrefcount(None)))
    app.processEvents()
    samples.append(("typed", typed, sys.getrefcount(None)))
    typing_s = time.monotonic() - t0

    while w.wizard.currentId() != PageId.RESIDENCE:
        next_page(w)
    editor = w.wizard.currentPage().editors["trips"]
    first = date(1990, 1, 1)
    for i in range(trips):
        left = first + timedelta(days=30 * i)
        row = add_row(editor)
        cell(editor, row, 0, left.isoformat())
        cell(editor, row, 1, (left + timedelta(days=5)).isoformat())
        choose(editor, row, 2, "special")  # a new row's re-entry permit starts unchosen: a person picks it
        if (i + 1) % 50 == 0:
            samples.append(("trips added", i + 1, sys.getrefcount(None)))
    # every trip edited twice: one more day away, then one more. The first round fills the undo history (each step
    # keeps the row as it was); the second round replaces its steps, so nothing more may be held.
    for phase, days in (("trips edited", 6), ("trips edited again", 7)):
        for i in range(trips):
            left = first + timedelta(days=30 * i)
            cell(editor, i, 1, (left + timedelta(days=days)).isoformat())
            if (i + 1) % 50 == 0:
                samples.append((phase, i + 1, sys.getrefcount(None)))
    app.processEvents()
    samples.append(("end", trips, sys.getrefcount(None)))
    project = w.doc.project
    print(json.dumps({
        "python": list(sys.version_info[:3]),
        "pyside6": __import__("PySide6").__version__,
        "keystrokes": typed,
        "name_after": name.text(),
        "trips": len(project.trips),
        "trip_days": sorted({(t.returned - t.left).days for t in project.trips}),
        "typing_seconds": round(typing_s, 1),
        "seconds": round(time.monotonic() - t0, 1),
        "none_refcount": samples,
    }), flush=True)
    w.doc.set_dirty(False)  # nothing to ask on the way out
    w.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
