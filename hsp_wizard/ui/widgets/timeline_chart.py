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
from hsp_wizard.presentation import ROUTE_NAMES, Renderer, category_letter
from hsp_wizard.rules import load_rules

CATEGORY_COLOURS = {"a": QColor("#7b3294"), "b": QColor("#1f4e9c"), "c": QColor("#008837")}
WINDOW_COLOUR = QColor(242, 183, 5, 110)
LANE = 15     # the height of a row of labels (the legend's, and the lanes above the plot)
LANES = 2     # lanes above the plot for the labels of today, the planned date and its checkpoints
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
        top = self._legend_height() + LANE * LANES + 4
        return QRectF(44, top, max(10, self.width() - 60), max(10, self.height() - top - 38 - 16 * bands))

    def _small(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        return small

    def legend(self) -> list[tuple[str, str]]:
        """Every line and mark the chart draws, with its words: (kind, label), in the order drawn in the legend."""
        tl = self.timeline
        if tl is None or not tl.steps:
            return []
        chosen = tl.category.value if tl.category else None
        out = [(f"cat:{c.value}", (_("({category}) points, your category") if c.value == chosen else
                                   _("({category}) points")).format(category=category_letter(c)))
               for c in Category]
        out += [(f"mark:{m}", _("{points} points").format(points=m)) for m in self.marks]
        out.append(("today", _("today")))
        if tl.planned:
            out += [("planned", _("planned date")), ("checkpoint", _("checkpoint"))]
        if chosen and tl.events:
            out += [("up", _("points go up")), ("down", _("points go down"))]
        if self._bands():
            out.append(("band", _("a route is open")))
        return out

    def _legend_items(self) -> list[tuple[str, str, QRectF]]:
        """The legend's entries laid out left to right, wrapping to a new row when the width runs out."""
        from PySide6.QtGui import QFontMetrics
        fm = QFontMetrics(self._small())
        x, y, out = 44.0, 4.0, []
        right = max(60.0, self.width() - 8.0)
        for kind, label in self.legend():
            w = 22 + fm.horizontalAdvance(label) + 14
            if x + w > right and x > 44:
                x, y = 44.0, y + LANE
            out.append((kind, label, QRectF(x, y, w - 14, LANE)))
            x += w
        return out

    def _legend_height(self) -> float:
        items = self._legend_items() if self.timeline else []
        return (items[-1][2].bottom() + 2) if items else 4.0

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
        p.setFont(self._small())
        self.labels: list[tuple[str, QRectF]] = []  # every label drawn, where (tests check none overlap)
        taken: list[QRectF] = []

        def place(rect: QRectF, words: str, align=Qt.AlignmentFlag.AlignLeft, pad: float = 1.0) -> bool:
            """Draw `words` in `rect` unless it would overlap a label already drawn (then leave it out: the table
            below and the tooltip say the same)."""
            box = rect.adjusted(-pad, 0, pad, 0)
            if any(box.intersects(t) for t in taken):
                return False
            taken.append(box)
            self.labels.append((words, rect))
            p.drawText(rect, align, words)
            return True

        fm = p.fontMetrics()
        # the legend
        self._paint_legend(p, text, place)
        # axes and grid
        grid = QPen(QColor(text.red(), text.green(), text.blue(), 40), 1)
        for v in range(0, self._top() + 1, 20):
            p.setPen(grid)
            p.drawLine(QPointF(r.left(), self._y(v)), QPointF(r.right(), self._y(v)))
            p.setPen(text)
            place(QRectF(0, self._y(v) - 8, r.left() - 6, 16), str(v), Qt.AlignmentFlag.AlignRight)
        p.setPen(text)
        year_w = fm.horizontalAdvance("2000") + 8
        for year in range(tl.start.year + 1, tl.end.year + 1):
            x = self._x(date(year, 1, 1))
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
            place(QRectF(x - year_w / 2, r.bottom() + 4, year_w, 14), str(year), Qt.AlignmentFlag.AlignCenter)
        # the 70 and 80 marks (named in the legend)
        for mark in self.marks:
            p.setPen(QPen(self._mark_colour(mark), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(r.left(), self._y(mark)), QPointF(r.right(), self._y(mark)))
        # today, the planned date and its checkpoints: lines through the plot, labels in the lanes above it
        marks = [(tl.today, _("today"), Qt.PenStyle.SolidLine, text)]
        if tl.planned:
            marks.append((tl.planned, _("planned date"), Qt.PenStyle.SolidLine, QColor("#1f4e9c")))
            marks += [(d, _("checkpoint"), Qt.PenStyle.DotLine, QColor("#1f4e9c")) for d in tl.checkpoints]
        shown = [m for m in marks if tl.start <= m[0] <= tl.end]
        for d, label, style, colour in sorted(shown, key=lambda m: m[0]):
            p.setPen(QPen(colour, 1, style))
            x = self._x(d)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            w = fm.horizontalAdvance(label) + 4
            for lane in range(LANES):
                y = r.top() - LANE * (lane + 1) - 2
                left = min(x + 3, r.right() - w)  # near the right edge: to the line's left
                if place(QRectF(left, y, w, LANE - 1), label):
                    break
        # category lines: the others faint, the chosen one last and bold
        cats = [c.value for c in Category]
        chosen = tl.category.value if tl.category else None
        for cat in sorted(cats, key=lambda c: c == chosen):
            colour = QColor(CATEGORY_COLOURS[cat])
            if cat != chosen:
                colour.setAlpha(70)
            p.setPen(QPen(colour, 3 if cat == chosen else 1.5))
            p.drawPath(self._steps(cat))
        # events: a dot where the line moves, its kind above (or below) when there is room
        if chosen:
            for e in tl.events:
                x, y = self._x(e.on), self._y(e.after)
                p.setPen(QPen(CATEGORY_COLOURS[chosen], 1))
                p.setBrush(QColor("#f2b705") if e.after > e.before else QColor("#b00020"))
                p.drawEllipse(QPointF(x, y), 4, 4)
                p.setBrush(Qt.BrushStyle.NoBrush)
                words = _(EVENT_LABELS.get(e.kind, EVENT_LABELS["other"]))
                w = fm.horizontalAdvance(words) + 4
                up = e.after >= e.before
                for dy in ((-20, 6, -34) if up else (6, -20, 20)):
                    rect = QRectF(min(max(r.left(), x - w / 2), r.right() - w), y + dy, w, 14)
                    if rect.top() >= r.top() and rect.bottom() <= r.bottom() and place(rect, words,
                                                                                       Qt.AlignmentFlag.AlignCenter):
                        break
        # route windows under the plot
        y = r.bottom() + 22
        p.setPen(text)
        for name in self._bands():
            for a, b in tl.windows[name]:
                x0, x1 = self._x(a), self._x(b or tl.end)
                p.fillRect(QRectF(x0, y, max(2.0, x1 - x0), 12), WINDOW_COLOUR)
            words = _(ROUTE_NAMES[name][0])
            place(QRectF(r.left() + 4, y - 1, fm.horizontalAdvance(words) + 4, 14), words)
            y += 16
        # the selected day
        if self.selected is not None and tl.start <= self.selected <= tl.end:
            p.setPen(QPen(QColor("#444444"), 1, Qt.PenStyle.DashDotLine))
            x = self._x(self.selected)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.drawRect(self.rect().adjusted(1, 1, -2, -2))

    def _mark_colour(self, mark: int) -> QColor:
        return QColor("#b00020") if mark == max(self.marks) else QColor("#c77700")

    def _paint_legend(self, p: QPainter, text: QColor, place) -> None:
        tl = self.timeline
        chosen = tl.category.value if tl.category else None
        for kind, label, rect in self._legend_items():
            mid = rect.top() + rect.height() / 2
            sample = QRectF(rect.left(), rect.top(), 18, rect.height())
            if kind.startswith("cat:"):
                cat = kind[4:]
                colour = QColor(CATEGORY_COLOURS[cat])
                if cat != chosen:
                    colour.setAlpha(70)
                p.setPen(QPen(colour, 3 if cat == chosen else 1.5))
                p.drawLine(QPointF(sample.left(), mid), QPointF(sample.right(), mid))
            elif kind.startswith("mark:"):
                p.setPen(QPen(self._mark_colour(int(kind[5:])), 1, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(sample.left(), mid), QPointF(sample.right(), mid))
            elif kind in ("today", "planned", "checkpoint"):
                colour = text if kind == "today" else QColor("#1f4e9c")
                p.setPen(QPen(colour, 1, Qt.PenStyle.DotLine if kind == "checkpoint" else Qt.PenStyle.SolidLine))
                p.drawLine(QPointF(sample.center().x(), rect.top() + 2), QPointF(sample.center().x(), rect.bottom() - 2))
            elif kind in ("up", "down"):
                p.setPen(QPen(CATEGORY_COLOURS.get(chosen or "b"), 1))
                p.setBrush(QColor("#f2b705") if kind == "up" else QColor("#b00020"))
                p.drawEllipse(sample.center(), 4, 4)
                p.setBrush(Qt.BrushStyle.NoBrush)
            elif kind == "band":
                p.fillRect(sample.adjusted(0, 3, 0, -3), WINDOW_COLOUR)
            p.setPen(text)
            place(QRectF(rect.left() + 22, rect.top(), rect.width() - 22, rect.height()), label)

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
