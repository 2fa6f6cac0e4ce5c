"""The live points panel beside every page: the total for the chosen category at the planned application
date and at the 1- and 3-year checkpoints, coloured against 70 and 80; a click on a line says why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from hsp_wizard.domain.dates import years_before
from hsp_wizard.domain.plan import EARLIEST
from hsp_wizard.domain.points import PointsResult
from hsp_wizard.domain.registry import marks
from hsp_wizard.i18n import _
from hsp_wizard.presentation import Renderer, category_letter
from hsp_wizard.rules import load_rules
from hsp_wizard.ui.accessibility import LiveText
from hsp_wizard.ui.document import ProjectDocument

GOOD, FAIR, LOW = "#1b5e20", "#8a6d00", "#b00020"


def colour_for(total: int, on: date | None = None) -> str:
    """Green at the highest points mark (80), amber at the lowest (70), red below (the marks from the rule data)."""
    low, *_rest, high = marks(load_rules(), on or date.today())
    return GOOD if total >= high else FAIR if total >= low else LOW


class PointsPanel(QFrame):
    """Recomputes on every change of the document (three points evaluations: well within a frame)."""

    def __init__(self, doc: ProjectDocument, today: date | None = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.today = today or date.today()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(330)
        self.setMaximumWidth(380)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.total = QLabel(self)
        f = self.total.font()
        f.setPointSize(f.pointSize() + 10)
        f.setBold(True)
        self.total.setFont(f)
        self.live_total = LiveText(self.total)  # named with its date and category; a change is announced
        self.checkpoints = QLabel(self)
        self.checkpoints.setWordWrap(True)
        self.lines = QListWidget(self)
        self.lines.setWordWrap(True)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.currentItemChanged.connect(self._show_why)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        for w in (self.heading, self.total, self.checkpoints, self.lines, self.why):
            lay.addWidget(w)
        self.results: dict[str, PointsResult] = {}
        self.earliest: date | None = None  # the earliest date a route opens, when no planned date is entered
        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(150)  # search once typing pauses: the solver costs about 10 ms
        self._search.timeout.connect(self._find_earliest)
        doc.changed.connect(self.refresh)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.lines.setAccessibleName(_("Point lines"))
        selected = self.lines.currentRow()
        self.refresh(search=False)
        if selected >= 0:
            self.lines.setCurrentRow(selected)

    def evaluation_date(self) -> date:
        """The plan's date: the planned application date, else the earliest date found (once searched), else
        today."""
        plan = self.doc.plan(self.today)
        if plan.date_known:
            return plan.on
        return self.earliest or self.today

    def _find_earliest(self) -> None:
        p = self.doc.project
        if p.planned_application_date is not None or p.category is None:
            return
        plan = self.doc.plan(self.today)  # the document's plan: the results page and printing reuse the search
        found = plan.on if plan.why_on == EARLIEST else None
        if found != self.earliest:
            self.earliest = found
            self.refresh(search=False)

    def refresh(self, search: bool = True) -> None:
        """Show the points now. Only what changed is set (a label's same text, the same colour and the same lines
        are left as they are), so an edit that moves nothing repaints nothing here."""
        p = self.doc.project
        if search and p.planned_application_date is None and p.category is not None:
            self._search.start()
        r = Renderer()
        if p.category is None:
            self._set_lines([])
            self.heading.setText(_("Choose a category to see your points."))
            self.total.setText("–")
            self._colour(None)
            self.live_total.show(_("Choose a category to see your points."), None)
            self.checkpoints.clear()
            self.results = {}
            return
        plan = self.doc.plan(self.today)  # the points come from the document's plan (memoised there)
        on = self.evaluation_date()
        now = plan.points(on)
        one = plan.points(years_before(on, 1), table_date=now.table_date)
        three = plan.points(years_before(on, 3), table_date=now.table_date)
        self.results = {"now": now, "one": one, "three": three}
        heading = (_("Category ({category}) on the planned application date, {date}")
                   if p.planned_application_date else
                   _("Category ({category}) on the earliest date found, {date}") if self.earliest else
                   _("Category ({category}) today, {date}"))
        self.heading.setText(heading.format(category=category_letter(p.category), date=r.fmt(on)))
        self.total.setText(_("{total} points").format(total=now.total))
        self._colour(colour_for(now.total))
        self.live_total.show(_("Points on {date}: {total}, category ({category})").format(
            date=r.fmt(on), total=now.total, category=category_letter(p.category)), (p.category, now.total))
        self.checkpoints.setText(
            _("1 year before ({d1}): {t1}\n3 years before ({d3}): {t3}").format(
                d1=r.fmt(one.on), t1=one.total, d3=r.fmt(three.on), t3=three.total))
        lines = [(f"{ln.points:>3}  {r.rule_label(ln.rule_id)}", None, ln) for ln in now.lines]
        lines += [(f"  –  {r.rule_label(ln.rule_id)}", Qt.GlobalColor.gray, ln) for ln in now.withheld]
        lines += [("  !  " + r.msg(g.why), Qt.GlobalColor.darkRed, None) for g in now.gates if not g.met]
        self._set_lines(lines)

    def _colour(self, colour: str | None) -> None:
        """The total's colour (a style sheet set again restyles and repaints the label: only when it changes)."""
        if colour != getattr(self, "_shown_colour", ""):
            self._shown_colour = colour
            self.total.setStyleSheet(f"color: {colour};" if colour else "")

    def _set_lines(self, lines: list[tuple[str, object, object]]) -> None:
        """The point lines: (text, colour or None, the line for "why"). As many lines as shown: each item is
        brought up to date in place (only a changed text or colour repaints its row; the chosen row stays chosen
        and its explanation follows its line); another number of lines: the list is filled again and the
        explanation cleared."""
        if self.lines.count() == len(lines):
            for i, (text, colour, ln) in enumerate(lines):
                item = self.lines.item(i)
                if item.text() != text:
                    item.setText(text)
                if item.data(Qt.ItemDataRole.UserRole + 1) != colour:
                    item.setData(Qt.ItemDataRole.UserRole + 1, colour)
                    item.setForeground(colour if colour is not None else QBrush())
                item.setData(Qt.ItemDataRole.UserRole, ln)
            self._show_why(self.lines.currentItem())
            return
        self.lines.clear()
        self.why.clear()
        for text, colour, ln in lines:
            item = QListWidgetItem(text)
            if colour is not None:
                item.setForeground(colour)
            item.setData(Qt.ItemDataRole.UserRole + 1, colour)
            if ln is not None:
                item.setData(Qt.ItemDataRole.UserRole, ln)
            self.lines.addItem(item)

    def _show_why(self, item: QListWidgetItem | None, _prev=None) -> None:
        ln = item.data(Qt.ItemDataRole.UserRole) if item else None
        if ln is None:
            self.why.clear()
            return
        r = Renderer()
        why = _("{why}\nRule: {rule} · Sources: {sources} · Confidence: {confidence}").format(
            why=r.msg(ln.why), rule=ln.rule_id, sources=", ".join(ln.sources), confidence=r.confidence(ln.confidence))
        term = r.official_term(ln.rule_id)  # the name on ISA's point sheet, beside the English one
        self.why.setText(f"{term}\n{why}" if term else why)
