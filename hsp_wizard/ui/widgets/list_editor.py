"""An editable list of dated facts (degrees, periods, trips...): one row per item, typed columns, row errors
shown under the table once the row is left (or Next pressed), valid rows written to the project and the others
kept as typed (`drafts`), so nothing typed is lost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QStyledItemDelegate, QTableWidget, QTableWidgetItem, QToolTip,
                               QVBoxLayout, QWhatsThis, QWidget)

from hsp_wizard.domain.explain import Msg, Term
from hsp_wizard.domain.project import error_reason, max_length
from hsp_wizard.i18n import N_, _
from hsp_wizard.parsing import ParseError, format_yen_input, parse_date, parse_whole, parse_yen
from hsp_wizard.presentation import Renderer
from hsp_wizard.ui.accessibility import plain, set_description, set_name
from hsp_wizard.ui.widgets.fields import ErrorLabel

INVALID = QBrush(QColor("#fde7ea"))
REVEALED = Qt.ItemDataRole.UserRole + 1  # on a row's first item: the row was left, its errors may show
MAX_TYPED_WIDTH = 150  # px: a date, an amount or a tick box needs no more, however long its header
WRAP_WIDTH = 80  # px: a short column's header wider than this goes on two lines
SAMPLE = {"date": "2026-12-31", "yen": "10,000,000,000"}  # the widest value a typed column must show


@dataclass
class Column:
    """One column: the model field, its header, how to read it. `header` and the choices' labels are message
    ids (marked with N_); the editor translates them, again on each language change."""

    key: str
    header: str
    kind: str = "text"  # text | date | yen | int | choice | bool
    choices: list[tuple[str, str | Callable[[], str]]] = field(default_factory=list)  # (value, label)
    required: bool = False
    month: str | None = None  # a date column that takes year-month: "first" or "last" day of that month
    rows: tuple[str, ...] = ()  # the point rows this column feeds: its tooltip and F1 help say what counts
    blank: bool = False  # a choice a new row leaves unchosen (never a guess the person did not make); required

    def date_from(self, text: str):
        return parse_date(text, month=self.month)

    def label_of(self, value: object) -> str:
        """A choice's label in the current language: a message id, or a function for labels made from data."""
        label = dict(self.choices).get(value)
        if label is None:
            return str(value)
        return label() if callable(label) else _(label)


def name_editor(editor: QWidget, column: Column, index) -> QWidget:
    """A cell's editor (F2) named by its column and row, and described by the row's error if it has one. On
    Linux Qt names a combo box by its current value whatever its accessible name: there the column and row go
    in the description, before the error."""
    where = _("{column}, row {row}").format(column=plain(_(column.header)), row=index.row() + 1)
    error = index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or ""
    editor.setAccessibleName(where)
    editor.setAccessibleDescription("\n".join(filter(None, (where, error))) if isinstance(editor, QComboBox)
                                    else error)
    return editor


