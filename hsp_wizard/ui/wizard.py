"""The window: a QWizard of pages over one ProjectDocument, with the points panel at its side and a File menu."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QWizard

from hsp_wizard import APP_NAME
from hsp_wizard.i18n import LANGUAGE_NAMES, N_, _, current_language
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.language import apply_language
from hsp_wizard.ui.pages.welcome import WelcomePage
from hsp_wizard.ui.steps import PageId
from hsp_wizard.ui.texts import Texts

MAX_RECENT = 8
AUTOSAVE_DELAY_MS = 2000      # after typing pauses this long, the autosave is written
AUTOSAVE_MAX_WAIT_MS = 15000  # and while typing goes on, at least this often
log = logging.getLogger("hsp_wizard")




PAGE_OF_ITEM = {"category": PageId.CATEGORY, "age": PageId.CATEGORY, "academic": PageId.EDUCATION,
                "academic_bonus": PageId.EDUCATION, "career": PageId.CAREER, "salary": PageId.SALARY,
                "research": PageId.ACHIEVEMENTS, "licence": PageId.ACHIEVEMENTS, "position": PageId.ACHIEVEMENTS,
                "bonus": PageId.BONUSES, "residence": PageId.RESIDENCE, "requirements": PageId.REQUIREMENTS}


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


class HspWizard(QWizard):
    """The pages in order, with the live points panel beside every page.

    Only the Welcome page exists at first; `build()` adds the others and the panel (the engine's imports are
    the bulk of start-up, and the Welcome page needs none of them)."""

    def __init__(self, doc: ProjectDocument, recent: list[str], parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        # no Finish anywhere (it would close the window's wizard for good): the results page offers Save, Save
        # checklist as PDF and Print instead, as the wizard's custom buttons
        self._results_buttons(False)
        self.jumping = False       # moving through pages for the step list: Next does not stop on a page
        self.visited: set[int] = set()
        self.from_results = False  # a 'change' link was followed: the step list offers the way back
        self.currentIdChanged.connect(self._shown)
        self.welcome = WelcomePage(doc, recent)
        self.setPage(PageId.WELCOME, self.welcome)
        self.pages = {PageId.WELCOME: self.welcome}
        self.panel = None

    @property
    def built(self) -> bool:
        return self.panel is not None

    def build(self) -> None:
        """Add every other page and the points panel (idempotent)."""
        if self.built:
            return
        from hsp_wizard.ui.pages.lists import AchievementsPage, BonusesPage, CareerPage, EducationPage, SalaryPage
        from hsp_wizard.ui.pages.residence import ResidencePage
        from hsp_wizard.ui.pages.results import ResultsPage
        from hsp_wizard.ui.pages.simple import CategoryPage, RequirementsPage
        from hsp_wizard.ui.widgets.points_panel import PointsPanel
        doc = self.doc
        self.pages.update({
            PageId.CATEGORY: CategoryPage(doc), PageId.EDUCATION: EducationPage(doc),
            PageId.CAREER: CareerPage(doc), PageId.SALARY: SalaryPage(doc),
            PageId.ACHIEVEMENTS: AchievementsPage(doc), PageId.BONUSES: BonusesPage(doc),
            PageId.RESIDENCE: ResidencePage(doc), PageId.REQUIREMENTS: RequirementsPage(doc),
            PageId.RESULTS: ResultsPage(doc, {k: int(v) for k, v in PAGE_OF_ITEM.items()}),
        })
        for pid, page in self.pages.items():
            if pid != PageId.WELCOME:
                self.setPage(pid, page)
        self.panel = PointsPanel(doc)
        self.setSideWidget(self.panel)
        self.pages[PageId.RESULTS].change_requested.connect(self.go_to)
        self._shown(self.currentId())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # QWizard translates its default button texts on LanguageChange but does not put them on the buttons
        # (seen with Qt 6.12): do it here, so Back/Next/Finish follow the language.
        if event.type() == QEvent.Type.LanguageChange:
            for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                          QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                          QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton):
                self.button(which).setText(self.buttonText(which))
        super().changeEvent(event)

    def next(self) -> None:  # noqa: A003 (Qt's name)
        self.build()
        super().next()

    def go_to(self, page_id: int) -> None:
        """A 'change' link: to that page, with the way back to the results one click away."""
        self.jump_to(page_id)
        self.from_results = self.currentId() != PageId.RESULTS
        self.currentIdChanged.emit(self.currentId())  # the step list shows the way back

    def jump_to(self, page_id: int) -> None:
        """To any page, forward or back: back through the history, or on with Next (every page in between is
        filled from the project, as Next does; none stops the jump)."""
        self.build()
        if page_id == self.currentId():
            return
        if page_id in self.visitedIds():
            while self.currentId() != page_id and self.currentId() != self.startId():
                self.back()
            return
        self.jumping = True
        try:
            while self.currentId() != page_id:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self.jumping = False

    def land(self, page_id: int) -> None:
        """Start again from the Welcome page and go to `page_id` (a project opened, made or restored)."""
        self.restart()
        self.visited = set()
        self.from_results = False
        self.jump_to(page_id)

    def _shown(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is not None and hasattr(page, "reload_if_stale"):
            page.reload_if_stale()  # undone, redone or replaced while another page was shown
        if page_id == PageId.RESULTS:
            self.from_results = False
        if page_id >= 0:
            self.visited.add(page_id)
        self._results_buttons(page_id == PageId.RESULTS)

    def _results_buttons(self, shown: bool) -> None:
        """Back and Next; on the results also Save, Save checklist as PDF and Print (never Finish)."""
        custom = [QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CustomButton2,
                  QWizard.WizardButton.CustomButton3]
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton, *(custom if shown else [])])
        for which in custom:
            self.button(which).setVisible(shown)

    def reject(self) -> None:
        """Escape: a QWizard would close (and empty) itself; this one stays as it is."""

    def accept(self) -> None:
        """Nothing finishes the window's wizard (there is no Finish button; Enter on the last page does this)."""

    def done(self, _result: int) -> None:  # noqa: D401 (Qt's name)
        """Never hide the embedded wizard."""


