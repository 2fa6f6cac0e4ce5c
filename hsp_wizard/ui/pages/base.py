"""The base of every page: it renders the project (`load`) and writes edits back (`apply`)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from hsp_wizard.ui.document import ProjectDocument


class BasePage(QWizardPage):
    """A thin view: the domain decides what is asked and derived; the page shows it and writes back."""

    def __init__(self, doc: ProjectDocument, title: str, subtitle: str = ""):
        super().__init__()
        self.doc = doc
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.body = QVBoxLayout(self)
        self._loading = False

    def help_text(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.body.addWidget(label)
        return label

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
