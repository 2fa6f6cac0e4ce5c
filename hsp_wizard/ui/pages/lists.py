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
        drafts = self.doc.project.incomplete_rows
        for field, editor in self.editors.items():
            editor.set_models(getattr(self.doc.project, field), drafts.get(field, []))

    def apply(self) -> None:
        updates, drafts = {}, {}
        for field, editor in self.editors.items():
            models, errors = editor.models()
            editor.error.show_error("\n".join(errors))
            updates[field] = self.read_as(field, editor, models)
            drafts[field] = editor.drafts()
        self.doc.update(**updates, **self.more_updates(), incomplete_rows=merge_drafts(self.doc.project, drafts))

    def read_as(self, field: str, editor: ListEditor, models: list) -> list:
        """The valid rows of `field` as the project takes them (a page may read rows together: the residence page
        joins statuses typed as months back to back)."""
        return models

    def more_updates(self) -> dict:
        """Fields of the page besides its lists, written in the same update (one undo step per edit)."""
        return {}

    def reveal_errors(self) -> set[str]:
        """Next was pressed: every row's problem and every field's shows."""
        shown = super().reveal_errors()
        for field, editor in getattr(self, "editors", {}).items():
            if editor.isVisible():
                editor.reveal()
                shown |= {f"{field}:{m}" for m in editor.show_errors()}
        return shown

    def retranslate(self) -> None:
        """Bound texts, and the row errors shown under each table (the project itself is not touched)."""
        super().retranslate()
        for editor in getattr(self, "editors", {}).values():
            if editor.error.text():
                editor.error.show_error("\n".join(editor.models()[1]))

    def isComplete(self) -> bool:  # noqa: N802
        return True


def merge_drafts(project, drafts: dict[str, list[dict]]) -> dict:
    """The project's rows kept as typed, with those of `drafts`' lists replaced (an empty list drops the key)."""
    from hsp_wizard.domain.project import IncompleteRow
    out = dict(project.incomplete_rows)
    for field, rows in drafts.items():
        if rows:
            out[field] = [IncompleteRow(**r) for r in rows]
        else:
            out.pop(field, None)
    return out
