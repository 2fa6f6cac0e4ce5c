"""The display language of the running app: our catalogs (hsp_wizard.i18n) and Qt's own translations for
standard buttons and dialogs (qtbase_<lang>.qm through a QTranslator). Switching posts LanguageChange, and
every page re-translates itself; nothing is rebuilt, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from hsp_wizard.i18n import LANGUAGES, set_language

_qt_translator: QTranslator | None = None


def initial_language(store: QSettings) -> str:
    """The language chosen last time, else the system's (Japanese systems start in Japanese)."""
    saved = store.value("language", "")
    if saved in LANGUAGES:
        return saved
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_language(lang: str) -> bool:
    """Make `lang` the display language. Our texts always switch; returns False when Qt's own translation for
    it (standard buttons and dialogs) could not be loaded. Widgets re-translate on the LanguageChange posted."""
    global _qt_translator
    app = QCoreApplication.instance()
    set_language(lang)
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    loaded = lang == "en"  # English is Qt's own language
    if not loaded:
        translator = QTranslator(app)
        loaded = translator.load(f"qtbase_{lang}", qt_translations_folder())
        if loaded:
            app.installTranslator(translator)
            _qt_translator = translator
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))  # compressed with Qt's own
    return loaded


__all__ = ["apply_language", "initial_language"]
