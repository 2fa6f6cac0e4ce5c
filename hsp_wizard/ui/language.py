"""The display language of the running app: our catalogs (hsp_wizard.i18n) and Qt's own translations for
standard buttons and dialogs (qtbase_<lang>.qm through a QTranslator). Switching posts LanguageChange, and
every page re-translates itself; nothing is rebuilt, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from hsp_wizard.i18n import LANGUAGES, N_, _, set_language

_qt_translator: QTranslator | None = None
_gaps_translator: QTranslator | None = None


class QtGaps(QTranslator):
    """Qt's own texts that its Japanese catalog lacks. Qt 6.11's file dialog asks for "&Look in:" and "Files of
    &type:", while qtbase_ja.qm still holds the older "Look in:" and "Files of type:": those two from our catalog.
    It names a folder's, drive's or file's type in the context "QAbstractFileIconProvider", while qtbase_ja.qm holds
    the same texts ("Folder", "%1 File", ...) under "QFileDialog", where Qt asked before: those from Qt's own
    catalog, under the old context ("Folder" showed in English in the Japanese file dialog). Installed after
    qtbase's, so asked first; None for anything else (a null string: Qt asks the next translator; an empty one
    would stop it there)."""

    GAPS = {("QFileDialog", "&Look in:"): N_("&Look in:"), ("QFileDialog", "Files of &type:"): N_("Files of &type:")}
    MOVED = {"QAbstractFileIconProvider": "QFileDialog"}  # Qt 6's context -> the one qtbase_<lang>.qm has

    def __init__(self, parent=None, qt: QTranslator | None = None):
        super().__init__(parent)
        self.qt = qt  # Qt's own catalog for the language, when it loaded

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt's name)
        old_context = self.MOVED.get(context)
        if old_context is not None:
            text = self.qt.translate(old_context, source, disambiguation, n) if self.qt is not None else ""
            return text or None
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


def qt_locale(lang: str) -> QLocale:
    """The locale Qt writes its own dates and numbers in: Japan's in Japanese; in English the system's (a person's
    own way of writing dates), unless it is no language at all (the "C" locale of a bare system, whose dates read
    "3 12 2026"): then British English, whose day-month order is the app's own ("3 Dec 2026")."""
    if lang == "ja":
        return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    system = QLocale.system()
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system


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
        _gaps_translator = QtGaps(app, _qt_translator)
        app.installTranslator(_gaps_translator)
    QLocale.setDefault(qt_locale(lang))  # dates and numbers Qt itself writes (the file dialog's "Date Modified")
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))  # compressed with Qt's own
    return loaded


__all__ = ["apply_language", "initial_language"]
