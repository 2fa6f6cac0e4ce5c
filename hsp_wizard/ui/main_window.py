"""The main window: the menus (File, Language), the title, the recent files, printing, and the wizard."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow

from hsp_wizard import APP_NAME
from hsp_wizard.i18n import LANGUAGE_NAMES, N_, _, current_language
from hsp_wizard.ui import dialogs, startup
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.language import apply_language
from hsp_wizard.ui.session import DocumentSession, os_reason
from hsp_wizard.ui.texts import Texts
from hsp_wizard.ui.wizard import HspWizard, PageId

MAX_RECENT = 8
log = logging.getLogger("hsp_wizard")


class MainWindow(DocumentSession, QMainWindow):
    """File menu, title with the file name and a modified mark, and the wizard; the project's files,
    autosave and recovery are the document session's (ui/session.py)."""

    def __init__(self, doc: ProjectDocument | None = None):
        super().__init__()
        self.doc = doc or ProjectDocument()
        self.store = startup.settings()
        self.wizard = HspWizard(self.doc, self.recent_files(), self)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # a QWizard is a dialog: embed it as a plain widget
        from hsp_wizard.ui.shell import install_shell
        install_shell(self)  # the step list beside the wizard, undo/redo, the results page's buttons (ui/shell.py)
        room = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1180, room.width()) if room else 1180, min(680, room.height()) if room else 680)
        self._menus()
        self.doc.dirty_changed.connect(self.setWindowModified)
        self.doc.path_changed.connect(self._title)
        self.wizard.welcome.new_requested.connect(self.new_project)
        self.wizard.welcome.open_requested.connect(self.open_dialog)
        self.wizard.welcome.recent_requested.connect(self.open_path)
        self.wizard.welcome.language_changed.connect(self.set_language)
        self._title()
        self._painted = False
        self._start_session()  # autosave (ui/session.py)
        self.protection = QLabel(self)
        self.statusBar().addPermanentWidget(self.protection)
        self.texts.call(self._show_protection)

    def sweep(self) -> None:
        """Remove temporary files that a save killed half-way left beside the recent projects."""
        from hsp_wizard.storage import sweep_temp_files
        for folder in {Path(f).parent for f in self.recent_files()}:
            sweep_temp_files(folder)

    def event(self, ev) -> bool:
        # the rest of the pages are built once the first page has been painted
        if not getattr(self, "_painted", True) and ev.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self._painted = True
            if os.environ.get("HSP_WIZARD_QUIT_AFTER_FIRST_PAINT") == "1":  # bench/installer.py's cold start
                handled = super().event(ev)  # the window is painted and flushed when this returns: its first frame
                import time
                print(f"first frame at {time.monotonic():.6f}", flush=True)  # CLOCK_MONOTONIC, as the bench's
                os._exit(0)  # at once: nothing queued after the frame (the other pages) is waited for
                return handled
            QTimer.singleShot(0, self.wizard.build)
            QTimer.singleShot(0, self.sweep)  # after the first paint: it imports the storage code
            QTimer.singleShot(0, self.offer_recovery)
        return super().event(ev)

    # ---------------------------------------------------------------- menus
    def _menus(self) -> None:
        self.texts = Texts()
        menu = self.menuBar().addMenu("")
        self.texts.bind(menu.setTitle, N_("&File"))
        self.actions = {}
        for key, text, shortcut, slot in (
                ("new", N_("&New"), QKeySequence.StandardKey.New, self.new_project),
                ("open", N_("&Open…"), QKeySequence.StandardKey.Open, self.open_dialog),
                ("save", N_("&Save"), QKeySequence.StandardKey.Save, self.save),
                ("save_as", N_("Save &As…"), QKeySequence.StandardKey.SaveAs, self.save_as),
                ("save_password", N_("Save with pass&word…"), None, self.save_with_password),
                ("save_plain", N_("Save wi&thout password…"), None, self.save_without_password),
                (None, None, None, None),
                ("pdf", N_("Save checklist as PD&F…"), None, self.save_checklist_pdf),
                ("print", N_("&Print checklist…"), QKeySequence.StandardKey.Print, self.print_checklist)):
            if key is None:
                menu.addSeparator()
                continue
            act = QAction(self)
            self.texts.bind(act.setText, text)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            menu.addAction(act)
            self.actions[key] = act
        self.actions["save_plain"].setEnabled(False)
        self.recent_menu = menu.addMenu("")
        self.texts.bind(self.recent_menu.setTitle, N_("Open &Recent"))
        self._fill_recent()
        menu.addSeparator()
        quit_act = QAction(self)
        self.texts.bind(quit_act.setText, N_("&Quit"))
        quit_act.setShortcut(QKeySequence.StandardKey.Quit)
        quit_act.triggered.connect(self.close)
        menu.addAction(quit_act)
        # Language: always reachable, each language named in itself
        self.language_menu = self.menuBar().addMenu("")
        self.texts.bind(self.language_menu.setTitle, N_("Lan&guage"))
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGE_NAMES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == current_language())
            act.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[code] = act
        from hsp_wizard.ui.shell import add_menus
        add_menus(self)  # Edit (undo, redo) and Help

    def set_language(self, lang: str) -> None:
        """Switch the whole app to `lang` now and remember it; typed input stays where it is."""
        if lang != current_language() and not apply_language(lang):
            log.warning("Qt's translation for %s is missing: its standard buttons stay in English", lang)
        self.store.setValue("language", lang)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            self._title()
            for code, act in self.language_actions.items():
                act.setChecked(code == current_language())
        super().changeEvent(event)

    def _title(self) -> None:
        name = self.doc.path.name if self.doc.path else _("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.doc.dirty)

    # ---------------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        value = self.store.value("recent", []) if hasattr(self, "store") else []
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def _remember(self, path: Path) -> None:
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.store.setValue("recent", files[:MAX_RECENT])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for f in self.recent_files():
            act = self.recent_menu.addAction(f)
            act.triggered.connect(lambda _checked=False, f=f: self.open_path(f))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def checklist_pdf(self) -> bytes:
        """The checklist PDF for the best route on the planned (or earliest) date (ReportError if it cannot)."""
        from datetime import date
        from hsp_wizard.i18n import current_language
        from hsp_wizard.report.checklist_pdf import build_checklist_pdf
        self.wizard.build()
        today = date.today()
        # the scenarios the window has compared already, when they are still the project's
        return build_checklist_pdf(self.doc.plan(today), lang=current_language(),
                                   comparison=self.wizard.pages[PageId.RESULTS].scenarios.current(today))

    def print_checklist(self) -> bool:
        """Print the checklist through the system's print dialog (ui/printing.py)."""
        from hsp_wizard.report.checklist_pdf import ReportError
        from hsp_wizard.ui.printing import print_pdf
        try:
            with dialogs.busy():
                data = self.checklist_pdf()
        except ReportError as exc:
            from hsp_wizard.presentation import Renderer
            dialogs.tell_error(self, _("The checklist was not printed"), Renderer().msg(exc.msg))
            return False
        return print_pdf(self, data, self.start_folder())

    def save_checklist_pdf(self) -> bool:
        """Save the checklist PDF where the user chooses (atomically, readable by the user only; beside the
        project at first) and open it in the system viewer."""
        from hsp_wizard.presentation import Renderer
        from hsp_wizard.report.checklist_pdf import ReportError
        from hsp_wizard.storage import write_private_atomic
        stem = self.doc.path.stem if self.doc.path else dialogs.file_stem(self.doc.project.name, "")
        suggested = self.start_folder() / (f"{stem}-checklist.pdf" if stem else "checklist.pdf")
        path, _f = QFileDialog.getSaveFileName(self, _("Save the checklist"), str(suggested), "PDF (*.pdf)")
        if not path:
            return False
        try:
            data = self.checklist_pdf()
            write_private_atomic(Path(path), data)
        except OSError as exc:
            dialogs.tell_error(self, _("The checklist was not saved"), f"{path}\n\n{os_reason(exc)}")
            return False
        except ReportError as exc:
            dialogs.tell_error(self, _("The checklist was not saved"), f"{path}\n\n{Renderer().msg(exc.msg)}")
            return False
        said = (N_("Checklist saved as {file}") if dialogs.open_in_viewer(Path(path)) else
                N_("Checklist saved as {file} (no PDF viewer could be opened: open the file yourself)"))
        self.statusBar().showMessage(_(said).format(file=path), 15000)  # said even when the viewer shows nothing
        return True

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.maybe_keep_changes():
            self._drop_autosave()  # saved or discarded: nothing is left to recover
            event.accept()
        else:
            event.ignore()
