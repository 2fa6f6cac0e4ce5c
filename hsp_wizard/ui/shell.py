"""What makes the window an app around the wizard: the step list beside the pages, undo and redo, the results
page's Save / Save checklist as PDF / Print buttons, and the Edit and Help menus. Hooked into MainWindow by
`install_shell` (before its menus) and `add_menus` (after them)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QHBoxLayout, QLineEdit, QMessageBox, QWidget,
                               QWizard)

from hsp_wizard.i18n import N_, _
from hsp_wizard.ui.steps import PageId
from hsp_wizard.ui.undo import UndoHistory
from hsp_wizard.ui.widgets.step_list import StepList

RESULTS = int(PageId.RESULTS)
MEMBERS_MS = 300  # after an edit: the household members' states in the step list (each needs the evaluation)


def install_shell(window) -> None:
    """The step list to the left of the wizard, the undo history, and the results page's buttons."""
    wizard, doc = window.wizard, window.doc
    central = QWidget(window)
    lay = QHBoxLayout(central)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    window.steps = StepList(central)
    lay.addWidget(window.steps)
    lay.addWidget(wizard, 1)
    window.setCentralWidget(central)

    window.history = UndoHistory(doc, window)
    window.history.reset()

    members_timer = QTimer(window)
    members_timer.setSingleShot(True)
    members_timer.setInterval(MEMBERS_MS)

    def members() -> None:
        """Each household member's line in the step list: with the household worked out from the edit's one
        plan (shared with the pages), once typing pauses; a member missing facts says so at once."""
        from hsp_wizard.ui.steps import member_rows
        project = doc.project
        if not project.household.members:
            window.steps.set_members([])
            return
        window.steps.set_members(member_rows(project, doc.plan().household))

    members_timer.timeout.connect(members)
    window.steps.members_stale.connect(members)
    window.steps.member_requested.connect(lambda index: wizard.pages[PageId.HOUSEHOLD].select_member(index))

    def refresh() -> None:
        if not getattr(doc, "made", True):  # no project yet: every step is not started, as the list starts
            return
        window.steps.set_states(doc.project, wizard.visited, wizard.currentId())
        window.steps.show_back(wizard.from_results)
        if doc.project.household.members or window.steps.members:
            members_timer.start()

    def restored() -> None:
        # an undo or redo is shown where it happened: the page holding what it put back, and a word in the status
        # bar (one Ctrl+Z on one page could silently take back an edit made on another)
        from hsp_wizard.ui.steps import TITLES
        from hsp_wizard.ui.wizard import page_of_fields
        history = window.history
        target = page_of_fields(history.last_fields)
        if target is not None and target != wizard.currentId():
            wizard.jump_to(target)
        page = wizard.currentPage()
        if page is not None and hasattr(page, "reload_if_stale"):
            page.reload_if_stale()
        refresh()
        if target is not None:
            said = (N_("Undone on the page “{page}”") if history.last_was_undo else
                    N_("Redone on the page “{page}”"))
            window.statusBar().showMessage(_(said).format(page=_(TITLES[target])), 6000)

    window.steps.jump_requested.connect(wizard.jump_to)
    window.steps.back_to_results.connect(lambda: wizard.jump_to(RESULTS))
    wizard.currentIdChanged.connect(lambda _id: refresh())
    doc.changed.connect(refresh)
    window.history.restored.connect(restored)

    for which, msgid in ((QWizard.WizardButton.CustomButton1, N_("&Save")),
                         (QWizard.WizardButton.CustomButton2, N_("Save checklist as PD&F…")),
                         (QWizard.WizardButton.CustomButton3, N_("&Print checklist…"))):
        wizard.setButtonText(which, _(msgid))
        window.texts_later = getattr(window, "texts_later", []) + [(which, msgid)]
    actions = {QWizard.WizardButton.CustomButton1.value: window.save,
               QWizard.WizardButton.CustomButton2.value: window.save_checklist_pdf,
               QWizard.WizardButton.CustomButton3.value: window.print_checklist}
    wizard.customButtonClicked.connect(lambda which: actions[getattr(which, "value", which)]())
    refresh()


