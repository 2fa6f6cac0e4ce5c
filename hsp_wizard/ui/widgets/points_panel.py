"""The live points panel beside every page: the total for the chosen category at the planned application
date and at the 1- and 3-year checkpoints, coloured against 70 and 80; a click on a line says why."""

from __future__ import annotations

from datetime import date
from difflib import SequenceMatcher

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from hsp_wizard.domain.dates import years_before
from hsp_wizard.domain.plan import EARLIEST
from hsp_wizard.domain.points import PointsResult
from hsp_wizard.domain.registry import marks
from hsp_wizard.i18n import _
from hsp_wizard.presentation import Renderer, category_letter
from hsp_wizard.rules import load_rules
from hsp_wizard.ui.accessibility import LiveText
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.steps import not_counted_lines

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
        # the lines keep one width: a scroll bar that came and went as a line was added or taken out would wrap
        # every line again (and repaint the whole list) on the edit that crosses the list's height
        self.lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # scrolled by pixels: the scroll bar's page is the list's height, not its number of lines, so a line added
        # or taken out leaves a list that fits unchanged (repainting a scroll bar costs a millisecond)
        self.lines.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.lines.currentItemChanged.connect(self._show_why)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        for w in (self.heading, self.total, self.checkpoints, self.lines, self.why):
            lay.addWidget(w)
        self.results: dict[str, PointsResult] = {}
        self._shown: list[tuple[str, object]] = []  # the lines' (text, colour) as shown
        self._why_of: list = []  # the point lines (or None) each row explains
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
                   _("Category ({category}) on the earliest application date found, {date}") if self.earliest else
                   _("Category ({category}) today, {date}"))
        self.heading.setText(heading.format(category=category_letter(p.category), date=r.fmt(on)))
        self.total.setText(_("{total} points").format(total=now.total))
        self._colour(colour_for(now.total))
        self.live_total.show(_("Points on {date}: {total}, category ({category})").format(
            date=r.fmt(on), total=now.total, category=category_letter(p.category)), (p.category, now.total))
        self.checkpoints.setText(
            _("1 year before ({d1}): {t1}\n3 years before ({d3}): {t3}").format(
                d1=r.fmt(one.on), t1=one.total, d3=r.fmt(three.on), t3=three.total))
        lines = [(f"{ln.points:>3}  {r.rule_label(ln.rule_id)}", None, (ln,)) for ln in now.lines]
        withheld: dict[str, list] = {}  # a rule withheld for several entries (every degree but the highest) is
        for ln in now.withheld:         # one line, its explanation naming each entry
            withheld.setdefault(ln.rule_id, []).append(ln)
        for rule_id, group in withheld.items():
            # TRANSLATORS: a rule withheld for several entries, e.g. "Only the highest degree counts (×3)"
            label = _("{rule} (×{count})").format(rule=r.rule_label(rule_id), count=len(group)) \
                if len(group) > 1 else r.rule_label(rule_id)
            lines.append((f"  –  {label}", Qt.GlobalColor.gray, tuple(group)))
        lines += [("  !  " + r.msg(g.why), Qt.GlobalColor.darkRed, None) for g in now.gates if not g.met]
        lines += [("  !  " + line, Qt.GlobalColor.darkRed, None) for line in not_counted_lines(p)]  # not in points
        if now.age is None and p.category != "c":  # unknown is not no: the panel asks, as for a salary
            lines.append(("  !  " + _("Enter your birth date: your age scores points and decides some salary "
                                      "bands"), Qt.GlobalColor.darkRed, None))
        self._set_lines(lines)

    def _colour(self, colour: str | None) -> None:
        """The total's colour, set in its palette only when it changes (a style sheet set again re-polishes the
        label and its parents' style: about half a millisecond an edit when the total crosses a mark)."""
        if colour != getattr(self, "_shown_colour", ""):
            self._shown_colour = colour
            palette = self.palette()  # the panel's: no colour of our own is the style's
            if colour:
                palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.total.setPalette(palette)

    def _set_lines(self, lines: list[tuple[str, object, object]]) -> None:
        """The point lines: (text, colour or None, the point lines a click explains, or None). The list shown is
        brought to `lines` by its difference: a line still there keeps its item (and its row's layout and paint),
        a changed line is changed in place, a new one inserted, a gone one taken out, so an edit that moves one
        line redraws about one line. The chosen line stays chosen while it is there and its explanation follows
        it; when it is taken out, nothing is chosen and the explanation is cleared."""
        new = [(text, colour) for text, colour, _ln in lines]
        old, self._shown = self._shown, new
        if not new:
            self.lines.clear()
            self.why.clear()
            self._why_of = []
            return
        current = self.lines.currentRow()
        chosen = self._why_of[current] if 0 <= current < len(self._why_of) else None
        if chosen and sum(1 for group in self._why_of if group and group[0].item == chosen[0].item) != 1:
            chosen = None  # one of several lines of its item: when it goes, nothing takes its place
        for tag, i1, i2, j1, j2 in reversed(SequenceMatcher(None, old, new, autojunk=False).get_opcodes()):
            if tag == "equal":
                continue
            same = min(i2 - i1, j2 - j1)  # a replaced run: its first lines are changed in place
            for k in range(same):
                item = self.lines.item(i1 + k)
                text, colour = new[j1 + k]
                if item.text() != text:
                    item.setText(text)
                if old[i1 + k][1] != colour:
                    item.setForeground(colour if colour is not None else QBrush())
            if i1 + same <= current < i2:  # the chosen line is taken out: nothing stays chosen (but see below)
                self.lines.setCurrentRow(-1)
                self.why.clear()
                current = -1
            for k in range(i2 - 1, i1 + same - 1, -1):
                self.lines.takeItem(k)
            for k in range(j1 + same, j2):
                text, colour = new[k]
                item = QListWidgetItem(text)
                if colour is not None:
                    item.setForeground(colour)
                self.lines.insertItem(i1 + (k - j1), item)
        self._why_of = [ln for _text, _colour, ln in lines]  # kept here, not in the items: setting an item's data
        if current == -1 and chosen:                          # tells the view to lay out and paint its row again
            # the chosen line, its item's only one, went and the same item's only line came (withheld, now counted:
            # "– 3 years…" became "15 7 years…"): that one is chosen, its explanation shown
            same = [i for i, group in enumerate(self._why_of) if group and group[0].item == chosen[0].item]
            if len(same) == 1:
                self.lines.setCurrentRow(same[0])
        self._show_why(self.lines.currentItem())

    def _show_why(self, item: QListWidgetItem | None, _prev=None) -> None:
        row = self.lines.row(item) if item is not None else -1
        group = self._why_of[row] if 0 <= row < len(self._why_of) else None
        if not group:
            self.why.clear()
            return
        r = Renderer()
        ln = group[0]  # a group's lines are one rule's: one rule, its sources and confidence
        why = _("{why}\nRule: {rule} · Sources: {sources} · Confidence: {confidence}").format(
            why="\n".join(r.msg(each.why) for each in group), rule=ln.rule_id,
            sources=", ".join(dict.fromkeys(src for each in group for src in each.sources)),
            confidence=r.confidence(ln.confidence))
        term = r.official_term(ln.rule_id)  # the name on ISA's point sheet, beside the English one
        self.why.setText(f"{term}\n{why}" if term else why)
