"""Translatable texts bound to the widgets that show them, so a page re-applies every one of them when the
language changes (Qt's LanguageChange) without rebuilding anything or touching what the user typed."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox

from hsp_wizard.i18n import _


class Texts:
    """A widget tree's message ids and where each one goes."""

    def __init__(self) -> None:
        self._bound: list[Callable[[], None]] = []

    def bind(self, setter: Callable[[str], object], msgid: str) -> None:
        """Show `msgid` through `setter` now and again after each language change (texts made from several
        messages or from data use `call`)."""
        self.call(lambda: setter(_(msgid)))

    def bind_named(self, widget, msgid: str) -> None:
        """A button's or label's text with its mnemonic, and its accessible name without the marker (Qt keeps
        "(D)" of "学位(&D)" in the name it makes itself)."""
        from hsp_wizard.ui.accessibility import plain, set_name
        self.call(lambda: (widget.setText(_(msgid)), set_name(widget, plain(_(msgid)).rstrip(":：").strip())))

    def bind_items(self, box: QComboBox, pairs: list[tuple[object, str]]) -> QComboBox:
        """Fill a combo box with (value, msgid) pairs; a language change relabels them in place."""
        for value, label in pairs:
            box.addItem(label, getattr(value, "value", value))

        def apply() -> None:
            for i, (_value, label) in enumerate(pairs):
                box.setItemText(i, _(label))
        self._bound.append(apply)
        apply()
        return box

    def call(self, fn: Callable[[], None]) -> None:
        """Run `fn` now and after each language change (for texts computed from several messages)."""
        self._bound.append(fn)
        fn()

    def apply(self) -> None:
        for fn in self._bound:
            fn()
