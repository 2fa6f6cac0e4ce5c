"""The open project: the model being edited, its file, and whether it has unsaved changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal


class ProjectDocument(QObject):
    """One project in the window. Pages write to it; the points panel and results listen to `changed`."""

    changed = Signal()
    dirty_changed = Signal(bool)
    path_changed = Signal()

    def __init__(self, project=None, path: Path | None = None):
        super().__init__()
        self._project = project
        self.path = path
        self._dirty = False
        self.migrated_from: int | None = None  # the schema version of the file, when it was older
        self.revision = 0  # counts replacements (new, open, restore): pages loaded before one reload
        self.key = None  # a password's SealKey while the project is protected: saves and autosaves are encrypted
        self._plan = None  # (key, Plan): the current plan, by the project's content and the day
        self.plans_made = 0  # how many plans were evaluated (bench/edit_to_results.py reads it)

    @property
    def project(self):
        """The project; an empty one is made on first use (the model's import is not needed to start)."""
        if self._project is None:
            from hsp_wizard.domain.project import Project
            self._project = Project()
        return self._project

    @project.setter
    def project(self, value) -> None:
        self._project = value

    @property
    def made(self) -> bool:
        """Whether the project exists yet: until something asks for it, it is the empty project (and the window
        can draw its first frame without importing the model)."""
        return self._project is not None

    def plan(self, today=None):
        """The plan of the project as it is now (hsp_wizard.domain.plan): made once after an edit, then shared by
        every view and by printing until the project's content (or the day) changes; each of its parts (points,
        evaluation, timeline, suggestions) is computed once, when a view first asks for it."""
        from datetime import date
        from hsp_wizard.domain.plan import make_plan
        today = today or date.today()
        # A shallow copy is the plan's own project: edits replace the project's fields and never change a part
        # in place (`update`, and the undo history's snapshots, rest on the same rule), so the plan never sees a
        # later edit. Equal copies (an undo back, an edit that changed nothing) share one plan: comparing them is
        # mostly identity, as the unchanged fields are the same objects.
        snapshot = self.project.model_copy()
        if self._plan is None or self._plan[0] != (today, snapshot):
            previous = self._plan[1] if self._plan is not None else None
            self._plan = ((today, snapshot), make_plan(snapshot, today, previous=previous))
            self.plans_made += 1
        return self._plan[1]

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def update(self, **fields) -> None:
        """Set top-level fields (already valid values) and tell the listeners. Parts of the project are never
        changed in place, only replaced here: undo keeps shallow snapshots (ui/undo.py)."""
        changed = False
        for name, value in fields.items():
            current = getattr(self.project, name)
            value = _shared(current, value)  # then comparing the lists is mostly identity
            if current != value:
                setattr(self.project, name, value)
                changed = True
        if changed:
            self.set_dirty(True)
            self.changed.emit()

    def replace(self, project, path: Path | None, key=None, dirty: bool = False) -> None:
        self.revision += 1
        self.project = project
        self.path = path
        self.key = key
        self.set_dirty(dirty)
        self.path_changed.emit()
        self.changed.emit()


def _shared(current, value):
    """`value`, with each row equal to the row in the same place of `current` replaced by that row: an edited
    list keeps its unchanged rows as the same objects, so the undo history's snapshots share them (a day of row
    edits costs a list of references per step, not a copy of every row; the soak test counts them)."""
    if not (isinstance(current, list) and isinstance(value, list)):
        return value
    return [old if i < len(current) and (old := current[i]) == new else new for i, new in enumerate(value)]
