"""Autosave, crash recovery and password protection, driven through the window like a user (dialogs answered
by the tests; the dialogs themselves are tested at the end)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from hsp_wizard.storage import load_project, read_project
from hsp_wizard.ui import dialogs, session
from hsp_wizard.ui.main_window import MainWindow
from hsp_wizard.ui.recovery import Choice, RecoveryDialog, RecoveryInfo, SourceState
from hsp_wizard.ui.wizard import PageId
from tests.i18n.test_japanese_output import english_words
from tests.ui.drive import step

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"
CHILD = Path(__file__).with_name("crash_child.py")
PASSWORD = "a long enough password"


def crash(tmp_path: Path, project: Path, name: str, password: str | None = None) -> None:
    """A real window in another process opens `project`, is edited (name), autosaves, and is SIGKILLed."""
    env = {**os.environ, "HSP_WIZARD_STATE_DIR": str(tmp_path / "state"),
           "HSP_WIZARD_CONFIG_DIR": str(tmp_path / "child-config"), "HSP_WIZARD_LOG_DIR": str(tmp_path / "logs"),
           "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(CHILD), str(project), name, *([password] if password else [])],
                             env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline().strip()
        assert line == "autosaved", child.stderr.read() if child.poll() is not None else line
    finally:
        child.kill()
        child.wait(10)


def autosaves(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "state" / "autosave"
    return sorted(folder.glob("*.autosave")) if folder.exists() else []


def new_window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def answer_restore(monkeypatch, choice: Choice) -> list[RecoveryInfo]:
    shown = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, info: shown.append(info) or choice)
    return shown


def project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "mine.hspw"
    copy.write_bytes(EXAMPLE.read_bytes())
    return copy


# ---------------------------------------------------------------- autosave
def test_an_edit_is_autosaved_once_typing_pauses_and_a_clean_close_deletes_it(window, tmp_path):
    w = window
    w.open_path(str(project_copy(tmp_path)), ask=False)
    step(w, PageId.CATEGORY)  # it opened on the results, which re-evaluate on each edit (slower than 50 ms)
    w.autosave_timer.setInterval(50)
    assert autosaves(tmp_path) == []
    w.doc.update(name="Typed Name")
    QTest.qWait(10)
    assert autosaves(tmp_path) == [], "written before typing paused"
    QTest.qWait(150)
    [auto] = autosaves(tmp_path)
    assert json.loads(auto.read_text())["project"]["name"] == "Typed Name"
    assert (auto.stat().st_mode & 0o777) == 0o600
    w.close()  # the fixture answers "Discard"
    assert autosaves(tmp_path) == [] and list((tmp_path / "state" / "autosave").iterdir()) == []


def test_continuous_typing_still_autosaves_within_the_longest_wait(window, tmp_path, monkeypatch):
    w = window
    monkeypatch.setattr(session, "AUTOSAVE_MAX_WAIT_MS", 300)
    w.autosave_timer.setInterval(200)
    for i in range(30):  # an edit every 30 ms for 0.9 s: the pause never comes
        w.doc.update(name=f"Name {i}")
        QTest.qWait(30)
        if autosaves(tmp_path):
            break
    assert autosaves(tmp_path), "no autosave during 0.9 s of continuous edits"
    assert i < 20


def test_saving_deletes_the_autosave(window, tmp_path):
    w = window
    w.open_path(str(project_copy(tmp_path)), ask=False)
    w.doc.update(name="Saved Name")
    assert w.autosave_now() and len(autosaves(tmp_path)) == 1
    assert w.save()
    assert autosaves(tmp_path) == [] and load_project(tmp_path / "mine.hspw").name == "Saved Name"


# ---------------------------------------------------------------- recovery
def test_after_a_crash_the_next_start_shows_what_it_would_restore_and_restores_on_request(window, qtbot, tmp_path,
                                                                                          monkeypatch):
    copy = project_copy(tmp_path)
    crash(tmp_path, copy, "Name Before Crash")
    assert len(autosaves(tmp_path)) == 1
    shown = answer_restore(monkeypatch, Choice.RESTORE)
    w = new_window(qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)  # offered by itself after the first paint
    [info] = shown
    assert info.source == copy and info.state is SourceState.SAVED and info.parts == ["name"]
    assert info.person == "Name Before Crash"
    assert w.doc.project.name == "Name Before Crash" and w.doc.dirty and w.doc.path == copy
    assert w.isWindowModified() and w.windowTitle().startswith("mine.hspw")
    assert load_project(copy).name != "Name Before Crash", "restoring must not write the user's file"
    [own] = autosaves(tmp_path)
    assert w._autosave is not None and own == w._autosave.path  # the crashed copy is gone, this window owns one
    assert w.save() and load_project(copy).name == "Name Before Crash" and autosaves(tmp_path) == []


def test_discard_deletes_the_copy_and_later_keeps_it_for_the_next_start(window, qtbot, tmp_path, monkeypatch):
    copy = project_copy(tmp_path)
    crash(tmp_path, copy, "Unwanted")
    shown = answer_restore(monkeypatch, Choice.LATER)
    w = new_window(qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert not w.doc.dirty and w.doc.path is None and len(autosaves(tmp_path)) == 1
    shown = answer_restore(monkeypatch, Choice.DISCARD)
    w2 = new_window(qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert autosaves(tmp_path) == [] and not w2.doc.dirty and w2.doc.project.name is None
    w3 = new_window(qtbot)
    QTest.qWait(200)
    assert len(shown) == 1, "a discarded copy was offered again"
    w3.close()


def test_a_live_windows_autosave_is_not_offered_to_another_window(window, qtbot, tmp_path, monkeypatch):
    window.doc.update(name="Still Open")
    assert window.autosave_now()
    shown = answer_restore(monkeypatch, Choice.RESTORE)
    other = new_window(qtbot)
    QTest.qWait(300)
    assert shown == [] and other.doc.project.name is None and len(autosaves(tmp_path)) == 1


# ---------------------------------------------------------------- passwords
def test_save_with_password_then_reopen_asks_until_the_password_is_right(window, qtbot, tmp_path, monkeypatch):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    target = tmp_path / "secret.hspw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(dialogs, "ask_new_password", lambda parent: PASSWORD)
    w.doc.update(name="Secret Person")
    assert w.actions["save_plain"].isEnabled() is False
    w.actions["save_password"].trigger()
    assert not w.doc.dirty and w.doc.key is not None
    assert b"Secret Person" not in target.read_bytes() and read_project(target, PASSWORD).project.name == \
        "Secret Person"
    assert w.protection.text() == "Protected by a password" and w.actions["save_plain"].isEnabled()
    # its autosave is encrypted too
    w.doc.update(name="Secret Person Two")
    assert w.autosave_now()
    [auto] = autosaves(tmp_path)
    assert b"Secret Person" not in auto.read_bytes() and json.loads(auto.read_text())["encrypted"] is True
    # Ctrl+S keeps it encrypted with the same password
    QTest.keySequence(w, w.actions["save"].shortcut())
    assert b"Secret Person" not in target.read_bytes()
    assert read_project(target, PASSWORD).project.name == "Secret Person Two"
    # reopening: a wrong password is asked again, saying so; the right one opens it
    tries = iter(["wrong password!", PASSWORD])
    asked = []
    monkeypatch.setattr(dialogs, "ask_password",
                        lambda parent, name, wrong=False, autosave=False: asked.append((name, wrong)) or next(tries))
    other = new_window(qtbot)
    assert other.open_path(str(target), ask=False)
    assert asked == [("secret.hspw", False), ("secret.hspw", True)]
    assert other.doc.project.name == "Secret Person Two" and other.doc.key is not None
    # cancelling the password leaves the window as it was, with no error box
    monkeypatch.setattr(dialogs, "ask_password", lambda *a, **k: None)
    third = new_window(qtbot)
    assert not third.open_path(str(target), ask=False) and third.doc.path is None and w.told == []
    # and "Save without password" writes an ordinary file
    plain = tmp_path / "plain.hspw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(plain), ""))
    other.actions["save_plain"].trigger()
    assert load_project(plain).name == "Secret Person Two" and other.doc.key is None
    assert other.protection.text() == "" and not other.actions["save_plain"].isEnabled()


def test_a_protected_projects_crash_copy_asks_for_the_password_and_stays_protected(window, qtbot, tmp_path,
                                                                                    monkeypatch):
    from hsp_wizard.storage import save_project
    from hsp_wizard.storage.encryption import SealKey
    target = tmp_path / "secret.hspw"
    save_project(load_project(EXAMPLE), target, key=SealKey.from_password(PASSWORD))
    crash(tmp_path, target, "Crashed Secret", PASSWORD)
    [auto] = autosaves(tmp_path)
    assert b"Crashed Secret" not in auto.read_bytes()
    asked = []
    monkeypatch.setattr(dialogs, "ask_password",
                        lambda parent, name, wrong=False, autosave=False: asked.append((name, autosave)) or PASSWORD)
    shown = answer_restore(monkeypatch, Choice.RESTORE)
    w = new_window(qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    # the autosave keeps its file's name inside the encryption: the prompt cannot name it before the password
    assert asked == [("a protected project", True)] and shown[0].parts == ["name"]
    assert shown[0].source == target
    assert w.doc.project.name == "Crashed Secret" and w.doc.key is not None
    assert w.save() and b"Crashed Secret" not in target.read_bytes()
    assert read_project(target, PASSWORD).project.name == "Crashed Secret"


# ---------------------------------------------------------------- the dialogs themselves
def test_the_new_password_dialog_refuses_short_and_different_passwords_and_takes_keyboard_input(window, qtbot):
    from hsp_wizard.ui.password import PasswordDialog
    d = PasswordDialog(window, new=True)
    qtbot.addWidget(d)
    d.show()
    assert d.focusWidget() is d.field  # the dialog opens with the cursor in the password field
    QTest.keyClicks(d.field, "short")
    QTest.keyClick(d.field, Qt.Key.Key_Tab)
    assert d.focusWidget() is d.confirm
    QTest.keyClicks(d.focusWidget(), "short")
    QTest.keyClick(d.focusWidget(), Qt.Key.Key_Return)
    assert d.isVisible() and "at least 8" in d.error.text()
    d.field.setText(PASSWORD)
    d.confirm.setText(PASSWORD + "x")
    d.accept()
    assert d.isVisible() and "not the same" in d.error.text()
    d.confirm.clear()
    QApplication.clipboard().setText(PASSWORD)
    d.confirm.setFocus()
    QTest.keySequence(d.confirm, "Ctrl+V")  # pasting is allowed (a password manager's way in)
    assert d.confirm.text() == PASSWORD
    QTest.keyClick(d.confirm, Qt.Key.Key_Return)
    assert d.result() == PasswordDialog.DialogCode.Accepted and d.password() == PASSWORD
    assert d.field.echoMode() == d.field.EchoMode.Password


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_recovery_prompt_says_when_which_file_and_what_changed(window, qtbot, lang):
    from datetime import datetime
    from hsp_wizard.ui.language import apply_language
    apply_language(lang)
    info = RecoveryInfo(datetime(2026, 11, 20, 21, 5).astimezone(), Path("/home/me/pr.hspw"), SourceState.SAVED,
                        ["salary", "trips"], "Ms Example")
    d = RecoveryDialog(info, window)
    qtbot.addWidget(d)
    d.show()
    text = d.body.text()
    assert "pr.hspw" in text and "21:05" in text and "Ms Example" in text
    if lang == "en":
        assert "20 Nov 2026" in text and "Salary and Trips abroad" in text
    else:
        assert "2026年11月20日" in text and "年収、出国歴" in text
        leftover = english_words(text.replace("pr.hspw", "").replace("Ms Example", "").replace("/home/me", ""))
        assert not leftover, leftover
        assert "(&R)" in d.restore.text()
    QTest.keyClick(d, Qt.Key.Key_Escape)
    assert d.choice is Choice.LATER  # Escape decides nothing
    d2 = RecoveryDialog(info, window)
    qtbot.addWidget(d2)
    d2.show()
    QTest.keyClick(d2.restore, Qt.Key.Key_Return) if d2.restore.hasFocus() else d2.restore.click()
    assert d2.choice is Choice.RESTORE


def test_the_prompt_can_name_every_part_of_a_project():
    from hsp_wizard.domain.project import Project
    from hsp_wizard.ui.recovery import PART_LABELS
    assert set(PART_LABELS) == set(Project.model_fields) - {"format", "schema_version"}
