"""The base of every page: it renders the project (`load`), writes edits back (`apply`) and re-translates
itself when the language changes (`retranslate`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from hsp_wizard.i18n import _
from hsp_wizard.ui.accessibility import plain, set_name
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.texts import Texts


class BasePage(QWizardPage):
    """A thin view: the domain decides what is asked and derived; the page shows it and writes back.
    `title` and `subtitle` are message ids (marked with N_), translated here and on each language change."""

    def __init__(self, doc: ProjectDocument, title: str, subtitle: str = ""):
        super().__init__()
        self.doc = doc
        self.texts = Texts()
        self.texts.bind(self.setTitle, title)
        if subtitle:
            self.texts.bind(self.setSubTitle, subtitle)
        self.body = QVBoxLayout(self)
        self._loading = False

    def help_text(self, msgid: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        self.texts.bind(label.setText, msgid)
        self.body.addWidget(label)
        return label

    def label_for(self, msgid: str, buddy: QWidget) -> QLabel:
        """A translated label whose mnemonic moves the focus to `buddy`."""
        label = QLabel(self)
        self.texts.bind_named(label, msgid)
        self.texts.call(lambda: set_name(buddy, plain(_(msgid)).rstrip(":：").strip()))  # Qt's keeps "(D)"
        label.setBuddy(buddy)
        return label

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-apply every bound text; pages with computed texts refresh them too."""
        self.texts.apply()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self._loading = True
        self.load()
        self._loading = False

    def load(self) -> None:
        """Fill the widgets from the project."""

    def apply(self) -> None:
        """Write the widgets' valid values to the project."""

    def edited(self, *_args) -> None:
        if not self._loading:
            self.apply()
