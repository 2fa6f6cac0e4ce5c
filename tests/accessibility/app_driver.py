"""The app as the AT-SPI walker sees it: the real main window under Xvfb with Qt's accessibility bridge on,
driven by one-line JSON commands on stdin (what a person would do; the walker reads the result through AT-SPI
only). Each command is answered by one JSON line on stdout. Settings, logs and autosaves live in a temporary
folder; dialogs the app would show are replaced, as in tests/ui/conftest.py."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSocketNotifier, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard  # noqa: E402


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="hsp-a11y-"))
    for var, sub in (("HSP_WIZARD_CONFIG_DIR", "config"), ("HSP_WIZARD_LOG_DIR", "logs"),
                     ("HSP_WIZARD_STATE_DIR", "state")):
        os.environ[var] = str(tmp / sub)
    app = QApplication([sys.argv[0]])
    from hsp_wizard import APP_NAME
    app.setApplicationName(APP_NAME)
    from hsp_wizard.ui import dialogs
    from hsp_wizard.ui.language import apply_language
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.widgets import scenarios_panel
    dialogs.tell_error = lambda parent, title, text, details="": None
    dialogs.ask_save_changes = lambda parent: QMessageBox.StandardButton.Discard
    scenarios_panel.ask_scenario_name = lambda parent, title, label, text: text
    w = MainWindow()
    w.resize(1280, 720)
    w.show()
    QTest.qWaitForWindowExposed(w)
    w.activateWindow()  # keyboard input (F2 in a table) needs the focus; Xvfb has no window manager to give it
    QTest.qWaitForWindowActive(w)

    def settle(ms: int = 150) -> None:
        QTest.qWait(ms)

    def do(cmd: dict) -> dict:
        what = cmd["do"]
        if what == "open":
            ok = w.open_path(str(ROOT / cmd["path"]), ask=False)
            if ok:
                w.wizard.jump_to(1)  # a complete project opens on its results: start from the first page
            settle()
            return {"ok": ok, "page": w.wizard.currentId()}
        if what == "page":  # Next or Back until the page, as the buttons do
            target = int(cmd["id"])
            for _step in range(20):
                if w.wizard.currentId() == target:
                    break
                which = QWizard.WizardButton.NextButton if w.wizard.currentId() < target else \
                    QWizard.WizardButton.BackButton
                w.wizard.button(which).click()
                QTest.qWait(50)
            settle()
            return {"ok": w.wizard.currentId() == target, "page": w.wizard.currentId()}
        if what == "next":
            w.wizard.button(QWizard.WizardButton.NextButton).click()
            settle()
            return {"ok": True, "page": w.wizard.currentId()}
        if what == "language":
            w.set_language(cmd["code"])
            settle(500)
            return {"ok": True}
        if what == "type":  # focus a widget found by its object path and type into it, as a person does
            widget = eval(cmd["widget"], {"w": w})  # noqa: S307 (a test's own expression)
            widget.setFocus()
            if cmd.get("clear", True):
                widget.selectAll()
                QTest.keyClick(widget, Qt.Key.Key_Delete)
            QTest.keyClicks(widget, cmd["text"])
            settle(cmd.get("wait", 600))
            return {"ok": True}
        if what in ("cell", "f2"):  # select a cell, F2 opens its editor; "cell" then types and presses Enter
            editor = eval(cmd["editor"], {"w": w})  # noqa: S307
            while editor.table.rowCount() <= cmd["row"]:
                editor.add_button.click()
            table = editor.table
            table.setFocus()
            table.setCurrentCell(cmd["row"], cmd["col"])
            QTest.keyClick(table, Qt.Key.Key_F2)
            # under AT-SPI the editor takes the focus a moment later
            for _wait in range(40):
                if QApplication.focusWidget() not in (None, table):
                    break
                QTest.qWait(50)
            else:
                return {"ok": False, "error": f"F2 opened no editor (state {table.state()})"}
            ed = QApplication.focusWidget()
            if what == "f2":
                return {"ok": True, "editor": ed.accessibleName()}
            ed.selectAll()
            QTest.keyClicks(ed, cmd["text"])
            QTest.keyClick(ed, Qt.Key.Key_Return)
            settle(600)
            return {"ok": True}
        if what == "escape":
            QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Escape)
            settle()
            return {"ok": True}
        if what == "key":
            widget = eval(cmd["widget"], {"w": w})  # noqa: S307
            widget.setFocus()
            QTest.keyClick(widget, getattr(Qt.Key, "Key_" + cmd["key"]))
            settle()
            return {"ok": True}
        if what == "tab":  # a results tab
            w.wizard.currentPage().tabs.setCurrentIndex(int(cmd["index"]))
            settle(600)
            return {"ok": True}
        if what == "eval":
            return {"ok": True, "value": repr(eval(cmd["expr"], {"w": w}))}  # noqa: S307
        if what == "where":
            return {"ok": True, "page": w.wizard.currentId(), "active": w.isActiveWindow(),
                    "focus": type(QApplication.focusWidget()).__name__ if QApplication.focusWidget() else None}
        if what == "quit":
            QTimer.singleShot(0, app.quit)
            return {"ok": True}
        return {"ok": False, "error": f"unknown command {what}"}

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def on_input() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        try:
            reply = do(json.loads(line))
        except Exception as exc:  # noqa: BLE001 - the walker reports it
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()

    notifier.activated.connect(on_input)
    print(json.dumps({"ok": True, "ready": True, "pid": os.getpid()}), flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
