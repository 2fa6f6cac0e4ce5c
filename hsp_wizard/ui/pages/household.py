"""The household page: one row per spouse, child or parent with their state beside the principal's, each
member's facts in a dialog (keyboard only: Enter opens, Esc cancels, asking first when something was changed), and the household's own facts."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from hsp_wizard.domain.project import (HouseholdMember, MemberKind, Penalty, ResidencePeriod, SalaryEntry, Trip,
                                       error_reason)
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import Renderer, status_label
from hsp_wizard.rules import load_rules
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.texts import Texts
from hsp_wizard.ui.widgets.fields import DateField, ErrorLabel
from hsp_wizard.ui.widgets.list_editor import Column, ListEditor, item_view

ANSWERS = [("unknown", N_("Not answered")), ("yes", N_("Yes")), ("no", N_("No"))]
PAYMENTS = [("unknown", N_("Not answered")), ("on_time", N_("Paid on time")), ("late", N_("Paid late")),
            ("unpaid", N_("Not paid"))]
NATIONALITIES = [(None, N_("Not answered")), ("foreign", N_("Foreign national")),
                 ("permanent_resident", N_("Permanent resident (or special permanent resident)")),
                 ("japanese", N_("Japanese national"))]
CHILD_RELATIONS = [(None, N_("Not answered")), ("natural", N_("Natural child")),
                   ("special_adopted", N_("Specially adopted child (特別養子)")),
                   ("adopted", N_("Adopted child (普通養子)")), ("stepchild", N_("Spouse's child, not adopted"))]
PARENT_SIDES = [(None, N_("Not answered")), ("principal", N_("My parent")), ("spouse", N_("My spouse's parent"))]
KIND_TITLES = {MemberKind.SPOUSE: N_("Spouse"), MemberKind.CHILD: N_("Child"), MemberKind.PARENT: N_("Parent")}
PERMITS = [("special", N_("Special re-entry (みなし, up to 1 year)")), ("ordinary", N_("Re-entry permit")),
           ("none", N_("None"))]


def _combo(parent, texts: Texts, pairs, name: str) -> QComboBox:
    box = QComboBox(parent)
    for value, _label in pairs:
        box.addItem("", value)
    texts.call(lambda: [box.setItemText(i, _(label)) for i, (_v, label) in enumerate(pairs)])
    texts.bind(box.setAccessibleName, name)
    return box


def _buddy_label(parent, texts: Texts, msgid: str, buddy: QWidget) -> QLabel:
    """A translated label whose mnemonic moves the focus to `buddy`, which a screen reader names by it, without
    the marker (as BasePage.label_for does on the pages)."""
    from hsp_wizard.ui.accessibility import plain, set_name
    label = QLabel(parent)
    texts.call(lambda: (label.setText(_(msgid)), set_name(buddy, plain(_(msgid)).rstrip(":：").strip())))
    label.setBuddy(buddy)
    return label


def _select(box: QComboBox, value) -> None:
    value = getattr(value, "value", value)
    i = box.findData(value)
    box.setCurrentIndex(max(i, 0))


class KeepsTyping(QDialog):
    """A dialog that never loses work without asking: Escape, Cancel and the window's close button close it at once
    when nothing was typed or changed since it opened, and otherwise ask whether to discard it (the same
    question). `add_ending(layout)` adds its error line and OK/Cancel (Cancel asks as Escape does); `remember()`
    once it is filled."""

    def add_ending(self, layout) -> None:
        """The error line and the OK/Cancel buttons under the form: OK accepts (the dialog checks in `accept`),
        Cancel goes through `cancel`."""
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        layout.addWidget(buttons)

    def remember(self) -> None:
        from hsp_wizard.ui.widgets.fields import guard_wheel
        guard_wheel(self)  # its form scrolls too: the wheel changes no answer it passes over
        self._opened = self.typed()

    def typed(self) -> list:
        """What the person can change: texts, choices, ticks and table rows (open cell editors aside)."""
        out = []
        for w in self.findChildren(QWidget):
            if item_view(w) is not None:  # a table's cell editor: its row is read from the table
                continue
            if isinstance(w, ListEditor):
                out.append([w.typed_cells(r) for r in range(w.table.rowCount())])
            elif isinstance(w, QLineEdit):
                out.append(w.text())
            elif isinstance(w, QComboBox):
                out.append(w.currentIndex())
            elif isinstance(w, QCheckBox):
                out.append(w.isChecked())
        return out

    def may_discard(self) -> bool:
        """Nothing changed, or the person said to discard it."""
        if self.typed() == getattr(self, "_opened", None):
            return True
        from hsp_wizard.ui import dialogs
        return dialogs.ask_discard_changes(self)

    def cancel(self) -> None:
        """Escape or Cancel."""
        if self.may_discard():
            self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The window's close button (QDialog's would reject at once)."""
        if self.isVisible() and not self.may_discard():
            event.ignore()
            return
        super().closeEvent(event)


