"""The base of every page: it renders the project (`load`), writes edits back (`apply`) and re-translates
itself when the language changes (`retranslate`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from hsp_wizard.i18n import _
from hsp_wizard.ui.accessibility import announce, plain, set_name
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.texts import Texts


class BasePage(QWizardPage):
    """A thin view: the domain decides what is asked and derived; the page shows it and writes back.
    `title` and `subtitle` are message ids (marked with N_), translated here and on each language change."""

    SCROLLS = True

    def __init__(self, doc: ProjectDocument, title: str, subtitle: str = ""):
        super().__init__()
        self.doc = doc
        self.texts = Texts()
        self.texts.bind(self.setTitle, title)
        if subtitle:
            self.texts.bind(self.setSubTitle, subtitle)
        # the page's own widgets scroll inside it, so a long page never pushes Back/Next off the screen (a page
        # whose widgets scroll themselves, such as the results' tabs, sets SCROLLS = False)
        if not self.SCROLLS:
            self.scroll = None
            self.body = QVBoxLayout(self)
            self._loading = False
            return
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; it scrolls to each
        inner = QWidget(self.scroll)
        self.body = QVBoxLayout(inner)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll)
        self._loading = False

    def help_text(self, msgid: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        self.texts.bind(label.setText, msgid)
        self.body.addWidget(label)
        return label

    def why(self, rule_id: str) -> QLabel:
        """A "Why?" link under the page's text that shows the rule behind the page (its name, its sources by title,
        how sure, its id: read from the rule data when first asked, in the language shown) and hides it again."""
        from hsp_wizard.ui.widgets.linked_text import LinkButton
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()

        def fill() -> None:
            if not label.isVisible():
                return  # the rule data is read when asked, not while the page is built
            from datetime import date
            from hsp_wizard.presentation import Renderer
            from hsp_wizard.wording import sources_said
            r = Renderer()
            values = r.rules.rules[rule_id].values
            v = r.rules.rule_value(rule_id, date.today()) or values[-1]
            label.setText(_("{name}: {what}").format(name=r.rule_label(rule_id),
                                                      what=sources_said(r, v.sources, v.confidence, rule_id)))
        self.texts.call(fill)

        def toggle() -> None:
            label.setVisible(not label.isVisible())
            fill()
            name()

        button = LinkButton("", "", "", toggle, self)

        def name() -> None:
            text = _("Hide why") if label.isVisible() else _("Why?")
            button.setText(text)
            set_name(button, text)
        self.texts.call(name)
        self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(label)
        self.why_buttons = getattr(self, "why_buttons", []) + [button]
        return label

    def explain(self, widget: QWidget, *row_ids: str) -> None:
        """The field's tooltip and F1 text: what counts and the proof ISA expects, from the rule data."""
        def apply() -> None:
            from hsp_wizard.ui.help_text import rows_help
            text = rows_help(row_ids)
            widget.setToolTip(text)
            widget.setWhatsThis(text)
        self.texts.call(apply)

    def label_for(self, msgid: str, buddy: QWidget, wrap: bool = False) -> QLabel:
        """A translated label whose mnemonic moves the focus to `buddy` (`wrap`: on more lines when narrow)."""
        if wrap:
            from hsp_wizard.ui.widgets.fields import WrapLabel  # (not before the first frame: it needs parsing)
            label = WrapLabel(self)
        else:
            label = QLabel(self)
        self.texts.bind_named(label, msgid)
        self.texts.call(lambda: set_name(buddy, plain(_(msgid)).rstrip(":：").strip()))  # Qt's keeps "(D)"
        label.setBuddy(buddy)
        return label

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-apply every bound text; pages with computed texts refresh them too."""
        self.texts.apply()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self._loading = True
        self.loaded_revision = getattr(self.doc, "revision", 0)
        self.load()
        self._loading = False

    def reload_if_stale(self) -> None:
        """Show the project again if it was replaced (undo, redo, new, open) since this page was filled."""
        if getattr(self, "loaded_revision", None) != getattr(self.doc, "revision", 0):
            self.initializePage()

    def reveal_field_errors(self) -> set[str]:
        """Next was pressed: every date and amount field says what is wrong with it; the messages shown."""
        from hsp_wizard.ui.widgets.fields import _ParsedField
        return {f"{id(f)}:{f.error.text()}" for f in self.findChildren(_ParsedField)
                if f.isVisibleTo(self) and f.reveal()}

    def reveal_errors(self) -> set[str]:
        """Every message the page shows once Next is pressed (pages with tables add their rows')."""
        return self.reveal_field_errors()

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Next shows every problem on the page; a Next that shows one not yet seen at a Next stays on the page
        to show it (what was typed stays either way, and the step list marks the page); a jump from the step
        list never stops."""
        shown = self.reveal_errors()
        self.apply()
        new = shown - getattr(self, "_told", set())
        self._told = shown
        wizard = self.wizard()
        if not new or bool(wizard is not None and getattr(wizard, "jumping", False)):
            return True
        # it stays: say why, and that a second Next goes on (a fresh user pressed Next, saw nothing happen)
        said = _("Fix what is marked on this page, or press Next again to go on: what you typed is kept, and a row "
                 "with a problem is not counted until it is fixed.")
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(said, 15000)
        announce(self, said)
        return False

    def load(self) -> None:
        """Fill the widgets from the project."""

    def apply(self) -> None:
        """Write the widgets' valid values to the project."""

    def edited(self, *_args) -> None:
        if not self._loading:
            self.apply()
