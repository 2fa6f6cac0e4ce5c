"""The crash-recovery prompt: what an autosave would restore, and the choice to restore it, discard it or
decide later. Nothing is restored without the user's answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from babel.lists import format_list
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from hsp_wizard.domain.explain import Msg
from hsp_wizard.i18n import N_
from hsp_wizard.presentation import Renderer
from hsp_wizard.ui.texts import Texts
from hsp_wizard.ui.wizard import PART_LABELS  # the project's parts as the prompt names them (the page table)


class Choice(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class SourceState(Enum):
    NEW = "new"              # never saved
    SAVED = "saved"          # the file is there and was read: `parts` are what differs from it
    MISSING = "missing"      # the file is no longer there
    UNREADABLE = "unreadable"


@dataclass
class RecoveryInfo:
    saved_at: datetime | None
    source: Path | None
    state: SourceState
    parts: list[str] = field(default_factory=list)  # Project field names
    person: str | None = None


def describe(info: RecoveryInfo, r: Renderer) -> list[str]:
    """The prompt's paragraphs in the current language."""
    out = []
    if info.saved_at is not None:
        local = info.saved_at.astimezone()
        out.append(r.msg(Msg.of(N_("HSP Wizard did not close properly. It kept a copy of your unsaved work from "
                                   "{day} at {time}."), day=local.date(), time=local.strftime("%H:%M"))))
    else:
        out.append(r.tr(N_("HSP Wizard did not close properly. It kept a copy of your unsaved work.")))
    if info.source is None:
        out.append(r.tr(N_("Project: a new project that was never saved.")))
    else:
        out.append(r.msg(Msg.of(N_("Project: {file} in {folder}"), file=info.source.name,
                                folder=str(info.source.parent))))
    if info.person:
        out.append(r.msg(Msg.of(N_("Name in the project: {name}"), name=info.person)))
    labels = [r.tr(PART_LABELS[p]) for p in info.parts]  # every field has one (tested)
    parts = format_list(labels, locale=r.lang) if labels else ""
    if info.state is SourceState.SAVED:
        out.append(r.msg(Msg.of(N_("Changed since the file was last saved: {parts}"), parts=parts))
                   if parts else r.tr(N_("It holds nothing that differs from the saved file.")))
    else:
        if info.state is SourceState.MISSING:
            out.append(r.tr(N_("The project file is no longer there; restoring brings the work back and you "
                               "can save it again.")))
        elif info.state is SourceState.UNREADABLE:
            out.append(r.tr(N_("The project file cannot be read now, so the copy cannot be compared with it.")))
        out.append(r.msg(Msg.of(N_("It holds: {parts}"), parts=parts)) if parts
                   else r.tr(N_("It holds an empty project.")))
    out.append(r.tr(N_("Restore opens the copy as unsaved work; save it to keep it. Discard deletes the copy. "
                       "Later keeps it and asks again at the next start.")))
    return out


class RecoveryDialog(QDialog):
    """Shows `describe(info)` with Restore (the default), Discard and Later; `choice` after exec()."""

    def __init__(self, info: RecoveryInfo, parent=None):
        super().__init__(parent)
        self.info = info
        self.choice = Choice.LATER
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, N_("Restore unsaved work?"))
        layout = QVBoxLayout(self)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setMinimumWidth(460)
        layout.addWidget(self.body)
        self.texts.call(self._show)
        self.buttons = QDialogButtonBox(self)
        self.restore = self._button(N_("&Restore"), Choice.RESTORE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard = self._button(N_("&Discard"), Choice.DISCARD, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later = self._button(N_("&Later"), Choice.LATER, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore.setDefault(True)
        self.restore.setFocus()
        layout.addWidget(self.buttons)

    def _button(self, msgid: str, choice: Choice, role) -> QPushButton:
        button = QPushButton(self)
        self.texts.bind_named(button, msgid)  # named without "(R)" in Japanese
        self.buttons.addButton(button, role)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice is Choice.RESTORE else QDialog.DialogCode.Rejected)

    def _show(self) -> None:
        self.body.setText("\n\n".join(describe(self.info, Renderer())))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
        super().changeEvent(event)
