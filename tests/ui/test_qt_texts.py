"""Qt's own texts in the Japanese window: Qt 6 names a file's type in the file dialog under a context its
Japanese catalog does not have ("Folder" showed in English beside 名前, サイズ, タイプ), and writes its own
numbers and dates in the locale of the language chosen."""

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel


def folder_type(dlg, qtbot, folder) -> str:
    model = dlg.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.index(str(folder)).isValid() and model.rowCount(model.index(str(folder.parent)))
                    > 0, timeout=3000)
    return model.index(str(folder), 2).data()


def test_the_file_dialog_names_a_folder_in_the_language_chosen(window, qtbot, tmp_path):
    (tmp_path / "projects").mkdir()
    w = window
    seen = {}
    for lang in ("ja", "en"):
        w.set_language(lang)
        QApplication.processEvents()
        dlg = QFileDialog(w, "x", str(tmp_path))
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Linux shows without a desktop's own
        dlg.setViewMode(QFileDialog.ViewMode.Detail)
        try:
            seen[lang] = folder_type(dlg, qtbot, tmp_path / "projects")
        finally:
            dlg.deleteLater()
    assert seen == {"ja": "フォルダ", "en": "Folder"}


def test_qt_writes_dates_in_the_language_chosen(window):
    w = window
    w.set_language("ja")
    QApplication.processEvents()
    assert QLocale().toString(QDate(2026, 12, 3), QLocale.FormatType.ShortFormat) == "2026/12/03"
    w.set_language("en")
    QApplication.processEvents()
    assert QLocale().language() != QLocale.Language.Japanese
    assert QLocale().language() not in (QLocale.Language.C, QLocale.Language.AnyLanguage)


def test_a_scenarios_own_date_hint_survives_a_language_switch(window, qtbot):
    """The scenario's application date says what empty means (the project's date); after a switch to Japanese it
    read the date format instead until the file was opened again (a fresh user's finding)."""
    from pathlib import Path

    from hsp_wizard.ui.widgets.scenarios_panel import ScenariosPanel
    from tests.ui.test_accessibility import ja
    w = window
    w.open_path(str(Path(__file__).resolve().parents[2] / "examples" / "planning-b.hspw"), ask=False)
    panel = w.findChild(ScenariosPanel)
    assert panel is not None and panel.planned.placeholderText().startswith("empty: the project's")
    ja(w, qtbot)
    qtbot.waitUntil(lambda: panel.planned.placeholderText().startswith("空欄"), timeout=2000)
    QApplication.processEvents()
    assert panel.planned.placeholderText().startswith("空欄"), panel.planned.placeholderText()
    assert w.wizard.page(1).birth.placeholderText() == "YYYY-MM-DD（西暦の年-月-日）"  # no 2026 example for a birth date


def test_a_question_never_answered_does_not_read_as_an_answer_given(window):
    """'Other requirements' opened on 'Not sure' for taxes, guarantor, landing criteria…: an answer the person never
    gave, beside relations reading 'Not answered' (a fresh user's finding). The unknown answer reads as both."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from hsp_wizard.ui.wizard import PageId
    w = window
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    w.wizard.jump_to(PageId.REQUIREMENTS)
    page = w.wizard.currentPage()
    for box in (page.taxes, page.guarantor, page.landing, page.child_kind):
        assert box.currentText() == "Not answered or not sure", box.currentText()
