"""Start-up: the settings store, the app's folders (autosaves, logs), the error hook and `run`."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hsp_wizard import APP_NAME
from hsp_wizard.i18n import _
from hsp_wizard.ui.language import apply_language


def settings() -> QSettings:
    """Settings in the user's config folder, or in HSP_WIZARD_CONFIG_DIR (tests never touch real settings)."""
    folder = os.environ.get("HSP_WIZARD_CONFIG_DIR")
    if folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    else:
        store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "HSP Wizard", "HSP Wizard")
    _private_file(Path(store.fileName()))  # it lists recent project paths: readable by the user only
    return store


def _private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (Qt then keeps the mode when it rewrites it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
    except OSError:
        pass


def autosave_folder() -> Path:
    """Autosaves live in the user's state folder (Qt's GenericStateLocation: ~/.local/state on Linux as XDG
    says, %LOCALAPPDATA% on Windows, ~/Library/Preferences on macOS), in a folder named after the app whatever
    the process is called, or in HSP_WIZARD_STATE_DIR (tests never touch the real one)."""
    folder = os.environ.get("HSP_WIZARD_STATE_DIR")
    if folder:
        return Path(folder) / "autosave"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericStateLocation)
    return Path(base or Path.home() / ".local" / "state") / APP_NAME / "autosave"


def log_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(os.environ.get("HSP_WIZARD_LOG_DIR") or base or Path.home()) / "logs"


def install_excepthook(app: QApplication) -> None:
    """Log an unhandled exception (the traceback only: no values, so no personal data) and say so."""

    def hook(kind, value, tb):
        folder = log_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            frames = "".join(traceback.format_tb(tb))
            fd = os.open(folder / "errors.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(f"{kind.__name__}\n{frames}\n")
        except OSError:
            pass
        QMessageBox.critical(None, APP_NAME, _("Something went wrong inside HSP Wizard. Your work is still "
                                               "open; please save it. Details were written to {folder}.")
                             .format(folder=folder))

    sys.excepthook = hook


FREEZE_AFTER_MS = 2000  # start-up is over by then: the first frame, the other pages, the sweep, the recovery check


def freeze_startup_heap() -> None:
    """Put what exists once start-up is over (Qt's wrappers, the pages, the rules, the model's schemas: objects
    that live as long as the window) out of the cyclic garbage collector's walks. Its full collections then
    walk only what was made since, instead of stalling an edit now and then by 50-110 ms (bench/ui_update.py).
    Reference counting still frees every object; only cycles already unreachable at this moment are kept for
    good (made once, during start-up)."""
    import gc
    gc.freeze()


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("hsp-wizard")  # Wayland and docks match the window to hsp-wizard.desktop
    icon = Path(__file__).resolve().parents[2] / "resources" / "icons" / "hsp-wizard-256.png"
    if icon.exists():
        from PySide6.QtGui import QIcon
        app.setWindowIcon(QIcon(str(icon)))
    install_excepthook(app)
    from hsp_wizard.ui.language import initial_language
    apply_language(initial_language(settings()))
    if os.environ.get("HSP_WIZARD_PSEUDO") == "1":  # pseudo-localisation, to find layouts that cannot grow
        from hsp_wizard.i18n import set_pseudo
        set_pseudo(True)
    from hsp_wizard.ui.main_window import MainWindow
    window = MainWindow()
    files = [a for a in argv if not a.startswith("-")]
    if files:
        window.open_path(files[0], ask=False)
    window.show()
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_startup_heap)
    return app.exec()
