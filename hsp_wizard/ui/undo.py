"""Undo and redo for every edit: a QUndoStack of project snapshots. Each change the pages write to the document
is one step (typing in one text field within a moment is merged into one); undoing puts the whole project back,
rows added or removed and rows kept as typed included.

Snapshots are shallow copies: the window never changes a part of the project in place, it sets a new value for a
top-level field (ProjectDocument.update), so a snapshot's parts are never changed after it is taken. A deep copy
per edit cost 20-30 ms on a busy project; a shallow one costs microseconds."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

UNDO_LIMIT = 200  # steps kept: a day of typing must not keep every snapshot

MERGE_SECONDS = 2.0  # keystrokes in the same field closer than this are one step
LISTS = frozenset({"degrees", "career", "salary", "research", "licences", "foreign_qualifications", "japanese",
                   "employer_facts", "positions", "investments", "jica_training", "residence", "trips",
                   "scenarios", "incomplete_rows"})


_EMPTY = object()  # the baseline is the empty project, not made yet


def _changed_fields(a, b) -> frozenset[str]:
    return frozenset(name for name in type(a).model_fields if getattr(a, name) != getattr(b, name))


class _Snapshot(QUndoCommand):
    def __init__(self, history: "UndoHistory", before, after):
        super().__init__()
        self.history = history
        self.before, self.after = before, after
        self.fields = _changed_fields(before, after)
        self.at = time.monotonic()
        self._done = True  # the edit is already in the document when the command is pushed

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        """Typing in one field (the same fields changed, no list among them) merges into one step."""
        if not isinstance(other, _Snapshot) or other.fields != self.fields or self.fields & LISTS:
            return False
        if other.at - self.at > MERGE_SECONDS:
            return False
        self.after, self.at = other.after, other.at
        return True

    def undo(self) -> None:
        self.history.restore(self.before)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.history.restore(self.after)


class UndoHistory(QObject):
    """Watches a ProjectDocument; `restored` fires after an undo or redo put a snapshot back (pages reload)."""

    restored = Signal()

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)  # a day of typing keeps a bounded history, not every snapshot
        self._restoring = False
        self._resetting = False
        self._last = None
        self._revision = getattr(doc, "revision", 0)
        doc.changed.connect(self._changed)
        self.stack.cleanChanged.connect(self._clean_changed)

    def reset(self) -> None:
        """A new or opened project: nothing to undo."""
        self._resetting = True
        try:
            self.stack.clear()
            if self.doc.dirty:
                self.stack.resetClean()  # an unsaved restore: no step of the history is the saved file
            else:
                self.stack.setClean()
        finally:
            self._resetting = False
        # the project as it is now; an empty one not yet made is made when the first edit needs it (start-up
        # then draws its first frame without importing the model)
        self._last = self.doc.project.model_copy() if getattr(self.doc, "made", True) else _EMPTY
        self._revision = getattr(self.doc, "revision", 0)

    def mark_saved(self) -> None:
        self.stack.setClean()

    def _changed(self) -> None:
        if self._restoring:
            return
        if self._last is None or getattr(self.doc, "revision", 0) != self._revision:
            self.reset()  # replaced, not edited
            return
        if self._last is _EMPTY:
            from hsp_wizard.domain.project import Project
            self._last = Project()  # what the document made on first use, before this edit
        now = self.doc.project.model_copy()
        if now == self._last:
            return
        before, self._last = self._last, now
        self.stack.push(_Snapshot(self, before, now))

    def restore(self, snapshot) -> None:
        self._restoring = True
        try:
            self.doc.project = snapshot.model_copy()
            self.doc.revision = getattr(self.doc, "revision", 0) + 1  # every page reloads when shown
            self._revision = self.doc.revision
            self._last = snapshot.model_copy()
            self.doc.set_dirty(True)
            self.doc.changed.emit()
            self.restored.emit()
        finally:
            self._restoring = False

    def _clean_changed(self, clean: bool) -> None:
        if not self._resetting:
            self.doc.set_dirty(not clean)  # undoing back to the saved state is saved again