class MainWindow(QMainWindow):
    """File menu, title with the file name and a modified mark, and the wizard."""

    def __init__(self, doc: ProjectDocument | None = None):
        super().__init__()
        self.doc = doc or ProjectDocument()
        self.store = settings()
        self.wizard = HspWizard(self.doc, self.recent_files(), self)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # a QWizard is a dialog: embed it as a plain widget
        from hsp_wizard.ui.shell import install_shell
        install_shell(self)  # the step list beside the wizard, undo/redo, Help, the results page's buttons
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
        # autosave: written a moment after each change, deleted on a clean save or close
        self._autosave = None  # the AutosaveSlot, made on first use (it imports the storage code)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_due = None  # monotonic time by which the pending autosave must be written
        self.doc.changed.connect(self._schedule_autosave)
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
            QTimer.singleShot(0, self.wizard.build)
            QTimer.singleShot(0, self.sweep)  # after the first paint: it imports the storage code
            QTimer.singleShot(0, self.offer_recovery)
            if os.environ.get("HSP_WIZARD_QUIT_AFTER_FIRST_PAINT") == "1":  # bench/installer.py's cold start
                QTimer.singleShot(0, QApplication.quit)
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

    # ---------------------------------------------------------------- file actions
    def maybe_keep_changes(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user said so)."""
        if not self.doc.dirty:
            return True
        answer = ask_save_changes(self)
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
        path, _f = QFileDialog.getOpenFileName(self, _("Open a project"), str(self.start_folder()), file_filter())
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
                with busy():
                    return read_project(path, password)
            except ProjectPasswordError as exc:
                password = ask_password(self, path.name, wrong=exc.wrong)
                if password is None:
                    return None
            except ProjectFileError as exc:
                tell_error(self, _("This project cannot be opened"), f"{exc.path}\n\n{Renderer().msg(exc.msg)}")
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
        password = ask_new_password(self)
        if password is None:
            return False
        from hsp_wizard.storage.encryption import SealKey
        with busy():
            key = SealKey.from_password(password)  # the slow step (about 0.3 s), once per password
        path = self._ask_path()
        return path is not None and self._write(path, key)

    def save_without_password(self) -> bool:
        """Save a protected project as an ordinary, unencrypted file."""
        path = self._ask_path()
        return path is not None and self._write(path, None)

    def _ask_path(self) -> Path | None:
        suggested = str(self.doc.path) if self.doc.path else str(self.start_folder() / "project.hspw")
        path, _f = QFileDialog.getSaveFileName(self, _("Save the project"), suggested, file_filter())
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
            tell_error(self, _("The project was not saved"), f"{path}\n\n{exc.strerror or exc}")
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
        now = time.monotonic()
        if self._autosave_due is None:
            self._autosave_due = now + AUTOSAVE_MAX_WAIT_MS / 1000
        wait = min(self.autosave_timer.interval() / 1000, max(0.0, self._autosave_due - now))
        self.autosave_timer.start(int(wait * 1000))

    def autosave_now(self) -> bool:
        """Write the unsaved project to this window's autosave (encrypted when the project is protected)."""
        self.autosave_timer.stop()
        self._autosave_due = None
        if not self.doc.dirty:
            return False
        from datetime import datetime
        from hsp_wizard.storage.autosave import AutosaveSlot
        if self._autosave is None:
            self._autosave = AutosaveSlot(autosave_folder())
        try:
            self._autosave.write(self.doc.project, self.doc.path, self.doc.key, datetime.now().astimezone())
        except OSError as exc:
            log.warning("autosave failed: %s", exc.strerror or type(exc).__name__)
            self.statusBar().showMessage(_("Autosave failed: {reason}").format(reason=exc.strerror or exc), 10000)
            return False
        return True

    def _drop_autosave(self) -> None:
        self.autosave_timer.stop()
        self._autosave_due = None
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
        found, broken = orphans(autosave_folder())
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
                    with busy():
                        opened = orphan.open(password)
                except ProjectPasswordError as exc:
                    name = orphan.source.name if orphan.source else _("Untitled")
                    password = ask_password(self, name, wrong=exc.wrong, autosave=True)
                    if password is None:
                        break
                except Exception:  # noqa: BLE001 - a damaged autosave must not stop the start-up
                    log.warning("an autosave cannot be read: %s", orphan.path.name)
                    break
            if opened is None:
                orphan.keep()
                continue
            choice = ask_restore(self, recovery_info(orphan, opened))
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

    def checklist_pdf(self) -> bytes:
        """The checklist PDF for the best route on the planned (or earliest) date (ReportError if it cannot)."""
        from datetime import date
        from hsp_wizard.domain.evaluate import evaluate
        from hsp_wizard.i18n import current_language
        from hsp_wizard.report.checklist_pdf import build_checklist_pdf
        self.wizard.build()
        p = self.doc.project
        today = date.today()
        on = p.planned_application_date or self.wizard.panel.evaluation_date()
        return build_checklist_pdf(p, evaluate(p, on, today=today), lang=current_language(), printed_on=today)

    def print_checklist(self) -> bool:
        """Print the checklist through the system's print dialog."""
        from hsp_wizard.report.checklist_pdf import ReportError
        from hsp_wizard.ui.printing import print_pdf
        try:
            with busy():
                data = self.checklist_pdf()
        except ReportError as exc:
            tell_error(self, _("The checklist was not printed"), str(exc))
            return False
        return print_pdf(self, data, self.start_folder())

    def save_checklist_pdf(self) -> bool:
        """Save the checklist PDF where the user chooses (atomically, readable by the user only) and open it
        in the system viewer."""
        from hsp_wizard.report.checklist_pdf import ReportError
        from hsp_wizard.storage import write_private_atomic
        suggested = self.start_folder() / (f"{self.doc.path.stem}-checklist.pdf" if self.doc.path else "checklist.pdf")
        path, _f = QFileDialog.getSaveFileName(self, _("Save the checklist"), str(suggested), "PDF (*.pdf)")
        if not path:
            return False
        try:
            data = self.checklist_pdf()
            write_private_atomic(Path(path), data)
        except (OSError, ReportError) as exc:
            tell_error(self, _("The checklist was not saved"), f"{path}\n\n{getattr(exc, 'strerror', None) or exc}")
            return False
        open_in_viewer(Path(path))
        return True

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.maybe_keep_changes():
            self._drop_autosave()  # saved or discarded: nothing is left to recover
            event.accept()
        else:
            event.ignore()


def file_filter() -> str:
    return _("HSP Wizard project (*.hspw);;JSON (*.json)")


# ---------------------------------------------------------------- dialogs (patched in tests)
def ask_save_changes(parent) -> QMessageBox.StandardButton:
    return QMessageBox.question(parent, APP_NAME, _("Save the changes to this project?"),
                                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard |
                                QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)


def tell_error(parent, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


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


def open_in_viewer(path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# ---------------------------------------------------------------- start-up
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
    window = MainWindow()
    files = [a for a in argv if not a.startswith("-")]
    if files:
        window.open_path(files[0], ask=False)
    window.show()
    return app.exec()

