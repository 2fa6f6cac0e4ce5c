"""The base of the pages made of list editors (education, career, salary, achievements, bonuses,
residence, requirements): each editor bound to a list field of the project."""

from __future__ import annotations

from hsp_wizard.domain.project import Project, max_length
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.widgets.list_editor import ListEditor


def choices(pairs):
    """(value, msgid) pairs for a choice column; the editor translates the labels when it shows them."""
    return list(pairs)


class ListPage(BasePage):
    """A page of one or more list editors, each bound to a list field of the project."""

    def add_list(self, field: str, title: str, columns, factory, extra=None, owner=Project) -> ListEditor:
        """A titled list editor for the list `field` of `owner` (the project, or a part of it); `title` and the
        headers are message ids. It holds at most as many rows as the model allows in that list."""
        editor = ListEditor(title, columns, factory, extra, self, limit=max_length(owner, field))
        self.body.addWidget(self.label_for(title, editor.table))
        self.body.addWidget(editor)
        editor.edited.connect(self.edited)
        self.editors = getattr(self, "editors", {})
        self.editors[field] = editor
        return editor

    def load(self) -> None:
        for field, editor in self.editors.items():
            editor.set_models(getattr(self.doc.project, field))

    def apply(self) -> None:
        updates = {}
        for field, editor in self.editors.items():
            models, errors = editor.models()
            editor.error.show_error("\n".join(errors))
            updates[field] = models
        self.doc.update(**updates)

    def retranslate(self) -> None:
        """Bound texts, and the row errors shown under each table (the project itself is not touched)."""
        super().retranslate()
        for editor in getattr(self, "editors", {}).values():
            if editor.error.text():
                editor.error.show_error("\n".join(editor.models()[1]))

    def isComplete(self) -> bool:  # noqa: N802
        return True
