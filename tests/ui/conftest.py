"""A window per test, with settings, logs and autosaves in a temporary folder and no modal dialogs."""

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HSP_WIZARD_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("HSP_WIZARD_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("HSP_WIZARD_STATE_DIR", str(tmp_path / "state"))
    from hsp_wizard.ui import dialogs
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.recovery import Choice
    told = []
    asked = []  # every dialog the window wanted to show, in order
    details = []  # what each message held under Show Details ("" when nothing)
    monkeypatch.setattr(dialogs, "tell_error", lambda parent, title, text, more="": told.append((title, text))
                        or details.append(more))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, info: asked.append(("restore", info)) or Choice.LATER)
    monkeypatch.setattr(dialogs, "ask_password",
                        lambda parent, name, wrong=False, autosave=False: asked.append(("password", name)) or None)
    monkeypatch.setattr(dialogs, "ask_new_password", lambda parent: asked.append(("new password",)) or None)
    monkeypatch.setattr(dialogs, "ask_discard_changes", lambda parent: asked.append(("discard changes",)) or True)
    from hsp_wizard.ui.widgets import scenarios_panel
    names: list[str | None] = []  # answers to the scenario-name dialog, in order; none left: the name proposed
    monkeypatch.setattr(scenarios_panel, "ask_scenario_name", lambda parent, title, label, text: asked.append(
        ("scenario name", title, label, text)) or (names.pop(0) if names else text))
    monkeypatch.setattr(scenarios_panel, "confirm_delete",
                        lambda parent, name: asked.append(("delete scenario", name)) or True)
    monkeypatch.setattr(scenarios_panel, "tell_full", lambda parent: asked.append(("scenarios full",)))
    w = MainWindow()
    w.told = told
    w.told_details = details
    w.asked = asked
    w.scenario_names = names
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w), "the window never became active: keyboard tests would lie"
    yield w
    from hsp_wizard.ui.language import apply_language
    apply_language("en")  # a test that switched language leaves the next one in English
    QApplication.processEvents()
