"""Read-only text in paragraphs whose links are real buttons: Tab reaches each one, Enter or Space activates it,
and a screen reader hears its name (a link inside a QTextBrowser is none of these: Qt exposes no hyperlinks
over AT-SPI)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

LINK_STYLE = ("QPushButton { border: 1px solid transparent; color: palette(link); text-decoration: underline; "
              "padding: 0 3px; background: transparent; } "
              "QPushButton:focus { border: 1px solid palette(highlight); }")


class LinkButton(QPushButton):
    """Looks like a link, is a button: named, focusable, activated by Enter, Return or Space."""

    def __init__(self, text: str, name: str, description: str, on_click: Callable[[], None], parent=None):
        super().__init__(text, parent)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setAutoDefault(False)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(LINK_STYLE)
        self.clicked.connect(lambda _checked=False: on_click())

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
        self.links: list[LinkButton] = []

    def clear(self) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self._build()

    def add(self, html: str, links: list[LinkButton] | tuple = (), indent: int = 0, below: bool = False) -> QLabel:
        """A paragraph of rich text, with its links after it on the same line (`below`: on the lines under it,
        wrapping as the width needs)."""
        label = QLabel(html, self.inner)
        label.setTextFormat(Qt.TextFormat.RichText)
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
        for w in (label, *links):
            w.show()  # now, not on the next event loop turn (a layout shows new children later)
        self.paragraphs.append(label)
        return label

    def toPlainText(self) -> str:  # noqa: N802 (like QTextEdit's)
        """What it says, paragraph by paragraph, with the links' texts."""
        lines = []
        for label in self.paragraphs:
            text = QTextDocumentFragment.fromHtml(label.text()).toPlainText()
            own = [b.text() for b in self.links if b.parentWidget() is self.inner and self._beside(label, b)]
            lines.append(" ".join([text, *own]))
        return "\n".join(lines)

    def _beside(self, label: QLabel, button: LinkButton) -> bool:
        for i in range(self.box.count()):
            row = self.box.itemAt(i).layout()
            if row is not None and row.indexOf(label) >= 0:
                return row.indexOf(button) >= 0
        return False
