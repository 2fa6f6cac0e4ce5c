"""Read-only text in paragraphs whose links are real buttons: Tab reaches each one, Enter or Space activates it,
and a screen reader hears its name (a link inside a QTextBrowser is none of these: Qt exposes no hyperlinks
over AT-SPI)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen, QTextDocumentFragment
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QPushButton, QScrollArea,
                               QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QVBoxLayout, QWidget)

MIN_LINK_WIDTH = 60  # the narrowest a link is squeezed to


class LinkButton(QPushButton):
    """Looks like a link, is a button: named, focusable, activated by Enter, Return or Space."""

    def __init__(self, text: str, name: str, description: str, on_click: Callable[[], None], parent=None):
        super().__init__(text, parent)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setAutoDefault(False)
        self.setFlat(True)  # drawn as a link: underlined, in the link colour (a style sheet would cost 3x)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # may be narrower than its text (a button's policy would make its full text its minimum width)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)
        self.clicked.connect(lambda _checked=False: on_click())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as a few letters: a link longer than the view is shortened with "…" (its tooltip says it
        whole) rather than widening the text past the window, which cut off every link at the right edge."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_LINK_WIDTH), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.setToolTip(self.text() if self.width() < self.sizeHint().width() else "")

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.width() >= self.sizeHint().width():
            super().paintEvent(event)
        else:  # shortened to the width it has, with "…"
            painter = QStylePainter(self)
            opt = QStyleOptionButton()
            self.initStyleOption(opt)
            room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self).width()
            opt.text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(0, room - 4))
            painter.drawControl(QStyle.ControlElement.CE_PushButton, opt)
            painter.end()
        if self.hasFocus():  # a flat button shows no focus of its own in most styles: a frame, as links have
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto the next line when the row is full (several links under a paragraph)."""

    def __init__(self, parent=None, spacing: int = 10):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, outer: QRect, move: bool) -> int:
        m = self.contentsMargins()
        rect = outer.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing // 2, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.top() + m.bottom()


class LinkedText(QScrollArea):
    """Paragraphs (QLabels, rich text allowed) each followed by its links; rebuilt by `clear` and `add`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps instead
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._build()

    def _build(self) -> None:
        self.inner = QWidget(self)
        self.inner.setBackgroundRole(self.backgroundRole())
        self.box = QVBoxLayout(self.inner)
        self.box.setSpacing(4)
        self.box.addStretch(1)
        self.setWidget(self.inner)
        self.inner.show()  # a widget set into a visible scroll area is not shown by it
        self.paragraphs: list[QLabel] = []
        self.cells: list[QLabel] = []  # of the grids
        self.links: list[LinkButton] = []

    def clear(self) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self._build()

    @contextmanager
    def rebuilt(self):
        """Clear, let the caller `add` paragraphs, then show them all at once (showing each as it is added
        lays the whole text out again every time: a second for the results page)."""
        self.clear()
        self.inner.hide()
        try:
            yield self
        finally:
            self.inner.show()

    def add(self, text: str, links: list[LinkButton] | tuple = (), indent: int = 0, below: bool = False,
            heading: int = 0, rich: bool = False) -> QLabel:
        """A paragraph with its links after it on the same line (`below`: on the lines under it, wrapping as the
        width needs). Plain text unless `rich` (escaped HTML: a rich label costs 7 times a plain one); `heading`
        (1 or 2) makes it a bold heading, larger for 1."""
        label = QLabel(text, self.inner)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        if heading:
            font = QFont(label.font())
            font.setBold(True)
            if heading == 1:
                font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setIndent(indent)
        label.setMinimumWidth(80)  # a long word or a table must not widen the page past the window
        row = QVBoxLayout() if below else QHBoxLayout()
        row.setSpacing(6 if not below else 2)
        row.addWidget(label, 1)
        flow = None
        if below and links:
            flow = FlowLayout()
            flow.setContentsMargins(indent + 8, 0, 0, 0)
            row.addLayout(flow)
        for link in links:
            link.setParent(self.inner)
            if flow is not None:
                flow.addWidget(link)
            else:
                row.addWidget(link, 0, Qt.AlignmentFlag.AlignTop)
            QWidget.setTabOrder(self.links[-1] if self.links else self, link)  # Tab goes through them in order
            self.links.append(link)
        self.box.insertLayout(self.box.count() - 1, row)
        if self.inner.isVisible():  # (in `rebuilt`, the hidden page shows them all at once, far cheaper)
            for w in (label, *links):
                w.show()  # with the text (a layout would show new children only on the next event loop turn)
        self.paragraphs.append(label)
        return label

    def add_grid(self, rows: list[list[str]], small: int | None = None, indent: int = 0) -> QWidget:
        """A table of plain-text cells (a rich-text table in a word-wrapping label costs a layout per width
        tried: 200 ms a table). Column 0 is right-aligned; column `small` is in a smaller font."""
        grid_widget = QWidget(self.inner)
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(indent, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        little = QFont(self.font())
        little.setPointSizeF(max(6.0, little.pointSizeF() * 0.85))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                label = QLabel(text, grid_widget)
                label.setTextFormat(Qt.TextFormat.PlainText)
                # (not selectable: a text control in each of a hundred cells costs 80 ms a load)
                if c == 0:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                else:
                    label.setWordWrap(True)
                    label.setMinimumWidth(40)
                    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if c == small:
                    label.setFont(little)
                grid.addWidget(label, r, c)
                self.cells.append(label)
        for c in range(1, max((len(x) for x in rows), default=1)):
            grid.setColumnStretch(c, 1)
        self.box.insertWidget(self.box.count() - 1, grid_widget)
        if self.inner.isVisible():
            grid_widget.show()
        return grid_widget

    def toPlainText(self) -> str:  # noqa: N802 (like QTextEdit's)
        """What it says, in order: each paragraph with its links' texts, each table row with tabs between cells."""
        lines = []
        for i in range(self.box.count()):
            item = self.box.itemAt(i)
            if item.widget() is not None and isinstance(item.widget().layout(), QGridLayout):
                grid = item.widget().layout()
                for r in range(grid.rowCount()):
                    cells = [grid.itemAtPosition(r, c) for c in range(grid.columnCount())]
                    lines.append("\t".join(c.widget().text() for c in cells if c is not None))
            elif item.layout() is not None:
                lines.append(" ".join(_texts(item.layout())))
        return "\n".join(lines)


def _texts(layout: QLayout) -> list[str]:
    """The texts of a paragraph's label and links, in layout order."""
    out = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        w = item.widget()
        if isinstance(w, QLabel):
            out.append(QTextDocumentFragment.fromHtml(w.text()).toPlainText()
                       if w.textFormat() == Qt.TextFormat.RichText else w.text())
        elif isinstance(w, QPushButton):
            out.append(w.text())
        elif item.layout() is not None:
            out += _texts(item.layout())
    return out