class MemberDialog(KeepsTyping):
    """One member's facts. OK is refused (with the reason shown) until the facts are valid."""

    def __init__(self, member: HouseholdMember, parent=None):
        super().__init__(parent)
        self.kind = member.kind
        self.texts = Texts()
        self.texts.call(lambda: self.setWindowTitle(_(KIND_TITLES[self.kind])))
        self.texts.bind(self.setAccessibleName, KIND_TITLES[self.kind])
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        lay = QVBoxLayout(inner)
        form = QFormLayout()
        lay.addLayout(form)
        t = self.texts

        def row(label: str, w: QWidget) -> None:
            lab = self._label(label, w)
            form.addRow(lab, w)
            if isinstance(w, DateField):
                form.addRow("", w.error)

        self.name = QLineEdit(inner)
        row(N_("&Name (optional):"), self.name)
        self.birth = DateField(inner)
        row(N_("&Birth date:"), self.birth)
        self.nationality = _combo(inner, t, NATIONALITIES, N_("Nationality"))
        row(N_("Na&tionality:"), self.nationality)
        self.marriage = self.work = self.relation = self.born_here = self.side = self.with_principal = None
        if self.kind == MemberKind.SPOUSE:
            self.marriage = DateField(inner)
            row(N_("&Marriage date:"), self.marriage)
            self.work = _combo(inner, t, ANSWERS, N_("Full-time work the HSP spouse benefit covers"))
            row(N_("Full-time &work in a listed field, paid as a Japanese would be:"), self.work)
        elif self.kind == MemberKind.CHILD:
            self.relation = _combo(inner, t, CHILD_RELATIONS, N_("Relation"))
            row(N_("Relati&on:"), self.relation)
            self.born_here = QCheckBox(inner)
            t.bind_named(self.born_here, N_("Born in Japan and living here since (&J)"))
            form.addRow("", self.born_here)
        else:
            self.side = _combo(inner, t, PARENT_SIDES, N_("Whose parent"))
            row(N_("W&hose parent:"), self.side)
        if self.kind != MemberKind.PARENT:
            self.with_principal = QCheckBox(inner)
            t.bind_named(self.with_principal, N_("Applies for permanent residence with me on the same &day"))
            form.addRow("", self.with_principal)
        self.together = _combo(inner, t, ANSWERS, N_("Lives with me"))
        row(N_("&Lives with me:"), self.together)
        self.taxes = _combo(inner, t, PAYMENTS, N_("Taxes"))
        row(N_("Ta&xes:"), self.taxes)
        self.pension = _combo(inner, t, PAYMENTS, N_("Pension premiums"))
        row(N_("P&ension premiums:"), self.pension)
        self.health = _combo(inner, t, PAYMENTS, N_("Health-insurance premiums"))
        row(N_("Health-ins&urance premiums:"), self.health)
        rules = load_rules()
        statuses = [(s.id, lambda s=s: status_label(s)) for s in rules.statuses.values()]
        self.residence = ListEditor(N_("&Statuses of residence"), [
            Column("status", N_("Status"), "choice", statuses, blank=True),
            Column("start", N_("From"), "date", required=True), Column("end", N_("To"), "date"),
            Column("period_of_stay_months", N_("Period of stay (months)"), "int")], ResidencePeriod, None, inner)
        self.trips = ListEditor(N_("Tri&ps abroad"), [
            Column("left", N_("Left Japan"), "date", required=True), Column("returned", N_("Returned"), "date"),
            Column("reentry_permit", N_("Re-entry permit"), "choice", PERMITS, blank=True)],
            Trip, None, inner)
        self.income = ListEditor(N_("Annual &income"), [
            Column("start", N_("From"), "date", required=True), Column("amount_yen", N_("Amount (yen)"), "yen",
                                                                        required=True)], SalaryEntry, None, inner)
        self.penalties = ListEditor(N_("&Fines or imprisonment (not traffic 反則金)"), [
            Column("kind", N_("Kind"), "choice", [("fine", N_("Fine")), ("imprisonment", N_("Imprisonment"))],
                   blank=True),
            Column("ended", N_("Paid or served until"), "date", required=True),
            Column("suspended", N_("Suspended"), "bool")], Penalty, None, inner)
        for title, editor in ((N_("&Statuses of residence"), self.residence), (N_("Tri&ps abroad"), self.trips),
                              (N_("Annual &income"), self.income),
                              (N_("&Fines or imprisonment (not traffic 反則金)"), self.penalties)):
            lay.addWidget(self._label(title, editor.table))
            lay.addWidget(editor)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.add_ending(outer)
        self.resize(900, 660)
        self.texts.apply()
        self._fill(member)
        self.remember()
        self.result_member: HouseholdMember | None = None
        self.name.setFocus()  # a keyboard user starts at the first field, not on OK

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.name.setFocus()

    def _label(self, msgid: str, buddy: QWidget):
        return _buddy_label(self, self.texts, msgid, buddy)

    def _fill(self, m: HouseholdMember) -> None:
        self.name.setText(m.name or "")
        self.birth.set_value(m.birth_date)
        _select(self.nationality, m.nationality)
        if self.marriage is not None:
            self.marriage.set_value(m.marriage_date)
            _select(self.work, m.work_qualifies)
        if self.relation is not None:
            _select(self.relation, m.child_relation)
            self.born_here.setChecked(m.born_in_japan)
        if self.side is not None:
            _select(self.side, m.parent_of)
        if self.with_principal is not None:
            self.with_principal.setChecked(m.applies_with_principal)
        _select(self.together, m.lives_together)
        _select(self.taxes, m.taxes)
        _select(self.pension, m.pension)
        _select(self.health, m.health_insurance)
        self.residence.set_models(m.residence)
        self.trips.set_models(m.trips)
        self.income.set_models(m.income)
        self.penalties.set_models(m.penalties)

    def member(self) -> tuple[HouseholdMember | None, list[str]]:
        """The member as entered, or None with the reasons it is not valid."""
        errors: list[str] = []
        for f in (self.birth, self.marriage):
            if f is not None and not f.valid:
                f.reveal()  # OK pressed: say what is wrong, as Next does on a page
                errors.append(f.error.text())
        fields = {"kind": self.kind, "name": self.name.text().strip() or None, "birth_date": self.birth.value(),
                  "nationality": self.nationality.currentData(), "lives_together": self.together.currentData(),
                  "taxes": self.taxes.currentData(), "pension": self.pension.currentData(),
                  "health_insurance": self.health.currentData()}
        if self.marriage is not None:
            fields.update(marriage_date=self.marriage.value(), work_qualifies=self.work.currentData())
        if self.relation is not None:
            fields.update(child_relation=self.relation.currentData(), born_in_japan=self.born_here.isChecked())
        if self.side is not None:
            fields["parent_of"] = self.side.currentData()
        if self.with_principal is not None:
            fields["applies_with_principal"] = self.with_principal.isChecked()
        for key, editor in (("residence", self.residence), ("trips", self.trips), ("income", self.income),
                            ("penalties", self.penalties)):
            models, errs = editor.models()
            editor.error.show_error("\n".join(errs))
            errors += errs
            fields[key] = models
        if errors:
            return None, errors
        try:
            return HouseholdMember(**fields), []
        except ValidationError as exc:
            r = Renderer()
            return None, [r.msg(error_reason(e)) for e in exc.errors()]

    def accept(self) -> None:
        for editor in (self.residence, self.trips, self.income, self.penalties):
            fresh = editor.fresh_cells()
            for row in range(editor.table.rowCount()):
                if editor.typed_cells(row) != fresh:
                    editor.reveal(row)  # OK pressed: a row begun says what it lacks (it was dropped unsaid)
        m, errors = self.member()
        if m is None:
            self.error.show_error("\n".join(errors))
            return
        self.result_member = m
        super().accept()


