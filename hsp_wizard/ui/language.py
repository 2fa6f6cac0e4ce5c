"""The display language of the running app: our catalogs (hsp_wizard.i18n) and Qt's own translations for
standard buttons and dialogs (qtbase_<lang>.qm through a QTranslator). Switching posts LanguageChange, and
every page re-translates itself; nothing is rebuilt, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from hsp_wizard.i18n import LANGUAGES, current_language, set_language

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
    """Make `lang` the display language; False (and nothing changed) when Qt's translation for it is missing.
    English needs no Qt translation. Widgets re-translate on the LanguageChange this posts."""
    global _qt_translator
    app = QCoreApplication.instance()
    translator = None
    if lang != "en":
        translator = QTranslator(app)
        if not translator.load(f"qtbase_{lang}", qt_translations_folder()):
            return False
    set_language(lang)
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if translator is not None:
        app.installTranslator(translator)
        _qt_translator = translator
    else:  # nothing installed: tell the widgets ourselves
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    return True


__all__ = ["apply_language", "current_language", "initial_language"]
