"""The step list beside the pages: every step with its state (not started, done, needs attention); a click
or Enter jumps to that page, forward too. Under the household step, one line per member with their state (can
apply with you from a date, needs facts); choosing it opens the household page on that member. After a 'change'
link, a button leads back to the results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from hsp_wizard.i18n import _
from hsp_wizard.ui.steps import STATE_NAMES, STEPS, TITLES, State, Step, attention_reason, step_states

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # a household member's line: the member's index

MARKS = {State.NOT_STARTED: "○", State.DONE: "✓", State.ATTENTION: "!"}
ATTENTION = QColor("#b00020")


class StepList(QWidget):
    """Steps in order; `jump_requested(page_id)` when one is chosen, `back_to_results` from the button."""

    jump_requested = Signal(int)
    member_requested = Signal(int)  # a household member's line was chosen: the member's index
    members_stale = Signal()        # the language changed: the members' lines are to be worded again
    back_to_results = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.list = QListWidget(self)
        self.title.setBuddy(self.list)
        self.list.setMinimumWidth(150)
        self.list.setWordWrap(True)  # a long step name wraps rather than scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMaximumWidth(210)
        for step in STEPS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, int(step))
            self.list.addItem(item)
        self.back = QPushButton(self)
        self.back.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 0, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.back)
        self.states: dict[Step, State] = {s: State.NOT_STARTED for s in STEPS}
        self.reasons: dict[Step, str] = {}  # why each step that needs attention does, in words
        self._project = None  # the project the states were read from (the reasons are worded again from it)
        self.members: list[tuple[int, str, str, bool]] = []  # (index, text, tooltip, needs attention)
        self.current: int | None = None
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        self.back.clicked.connect(self.back_to_results)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(_("S&teps"))
        self.title.setAccessibleName(_("Steps"))  # without its access key, as a screen reader says it
        self.list.setAccessibleName(_("Steps"))
        self.back.setText(_("Back to the &results"))
        self.back.setAccessibleName(_("Back to the results"))
        if self._project is not None:
            self.reasons = {step: attention_reason(self._project, step) for step in self.reasons}
        self._render()
        if self.members:
            self.members_stale.emit()

    def set_states(self, project, visited: set[int], current: int | None) -> None:
        states = step_states(project, visited, current)
        reasons = {step: attention_reason(project, step) for step, state in states.items()
                   if state == State.ATTENTION}
        if states == self.states and current == self.current and reasons == self.reasons:
            return  # most edits change no step's state: nothing to redraw
        self.states, self.reasons, self._project = states, reasons, project
        self.current = current
        self._render()

    def set_members(self, rows: list[tuple[int, str, str, bool]]) -> None:
        """The household members' lines under the household step (ui.steps.member_rows), in the current language."""
        if rows == self.members:
            return
        self.members = rows
        blocked = self.list.blockSignals(True)
        at = next(r for r in range(self.list.count())
                  if self.list.item(r).data(Qt.ItemDataRole.UserRole) == int(Step.HOUSEHOLD)) + 1
        while at < self.list.count() and self.list.item(at).data(MEMBER_ROLE) is not None:
            self.list.takeItem(at)
        for n, (index, text, tip, attention) in enumerate(rows):
            item = QListWidgetItem(self._indent(), text)  # under the step, wrapped lines too
            item.setData(Qt.ItemDataRole.UserRole, int(Step.HOUSEHOLD))
            item.setData(MEMBER_ROLE, index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, tip)  # with the member's kind
            item.setToolTip(tip)
            item.setForeground(QBrush(ATTENTION) if attention else QBrush())
            self.list.insertItem(at + n, item)
        self.list.blockSignals(blocked)

    def _indent(self) -> QIcon:
        """A blank icon as wide as the step's mark: a member's line, wrapped lines too, sits under its step's name
        (a list has no tree lines)."""
        if not hasattr(self, "_blank"):
            width = max(8, self.list.fontMetrics().horizontalAdvance("✓ "))
            blank = QPixmap(width, 1)
            blank.fill(Qt.GlobalColor.transparent)
            self._blank = QIcon(blank)
            self.list.setIconSize(blank.size())
        return self._blank

    def show_back(self, shown: bool) -> None:
        self.back.setVisible(shown)

    def _render(self) -> None:
        blocked = self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(MEMBER_ROLE) is not None:
                continue  # a member's line: its own text (set_members)
            step = Step(item.data(Qt.ItemDataRole.UserRole))
            state = self.states[step]
            title, state_name = _(TITLES[step]), _(STATE_NAMES[state])
            item.setText(_("{mark} {title}").format(mark=MARKS[state], title=title))
            said = _("{title}: {state}").format(title=title, state=state_name)
            if self.reasons.get(step):
                said = _("{title}: {state}: {reason}").format(title=title, state=state_name,
                                                             reason=self.reasons[step])
            item.setData(Qt.ItemDataRole.AccessibleTextRole, said)
            item.setToolTip(said)
            item.setForeground(QBrush(ATTENTION) if state == State.ATTENTION else QBrush())
            item.setSelected(int(step) == self.current)  # the current page: highlighted, not bold (no wider)
        self.list.blockSignals(blocked)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        if item.data(MEMBER_ROLE) is not None:
            self.member_requested.emit(int(item.data(MEMBER_ROLE)))


__all__ = ["StepList"]
