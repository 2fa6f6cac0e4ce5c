"""The first page: language, new project, open a project, recent projects. Imports no domain code, so it
can be shown before the engine has loaded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QPushButton

from hsp_wizard.i18n import _
from hsp_wizard.ui.pages.base import BasePage


class WelcomePage(BasePage):
    """Language, new project, open a project, recent projects."""

    open_requested = Signal()
    new_requested = Signal()
    recent_requested = Signal(str)
    language_changed = Signal(str)

    def __init__(self, doc, recent: list[str]):
        super().__init__(doc, _("Welcome to HSP Wizard"),
                         _("Your Highly Skilled Professional points and the earliest date you can apply for "
                           "permanent residence, offline. Nothing you enter leaves this computer."))
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        lang_label = QLabel(_("&Language:"), self)
        lang_label.setBuddy(self.language)
        form.addRow(lang_label, self.language)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.new_button = QPushButton(_("Start a ne&w project"), self)
        self.open_button = QPushButton(_("&Open a project…"), self)
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        recent_label = QLabel(_("&Recent projects:"), self)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(_("Recent projects"))
        recent_label.setBuddy(self.recent)
        self.recent.addItems(recent)
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.text()))
        self.body.addWidget(recent_label)
        self.body.addWidget(self.recent)
        self.language_note = QLabel(self)
        self.language_note.setWordWrap(True)
        self.body.addWidget(self.language_note)
        self.language.currentIndexChanged.connect(self._language)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)

    def _language(self) -> None:
        """Remember the choice; say plainly when its translations are not installed yet."""
        from hsp_wizard.i18n import has_catalog, set_language
        lang = self.language.currentData()
        set_language(lang)
        self.language_changed.emit(lang)
        self.language_note.setText("" if has_catalog(lang) else
                                   "日本語の表示はまだ準備中です（翻訳カタログが未導入）。"
                                   if lang == "ja" else "")
