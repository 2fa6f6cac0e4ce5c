"""A real window that opens a project, is edited, autosaves on its own timer, says so and waits to be killed.

    python tests/ui/crash_child.py PROJECT NAME [PASSWORD]

The state, config and log folders come from the environment (HSP_WIZARD_*_DIR), as in the tests."""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(project: str, name: str, password: str | None) -> None:
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from hsp_wizard.ui import dialogs
    from hsp_wizard.ui.main_window import MainWindow
    dialogs.ask_password = lambda *a, **k: password
    dialogs.ask_restore = lambda *a, **k: sys.exit("the child was offered a recovery")
    w = MainWindow()
    w.show()
    assert w.open_path(project, ask=False)
    w.doc.update(name=name)
    deadline = time.monotonic() + 20
    while not (w._autosave is not None and w._autosave.exists):  # the window's own timer writes it
        app.processEvents()
        time.sleep(0.01)
        assert time.monotonic() < deadline, "no autosave within 20 s"
    print("autosaved", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
