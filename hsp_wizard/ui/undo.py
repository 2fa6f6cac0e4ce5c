"""Undo and redo for every edit: a history of project snapshots. Each change the pages write to the document
is one step (typing in one text field within a moment is merged into one); undoing puts the whole project back,
rows added or removed and rows kept as typed included.

Snapshots are shallow copies: the window never changes a part of the project in place, it sets a new value for a
top-level field (ProjectDocument.update), so a snapshot's parts are never changed after it is taken. A deep copy
per edit cost 20-30 ms on a busy project; a shallow one costs microseconds."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

UNDO_LIMIT = 200  # steps kept: a day of typing must not keep every snapshot

MERGE_SECONDS = 2.0  # keystrokes in the same field closer than this are one step
LISTS = frozenset({"degrees", "career", "salary", "research", "licences", "foreign_qualifications", "japanese",
                   "employer_facts", "positions", "investments", "jica_training", "residence", "trips",
                   "scenarios", "incomplete_rows"})


_EMPTY = object()  # the baseline is the empty project, not made yet


def _changed_fields(a, b) -> frozenset[str]:
    return frozenset(name for name in type(a).model_fields if getattr(a, name) != getattr(b, name))


class _Step:
    """One undoable edit: the project before and after it."""

    __slots__ = ("before", "after", "fields", "at")

    def __init__(self, before, after):
        self.before, self.after = before, after
        self.fields = _changed_fields(before, after)
        self.at = time.monotonic()

    def absorbs(self, other: "_Step") -> bool:
        """Typing in one field (the same fields changed, no list among them) merges into one step."""
        if other.fields != self.fields or self.fields & LISTS or other.at - self.at > MERGE_SECONDS:
            return False
        self.after, self.at = other.after, other.at
        return True


class UndoHistory(QObject):
    """Watches a ProjectDocument and keeps its last UNDO_LIMIT steps; `restored` fires after an undo or redo put a
    snapshot back (pages reload).

    The history is plain Python rather than a QUndoStack: a QUndoStack deletes a command it merges or drops past its
    limit on the C++ side only, while PySide keeps the Python command (and the two projects it holds) alive as a
    child of the stack, so a day of typing kept every keystroke's snapshot (the soak test's None count). The
    signals and the clean state follow QUndoStack's."""

    restored = Signal()
    canUndoChanged = Signal(bool)  # noqa: N815 (Qt's names, as QUndoStack's)
    canRedoChanged = Signal(bool)  # noqa: N815
    cleanChanged = Signal(bool)  # noqa: N815

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._steps: list[_Step] = []
        self._index = 0  # steps before this one are done
        self._clean: int | None = 0  # the index that is the saved file; None when no step is
        self._restoring = False
        self._resetting = False
        self._last = None
        self._revision = getattr(doc, "revision", 0)
        self.last_fields: frozenset[str] = frozenset()  # the project's fields the last undo or redo put back
        self.last_was_undo = True
        doc.changed.connect(self._changed)
        self.cleanChanged.connect(self._clean_changed)

    # ------------------------------------------------------------------ the state, as QUndoStack tells it
    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._steps)

    def is_clean(self) -> bool:
        return self._clean == self._index

    def count(self) -> int:
        return len(self._steps)

    def _state(self) -> tuple[bool, bool, bool]:
        return self.can_undo(), self.can_redo(), self.is_clean()

    def _tell(self, before: tuple[bool, bool, bool]) -> None:
        now = self._state()
        for signal, was, is_ in zip((self.canUndoChanged, self.canRedoChanged, self.cleanChanged), before, now):
            if was != is_:
                signal.emit(is_)

    # ------------------------------------------------------------------ what the window calls
    def reset(self) -> None:
        """A new or opened project: nothing to undo."""
        was = self._state()
        self._resetting = True
        try:
            self._steps.clear()
            self._index = 0
            self._clean = None if self.doc.dirty else 0  # an unsaved restore: no step of the history is the file
            self._tell(was)
        finally:
            self._resetting = False
        # the project as it is now; an empty one not yet made is made when the first edit needs it (start-up
        # then draws its first frame without importing the model)
        self._last = self.doc.project.model_copy() if getattr(self.doc, "made", True) else _EMPTY
        self._revision = getattr(self.doc, "revision", 0)

    def mark_saved(self) -> None:
        was = self._state()
        self._clean = self._index
        self._tell(was)

    def undo(self) -> None:
        if not self.can_undo():
            return
        was = self._state()
        self._index -= 1
        self.last_fields, self.last_was_undo = self._steps[self._index].fields, True
        self.restore(self._steps[self._index].before)
        self._tell(was)

    def redo(self) -> None:
        if not self.can_redo():
            return
        was = self._state()
        self._index += 1
        self.last_fields, self.last_was_undo = self._steps[self._index - 1].fields, False
        self.restore(self._steps[self._index - 1].after)
        self._tell(was)

    # ------------------------------------------------------------------ edits
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
        self._push(_Step(before, now))

    def _push(self, step: _Step) -> None:
        was = self._state()
        del self._steps[self._index:]  # what could be redone is gone
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        top = self._steps[-1] if self._steps else None
        if top is not None and self._index != self._clean and top.absorbs(step):
            self._tell(was)
            return
        self._steps.append(step)
        self._index += 1
        dropped = len(self._steps) - UNDO_LIMIT
        if dropped > 0:
            del self._steps[:dropped]
            self._index -= dropped
            if self._clean is not None:
                self._clean = self._clean - dropped if self._clean >= dropped else None
        self._tell(was)

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
