"""What a screen reader is told, in one place: names without mnemonic markers, names and descriptions that change
only when their text does, and announcements of a changed answer.

Qt on Linux has no live regions. What it does send over AT-SPI, and what this module uses:
- a changed accessible name or description (QWidget.setAccessibleName/-Description send NameChanged and
  DescriptionChanged: AT-SPI `object:property-change:accessible-name` / `-description`);
- an announcement (QAccessibleAnnouncementEvent, Qt 6.8+: AT-SPI `object:announcement`, which Orca speaks
  whatever has the focus). tests/accessibility checks both with a real AT-SPI listener."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget, QWizard

# "学位(&D)", "ファイル（&F）": the Japanese convention puts the access key in brackets after the label
_BRACKETED_KEY = re.compile(r"\s*[(（]&[^&\s][)）]")


def plain(label: str) -> str:
    """A label as a screen reader should say it: without its mnemonic marker ("&Degree" -> "Degree",
    "学位(&D)に" -> "学位に"); "&&" stays a literal "&"."""
    text = _BRACKETED_KEY.sub("", label).replace("&&", "\0")
    return text.replace("&", "").replace("\0", "&")


def set_name(widget: QWidget, name: str) -> bool:
    """Give `widget` this accessible name; True when it changed (Qt then sends NameChanged)."""
    if widget.accessibleName() == name:
        return False
    widget.setAccessibleName(name)
    return True


def set_description(widget: QWidget, text: str) -> bool:
    """Give `widget` this accessible description; True when it changed (Qt then sends DescriptionChanged)."""
    if widget.accessibleDescription() == text:
        return False
    widget.setAccessibleDescription(text)
    return True


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Ask the screen reader to say `text` now, wherever the focus is (polite: after what it is saying)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive else
                        QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


class LiveText:
    """A value a sighted user watches change (the points total, the headline answer): its name says what it is
    and what it says now, and a change is announced once the value has settled (typing a date passes through
    other dates: only the last one is said). The first value is not announced (nothing changed yet)."""

    SETTLE_MS = 500

    def __init__(self, widget: QWidget):
        self.widget = widget
        self.spoken: str | None = None  # the current words, in the current language
        self.value: object = None       # what the words are about: a language switch changes words, not value
        self._said: object = None       # the value last announced (or first shown)
        self._timer = QTimer(widget)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SETTLE_MS)
        self._timer.timeout.connect(self._announce)

    def show(self, name: str, value: object) -> None:
        first = self.spoken is None
        self.value, self.spoken = value, name
        set_name(self.widget, name)
        if first:
            self._said = value
        elif value != self._said:
            self._timer.start()
        else:
            self._timer.stop()  # back to what was last said: nothing to announce

    def _announce(self) -> None:
        self._said = self.value
        if self.widget.isVisible():
            announce(self.widget, self.spoken or "")


class _WizardTitle(QObject):
    """Keeps the wizard's accessible name on the current page's title (so a screen reader says where Next
    went), each page named by its title and described by its subtitle, and the wizard's buttons named
    without their mnemonic markers, in the current language."""

    def __init__(self, wizard: QWizard):
        super().__init__(wizard)
        self.wizard = wizard
        wizard.currentIdChanged.connect(self.update)
        wizard.installEventFilter(self)
        self.update()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self.update)  # after the pages and the wizard have re-translated
        return False

    def update(self, *_args) -> None:
        w = self.wizard
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton):
            button = w.button(which)
            set_name(button, plain(button.text()).replace("<", "").replace(">", "").strip())
        for pid in w.pageIds():
            page = w.page(pid)
            set_name(page, page.title())
            set_description(page, page.subTitle())
        page = w.currentPage()
        if page is not None:
            set_name(w, page.title())
            set_description(w, page.subTitle())


def follow_wizard(wizard: QWizard) -> None:
    """Name the wizard after its current page, and its buttons and pages, now and after each change."""
    if getattr(wizard, "_a11y_title", None) is None:
        wizard._a11y_title = _WizardTitle(wizard)
    else:
        wizard._a11y_title.update()


__all__ = ["LiveText", "announce", "follow_wizard", "plain", "set_description", "set_name"]
