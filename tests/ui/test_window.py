"""Files, title, closing, keyboard-only use and accessible names."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget, QWizard

from hsp_wizard.storage import load_project
from hsp_wizard.ui.main_window import MainWindow
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import field, focused, next_page, step

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"


def test_open_edit_save_as_reopen_round_trip(window, tmp_path, monkeypatch):
    w = window
    assert w.open_path(str(EXAMPLE), ask=False)
    assert w.windowTitle().startswith("hsp-holder-b.hspw") and not w.isWindowModified()
    assert w.wizard.currentId() == PageId.RESULTS  # complete: it opens on the results
    step(w, PageId.CATEGORY)
    field(w, w.wizard.currentPage().planned, "2027-01-15")
    assert w.isWindowModified() and w.doc.dirty
    target = tmp_path / "mine.hspw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.actions["save_as"].trigger()
    assert not w.isWindowModified() and w.windowTitle().startswith("mine.hspw")
    saved = load_project(target)
    assert saved == w.doc.project and str(saved.planned_application_date) == "2027-01-15"
    other = MainWindow()
    assert other.open_path(str(target), ask=False) and other.doc.project == saved
    other.close()
    assert str(target) in w.recent_files()


def test_save_shortcut_writes_the_open_file(window, tmp_path):
    w = window
    copy = tmp_path / "p.hspw"
    copy.write_bytes(EXAMPLE.read_bytes())
    w.open_path(str(copy), ask=False)
    step(w, PageId.CATEGORY)
    field(w, w.wizard.currentPage().name, "Ms Example")
    QTest.keySequence(w, w.actions["save"].shortcut())
    assert load_project(copy).name == "Ms Example" and not w.doc.dirty


def test_bad_file_shows_the_engines_message_and_keeps_the_work(window, tmp_path):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    before = w.doc.project.model_copy(deep=True)
    bad = tmp_path / "bad.hspw"
    bad.write_text('{"format":"hsp-wizard-project","schema_version":1,"birth_date":638582400}')
    assert not w.open_path(str(bad), ask=False)
    title, text = w.told[-1]
    assert "cannot be opened" in title and "is damaged" in text and str(bad) in text
    assert "birth_date" in w.told_details[-1]  # the engine's message, under Show Details
    assert w.doc.project == before and w.doc.path == EXAMPLE


def test_failed_save_says_so_and_stays_unsaved(window, tmp_path, monkeypatch):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    step(w, PageId.CATEGORY)
    field(w, w.wizard.currentPage().name, "X")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "nope" / "p.hspw"), ""))
    assert not w.save_as()
    assert w.told and "not saved" in w.told[-1][0] and w.doc.dirty


def test_closing_with_unsaved_changes_asks(window, monkeypatch):
    from hsp_wizard.ui import dialogs, main_window, startup
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    step(w, PageId.CATEGORY)
    field(w, w.wizard.currentPage().name, "Changed")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes",
                        lambda parent: asked.append(1) or QMessageBox.StandardButton.Cancel)
    assert not w.close() and w.isVisible() and asked
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent: QMessageBox.StandardButton.Discard)
    assert w.close()


def test_command_line_opens_a_project(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("HSP_WIZARD_CONFIG_DIR", str(tmp_path))
    from hsp_wizard.ui import dialogs, main_window, startup
    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    monkeypatch.setattr(main_window.MainWindow, "show", lambda self: shown.append(self))
    assert startup.run([str(EXAMPLE)]) == 0
    assert shown and shown[0].doc.path == EXAMPLE and shown[0].doc.project.category == "b"
    shown[0].deleteLater()


def _focusable(page: QWidget):
    for wdg in page.findChildren(QWidget):
        if wdg.isVisibleTo(page) and wdg.focusPolicy() & Qt.FocusPolicy.TabFocus and wdg.isEnabled():
            yield wdg


def test_every_focusable_widget_has_an_accessible_name(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    step(w, PageId.CATEGORY)
    missing, seen = [], 0
    while True:
        page = w.wizard.currentPage()
        for wdg in (*_focusable(page), *_focusable(w.wizard.panel)):
            iface = QAccessible.queryAccessibleInterface(wdg)
            name = iface.text(QAccessible.Text.Name) if iface else ""
            seen += 1
            if not name.strip():
                missing.append(f"{PageId(w.wizard.currentId()).name}: {type(wdg).__name__} {wdg.objectName()}")
        if w.wizard.currentId() == PageId.RESULTS:
            break
        next_page(w)
    for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
        assert QAccessible.queryAccessibleInterface(w.wizard.button(b)).text(QAccessible.Text.Name)
    assert seen > 40  # the walk really visited the controls
    assert not missing, missing


def test_keyboard_only_run_through_the_whole_wizard(window):
    """No mouse: mnemonics, Tab, typing, F2 in tables, Alt+N for Next."""
    w = window

    def alt(key):
        QTest.keyClick(focused() or w, key, Qt.KeyboardModifier.AltModifier)
        QTest.qWait(200)  # a button's mnemonic clicks it with a short animation

    alt(Qt.Key.Key_W)  # "Start a ne&w project"
    assert w.wizard.currentId() == PageId.CATEGORY
    alt(Qt.Key.Key_R)  # Bi&rth date
    QTest.keyClicks(focused(), "1995-07-01")
    alt(Qt.Key.Key_P)  # &Planned application date
    QTest.keyClicks(focused(), "2026-12-01")
    alt(Qt.Key.Key_2)  # &2 (i)(b)
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    assert w.doc.project.category == "b"
    alt(Qt.Key.Key_N)  # &Next
    assert w.wizard.currentId() == PageId.EDUCATION
    alt(Qt.Key.Key_A)  # &Add row (clicked by its mnemonic)
    alt(Qt.Key.Key_D)  # &Degrees table
    table = focused()
    QTest.keyClick(table, Qt.Key.Key_F2)  # level: choice editor
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # Bachelor's (a new row has no level chosen)
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # Master's
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QApplication.processEvents()
    QTest.keyClick(table, Qt.Key.Key_Right)
    QTest.keyClick(table, Qt.Key.Key_Right)
    QTest.keyClick(table, Qt.Key.Key_F2)
    QTest.keyClicks(focused(), "2019-03-31")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert [d.level for d in w.doc.project.degrees] == ["master"]
    for _ in range(int(PageId.RESULTS) - int(PageId.EDUCATION)):
        alt(Qt.Key.Key_N)
    assert w.wizard.currentId() == PageId.RESULTS
    # master 20 + salary none + age 31 on 2026-12-01: 10
    assert w.wizard.panel.total.text() == "30 points"


def test_unhandled_exception_is_logged_without_personal_data_and_shown(window, tmp_path, monkeypatch):
    import sys
    from hsp_wizard.ui import dialogs, main_window, startup
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    startup.install_excepthook(QApplication.instance())
    secret = "salary 12345678 born 1990-01-01"
    try:
        raise ValueError(secret)
    except ValueError:
        sys.excepthook(*sys.exc_info())
    log = (tmp_path / "logs" / "logs" / "errors.log").read_text()
    assert "ValueError" in log and "12345678" not in log and "1990-01-01" not in log
    assert shown and "Something went wrong" in shown[0][2]


def test_residence_page_shows_overlaps_and_breaks_as_typed(window):
    from tests.ui.drive import add_row, cell, choose
    w = window
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    while w.wizard.currentId() != PageId.RESIDENCE:
        next_page(w)
    page = w.wizard.currentPage()
    assert "No continuity problems" in page.problems.text()
    ed = page.editors["residence"]
    for start, end in (("2018-04-01", "2021-03-31"), ("2021-01-01", "")):
        r = add_row(ed)
        choose(ed, r, 0, "engineer_humanities")
        cell(ed, r, 1, start)
        if end:
            cell(ed, r, 2, end)
    assert "overlap" in page.problems.text()
    trips = page.editors["trips"]
    r = add_row(trips)
    cell(trips, r, 0, "2023-01-10")
    cell(trips, r, 1, "2023-03-01")
    choose(trips, r, 2, "none")
    assert "without a re-entry permit" in page.problems.text()


def test_without_a_planned_date_the_panel_uses_the_earliest_date_found(window, qtbot):
    from hsp_wizard.domain.evaluate import evaluate
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    step(w, PageId.CATEGORY)
    page = w.wizard.currentPage()
    page.planned.setFocus()
    page.planned.selectAll()
    QTest.keyClick(page.planned, Qt.Key.Key_Backspace)
    assert w.doc.project.planned_application_date is None
    panel = w.wizard.panel
    qtbot.waitUntil(lambda: panel.earliest is not None, timeout=3000)
    ev = evaluate(w.doc.project, panel.today, today=panel.today)
    assert panel.earliest == min(o.opens for o in ev.openings.values() if o.opens)
    assert "earliest application date found" in panel.heading.text()


def test_language_choice_is_remembered(window):
    w = window
    box = w.wizard.welcome.language
    box.setCurrentIndex(box.findData("ja"))
    assert w.store.value("language") == "ja"
    from hsp_wizard.i18n import current_language, set_language
    assert current_language() == "ja"
    set_language("en")


def test_save_checklist_as_pdf_saves_a_private_pdf_in_the_projects_folder_and_opens_it(window, tmp_path,
                                                                                        monkeypatch):
    from hsp_wizard.ui import dialogs
    w = window
    project = tmp_path / "mine" / "p.hspw"
    project.parent.mkdir()
    project.write_bytes(EXAMPLE.read_bytes())
    w.open_path(str(project), ask=False)
    target = tmp_path / "checklist.pdf"
    opened, offered = [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, *a, **k: offered.append(start) or (str(target), ""))
    monkeypatch.setattr(dialogs, "open_in_viewer", lambda path: opened.append(path))
    QTest.mouseClick(w.wizard.button(QWizard.WizardButton.CustomButton2), Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF") and (target.stat().st_mode & 0o777) == 0o600
    assert opened == [target]
    assert offered == [str(project.parent / "p-checklist.pdf")]  # beside the project


def test_every_file_the_app_creates_is_readable_by_the_user_only(window, tmp_path, monkeypatch):
    """Project, its backup, the checklist PDF, the error log, the settings, the autosave and its lock: all
    0600, whatever the umask."""
    import os
    import sys
    from hsp_wizard.ui import dialogs, main_window, startup
    old_umask = os.umask(0o022)
    try:
        w = window
        w.open_path(str(EXAMPLE), ask=False)
        target = tmp_path / "out" / "mine.hspw"
        target.parent.mkdir()
        pdf = tmp_path / "out" / "checklist.pdf"
        answers = iter([(str(target), ""), (str(pdf), "")])
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
        monkeypatch.setattr(dialogs, "open_in_viewer", lambda path: None)
        w.actions["save_as"].trigger()
        step(w, PageId.CATEGORY)
        field(w, w.wizard.currentPage().planned, "2027-01-15")
        w.actions["save"].trigger()  # the second save keeps a backup
        w.actions["pdf"].trigger()
        field(w, w.wizard.currentPage().planned, "2027-02-15")
        assert w.autosave_now()  # left on disk: the window is still open
        monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
        monkeypatch.setattr(sys, "excepthook", sys.excepthook)
        startup.install_excepthook(QApplication.instance())
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        w.store.sync()
    finally:
        os.umask(old_umask)
    made = [p for p in tmp_path.rglob("*") if p.is_file()]
    names = {p.name for p in made}
    assert {"mine.hspw", "mine.hspw.bak", "checklist.pdf", "errors.log", "settings.ini"} <= names
    assert {p.suffix for p in made} >= {".autosave", ".lock"}
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in made} == {p.name: "0o600" for p in made}