class DomesticWorkerDialog(KeepsTyping):
    """The domestic worker's facts (the HSP domestic-worker benefit); unticked: none."""

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        from hsp_wizard.ui.widgets.fields import YenField
        self.texts = Texts()
        self.texts.call(lambda: self.setWindowTitle(_("Domestic worker")))
        lay = QVBoxLayout(self)
        self.has = QCheckBox(self)
        self.texts.bind_named(self.has, N_("I employ or plan to bring a domestic &worker"))
        lay.addWidget(self.has)
        form = QFormLayout()
        self.birth = DateField(self)
        self.pay = YenField(self)
        self.since = DateField(self)
        self.came = _combo(self, self.texts, ANSWERS, N_("Comes to Japan with me and leaves with me"))
        self.other = _combo(self, self.texts, ANSWERS, N_("Another domestic worker is employed"))
        for text, w in ((N_("Worker's &birth date:"), self.birth), (N_("Monthly &pay (yen):"), self.pay),
                        (N_("Employed by me abroad &since:"), self.since),
                        (N_("&Comes to Japan with me and leaves with me:"), self.came),
                        (N_("&Another domestic worker is employed:"), self.other)):
            form.addRow(_buddy_label(self, self.texts, text, w), w)
            if hasattr(w, "error"):
                form.addRow("", w.error)
        lay.addLayout(form)
        self.add_ending(lay)
        self.texts.apply()
        self.has.setChecked(worker is not None)
        if worker is not None:
            self.birth.set_value(worker.birth_date)
            self.pay.set_value(worker.monthly_pay_yen)
            self.since.set_value(worker.employed_abroad_since)
            _select(self.came, worker.came_with_principal)
            _select(self.other, worker.other_domestic_worker)
        self.has.toggled.connect(self._enable)
        self._enable(self.has.isChecked())
        self.result_worker = worker
        self.remember()
        self.has.setFocus()

    def _enable(self, on: bool) -> None:
        for w in (self.birth, self.pay, self.since, self.came, self.other):
            w.setEnabled(on)

    def accept(self) -> None:
        from hsp_wizard.domain.project import DomesticWorker
        if not self.has.isChecked():
            self.result_worker = None
            super().accept()
            return
        bad = []
        for f in (self.birth, self.pay, self.since):
            if not f.valid:
                f.reveal()  # OK pressed: say what is wrong
                bad.append(f.error.text())
        if bad:
            self.error.show_error("\n".join(bad))
            return
        try:
            self.result_worker = DomesticWorker(birth_date=self.birth.value(), monthly_pay_yen=self.pay.value(),
                                                employed_abroad_since=self.since.value(),
                                                came_with_principal=self.came.currentData(),
                                                other_domestic_worker=self.other.currentData())
        except ValidationError as exc:
            self.error.show_error("\n".join(Renderer().msg(error_reason(e)) for e in exc.errors()))
            return
        super().accept()