def add_menus(window) -> None:
    """Edit (Undo, Redo) before Language, and Help after it."""
    texts, bar = window.texts, window.menuBar()
    from hsp_wizard.ui.accessibility import plain, set_name
    for which, msgid in getattr(window, "texts_later", []):
        texts.call(lambda which=which, msgid=msgid: (window.wizard.setButtonText(which, _(msgid)),
                                                     set_name(window.wizard.button(which), plain(_(msgid)))))
    edit = bar.addMenu("")
    bar.insertMenu(window.language_menu.menuAction(), edit)
    texts.bind(edit.setTitle, N_("&Edit"))
    history = window.history
    undo, redo = QAction(window), QAction(window)
    texts.bind(undo.setText, N_("&Undo"))
    texts.bind(redo.setText, N_("&Redo"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo.setShortcuts(list(dict.fromkeys([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo),
                                          QKeySequence("Ctrl+Y")])))
    undo.triggered.connect(history.undo)
    redo.triggered.connect(history.redo)
    undo.setEnabled(False)
    redo.setEnabled(False)
    history.canUndoChanged.connect(undo.setEnabled)
    history.canRedoChanged.connect(redo.setEnabled)
    edit.addAction(undo)
    edit.addAction(redo)
    window.actions["undo"], window.actions["redo"] = undo, redo
    window.undo_keys = UndoKeys(window, undo, redo)

    help_menu = bar.addMenu("")
    texts.bind(help_menu.setTitle, N_("&Help"))
    how, about = QAction(window), QAction(window)
    texts.bind(how.setText, N_("&How points work"))
    texts.bind(about.setText, N_("&About HSP Wizard"))
    how.triggered.connect(lambda: show_text(window, _("How points work"), how_points_work()))
    about.triggered.connect(lambda: show_text(window, _("About HSP Wizard"), about_text()))
    field_help = QAction(window)
    texts.bind(field_help.setText, N_("Help for this &field"))
    field_help.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    field_help.triggered.connect(lambda: show_field_help(window))
    help_menu.addAction(field_help)
    help_menu.addSeparator()
    help_menu.addAction(how)
    help_menu.addAction(about)
    window.actions["how"], window.actions["about"], window.actions["field_help"] = how, about, field_help


class UndoKeys(QObject):
    """Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) in a text field, a spin box or a table cell of the window are the Edit menu's
    Undo and Redo: the one history. A QLineEdit takes these keys for its own undo first (its ShortcutOverride), which
    wrote its undo into the history as an edit, so the next Ctrl+Z undid the undo. The filter sits on each widget
    of the window as it takes the focus (not on the application: no Python call per event of the app)."""

    def __init__(self, window, undo: QAction, redo: QAction):
        super().__init__(window)
        self.window, self.undo, self.redo = window, undo, redo
        QApplication.instance().focusChanged.connect(self._focused)

    def _keys(self) -> set:
        return {k for act in (self.undo, self.redo) for k in act.shortcuts()}

    def _focused(self, _old, new) -> None:
        if new is None or new.property("undo_keys") or new.window() is not self.window:
            return
        new.installEventFilter(self)
        new.setProperty("undo_keys", True)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and isinstance(obj, (QLineEdit, QAbstractSpinBox)):
            self._menu(obj, event.globalPos())
            return True
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if QKeySequence(event.keyCombination()) not in self._keys():
            return False
        if kind == QEvent.Type.ShortcutOverride:
            _commit_cell(obj)
            event.ignore()  # the field does not claim the key: the window's shortcut (Undo or Redo) runs
        # a key press comes only when the action is disabled (nothing to undo): the field's own undo must not run
        return True

    def _menu(self, edit: QLineEdit | QAbstractSpinBox, at) -> None:
        """The field's own menu (Qt's texts, translated), its Undo and Redo being the window's. A spin box's (a
        date or number field's) is its text's menu and its Step up and Step down, as Qt makes it."""
        from PySide6.QtWidgets import QMenu
        box = edit if isinstance(edit, QAbstractSpinBox) else None
        menu: QMenu = (box.lineEdit() if box is not None else edit).createStandardContextMenu()
        if box is not None:
            self._steps(box, menu)
        for name, action in (("edit-undo", self.undo), ("edit-redo", self.redo)):
            own = next((a for a in menu.actions() if a.objectName() == name), None)
            if own is None:
                continue
            # the window's key beside it, as in the Edit menu (Qt's own label is missing on some platforms)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            ours = QAction(own.text().split("\t")[0] + (f"\t{keys}" if keys else ""), menu)
            ours.setEnabled(action.isEnabled())
            ours.triggered.connect(lambda _c=False, edit=edit, action=action: (_commit_cell(edit), action.trigger()))
            menu.insertAction(own, ours)
            menu.removeAction(own)
        menu.exec(at)
        menu.deleteLater()

    @staticmethod
    def _steps(box: QAbstractSpinBox, menu) -> None:
        """Step up and Step down after a separator, enabled as the box allows (Qt's own texts and behaviour)."""
        from PySide6.QtCore import QCoreApplication
        menu.addSeparator()
        can = box.stepEnabled()
        for text, flag, steps in (("&Step up", QAbstractSpinBox.StepEnabledFlag.StepUpEnabled, 1),
                                  ("Step &down", QAbstractSpinBox.StepEnabledFlag.StepDownEnabled, -1)):
            act = menu.addAction(QCoreApplication.translate("QAbstractSpinBox", text))
            act.setEnabled(bool(can & flag) and not box.isReadOnly())
            act.triggered.connect(lambda _c=False, steps=steps: box.stepBy(steps))


def _commit_cell(widget) -> None:
    """A table cell's open editor: what was typed there becomes a step first (the editor commits as it loses the
    focus), so Undo takes back that typing."""
    from hsp_wizard.ui.widgets.list_editor import item_view
    view = item_view(widget)
    if view is not None:
        view.setFocus()


def show_field_help(window) -> str:
    """F1: what the focused field is about, beside it (a table: its current column); the text shown."""
    from PySide6.QtWidgets import QApplication, QWhatsThis
    from hsp_wizard.ui.widgets.list_editor import ListEditor
    w = QApplication.focusWidget()
    while w is not None:
        if isinstance(w, ListEditor):
            return w.show_help()
        if w.whatsThis():
            QWhatsThis.showText(w.mapToGlobal(w.rect().bottomLeft()), w.whatsThis(), w)
            return w.whatsThis()
        w = w.parentWidget()
    return ""


def show_text(parent, title: str, html: str) -> None:
    """A help text in a plain message box (patched in tests)."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, html, QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(box.textFormat().RichText)
    box.exec()


def how_points_work() -> str:
    from html import escape
    paras = [
        _("Highly Skilled Professional (i) status is given from 70 points. The points come from ISA's point "
          "table: academic background, professional career, annual salary, age, research, licences and "
          "bonuses, each scored by category ((a) research, (b) specialised/technical work, (c) business "
          "management)."),
        _("Each item counts from the day it is earned: a degree from the day it was awarded, experience from "
          "the days worked, a salary from the day it is expected. The app scores every date, so it can tell "
          "when you reach 70 or 80 points and when each route to permanent residence opens."),
        _("For permanent residence, 70 points held for 3 years or 80 points held for 1 year shorten the "
          "residence period needed; the application date and the dates 1 and 3 years before it are the "
          "checkpoints."),
        _("Unknown is never taken as yes or no: leave 'Not answered or not sure' and the results say what still "
          "needs checking. Each value in the rules has a source and a confidence, shown under 'Why?' on the "
          "results."),
    ]
    return "".join(f"<p>{escape(p)}</p>" for p in paras)


def about_text() -> str:
    from html import escape

    from hsp_wizard import __version__
    from hsp_wizard.rules import load_rules
    rules = load_rules()
    dated = [v.since for row in rules.rows.values() for v in row.values] + \
        [v.since for rule in rules.rules.values() for v in rule.values]
    latest = max(dated, default=None)
    lines = [
        _("HSP Wizard {version}").format(version=__version__),
        _("Rule data: ISA's point table of the form version {form}; newest dated rule value {date}; {count} "
          "sources, listed with every rule under 'Why?'.").format(
            form=rules.meta.get("current_form", "—"),
            date=latest.isoformat() if latest else "—", count=len(rules.sources)),
        _("Bundled font: IPAex Gothic, IPA Font License Agreement v1.0."),
        _("Libraries: Qt and PySide6 (LGPL-3.0), pydantic (MIT), reportlab (BSD), Babel (BSD-3-Clause), "
          "cryptography (Apache-2.0 or BSD-3-Clause)."),
        _("Not legal advice. Nothing you enter leaves this computer."),
    ]
    return "".join(f"<p>{escape(line)}</p>" for line in lines)
