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
