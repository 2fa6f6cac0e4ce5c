"""The points timeline drawn with QPainter (no chart module): the chosen category's points as a step line (the
others faint), the 70 and 80 marks, today, the planned date and its checkpoints, each route's open windows as
shaded bands, and the events that move the line. Hovering, or moving with the arrow keys, selects a day: its
breakdown is shown in a tooltip and sent to `day_selected` (the page shows it as text too)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from hsp_wizard.domain.project import Category
from hsp_wizard.domain.registry import marks
from hsp_wizard.domain.timeline import Timeline
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import ROUTE_NAMES, Renderer
from hsp_wizard.rules import load_rules

CATEGORY_COLOURS = {"a": QColor("#7b3294"), "b": QColor("#1f4e9c"), "c": QColor("#008837")}
WINDOW_COLOUR = QColor(242, 183, 5, 110)
EVENT_LABELS = {"birthday": N_("Birthday"), "salary": N_("Salary"), "degree": N_("Degree"), "career": N_("Career"),
                "japanese": N_("Japanese"), "employer": N_("Employer"), "research": N_("Research"),
                "licence": N_("Licence"), "position": N_("Position"), "other": N_("Points")}


class TimelineChart(QWidget):
    day_selected = Signal(object)  # the date

    def __init__(self, parent=None):
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.marks: tuple[int, ...] = ()  # the points marks drawn (set with the timeline)
        self.selected: date | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and self.timeline and self.timeline.steps and \
                self.selected is not None:
            self.setAccessibleDescription(self.describe(self.selected))  # the day's breakdown, in the new language
        super().changeEvent(event)

    def set_timeline(self, tl: Timeline | None) -> None:
        """Show `tl`, keeping the selected day when it is still on it (a language switch recomputes the
        timeline: the screen-reader user stays on the day they were reading, described in the new language)."""
        keep = self.selected if tl is not None and tl.steps and self.selected is not None and \
            tl.start <= self.selected <= tl.end else None
        self.timeline = tl
        self.selected = keep
        self.marks = marks(load_rules(), tl.today) if tl is not None else ()  # from the rule data (70, 80)
        self.setAccessibleDescription(self.describe(keep) if keep is not None else "")
        self.update()

    # ---------------------------------------------------------------- geometry
    def _plot(self) -> QRectF:
        bands = len(self._bands()) if self.timeline else 0
        return QRectF(44, 14, max(10, self.width() - 60), max(10, self.height() - 52 - 16 * bands))

    def _bands(self) -> list[str]:
        return [name for name, spans in self.timeline.windows.items() if spans]

    def _top(self) -> int:
        tl = self.timeline
        high = max(max(v) for v in tl.totals.values()) if tl and tl.steps else 80
        return max(100, (high // 10 + 2) * 10)

    def _x(self, d: date) -> float:
        tl, r = self.timeline, self._plot()
        span = (tl.end - tl.start).days or 1
        return r.left() + r.width() * (d - tl.start).days / span

    def _y(self, pts: int) -> float:
        r = self._plot()
        return r.bottom() - r.height() * pts / self._top()

    def _date_at(self, x: float) -> date:
        tl, r = self.timeline, self._plot()
        frac = min(1.0, max(0.0, (x - r.left()) / r.width()))
        return tl.start + timedelta(days=round(frac * (tl.end - tl.start).days))

    # ---------------------------------------------------------------- painting
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        tl = self.timeline
        if tl is None or not tl.steps:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No timeline yet: enter a birth date and facts."))
            return
        r = self._plot()
        text = self.palette().text().color()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        p.setFont(small)
        # axes and grid
        p.setPen(QPen(QColor(text.red(), text.green(), text.blue(), 40), 1))
        for v in range(0, self._top() + 1, 20):
            p.drawLine(QPointF(r.left(), self._y(v)), QPointF(r.right(), self._y(v)))
            p.setPen(text)
            p.drawText(QRectF(0, self._y(v) - 8, r.left() - 6, 16), Qt.AlignmentFlag.AlignRight, str(v))
            p.setPen(QPen(QColor(text.red(), text.green(), text.blue(), 40), 1))
        p.setPen(text)
        for year in range(tl.start.year + 1, tl.end.year + 1):
            x = self._x(date(year, 1, 1))
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
            p.drawText(QRectF(x - 30, r.bottom() + 4, 60, 14), Qt.AlignmentFlag.AlignCenter, str(year))
        # the 70 and 80 marks
        for mark in self.marks:
            high = mark == max(self.marks)
            p.setPen(QPen(QColor("#b00020") if high else QColor("#c77700"), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(r.left(), self._y(mark)), QPointF(r.right(), self._y(mark)))
            words = _("{points} points").format(points=mark)
            label = QRectF(r.left() + 4, self._y(mark) - 15, p.fontMetrics().horizontalAdvance(words) + 4, 14)
            p.fillRect(label, QColor(255, 255, 255, 190))
            p.drawText(label, Qt.AlignmentFlag.AlignLeft, words)
        # today, the planned date and its checkpoints
        marks = [(tl.today, _("today"), Qt.PenStyle.SolidLine, text)]
        if tl.planned:
            marks.append((tl.planned, _("planned"), Qt.PenStyle.SolidLine, QColor("#1f4e9c")))
            marks += [(d, _("checkpoint"), Qt.PenStyle.DotLine, QColor("#1f4e9c")) for d in tl.checkpoints]
        shown = [m for m in marks if tl.start <= m[0] <= tl.end]
        for row, (d, label, style, colour) in enumerate(sorted(shown, key=lambda m: m[0])):
            p.setPen(QPen(colour, 1, style))
            x = self._x(d)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            p.drawText(QRectF(x + 3, r.top() + 14 * (row % 3), 90, 14), Qt.AlignmentFlag.AlignLeft, label)
        # category lines: the others faint, the chosen one last and bold
        cats = [c.value for c in Category]
        chosen = tl.category.value if tl.category else None
        for cat in sorted(cats, key=lambda c: c == chosen):
            colour = QColor(CATEGORY_COLOURS[cat])
            if cat != chosen:
                colour.setAlpha(70)
            p.setPen(QPen(colour, 3 if cat == chosen else 1.5))
            p.drawPath(self._steps(cat))
        # events
        if chosen:
            p.setPen(QPen(CATEGORY_COLOURS[chosen], 1))
            for e in tl.events:
                x, y = self._x(e.on), self._y(e.after)
                p.setBrush(QColor("#f2b705") if e.after > e.before else QColor("#b00020"))
                p.drawEllipse(QPointF(x, y), 4, 4)
                p.drawText(QRectF(x - 45, y - (20 if e.after >= e.before else -6), 90, 14),
                           Qt.AlignmentFlag.AlignCenter, _(EVENT_LABELS.get(e.kind, EVENT_LABELS["other"])))
            p.setBrush(Qt.BrushStyle.NoBrush)
        # route windows under the plot
        y = r.bottom() + 22
        p.setPen(text)
        for name in self._bands():
            for a, b in tl.windows[name]:
                x0, x1 = self._x(a), self._x(b or tl.end)
                p.fillRect(QRectF(x0, y, max(2.0, x1 - x0), 12), WINDOW_COLOUR)
            p.drawText(QRectF(r.left() + 4, y - 1, r.width(), 14), Qt.AlignmentFlag.AlignLeft,
                       _(ROUTE_NAMES[name][0]))
            y += 16
        # the selected day
        if self.selected is not None and tl.start <= self.selected <= tl.end:
            p.setPen(QPen(QColor("#444444"), 1, Qt.PenStyle.DashDotLine))
            x = self._x(self.selected)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.drawRect(self.rect().adjusted(1, 1, -2, -2))

    def _steps(self, cat: str) -> QPainterPath:
        tl = self.timeline
        path = QPainterPath()
        values = tl.totals[cat]
        path.moveTo(self._x(tl.steps[0]), self._y(values[0]))
        for i in range(1, len(tl.steps)):
            x = self._x(tl.steps[i])
            path.lineTo(x, self._y(values[i - 1]))
            path.lineTo(x, self._y(values[i]))
        path.lineTo(self._x(tl.end), self._y(values[-1]))
        return path

    # ---------------------------------------------------------------- interaction
    def describe(self, d: date) -> str:
        """The day's totals and the chosen category's lines, as plain text (tooltip, status, screen readers)."""
        tl, r = self.timeline, Renderer()
        head = [_("{date}: (a) {a}, (b) {b}, (c) {c} points").format(
            date=r.fmt(d), a=tl.total("a", d), b=tl.total("b", d), c=tl.total("c", d))]
        if tl.category is not None:
            pr = tl.breakdown(d)
            head += [f"{ln.points:>3}  {r.rule_label(ln.rule_id)}" for ln in pr.lines]
        return "\n".join(head)

    def select(self, d: date, show_tip: bool = False, at=None) -> None:
        self.selected = d
        self.update()
        text = self.describe(d)
        self.setAccessibleDescription(text)
        if show_tip:
            QToolTip.showText(at if at is not None else self.mapToGlobal(self.rect().center()), text, self)
        self.day_selected.emit(d)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.timeline and self._plot().contains(event.position()):
            self.select(self._date_at(event.position().x()), True, event.globalPosition().toPoint())
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Left/Right: the previous/next change (or the planned date and checkpoints); Home/End: the ends."""
        tl = self.timeline
        if tl is None or not tl.steps:
            return super().keyPressEvent(event)
        stops = sorted({d for d in (*tl.steps, tl.today, tl.end, tl.planned, *tl.checkpoints)
                        if d and tl.start <= d <= tl.end})
        current = self.selected or tl.today
        key = event.key()
        if key == Qt.Key.Key_Right:
            later = [d for d in stops if d > current]
            target = later[0] if later else stops[-1]
        elif key == Qt.Key.Key_Left:
            earlier = [d for d in stops if d < current]
            target = earlier[-1] if earlier else stops[0]
        elif key == Qt.Key.Key_Home:
            target = stops[0]
        elif key == Qt.Key.Key_End:
            target = stops[-1]
        else:
            return super().keyPressEvent(event)
        self.select(target, True, self.mapToGlobal(QPointF(self._x(target), self._plot().top()).toPoint()))
