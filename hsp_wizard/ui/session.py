"""The document session: files, passwords, autosave and recovery of the one project a window holds."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hsp_wizard.i18n import N_, _
from hsp_wizard.ui import dialogs, startup
from hsp_wizard.ui.steps import PageId

AUTOSAVE_DELAY_MS = 2000      # after typing pauses this long, the autosave is written
AUTOSAVE_MAX_WAIT_MS = 15000  # and while typing goes on, at least this often
log = logging.getLogger("hsp_wizard")

# what a person is told when a file cannot be opened, by the storage's kind of problem (its own message, the
# technical part, goes under the box's Show Details)
NOT_OPENED = {
    "damaged": N_("This project file is damaged, so it cannot be opened. The file was not changed; if you have "
                  "another copy of it, open that one."),
    "not_project": N_("This file is not an HSP Wizard project. Choose a file saved by HSP Wizard (its name ends "
                      "in .hspw)."),
    "newer": N_("This project was saved by a newer version of HSP Wizard. Install that version to open it; the "
                "file was not changed."),
    "missing": N_("The file is no longer there: it may have been moved, renamed or deleted."),
    "denied": N_("You do not have permission to open this file. Ask the computer's owner, or copy the file to "
                 "your own folder."),
    "unreadable": N_("The file could not be read from its disk or folder. Check that the disk is connected and "
                     "try again."),
}


class DocumentSession:
    """The open project's file life: new, open (asking for a password), save (with or without one), the
    autosave written a moment after each change, and the recovery of autosaves left by a window that did not
    close. Mixed into the main window (it uses its wizard, status bar and recent files)."""

    def _start_session(self) -> None:
        """Autosave: written a moment after each change, deleted on a clean save or close."""
        self._autosave = None  # the AutosaveSlot, made on first use (it imports the storage code)
        # two timers, each with its own interval that nothing changes: the pause after typing (restarted by every
        # edit) and the longest wait (started by the first unsaved edit)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_deadline = QTimer(self, singleShot=True)
        self.autosave_deadline.timeout.connect(self.autosave_now)
        self.doc.changed.connect(self._schedule_autosave)

    # ---------------------------------------------------------------- file actions
    def maybe_keep_changes(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user said so)."""
        if not self.doc.dirty:
            return True
        answer = dialogs.ask_save_changes(self)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if self.maybe_keep_changes():
            from hsp_wizard.domain.project import Project
            self.wizard.build()
            self.doc.replace(Project(), None)
            self._drop_autosave()
            self.history.reset()
            self.wizard.land(PageId.CATEGORY)

    def open_dialog(self) -> None:
        if not self.maybe_keep_changes():
            return
        path, _f = QFileDialog.getOpenFileName(self, _("Open a project"), str(self.start_folder()),
                                               dialogs.file_filter())
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.maybe_keep_changes():
            return False
        self.wizard.build()
        opened = self._read(Path(path))
        if opened is None:
            return False
        self.doc.replace(opened.project, Path(path), key=opened.key)
        self.doc.migrated_from = opened.version  # the first save keeps the old file as <name>.v<N>.bak
        self._drop_autosave()
        self._remember(Path(path))
        self.history.reset()
        self.land()
        return True

    def land(self) -> None:
        """Show the results when the project holds what they need, else the first page that needs attention."""
        from hsp_wizard.ui.steps import landing_step
        self.wizard.land(int(landing_step(self.doc.project)))

    def start_folder(self) -> Path:
        """Where file dialogs open: the project's folder, else the user's Documents folder."""
        if self.doc.path is not None and self.doc.path.parent.is_dir():
            return self.doc.path.parent
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def _read(self, path: Path):
        """The opened project, asking for the password of a protected one until it is right or the user
        cancels; None (after saying why) when it cannot be opened."""
        from hsp_wizard.presentation import Renderer
        from hsp_wizard.storage import ProjectFileError, ProjectPasswordError, read_project
        password = None
        while True:
            try:
                with dialogs.busy():
                    return read_project(path, password)
            except ProjectPasswordError as exc:
                password = dialogs.ask_password(self, path.name, wrong=exc.wrong)
                if password is None:
                    return None
            except ProjectFileError as exc:
                said = _(NOT_OPENED.get(exc.kind, NOT_OPENED["damaged"]))
                dialogs.tell_error(self, _("This project cannot be opened"),
                                   _("{what}\n\nFile: {path}").format(what=said, path=exc.path),
                                   Renderer().msg(exc.msg))  # the technical reason, under Show Details
                return None

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._write(self.doc.path, self.doc.key)

    def save_as(self) -> bool:
        path = self._ask_path()
        return path is not None and self._write(path, self.doc.key)

    def save_with_password(self) -> bool:
        """Encrypt the project with a new password (asked twice) and save it where the user chooses."""
        password = dialogs.ask_new_password(self)
        if password is None:
            return False
        from hsp_wizard.storage.encryption import SealKey
        with dialogs.busy():
            key = SealKey.from_password(password)  # the slow step (about 0.3 s), once per password
        path = self._ask_path()
        return path is not None and self._write(path, key)

    def save_without_password(self) -> bool:
        """Save a protected project as an ordinary, unencrypted file."""
        path = self._ask_path()
        return path is not None and self._write(path, None)

    def _ask_path(self) -> Path | None:
        suggested = str(self.doc.path) if self.doc.path else str(
            self.start_folder() / f"{dialogs.file_stem(self.doc.project.name)}.hspw")
        path, _f = QFileDialog.getSaveFileName(self, _("Save the project"), suggested, dialogs.file_filter())
        if not path:
            return None
        if not Path(path).suffix:
            path += ".hspw"
        return Path(path)

    def _write(self, path: Path, key) -> bool:
        from hsp_wizard.storage import save_project
        try:
            save_project(self.doc.project, path, key=key,
                         migrated_from=self.doc.migrated_from if path == self.doc.path else None)
        except OSError as exc:
            dialogs.tell_error(self, _("The project was not saved"), f"{path}\n\n{os_reason(exc)}")
            return False
        self.doc.path = path
        self.doc.key = key
        self.doc.migrated_from = None
        self.doc.set_dirty(False)
        self.history.mark_saved()
        self._drop_autosave()
        self._title()
        self._remember(path)
        return True

    def _show_protection(self) -> None:
        protected = self.doc.key is not None
        self.protection.setText(_("Protected by a password") if protected else "")
        self.actions["save_plain"].setEnabled(protected)

    # ---------------------------------------------------------------- autosave and recovery
    def _schedule_autosave(self) -> None:
        """Autosave once typing pauses for AUTOSAVE_DELAY_MS, and at least every AUTOSAVE_MAX_WAIT_MS."""
        if not self.doc.dirty:
            return
        if not self.autosave_deadline.isActive():
            self.autosave_deadline.start(AUTOSAVE_MAX_WAIT_MS)
        self.autosave_timer.start()  # its configured interval (start(ms) would overwrite it)

    def autosave_now(self) -> bool:
        """Write the unsaved project to this window's autosave (encrypted when the project is protected)."""
        self.autosave_timer.stop()
        self.autosave_deadline.stop()
        if not self.doc.dirty:
            return False
        from datetime import datetime
        from hsp_wizard.storage.autosave import AutosaveSlot
        if self._autosave is None:
            self._autosave = AutosaveSlot(startup.autosave_folder())
        try:
            self._autosave.write(self.doc.project, self.doc.path, self.doc.key, datetime.now().astimezone())
        except OSError as exc:
            log.warning("autosave failed: %s", exc.strerror or type(exc).__name__)
            self.statusBar().showMessage(_("Autosave failed: {reason}").format(reason=os_reason(exc)), 10000)
            return False
        return True

    def _drop_autosave(self) -> None:
        self.autosave_timer.stop()
        self.autosave_deadline.stop()
        if self._autosave is not None:
            self._autosave.discard()
        self._show_protection()

    def offer_recovery(self) -> None:
        """At start-up: for each autosave left by a window that crashed or was killed, show what it holds and
        restore it only if the user says so (Discard deletes it, Later keeps it for the next start)."""
        from hsp_wizard.presentation import Renderer
        from hsp_wizard.storage import ProjectPasswordError
        from hsp_wizard.storage.autosave import orphans
        from hsp_wizard.ui.recovery import Choice
        found, broken = orphans(startup.autosave_folder())
        for path, msg in broken:
            log.warning("an autosave cannot be read: %s", path.name)
            self.statusBar().showMessage(Renderer().msg(msg), 10000)
        restored = False
        for orphan in found:
            if restored:
                orphan.keep()  # one project per window: the others are offered at the next start
                continue
            password = None
            opened = None
            while opened is None:
                try:
                    with dialogs.busy():
                        opened = orphan.open(password)
                except ProjectPasswordError as exc:
                    # a protected autosave keeps its file's name inside the encryption
                    name = orphan.source.name if orphan.source else \
                        _("a protected project") if orphan.sealed else _("Untitled")
                    password = dialogs.ask_password(self, name, wrong=exc.wrong, autosave=True)
                    if password is None:
                        break
                except Exception:  # noqa: BLE001 - a damaged autosave must not stop the start-up
                    log.warning("an autosave cannot be read: %s", orphan.path.name)
                    break
            if opened is None:
                orphan.keep()
                continue
            choice = dialogs.ask_restore(self, dialogs.recovery_info(orphan, opened))
            if choice is Choice.RESTORE and self.maybe_keep_changes():
                self.wizard.build()
                self.doc.replace(opened.project, orphan.source, key=opened.key, dirty=True)
                self.doc.migrated_from = opened.version
                self._title()
                self._show_protection()
                if self.autosave_now():  # this window owns the work now
                    orphan.delete()
                else:
                    orphan.keep()
                self.history.reset()
                self.land()
                restored = True
            elif choice is Choice.DISCARD:
                orphan.delete()
            else:
                orphan.keep()


def os_reason(exc: OSError) -> str:
    """Why a file could not be written, in the user's language when it is one of ours (read-only, a pipe...)."""
    msg = getattr(exc, "msg", None)
    if msg is not None:
        from hsp_wizard.presentation import Renderer
        return Renderer().msg(msg)
    return exc.strerror or str(exc)