class NamedDelegate(QStyledItemDelegate):
    """The default editor of a typed cell, named for screen readers; a text cell's capped at the longest text the
    model holds in that field (`limit`)."""

    def __init__(self, column: Column, parent=None, limit: int | None = None):
        super().__init__(parent)
        self.column = column
        self.limit = limit

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        if self.limit and isinstance(editor, QLineEdit):
            editor.setMaxLength(self.limit)
        return name_editor(editor, self.column, index)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box as the cell's editor: arrows move between cells, F2 or typing opens the choices."""

    def __init__(self, column: Column, parent=None):
        super().__init__(parent)
        self.column = column

    def createEditor(self, parent, option, index):  # noqa: N802
        box = name_editor(QComboBox(parent), self.column, index)
        if self.column.blank:
            box.addItem("", None)  # nothing chosen yet
        for value, _label in self.column.choices:
            box.addItem(self.column.label_of(value), value)
        # the list opens as wide as its longest choice, however narrow the column
        metrics = box.view().fontMetrics()
        box.view().setMinimumWidth(max(metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())) + 32)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.UserRole)
        editor.setCurrentIndex(0 if value is None else max(0, editor.findData(value)))

    def helpEvent(self, event, view, option, index):  # noqa: N802
        """Hovering a choice with no message of its own shows it whole (a long status is cut short in its cell)."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if event.type() == QEvent.Type.ToolTip and text and not index.data(Qt.ItemDataRole.ToolTipRole):
            QToolTip.showText(event.globalPos(), text, view)
            return True
        return super().helpEvent(event, view, option, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
        model.setData(index, None if editor.currentData() is not None else _("blank"),
                      Qt.ItemDataRole.AccessibleTextRole)  # a cell left unchosen is read as blank


class ListEditor(QWidget):
    """A table of rows for one list of the project."""

    edited = Signal()

    def __init__(self, title: str, columns: list[Column], factory: type[BaseModel],
                 extra: Callable[[BaseModel], str] | None = None, parent=None, limit: int | None = None):
        """`title` is a message id, like the columns' headers; `limit` the most rows the project's list holds
        (the model's own number): at it, Add is disabled and a note says why."""
        super().__init__(parent)
        self.title = title
        self.limit = limit
        self.columns = columns
        self.factory = factory
        self.extra_check = extra
        self._outcomes: dict[int, tuple[tuple, tuple[str, object]]] = {}  # row -> (its cells, what they read as)
        self._loading = False
        self.table = QTableWidget(0, len(columns), self)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(48)
        for col, c in enumerate(columns):  # text stretches; short typed columns are sized in retranslate()
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if c.kind in ("text", "choice")
                                        else QHeaderView.ResizeMode.Interactive)
        if not any(c.kind in ("text", "choice") for c in columns):
            header.setStretchLastSection(True)  # nothing stretches: the last column takes the spare room
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it, F2 edits
        self._delegates = []
        for col, c in enumerate(columns):
            if c.kind != "bool":
                limit = max_length(factory, c.key) if c.kind == "text" and c.key in factory.model_fields else None
                d = ChoiceDelegate(c, self.table) if c.kind == "choice" else NamedDelegate(c, self.table, limit)
                self._delegates.append(d)
                self.table.setItemDelegateForColumn(col, d)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self._changed)
        self.table.currentCellChanged.connect(self._row_left)
        self.table.installEventFilter(self)  # Enter in the table edits its cell (`eventFilter`)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.note = QLabel(self)  # how a month without a day is read, when a column takes one
        self.note.setWordWrap(True)
        self.note.setVisible(any(c.month for c in columns))
        self.full_note = QLabel(self)  # at the limit: why Add is disabled
        self.full_note.hide()
        self.retranslate()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.full_note)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        lay.addWidget(self.note)
        lay.addWidget(self.error)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        """Enter on a cell of the table (not being edited) opens the cell's editor, as F2 does, and a tick box is
        ticked or cleared; the key stays in the table. Qt's table passes it on, and the wizard took it as Next: a
        person in a table left the page by pressing Enter (a fresh user's finding). In a cell's editor Enter still
        commits (the editor has the key, not the table)."""
        if obj is self.table and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.table.state() != QAbstractItemView.State.EditingState:
            index = self.table.currentIndex()
            if index.isValid():
                item = self.table.item(index.row(), index.column())
                if self.columns[index.column()].kind == "bool" and item is not None:
                    item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                                       else Qt.CheckState.Checked)
                else:
                    self.table.edit(index)
            return True
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        """Headers, buttons and the labels of chosen values in the current language; typed text is kept."""
        title = plain(_(self.title))
        metrics = self.table.horizontalHeader().fontMetrics()
        # a short column's long header goes on two lines, so it shows whole without crowding out the text columns
        self.table.setHorizontalHeaderLabels([
            _(c.header) if c.kind in ("text", "choice") else two_lines(_(c.header), metrics, WRAP_WIDTH)
            for c in self.columns])
        header = self.table.horizontalHeader()
        for col, c in enumerate(self.columns):
            self.table.horizontalHeaderItem(col).setToolTip(self.column_help(col))
            if c.kind not in ("text", "choice"):  # fit the header, but never crowd out the text columns
                room = self.table.fontMetrics().horizontalAdvance(SAMPLE.get(c.kind, "")) + 16
                header.resizeSection(col, max(room, min(header.sectionSizeHint(col), MAX_TYPED_WIDTH)))
            else:  # a text or choice column keeps at least its header's width
                header.setMinimumSectionSize(48)
        set_name(self.table, title)
        self.note.setText(month_note(self.columns))
        self.add_button.setText(_("&Add row"))
        set_name(self.add_button, _("Add a row to {title}").format(title=title))
        self.remove_button.setText(_("&Remove row"))
        set_name(self.remove_button, _("Remove the selected row from {title}").format(title=title))
        self._update_add()
        loading, self._loading = self._loading, True
        for row in range(self.table.rowCount()):
            for col, c in enumerate(self.columns):
                item = self.table.item(row, col)
                if item is None:
                    continue
                if c.kind == "choice":
                    value = item.data(Qt.ItemDataRole.UserRole)
                    item.setText("" if value is None else c.label_of(value))  # nothing chosen stays blank
                elif c.kind == "bool":
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, plain(_(c.header)))
                else:
                    self._name_blank(item)
        self._loading = loading

    def column_help(self, col: int) -> str:
        """A column's help: its whole header (when cut short), what counts and the proof ISA expects, and how a
        month alone is read."""
        from hsp_wizard.ui.help_text import rows_help
        c = self.columns[col]
        parts = [plain(_(c.header)), rows_help(c.rows)]
        if c.month:
            parts.append(month_note([c]))
        return "\n\n".join(p for p in parts if p)

    def show_help(self) -> str:
        """F1 in the table: the current column's help beside the cell (the text shown)."""
        col = max(0, self.table.currentColumn())
        rect = self.table.visualRect(self.table.model().index(max(0, self.table.currentRow()), col))
        text = self.column_help(col)
        QWhatsThis.showText(self.table.viewport().mapToGlobal(rect.bottomLeft()), text, self.table)
        return text

    # ---------------------------------------------------------------- rows <-> models
    @property
    def full(self) -> bool:
        return self.limit is not None and self.table.rowCount() >= self.limit

    def _update_add(self) -> None:
        """Add is disabled when the list holds as many rows as the project can; a note says so."""
        full = self.full
        self.add_button.setEnabled(not full)
        note = _("This list holds at most {limit} rows.").format(limit=self.limit) if full else ""
        self.full_note.setText(note)
        self.full_note.setVisible(full)
        self.add_button.setToolTip(note)

    def add_row(self, values: dict | None = None) -> int:
        """Append a row (empty, or with `values`); -1 when the list is full (nothing is added)."""
        if self.full:
            self._update_add()
            return -1
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = values or {}
        for col, c in enumerate(self.columns):
            v = values.get(c.key)
            if c.kind == "choice":
                self.table.setItem(row, col, self._item(c, getattr(v, "value", v) if v is not None else None))
            elif c.kind == "bool":
                self.table.setItem(row, col, self._item(c, bool(v)))
            else:
                item = self._item(c, "" if v is None else v.isoformat() if c.kind == "date"
                                  else format_yen_input(v) if c.kind == "yen" else str(v))
                self._name_blank(item)
                self.table.setItem(row, col, item)
        self._loading = False
        self._update_add()
        if not values:
            self.table.setCurrentCell(row, 0)
            self._changed()
        return row

    def _item(self, c: Column, value) -> QTableWidgetItem:
        """A cell: a choice's value (None: the first, or nothing chosen in a `blank` column), a tick, or text."""
        if c.kind == "choice":
            value = c.choices[0][0] if value is None and not c.blank else value
            item = QTableWidgetItem("" if value is None else c.label_of(value))
            item.setData(Qt.ItemDataRole.UserRole, value)
            if value is None:
                self._name_blank(item)
        elif c.kind == "bool":
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, plain(_(c.header)))
        else:
            item = QTableWidgetItem(value)
        return item

    def add_typed_row(self, cells: dict[str, str], position: int | None = None) -> int:
        """A row as the person left it (texts, choice values, "1" for a tick), at `position` when given."""
        self._loading = True
        row = self.table.rowCount() if position is None else max(0, min(position, self.table.rowCount()))
        self.table.insertRow(row)
        for col, c in enumerate(self.columns):
            text = cells.get(c.key, "")
            value = (text if text in dict(c.choices) else None) if c.kind == "choice" else \
                bool(text) if c.kind == "bool" else text
            self.table.setItem(row, col, self._item(c, value))
        self.table.item(row, 0).setData(REVEALED, True)  # reopened as left: its problem shows at once
        self._loading = False
        return row

    def typed_cells(self, row: int) -> dict[str, str]:
        """The row as typed: what `add_typed_row` puts back."""
        out = {}
        for col, c in enumerate(self.columns):
            item = self.table.item(row, col)
            if c.kind == "choice":
                out[c.key] = str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""
            elif c.kind == "bool":
                out[c.key] = "1" if item is not None and item.checkState() == Qt.CheckState.Checked else ""
            else:
                out[c.key] = self.cell_text(row, col)[:200]
        return out

    def reveal(self, row: int | None = None) -> None:
        """Let the errors of `row` (all rows when None) show: the row was left, or Next was pressed."""
        rows = range(self.table.rowCount()) if row is None else [row]
        loading, self._loading = self._loading, True
        for r in rows:
            item = self.table.item(r, 0)
            if item is not None:
                item.setData(REVEALED, True)
        self._loading = loading

    def _row_left(self, row: int, _col: int, previous_row: int, _previous_col: int) -> None:
        if previous_row >= 0 and previous_row != row and not self._loading:
            self.reveal(previous_row)
            self.edited.emit()  # its errors, if any, show now

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} or
                      ({self.table.currentRow()} if self.table.currentRow() >= 0 else set()), reverse=True)
        for r in rows:
            self.table.removeRow(r)
        self._update_add()
        if rows:
            self._changed()

    def set_models(self, models: list[BaseModel], drafts=()) -> None:
        """The valid entries, and the rows kept as typed (IncompleteRow: position and cells) in their places."""
        self._loading = True
        self.table.setRowCount(0)
        self._loading = False
        self._update_add()
        for m in models:
            self.add_row(m.model_dump())
        for d in sorted(drafts, key=lambda d: d.position):
            self.add_typed_row(d.cells, d.position)
        self.error.show_error("")
        if drafts:
            self.show_errors()

    def show_errors(self) -> list[str]:
        """Mark the rows whose errors may show and put their messages under the table; the messages."""
        msgs = self.models()[1]
        self.error.show_error("\n".join(msgs))
        return msgs

    def cell_text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return "" if item is None else item.text()

    def _row_values(self, row: int) -> dict:
        out = {}
        missing = None  # a value that does not parse is said first; a missing one only once the row is left
        for col, c in enumerate(self.columns):
            if c.kind == "choice":
                out[c.key] = self.table.item(row, col).data(Qt.ItemDataRole.UserRole)
                if out[c.key] is None and missing is None:
                    missing = MissingError(_msg(N_("{column} is required"), column=Term(c.header)))
            elif c.kind == "bool":
                out[c.key] = self.table.item(row, col).checkState() == Qt.CheckState.Checked
            else:
                text = self.cell_text(row, col)
                try:
                    if c.kind == "date":
                        v = c.date_from(text)
                    elif c.kind == "yen":
                        v = parse_yen(text)
                    elif c.kind == "int":
                        v = parse_whole(text)
                    else:
                        v = text
                except ParseError as exc:  # said with its column: "Row 1: To: There is no such day"
                    raise ParseError(_msg(N_("{column}: {reason}"), column=Term(c.header), reason=exc.msg)) from None
                if v is None and c.required and missing is None:
                    missing = MissingError(_msg(N_("{column} is required"), column=Term(c.header)))
                if v is not None or c.kind in ("date", "int"):
                    out[c.key] = v
        if missing is not None:
            raise missing
        return {k: v for k, v in out.items() if v is not None or k in ("end", "returned")}

    def _row_key(self, row: int) -> tuple:
        """What a row's outcome is read from: each cell's choice, tick or text (the columns and the factory are
        the editor's own and never change)."""
        key = []
        for col, c in enumerate(self.columns):
            if c.kind == "choice":
                key.append(self.table.item(row, col).data(Qt.ItemDataRole.UserRole))
            elif c.kind == "bool":
                key.append(self.table.item(row, col).checkState() == Qt.CheckState.Checked)
            else:
                key.append(self.cell_text(row, col))
        return tuple(key)

    def _outcome(self, row: int) -> tuple[str, object]:
        """A row read: ("good", model), or the kind of its problem and what says it (a message, or pydantic's
        error), rendered in the language of the moment by `models`. Each row's last outcome is remembered with its
        cells: a commit in one row of twenty reads one row again, and an unchanged row gives the same model object
        (the undo history's snapshots then share it)."""
        key = self._row_key(row)
        found = self._outcomes.get(row)
        if found is not None and found[0] == key:
            return found[1]
        try:
            m = self.factory(**self._row_values(row))
            problem = self.extra_check(m) if self.extra_check else ""
            if problem:
                raise ValueError(problem)
            hit = ("good", m)
        except MissingError as exc:
            hit = ("missing", exc.msg)
        except ParseError as exc:
            hit = ("parse", exc.msg)
        except ValidationError as exc:
            hit = ("validation", exc.errors()[0])
        except ValueError as exc:
            hit = ("value", str(exc))  # extra checks return message ids too
        self._outcomes[row] = (key, hit)  # one per row: an edit replaces its row's (memory stays as the rows')
        return hit

    def models(self) -> tuple[list[BaseModel], list[str]]:
        """The valid rows as models, and a message per invalid row that may show (left, or a value typed and
        committed that is wrong; a row still being filled in says nothing about what is not typed yet)."""
        good, errors = [], []
        render = Renderer()
        self.invalid_rows = []
        rows = self.table.rowCount()
        for gone in [row for row in self._outcomes if row >= rows]:
            del self._outcomes[gone]  # rows taken out: their outcomes go with them
        for row in range(rows):
            kind, what = self._outcome(row)
            if kind == "good":
                good.append(what)
                continue
            self.invalid_rows.append(row)
            if kind == "missing":
                first = self.table.item(row, 0)
                if first is not None and first.data(REVEALED):
                    errors.append((row, render.msg(what)))
            elif kind == "parse":
                errors.append((row, render.msg(what)))
            elif kind == "validation":
                errors.append((row, self._reason(what)))
            else:
                errors.append((row, _(what)))
        self._mark(dict(errors))
        msgs = [_("Row {row}: {reason}").format(row=r + 1, reason=reason) for r, reason in errors]
        return good, msgs

    def drafts(self) -> list[dict]:
        """The rows that are not valid entries, as typed: {"position", "cells"} (after `models`). A row is kept
        when any cell differs from a fresh row's (text typed, a choice changed, a box ticked); a row left as added
        is not."""
        fresh = self.fresh_cells()
        out = []
        for row in getattr(self, "invalid_rows", []):
            cells = self.typed_cells(row)
            if cells != fresh:
                out.append({"position": row, "cells": cells})
        return out

    def fresh_cells(self) -> dict[str, str]:
        """The cells of a row just added, as `typed_cells` gives them: the first choice (none in a `blank` column),
        no tick, no text."""
        return {c.key: str(c.choices[0][0]) if c.kind == "choice" and not c.blank else "" for c in self.columns}

    def _reason(self, err: dict) -> str:
        """A validation error in the current language, naming the column it is about."""
        reason = Renderer().msg(error_reason(err))
        header = next((_(c.header) for c in self.columns if err["loc"] and c.key == err["loc"][0]), "")
        return _("{column}: {reason}").format(column=plain(header), reason=reason) if header else reason

    def _mark(self, bad: dict[int, str]) -> None:
        """Invalid rows tinted, each of their cells described (tooltip and screen reader) by the row's error,
        and the table described by all of them."""
        loading, self._loading = self._loading, True
        for row in range(self.table.rowCount()):
            said = _("Row {row}: {reason}").format(row=row + 1, reason=bad[row]) if row in bad else ""
            for col in range(self.table.columnCount()):
                item = self.table.item(row, col)
                # a cell already saying what it should is left as it is (each change makes the table paint it)
                if item is not None and (item.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "") != said:
                    item.setBackground(INVALID if row in bad else QBrush())
                    item.setToolTip(bad.get(row, ""))
                    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, said)
        self._loading = loading
        set_description(self.table, "\n".join(_("Row {row}: {reason}").format(row=r + 1, reason=reason)
                                               for r, reason in sorted(bad.items())))

    def _name_blank(self, item: QTableWidgetItem) -> None:
        """An empty typed cell is read as "blank" (a screen reader finds no name otherwise)."""
        item.setData(Qt.ItemDataRole.AccessibleTextRole, None if item.text() else _("blank"))

    def _changed(self, item: QTableWidgetItem | None = None) -> None:
        if self._loading:
            return
        if item is not None and self.columns[item.column()].kind not in ("bool", "choice"):
            self._loading = True
            self._name_blank(item)
            self._loading = False
        self.edited.emit()

