"""The window's dialogs and small helpers (patched in tests: call them as `dialogs.name(...)`)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hsp_wizard import APP_NAME
from hsp_wizard.i18n import N_, _


def file_filter() -> str:
    return _("HSP Wizard project (*.hspw);;JSON (*.json)")


def ask_save_changes(parent) -> QMessageBox.StandardButton:
    return QMessageBox.question(parent, APP_NAME, _("Save the changes to this project?"),
                                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard |
                                QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)


def ask_discard_changes(parent) -> bool:
    """Escape, Cancel or closing a dialog where something was typed or changed: True to throw it away (No is the
    default)."""
    answer = QMessageBox.question(parent, APP_NAME, _("Discard the changes made in this window?"),
                                  QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Discard


def tell_error(parent, title: str, text: str, details: str = "") -> None:
    """A warning; `details`, when given, behind Qt's "Show Details..." (the technical part a person may skip)."""
    if not details:
        QMessageBox.warning(parent, title, text)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    box.exec()


def ask_password(parent, file_name: str, wrong: bool = False, autosave: bool = False) -> str | None:
    """The password of a protected project (or of its autosave), or None when the user cancels."""
    from hsp_wizard.ui.password import PasswordDialog
    intro = N_("The unsaved copy of {file} is protected by a password. Enter it to see what the copy holds "
               "and restore it.") if autosave else None
    dialog = PasswordDialog(parent, file_name=file_name, wrong=wrong, intro=intro)
    return dialog.password() if dialog.exec() == PasswordDialog.DialogCode.Accepted else None


def ask_new_password(parent) -> str | None:
    """A new password, typed twice, or None when the user cancels."""
    from hsp_wizard.ui.password import PasswordDialog
    dialog = PasswordDialog(parent, new=True)
    return dialog.password() if dialog.exec() == PasswordDialog.DialogCode.Accepted else None


def ask_restore(parent, info):
    """Restore, Discard or Later for an autosave (a hidden dialog's choice is Later)."""
    from hsp_wizard.ui.recovery import RecoveryDialog
    dialog = RecoveryDialog(info, parent)
    dialog.exec()
    return dialog.choice


def recovery_info(orphan, opened):
    """What the prompt shows: when the copy was made, its file, and what differs from that file."""
    from hsp_wizard.storage import ProjectFileError, ProjectPasswordError, read_project
    from hsp_wizard.storage.autosave import changed_parts
    from hsp_wizard.ui.recovery import RecoveryInfo, SourceState
    saved = None
    if orphan.source is None:
        state = SourceState.NEW
    elif not orphan.source.exists():
        state = SourceState.MISSING
    else:
        try:
            saved = read_project(orphan.source, key=opened.key).project
            state = SourceState.SAVED
        except (ProjectPasswordError, ProjectFileError):
            state = SourceState.UNREADABLE
    return RecoveryInfo(orphan.saved_at, orphan.source, state, changed_parts(opened.project, saved),
                        opened.project.name)


@contextmanager
def busy():
    """A wait cursor while the app derives a key or reads a file."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def open_in_viewer(path: Path) -> bool:
    """Open `path` in the system's viewer; whether one could be started."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def file_stem(name: str | None, default: str = "project") -> str:
    """A file name's stem made from the project's name (what a save dialog proposes): the characters no file
    system takes left out, spaces kept, at most 60 characters; `default` when nothing is left."""
    import re
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "", (name or ""))
    stem = re.sub(r"\s+", " ", stem).strip().strip(".")[:60].strip()
    return stem or default