class HouseholdPage(BasePage):
    """One row per member with their state; Add, Edit (Enter or double-click), Remove; the household's facts."""

    def __init__(self, doc):
        super().__init__(doc, N_("Your household"),
                         N_("Your spouse, children and parents: each one's own route to permanent residence beside "
                            "yours, and the HSP family benefits. Leave it empty if you apply alone."))
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.texts.bind(self.table.setAccessibleName, N_("Household members"))
        self.texts.call(lambda: self.table.setHorizontalHeaderLabels(
            [_("Member"), _("Birth date"), _("With you")]))
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.installEventFilter(self)
        self.body.addWidget(self.label_for(N_("&Members (Enter opens the selected one):"), self.table))
        self.body.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_buttons = {}
        for kind, text in ((MemberKind.SPOUSE, N_("Add s&pouse")), (MemberKind.CHILD, N_("Add &child")),
                           (MemberKind.PARENT, N_("Add pa&rent"))):
            b = QPushButton(self)
            self.texts.bind_named(b, text)
            b.clicked.connect(lambda _c=False, k=kind: self.add(k))
            buttons.addWidget(b)
            self.add_buttons[kind] = b
        self.edit_button = QPushButton(self)
        self.texts.bind_named(self.edit_button, N_("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self)
        self.texts.bind_named(self.remove_button, N_("Remo&ve"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.worker_button = QPushButton(self)
        self.texts.bind_named(self.worker_button, N_("&Domestic worker…"))
        self.worker_button.clicked.connect(self.edit_worker)
        self.body.addLayout(buttons)
        worker_row = QHBoxLayout()  # a row of its own: longer translations keep the page within the window
        worker_row.addStretch(1)
        worker_row.addWidget(self.worker_button)
        self.body.addLayout(worker_row)
        self.error = ErrorLabel(self)  # why a change was refused (a second spouse)
        self.body.addWidget(self.error)
        form = QFormLayout()
        self.expecting = DateField(self)
        form.addRow(self.label_for(N_("Expected birth, if you or your spouse are pre&gnant:"), self.expecting),
                    self.expecting)
        form.addRow("", self.expecting.error)
        self.unable = _combo(self, self.texts, ANSWERS, N_("Spouse unable to do housework through illness"))
        form.addRow(self.label_for(N_("Spouse &unable to do housework through illness:"), self.unable), self.unable)
        self.body.addLayout(form)
        self.expecting.value_changed.connect(self.edited)
        self.unable.currentIndexChanged.connect(self.edited)
        self.dialog: MemberDialog | None = None
        self.states: list[str] = []
        doc.changed.connect(self.refresh_states)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        """In the table, Enter opens the member (and never reaches the wizard's Next) and Delete removes it."""
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(obj, event)

    def load(self) -> None:
        hh = self.doc.project.household
        self.expecting.set_value(hh.expecting_until)
        _select(self.unable, hh.spouse_unable_housework)
        self.refresh_states()

    def apply(self) -> None:
        hh = self.doc.project.household
        if not self.expecting.valid:
            return
        new = hh.model_copy(update={"expecting_until": self.expecting.value(),
                                    "spouse_unable_housework": self.unable.currentData()})
        self.doc.update(household=new)

    def retranslate(self) -> None:
        super().retranslate()
        self.refresh_states()

    def _members(self) -> list[HouseholdMember]:
        return list(self.doc.project.household.members)

    def _set_members(self, members: list[HouseholdMember]) -> bool:
        from hsp_wizard.domain.project import Household
        try:
            new = Household(members=members, expecting_until=self.doc.project.household.expecting_until,
                            spouse_unable_housework=self.doc.project.household.spouse_unable_housework,
                            domestic_worker=self.doc.project.household.domestic_worker)
        except ValidationError as exc:
            self.error.show_error("\n".join(Renderer().msg(error_reason(e)) for e in exc.errors()))
            return False
        self.error.show_error("")
        self.doc.update(household=new)
        return True

    def open_dialog(self, member: HouseholdMember) -> HouseholdMember | None:
        """The member's dialog, modal; the edited member, or None when cancelled."""
        self.dialog = MemberDialog(member, self)
        try:
            if self.dialog.exec() == QDialog.DialogCode.Accepted:
                return self.dialog.result_member
            return None
        finally:
            self.dialog = None

    def edit_worker(self) -> None:
        """The domestic worker's dialog, modal; OK writes the worker (or none) to the household."""
        self.dialog = DomesticWorkerDialog(self.doc.project.household.domestic_worker, self)
        try:
            if self.dialog.exec() == QDialog.DialogCode.Accepted:
                hh = self.doc.project.household
                self.doc.update(household=hh.model_copy(update={"domestic_worker": self.dialog.result_worker}))
        finally:
            self.dialog = None

    def add(self, kind: MemberKind) -> None:
        m = self.open_dialog(HouseholdMember(kind=kind))
        if m is not None and self._set_members(self._members() + [m]):
            self.table.selectRow(len(self._members()) - 1)
        self.table.setFocus()

    def edit_selected(self) -> None:
        row = self.table.currentRow()
        members = self._members()
        if not 0 <= row < len(members):
            return
        m = self.open_dialog(members[row])
        if m is not None:
            members[row] = m
            self._set_members(members)
            self.table.selectRow(row)
        self.table.setFocus()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        members = self._members()
        if 0 <= row < len(members):
            del members[row]
            self._set_members(members)
            if members:
                self.table.selectRow(min(row, len(members) - 1))

    def refresh_states(self) -> None:
        """Each row: who, birth date, and their state beside the principal on the planned date. Only while the
        page shows (every edit on every page calls this; showing the page calls it again)."""
        if not self.isVisible():
            return
        from hsp_wizard.domain.household import member_label
        p, r = self.doc.project, Renderer()
        members = p.household.members
        states = {}
        if members and self.isVisible():
            hh = self.doc.plan().household  # the edit's one plan, shared with the step list and the results
            for m in (hh.members if hh else []):
                if m.on_date is None:
                    states[m.index] = r.msg(m.status)
                elif not m.sure:  # a fact the member's route or your own first route needs is unknown
                    states[m.index] = _("cannot tell yet")
                elif m.open_together:
                    states[m.index] = _("can apply with you")
                elif m.together and m.together.opens:
                    states[m.index] = _("with you from {date}").format(date=r.fmt(m.together.opens))
                else:
                    states[m.index] = _("cannot apply with you yet")
            for i, m in enumerate(members):
                if m.kind == MemberKind.PARENT:
                    states[i] = _("see the HSP family benefits on the results page")
        self.states = [states.get(i, "") for i in range(len(members))]
        self.add_buttons[MemberKind.SPOUSE].setEnabled(not any(m.kind == MemberKind.SPOUSE for m in members))
        keep = self.table.currentRow()
        self.table.setRowCount(len(members))
        for i, m in enumerate(members):
            cells = [r.msg(member_label(p, i)), r.fmt(m.birth_date) if m.birth_date else "", self.states[i]]
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        for col in (0, 1):  # the last column stretches to the edge
            self.table.resizeColumnToContents(col)
        if 0 <= keep < len(members):
            self.table.selectRow(keep)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh_states()

    def select_member(self, index: int) -> None:
        """The member chosen in the step list: their row selected, the table focused (Enter opens them)."""
        if 0 <= index < self.table.rowCount():
            self.table.selectRow(index)
            self.table.setCurrentCell(index, 0)
            self.table.setFocus()


def household_into(v, hh, change, why_button=None, expanded=frozenset()) -> None:
    """The results page's family tab, into a LinkedText `v` (paragraphs whose links are real buttons): each
    member's route with you and alone, and the family benefits (`hh`: the plan's household, None for a household
    of one). `change(item, what)` makes a 'change' button; `why_button(key, what)` a "Why?" button, whose
    explanation (rules by name, sources by title, how sure, the rule ids last) shows when `key` is `expanded`.
    How sure each reading is shows in words beside it; ids and sources only under "Why?"."""
    from html import escape

    from hsp_wizard.domain.explain import Money, Msg
    from hsp_wizard.domain.household import BENEFIT_NAMES
    from hsp_wizard.wording import explain
    r = Renderer()
    if hh is None:
        text = _("A household of one: add your spouse, children or parents on the household page.")
        v.add(text, [change("household", text)])
        return

    def sure(c) -> str:
        return escape(_("{why} ({sure})").format(why=r.msg(c.why), sure=r.confidence(c.confidence)))

    def why(key: str, what: str, conditions) -> list:
        if why_button is None or not conditions:
            return []
        return [why_button(key, what)]

    def explained(key: str, conditions) -> None:
        if key in expanded:
            for c in conditions:
                v.add(explain(r, c), indent=36)

    head = r.msg(Msg.of(N_("Your household on {date}:"), date=hh.on))
    v.add(head, [change("household", head)], heading=1)
    if hh.income is not None:
        lead = N_("Household income: {income}") if hh.income_complete else \
            N_("Household income: {income} (your spouse's income not entered)")
        v.add(r.msg(Msg.of(lead, income=Money(hh.income))))
    for m in hh.members:
        label = r.msg(m.label)
        conditions = [] if m.on_date is None else \
            [*m.on_date.blockers, *m.together.binding, *([m.certainty] if m.certainty else []), *m.warnings]
        key = f"member.{m.index}"
        line = escape(_("{name}: {what}")).format(name=f"<b>{escape(label)}</b>",
                                                  what=escape(r.msg(m.status)))
        v.add(line, why(key, label, conditions), indent=8, rich=True)
        for n in m.notes if m.on_date is None else ():
            v.add(r.msg(n), indent=28)
        if m.on_date is None:
            continue
        state = _(m.together_state)
        v.add(_("On {date}: {state}").format(date=r.fmt(hh.on), state=state), indent=28)
        for c in m.on_date.blockers:
            text = r.msg(c.why)
            v.add(f"✗ {text}", [change("household", text)], indent=28)
        for c in m.unknowns:
            text = r.msg(c.why)
            v.add(f"? {text}", [change("household", text)], indent=28)
        t = m.together
        when = _("With you, earliest: {date}").format(date=r.fmt(t.opens)) if t.opens else \
            _("With you: no date within the horizon")
        waiting = "; ".join(r.msg(c.why) for c in t.binding)
        if waiting:
            when = _("{when} (waiting for: {why})").format(when=when, why=waiting)
        v.add(when, indent=28)
        if m.certainty is not None:
            v.add(f"? {sure(m.certainty)}", indent=28, rich=True)
        for c in m.warnings:
            v.add(f"! {sure(c)}", indent=28, rich=True)
        for n in m.notes:
            v.add(r.msg(n), indent=28)
        a = m.alone
        route = r.route_name(a.route)
        v.add(_("Alone ({route}), earliest: {date}").format(route=route, date=r.fmt(a.opens)) if a.opens else
              _("Alone ({route}): no date within the horizon").format(route=route), indent=28)
        explained(key, conditions)
    v.add(r.msg(Msg.of(N_("HSP family benefits on {date}"), date=hh.on)), heading=1)
    for b in hh.benefits:
        state = _({True: N_("met"), False: N_("not met"), None: N_("cannot tell yet")}[b.met])
        name = _(BENEFIT_NAMES[b.kind])
        key = f"benefit.{b.kind}"
        v.add(escape(_("{name}: {what}")).format(name=f"<b>{escape(name)}</b>", what=escape(state)),
              why(key, name, b.conditions), indent=8, rich=True)
        for c in b.conditions:
            mark = {True: "✓", False: "✗", None: "?"}[c.met]
            v.add(f"{mark} {sure(c)}", indent=28, rich=True)
        if b.ends:
            v.add(_("The reason lasts until {date}").format(date=r.fmt(b.ends)), indent=28)
        v.add(r.msg(b.at_hsp2.why), indent=28)
        v.add(r.msg(b.at_pr.why), indent=28)
        explained(key, [*b.conditions, b.at_hsp2, b.at_pr])