def item_view(widget: QWidget) -> QAbstractItemView | None:
    """The table (any item view) `widget` is a cell editor of, or is inside; None when it is not in one."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return parent
        parent = parent.parentWidget()
    return None


def two_lines(text: str, metrics, width: int) -> str:
    """`text` on two lines at the space nearest its middle when it is wider than `width` (else as it is); Japanese,
    which has no spaces, where its script changes (高度人材|として許可) or before a bracket (在留期間|（月）)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if spaces:
        cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
        return f"{text[:cut]}\n{text[cut + 1:]}"
    cuts = [i for i in range(1, len(text)) if text[i] in "（(" or
            (_script(text[i - 1]) != _script(text[i]) and _script(text[i - 1]) and _script(text[i]))]
    if not cuts:
        return text
    cut = min(cuts, key=lambda i: (abs(i - len(text) / 2), -i))
    return f"{text[:cut]}\n{text[cut:]}"


def _script(ch: str) -> str:
    """'hiragana', 'katakana', 'kanji', or '' (anything else: no line is broken beside it)."""
    if "\u3041" <= ch <= "\u309f":
        return "hiragana"
    if "\u30a0" <= ch <= "\u30ff":
        return "katakana"
    if "\u4e00" <= ch <= "\u9fff" or ch == "\u3005":
        return "kanji"
    return ""


def month_note(columns: list[Column]) -> str:
    """Which day a month typed without a day stands for, column by column (the day that never gives a point
    before it is earned: the last day for a date something was obtained or began, the first for an end)."""
    from babel.lists import format_list

    from hsp_wizard.i18n import current_language
    lang = current_language()
    names = {which: format_list([_("“{name}”").format(name=plain(_(c.header))) for c in columns
                                 if c.month == which], locale=lang) for which in ("last", "first")}
    if names["last"] and names["first"]:
        return _("A month without a day (2018-03) means its last day in {last} and its first day in "
                 "{first}.").format(**names)
    if names["last"]:
        return _("A month without a day (2018-03) means its last day in {columns}.").format(columns=names["last"])
    if names["first"]:
        return _("A month without a day (2018-03) means its first day in {columns}.").format(
            columns=names["first"])
    return ""


class MissingError(ParseError):
    """A required cell left empty: said only once the row is left or Next pressed."""



def _msg(template: str, **params) -> Msg:
    return Msg(template, tuple(params.items()))
