"""The first page: language, new project, open a project, recent projects. Imports no domain code, so it
can be shown before the engine has loaded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QListWidget, QPushButton

from hsp_wizard.i18n import LANGUAGE_NAMES, N_, current_language
from hsp_wizard.ui.pages.base import BasePage


class WelcomePage(BasePage):
    """Language, new project, open a project, recent projects."""

    open_requested = Signal()
    new_requested = Signal()
    recent_requested = Signal(str)
    language_changed = Signal(str)

    def __init__(self, doc, recent: list[str]):
        super().__init__(doc, N_("Welcome to HSP Wizard"),
                         N_("Your Highly Skilled Professional points and the earliest date you can apply for "
                            "permanent residence, offline. Nothing you enter leaves this computer."))
        form = QFormLayout()
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():  # each language in its own name, never translated
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        form.addRow(self.label_for(N_("&Language:"), self.language), self.language)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.texts.bind_named(self.new_button, N_("Start a ne&w project"))
        self.texts.bind_named(self.open_button, N_("&Open a project…"))
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.recent = QListWidget(self)
        self.texts.bind(self.recent.setAccessibleName, N_("Recent projects"))
        self.recent.addItems(recent)
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.text()))
        self.body.addWidget(self.label_for(N_("&Recent projects:"), self.recent))
        self.body.addWidget(self.recent)
        self.language.currentIndexChanged.connect(self._language)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        """Next always leads on to the first question (the wizard builds the other pages first), so the Welcome
        page is never the last one and never offers Finish."""
        return 1

    def retranslate(self) -> None:
        super().retranslate()
        blocked = self.language.blockSignals(True)  # follow a change made from the menu
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.blockSignals(blocked)

    def _language(self) -> None:
        self.language_changed.emit(self.language.currentData())
