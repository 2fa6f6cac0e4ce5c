"""What-if scenarios: make one from the project as entered, give it changes of its own, and see every scenario
beside the project: the points on each checkpoint and the earliest date of each route. The scenarios are part of
the project (saved in its file); the comparison is `hsp_wizard.domain.scenarios.compare`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from hsp_wizard.domain.project import MAX_SCENARIO_NAME, MAX_SCENARIOS, Scenario, ScenarioChange, max_length
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import CHANGE_KINDS, ROUTE_NAMES, Renderer
from hsp_wizard.ui.accessibility import set_name
from hsp_wizard.ui.texts import Texts
from hsp_wizard.ui.widgets.fields import DateField
from hsp_wizard.ui.widgets.list_editor import Column, ListEditor

MAX_COLUMN_WIDTH = 150  # px
RECOMPUTE_MS = 150  # after an edit: typing a date does not evaluate every scenario on each key


class ScenariosPanel(QWidget):
    """The scenario being edited (chosen in a list), its changes, and the comparison table."""

    compared = Signal()  # the table was filled (tests and the accessible description wait on it)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.texts = Texts()
        self.comparison = None
        self.cache = None  # a CompareCache, made on first use: after an edit only the edited column is evaluated
        self._loading = False
        self._stale = True
        self.today = date.today

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.texts.bind(self.intro.setText, N_(
            "A scenario is your project as entered with a few changes of your own: a JLPT result, a new annual salary "
            "(higher or lower), a move "
            "to an employer with innovation support, a trip abroad, another application date. Your project itself "
            "is not changed; the scenarios are saved in its file."))
        self.chooser = QComboBox(self)
        self.texts.bind(self.chooser.setAccessibleName, N_("Scenario"))
        self.new_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        for button, label in ((self.new_button, N_("New scenari&o…")), (self.copy_button, N_("D&uplicate…")),
                              (self.rename_button, N_("Rena&me…")), (self.delete_button, N_("De&lete"))):
            self.texts.bind_named(button, label)
        self.new_button.clicked.connect(self.new_scenario)
        self.copy_button.clicked.connect(self.duplicate_scenario)
        self.rename_button.clicked.connect(self.rename_scenario)
        self.delete_button.clicked.connect(self.delete_scenario)
        self.chooser.currentIndexChanged.connect(self._show_selected)

        top = QHBoxLayout()
        choose = QLabel(self)
        self.texts.bind_named(choose, N_("&Scenario:"))
        choose.setBuddy(self.chooser)
        top.addWidget(choose)
        top.addWidget(self.chooser, 1)
        for b in (self.new_button, self.copy_button, self.rename_button, self.delete_button):
            top.addWidget(b)

        self.planned = DateField(self)
        self.planned.hint = self._planned_hint_text  # the field's own language change keeps it (not "YYYY-MM-DD")
        self.planned.value_changed.connect(self._edited)
        self.texts.call(self._planned_hint)
        form = QFormLayout()
        planned_label = QLabel(self)
        self.texts.bind_named(planned_label, N_("A&pplication date in this scenario:"))
        planned_label.setBuddy(self.planned)
        self.texts.call(lambda: set_name(self.planned, planned_label.accessibleName()))  # without "(P)"
        form.addRow(planned_label, self.planned)
        form.addRow("", self.planned.error)

        self.changes = ListEditor(N_("&Changes in this scenario"), [
            Column("kind", N_("Change"), "choice", list(CHANGE_KINDS), blank=True),
            Column("start", N_("Date"), "date", required=True),
            Column("end", N_("Back in Japan"), "date"),
            Column("amount_yen", N_("Annual salary (¥)"), "yen"),
        ], ScenarioChange, parent=self, limit=max_length(Scenario, "changes"))
        self.changes.edited.connect(self._edited)
        self.changes.table.setMinimumHeight(90)
        self.changes.table.setMaximumHeight(150)  # the comparison below gets the room
        changes_label = QLabel(self)
        self.texts.bind_named(changes_label, N_("&Changes in this scenario"))
        changes_label.setBuddy(self.changes.table)
        changes_hint = QLabel(self)
        changes_hint.setWordWrap(True)
        self.texts.bind(changes_hint.setText, N_(
            "Date: when the result is announced, the new salary or employer starts, or you leave Japan. A trip "
            "needs the day you are back (or nothing, if you would not be back); a new annual salary needs the "
            "amount."))

        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setHighlightSections(False)  # bold there would read as "a checkpoint"
        self.texts.bind(self.table.setAccessibleName, N_("Scenarios side by side"))
        compare_label = QLabel(self)
        self.texts.bind_named(compare_label, N_("Side by si&de (bold: that column's checkpoints, 3 years and 1 "
                                                  "year before its application date and the date itself; the "
                                                  "earliest date of all is marked ★):"))
        compare_label.setWordWrap(True)
        compare_label.setBuddy(self.table)

        self.editor = QWidget(self)
        ed = QVBoxLayout(self.editor)
        ed.setContentsMargins(0, 0, 0, 0)
        ed.addLayout(form)
        ed.addWidget(changes_label)
        ed.addWidget(changes_hint)
        ed.addWidget(self.changes)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.editor)
        lay.addWidget(compare_label)
        lay.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RECOMPUTE_MS)
        self.timer.timeout.connect(self.refresh)
        # each side's openings are searched in a worker process (ui/compare_worker.py); they come back through
        # this queued signal, are kept in the cache, and the comparison is put together once every side is known
        self._generation = 0
        self._round: _Round | None = None  # the comparison being put together
        self._compared = None  # the project the comparison shown is of
        self._job = _Job(self)
        self._job.side_done.connect(self._on_side_done)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.texts.bind(self.progress.setAccessibleName, N_("Progress of the comparison"))
        self.progress.hide()
        lay.insertWidget(lay.indexOf(self.table), self.progress)

    # ------------------------------------------------------------------ the project's scenarios
    @property
    def scenarios(self) -> list[Scenario]:
        return self.doc.project.scenarios

    def selected(self) -> int:
        return self.chooser.currentIndex()

    def load(self, keep: str | None = None) -> None:
        """Fill the chooser from the project (keeping the scenario named `keep` selected) and mark the table
        stale; it is computed when shown."""
        self._loading = True
        current = keep if keep is not None else self.chooser.currentText()
        self.chooser.clear()
        for s in self.scenarios:
            self.chooser.addItem(s.name)
        index = next((i for i, s in enumerate(self.scenarios) if s.name == current), 0 if self.scenarios else -1)
        self.chooser.setCurrentIndex(index)
        self._loading = False
        self._show_selected()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _show_selected(self, *_args) -> None:
        if self._loading:
            return
        i = self.selected()
        has = i >= 0
        for w in (self.editor, self.copy_button, self.rename_button, self.delete_button):
            w.setEnabled(has)
        self.new_button.setEnabled(len(self.scenarios) < MAX_SCENARIOS)
        self.copy_button.setEnabled(has and len(self.scenarios) < MAX_SCENARIOS)
        self._loading = True
        s = self.scenarios[i] if has else None
        self.planned.set_value(s.planned_application_date if s else None)
        self.changes.set_models(s.changes if s else [])
        self._loading = False
        self._planned_hint()
        self._mark_column()

    def _planned_hint(self) -> None:
        self.planned.retranslate()

    def _planned_hint_text(self) -> str:
        p = self.doc.project.planned_application_date
        return _("empty: the project's ({date})").format(date=Renderer().fmt(p)) if p else \
            _("empty: the project's (none entered)")

    def _edited(self, *_args) -> None:
        """Write the edited scenario's valid values to the project (invalid rows stay in the table, marked)."""
        i = self.selected()
        if self._loading or i < 0:
            return
        models, errors = self.changes.models()
        self.changes.error.show_error("\n".join(errors))
        planned = self.planned.value() if self.planned.valid else self.scenarios[i].planned_application_date
        scenario = self.scenarios[i].model_copy(update={"changes": models, "planned_application_date": planned})
        self._set(i, scenario)

    def _set(self, i: int | None, scenario: Scenario | None, keep: str | None = None) -> None:
        """Replace (i and scenario), add (i None) or remove (scenario None) one scenario in the document."""
        items = list(self.scenarios)
        if i is None:
            items.append(scenario)
        elif scenario is None:
            del items[i]
        else:
            items[i] = scenario
        self.doc.update(scenarios=items)
        if keep is not None or scenario is None:
            self.load(keep)
        self._stale = True
        self.timer.start()

    # ------------------------------------------------------------------ buttons
    def new_scenario(self) -> None:
        name = self._ask_name(_("New scenario"), self._free_name(_("Scenario {n}").format(n=len(self.scenarios) + 1)))
        if name is not None:
            self._set(None, Scenario(name=name), keep=name)
            self.changes.table.setFocus()

    def duplicate_scenario(self) -> None:
        i = self.selected()
        if i < 0:
            return
        s = self.scenarios[i]
        name = self._ask_name(_("Duplicate scenario"), self._free_name(_("{name} (copy)").format(name=s.name)))
        if name is not None:
            self._set(None, s.model_copy(update={"name": name}), keep=name)

    def rename_scenario(self) -> None:
        i = self.selected()
        if i < 0:
            return
        s = self.scenarios[i]
        name = self._ask_name(_("Rename scenario"), s.name, current=i)
        if name is not None and name != s.name:
            self._set(i, s.model_copy(update={"name": name}), keep=name)

    def delete_scenario(self) -> None:
        i = self.selected()
        if i < 0 or not confirm_delete(self, self.scenarios[i].name):
            return
        names = [s.name for s in self.scenarios]
        keep = names[i + 1] if i + 1 < len(names) else (names[i - 1] if i > 0 else "")
        self._set(i, None, keep=keep)

    def add(self, scenario: Scenario, proposal: str) -> bool:
        """Add `scenario` (from a suggestion) under a name the user confirms, `proposal` first; False when there
        is no room or the user cancels."""
        if len(self.scenarios) >= MAX_SCENARIOS:
            tell_full(self)
            return False
        name = self._ask_name(_("New scenario"), self._free_name(proposal))
        if name is None:
            return False
        self._set(None, scenario.model_copy(update={"name": name}), keep=name)
        return True

    def _free_name(self, name: str) -> str:
        """`name`, or `name 2`, `name 3`… if a scenario has it already (names are unique, ignoring case)."""
        taken = {s.name.casefold() for s in self.scenarios}
        name = name[:MAX_SCENARIO_NAME]
        n, candidate = 2, name
        while candidate.casefold() in taken:
            candidate, n = f"{name[:MAX_SCENARIO_NAME - 4]} {n}", n + 1
        return candidate

    def _ask_name(self, title: str, text: str, current: int | None = None) -> str | None:
        """A name no other scenario has; asked again, saying why, until it is right or the user cancels."""
        problem = ""
        while True:
            label = _("Name of the scenario:") if not problem else \
                _("{problem} Name of the scenario:").format(problem=problem)
            answer = ask_scenario_name(self, title, label, text)
            if answer is None:
                return None
            name = " ".join(answer.split())
            taken = {s.name.casefold() for j, s in enumerate(self.scenarios) if j != current}
            if not name:
                problem = _("A scenario needs a name.")
            elif len(name) > MAX_SCENARIO_NAME:
                problem = _("A name has at most {limit} characters.").format(limit=MAX_SCENARIO_NAME)
            elif name.casefold() in taken:
                problem = _("Another scenario is called that.")
            else:
                return name
            text = answer

    # ------------------------------------------------------------------ the comparison
    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def current(self, today: date):
        """The comparison shown, if it is of the project as it is now and from `today` (else None): the
        checklist reuses it instead of comparing a large project's scenarios again."""
        if self.busy or self.comparison is None or self.comparison.today != today or \
                self._compared != self.doc.project:
            return None
        return self.comparison

    @property
    def busy(self) -> bool:
        """A comparison is due or being computed (the table shows the previous one until it is done)."""
        return self.timer.isActive() or self._round is not None

    def refresh(self) -> None:
        """Compare the project as it is now, off the window's process (a large project's scenarios take
        seconds). A newer request supersedes a running one: its sides not yet started are cancelled, and what
        comes back from it only fills the cache."""
        from hsp_wizard.domain.scenarios import CompareCache
        self.timer.stop()
        self._supersede()
        if not self.isVisible():  # only what is shown is compared: done when the tab is shown again
            self._stale = True
            return
        self.cache = self.cache or CompareCache()
        self._stale = False
        self._start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Leaving the tab stops a running comparison (the sides found stay in the cache: showing the tab again
        goes on from there)."""
        super().hideEvent(event)
        if self.busy:
            self.timer.stop()
            self._supersede()
            self.progress.hide()
            self._stale = True

    def _supersede(self) -> None:
        self._generation += 1
        if self._round is not None:
            for future in self._round.futures:
                future.cancel()  # not started yet: never runs
        self._round = None

    def _start(self) -> None:
        from hsp_wizard.domain.scenarios import side_found, side_key, sides
        from hsp_wizard.ui import compare_worker
        project = self.doc.project.model_copy()  # the fields as they are now (edits replace them, never mutate)
        today = self.today()
        keys = {side_key(variant, today): variant for _name, variant in sides(project)}
        missing = {key: variant for key, variant in keys.items() if self.cache.get(key) is None}
        r = self._round = _Round(self._generation, project, today, len(keys), set(missing))
        self._show_progress(r.total - len(r.missing), r.total)
        if not missing:
            self._finish()
            return
        for key, variant in missing.items():
            future = compare_worker.submit(side_found, variant, today)
            r.futures.append(future)
            future.add_done_callback(lambda f, key=key, g=r.generation: self._job.side_done.emit(g, key, f))

    def _on_side_done(self, generation: int, key: tuple, future) -> None:
        if future.cancelled():
            return
        error = future.exception()
        r = self._round
        if error is None:
            self.cache.put(key, future.result())  # a superseded round's side is still that side's answer
        if r is None or generation != r.generation:
            return
        if error is not None:
            self._round = None
            self.progress.hide()
            raise error  # the window's error handler says so (and logs the traceback, no values)
        r.missing.discard(key)
        self._show_progress(r.total - len(r.missing), r.total)
        if not r.missing:
            self._finish()

    def _finish(self) -> None:
        """Every side is in the cache: put the comparison together (the points of days no side computed are the
        only work left here)."""
        from hsp_wizard.domain.scenarios import compare
        r, self._round = self._round, None
        self.progress.hide()
        self.comparison, self._compared = compare(r.project, r.today, cache=self.cache), r.project
        self._fill()
        self.compared.emit()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(_("Comparing the scenarios: {done} of {total}").format(done=done, total=total))
        self.progress.show()

    def retranslate(self) -> None:
        """Bound texts, the row errors (in the new language; the project is not touched) and the table."""
        self.texts.apply()
        if self.changes.error.text():
            self.changes.error.show_error("\n".join(self.changes.models()[1]))
        if self.comparison is not None:
            self._fill()

    def _fill(self) -> None:
        c, r = self.comparison, Renderer()
        names = [_("As entered")] + [col.name for col in c.columns[1:]]
        rows: list[tuple[str, list[tuple[str, bool, str]]]] = []  # (row label, [(text, bold, accessible)])
        rows.append((_("Application date"), [(r.fmt(col.planned) if col.planned else "—", False, "")
                                             for col in c.columns]))
        firsts = [col.earliest[1] for col in c.columns if col.earliest and col.usable()]
        best = min(firsts) if firsts else None
        routes, dates = [], []
        for col in c.columns:
            if col.earliest is None:
                routes.append((_("none within the horizon"), False, ""))
                dates.append(("—", False, ""))
            elif not col.usable():  # the application date falls after the route closed again
                closed = _("closed from {date}").format(date=r.fmt(col.closed[col.earliest[0]]))
                routes.append((_(ROUTE_NAMES[col.earliest[0]][0]), False, closed))
                dates.append((closed, False, ""))
            else:
                star = col.earliest[1] == best
                note = _("the earliest of all") if star else ""
                routes.append((_(ROUTE_NAMES[col.earliest[0]][0]), star, note))
                day = r.fmt(col.earliest[1])
                dates.append(("★ " + day if star else day, star, note))
        rows.append((_("Earliest route"), routes))
        rows.append((_("Earliest date"), dates))
        rows += family_rows(self._compared, c, r)
        for route in c.routes:
            rows.append((_(ROUTE_NAMES[route][0]),
                         [(_("closed from {date}").format(date=r.fmt(col.closed[route])) if route in col.closed
                           else r.fmt(col.opens[route]) if col.opens.get(route) else "—", False, "")
                          for col in c.columns]))
        if c.category is not None:
            for d in c.days:
                label = _("Points today ({date})").format(date=r.fmt(d)) if d == c.today else \
                    _("Points on {date}").format(date=r.fmt(d))
                row = []
                for col in c.columns:
                    own = d in col.checkpoints()
                    row.append((str(col.points[d]), own, _("a checkpoint of this column") if own else ""))
                rows.append((label, row))
        self.table.clear()
        self.table.setColumnCount(len(names))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels([label for label, _cells in rows])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, (label, cells) in enumerate(rows):
            for col, (text, strong, said) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if strong:
                    item.setFont(bold)
                spoken = _("{column}, {row}: {value} ({note})") if said else _("{column}, {row}: {value}")
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             spoken.format(column=names[col], row=label, value=text, note=said))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        for col in range(self.table.columnCount()):  # long route names wrap rather than widen every column
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), MAX_COLUMN_WIDTH))
        self.table.resizeRowsToContents()
        self._mark_column()

    def _mark_column(self) -> None:
        """The scenario being edited is the selected column of the comparison."""
        if self.comparison is not None and 0 <= self.selected() < self.table.columnCount() - 1:
            self.table.selectColumn(self.selected() + 1)


def family_rows(project, c, r) -> list[tuple[str, list[tuple[str, bool, str]]]]:
    """The family's date moving with the principal's: one row per spouse or child needing permanent residence,
    the first day they can apply with you in each column (on its application date, or its earliest)."""
    from hsp_wizard.domain.household import member_label
    first = c.columns[0].family if c.columns else ()
    rows = []
    for n, (index, _d) in enumerate(first):
        label = _("{member}: with you").format(member=r.msg(member_label(project, index)))
        cells = []
        for col in c.columns:
            day = col.family[n][1] if n < len(col.family) else None
            cells.append((r.fmt(day) if day else _("not within the horizon"), False, ""))
        rows.append((label, cells))
    return rows


@dataclass
class _Round:
    """A comparison being put together: the project and day it is of, and the sides still to come."""

    generation: int
    project: object
    today: date
    total: int
    missing: set
    futures: list = field(default_factory=list)


class _Job(QObject):
    """A side found in the worker process, delivered on the window's thread (queued)."""

    side_done = Signal(int, object, object)  # generation, the side's cache key, its Future


def ask_scenario_name(parent, title: str, label: str, text: str) -> str | None:
    """The name typed, or None when cancelled (tests replace this)."""
    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return answer if ok else None


def tell_full(parent) -> None:
    QMessageBox.information(parent, _("New scenario"), _("A project holds at most {limit} scenarios; delete one "
                                                         "first.").format(limit=MAX_SCENARIOS))


def confirm_delete(parent, name: str) -> bool:
    """Whether to delete the scenario (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Delete scenario"),
                      _("Delete the scenario “{name}”? Your project's own facts are not affected.").format(name=name),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


__all__ = ["ScenariosPanel", "ask_scenario_name", "confirm_delete"]
