"""A real window that opens one file with File > Open's code and prints the message it would show.

    python tests/ui/open_child.py FILE

Used to see a refusal that the test process itself cannot provoke (a mode-000 file, when the tests run as root:
the child runs without the capability that lets root read it). Settings, state and logs come from the
environment (HSP_WIZARD_*_DIR), as in the tests."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(path: str) -> None:
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])  # noqa: F841 - the window needs it
    from hsp_wizard.ui import dialogs
    from hsp_wizard.ui.main_window import MainWindow
    told = []
    dialogs.tell_error = lambda parent, title, text, details="": told.append((title, text, details))
    dialogs.ask_password = lambda *a, **k: None
    w = MainWindow()
    w.show()
    opened = w.open_path(path, ask=False)
    print(f"opened={opened}")
    for title, text, details in told:
        print(f"told={title}\n{text}\ndetails={details}")
    w.doc.set_dirty(False)
    w.close()


if __name__ == "__main__":
    main(sys.argv[1])
