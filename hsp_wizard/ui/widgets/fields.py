"""Text fields for dates and yen that start empty, accept what people type, and say what is wrong beside
themselves (never a modal, never a widget default such as 2000-01-01)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QLabel,
                               QLineEdit, QSizePolicy, QStyle, QWidget)

from hsp_wizard.i18n import _
from hsp_wizard.parsing import ParseError, format_yen_input, parse_date, parse_yen
from hsp_wizard.presentation import Renderer

ERROR_STYLE = "color: #b00020;"


class ErrorLabel(QLabel):
    """The inline message under a field; empty and hidden when all is well."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class _ParsedField(QLineEdit):
    """A line edit whose text is parsed on every edit; `value_changed` fires with a valid value or None."""

    value_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.error = ErrorLabel(parent)
        self._value = None
        self._valid = True
        self._left = False  # its message shows once the field is left (or Next pressed), then as it is retyped
        self.textEdited.connect(self._on_edit)
        self.editingFinished.connect(self.reveal)

    def _parse(self, text: str):
        raise NotImplementedError

    def _on_edit(self, text: str) -> None:
        self._value, self._valid = self._validate(text)
        self.value_changed.emit(self.value())

    def _validate(self, text: str) -> tuple[object, bool]:
        """Parse and check `text`, showing the message beside the field; (value, valid)."""
        try:
            value = self._parse(text)
            msg = self.check(value) if value is not None else ""
        except ParseError as exc:
            value, msg = None, Renderer().msg(exc.msg)
        shown = msg if self._left else ""
        self.error.show_error(shown)
        self.setAccessibleDescription(shown)
        return value, not msg

    def reveal(self) -> bool:
        """The field was left, or Next pressed: say what is wrong with it. True when a message shows."""
        self._left = True
        if self.text().strip():
            self._value, self._valid = self._validate(self.text())
        return bool(self.error.text())

    def revalidate(self) -> None:
        """Show the current text's message again, in the current language (after a language change)."""
        if self.error.text():
            self._validate(self.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.revalidate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The placeholder text in the current language."""

    def check(self, value) -> str:
        """Extra checks (a birth date in range, a date not in the future); '' when fine."""
        return ""

    @property
    def valid(self) -> bool:
        return self._valid

    def value(self):
        return self._value if self._valid else None


class DateField(_ParsedField):
    """A date typed as 2026-04-01, 2026/4/1, 2026年4月1日 or 令和8年4月1日; empty means not entered."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.checker = None
        self.hint: Callable[[], str] | None = None  # a placeholder of the field's own, made in the language of the
        self.retranslate()                          # moment (else the date's format)

    def retranslate(self) -> None:
        self.setPlaceholderText(self.hint() if self.hint else _("YYYY-MM-DD"))

    def _parse(self, text: str):
        return parse_date(text)

    def check(self, value) -> str:
        return self.checker(value) if self.checker else ""

    def set_value(self, value: date | None) -> None:
        self._value, self._valid, self._left = value, True, False
        self.setText("" if value is None else value.isoformat())
        self.error.show_error("")


class YenField(_ParsedField):
    """Whole yen typed as 4000000, 4,000,000, 400万 or in full-width digits; empty means not entered."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("for example 4,000,000"))

    def _parse(self, text: str):
        return parse_yen(text)

    def set_value(self, value: int | None) -> None:
        self._value, self._valid, self._left = value, True, False
        self.setText(format_yen_input(value))
        self.error.show_error("")


class _WheelGuard(QObject):
    """Ignores the wheel over a combo or spin box that does not have the focus, so the wheel scrolls the page
    (the event goes on to the scroll area) instead of changing an answer the person scrolls past."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            area = obj.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:  # the nearest scroll area scrolls, as if the box were not there
                view = area.viewport()
                forwarded = QWheelEvent(QPointF(view.mapFromGlobal(event.globalPosition().toPoint())),
                                        event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                        event.buttons(), event.modifiers(), event.phase(), event.inverted())
                QApplication.sendEvent(view, forwarded)
                event.accept()  # scrolled: Qt passes it no further
            else:
                event.ignore()  # no scroll area: Qt passes an ignored wheel event on to the parent
            return True
        return False


_WHEEL_GUARD: _WheelGuard | None = None


def guard_wheel(root: QWidget) -> None:
    """Every combo and spin box in `root` takes the focus by click or Tab only, and ignores the wheel until it
    has it (idempotent: call again after adding widgets)."""
    global _WHEEL_GUARD
    if _WHEEL_GUARD is None:
        _WHEEL_GUARD = _WheelGuard()
    for box in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
        if box.property("wheel_guarded"):
            continue
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(_WHEEL_GUARD)
        box.setProperty("wheel_guarded", True)


# a word with the space after it, or one CJK character (Japanese breaks between any two of them)
_PIECES = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef][、。）」]?|[^\s\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+\s*|\s+")


class WrapCheckBox(QCheckBox):
    """A tick box whose text wraps onto more lines when its page is narrow (a QCheckBox never wraps: a long one
    widens its page until the page scrolls sideways and cuts what is beside it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # a button's is Minimum: never narrower
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        from hsp_wizard.ui.accessibility import plain
        self._full = text
        self.setAccessibleName(plain(text))
        self._reflow()

    def full_text(self) -> str:
        return self._full

    def _room(self) -> int:
        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) +
                style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self) + 8)

    def _reflow(self) -> None:
        width = max(80, self.width() - self._room())
        metrics = self.fontMetrics()
        lines, line = [], ""
        for piece in _PIECES.findall(self._full):
            if line and metrics.horizontalAdvance((line + piece).rstrip().replace("&", "")) > width:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line += piece
        lines.append(line.rstrip())
        text = "\n".join(lines)
        if text != super().text():
            super().setText(text)
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reflow()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As wide as the text on one line, as high as the lines it is shown on."""
        one_line = self.fontMetrics().horizontalAdvance(self._full.replace("&", "")) + self._room()
        return QSize(one_line, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(min(self.sizeHint().width(), 200), super().sizeHint().height())


class WrapLabel(QLabel):
    """A question that wraps to the width it is given, asking for its one-line width first (a word-wrapped
    QLabel guesses a narrow width of its own, and a form lays it out that narrow)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self.fontMetrics().horizontalAdvance(self.text().replace("&", "")) + 4
        return QSize(width, self.heightForWidth(width))
