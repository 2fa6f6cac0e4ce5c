"""The display language of the running app: our catalogs (hsp_wizard.i18n) and Qt's own translations for
standard buttons and dialogs (qtbase_<lang>.qm through a QTranslator). Switching posts LanguageChange, and
every page re-translates itself; nothing is rebuilt, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from hsp_wizard.i18n import LANGUAGES, N_, _, set_language

_qt_translator: QTranslator | None = None
_gaps_translator: QTranslator | None = None


class QtGaps(QTranslator):
    """Qt's own texts that its Japanese catalog lacks, from our catalog: Qt 6.11's file dialog asks for "&Look in:"
    and "Files of &type:", while qtbase_ja.qm still holds the older "Look in:" and "Files of type:" (those two showed
    in English among Japanese labels). Installed after qtbase's, so asked first; None for anything else (a null
    string: Qt asks the next translator; an empty one would stop it there)."""

    GAPS = {("QFileDialog", "&Look in:"): N_("&Look in:"), ("QFileDialog", "Files of &type:"): N_("Files of &type:")}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt's name)
        msgid = self.GAPS.get((context, source))
        if msgid is None:
            return None
        text = _(msgid)
        return None if text == msgid else text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


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
    global _qt_translator, _gaps_translator
    app = QCoreApplication.instance()
    set_language(lang)
    for old in (_qt_translator, _gaps_translator):
        if old is not None:
            app.removeTranslator(old)
    _qt_translator = _gaps_translator = None
    loaded = lang == "en"  # English is Qt's own language
    if not loaded:
        translator = QTranslator(app)
        loaded = translator.load(f"qtbase_{lang}", qt_translations_folder())
        if loaded:
            app.installTranslator(translator)
            _qt_translator = translator
        _gaps_translator = QtGaps(app)
        app.installTranslator(_gaps_translator)
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))  # compressed with Qt's own
    return loaded


__all__ = ["apply_language", "initial_language"]
