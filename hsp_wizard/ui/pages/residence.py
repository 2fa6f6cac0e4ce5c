"""Statuses of residence and trips abroad, with continuity problems shown as they are typed."""

from __future__ import annotations


from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox

from hsp_wizard.domain.dates import ONE_DAY, month_add, years_before
from hsp_wizard.domain.project import ResidencePeriod, Trip
from hsp_wizard.i18n import N_, _
from hsp_wizard.parsing import is_month_only
from hsp_wizard.presentation import Renderer, status_label
from hsp_wizard.rules import load_rules
from hsp_wizard.ui.accessibility import set_name
from hsp_wizard.ui.pages.lists import ListPage
from hsp_wizard.ui.widgets.list_editor import Column

PERMITS = [("special", N_("Special re-entry (みなし, up to 1 year)")), ("ordinary", N_("Re-entry permit")),
           ("none", N_("None"))]


class ResidencePage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Residence in Japan"),
                         N_("Each status of residence you have held, and every trip abroad. Leave 'To' empty for "
                            "your current status and 'Returned' empty if you are abroad now."))
        rules = load_rules()
        statuses = [(s.id, lambda s=s: status_label(s)) for s in rules.statuses.values()]
        self.add_list("residence", N_("&Statuses of residence"), [
            Column("status", N_("Status"), "choice", statuses, blank=True),
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("end", N_("To"), "date", month="first"),
            Column("period_of_stay_months", N_("Period of stay (months)"), "int"),
            Column("granted_as_hsp", N_("Granted as HSP"), "bool"),
            Column("hsp_points", N_("Points recognised"), "int"),
            Column("special_hsp", N_("J-Skip"), "bool"),
        ], ResidencePeriod)
        self.help_text(N_("Months back to back (“To” 2023-03, “From” 2023-04) are one stay without a gap: the "
                          "earlier status is read as ending the day before the next one starts."))
        self.add_list("trips", N_("&Trips abroad"), [
            Column("left", N_("Left Japan"), "date", required=True, month="first"),
            Column("returned", N_("Returned"), "date", month="last"),
            Column("reentry_permit", N_("Re-entry permit"), "choice", PERMITS, blank=True,
                   rows=("continuity.no_reentry_permit", "continuity.special_reentry_days")),
            Column("permit_expires", N_("Permit valid until"), "date", month="first"),
            Column("status_expires", N_("Period of stay valid until"), "date", month="first"),
        ], Trip)
        self._thresholds()
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.body.addWidget(self.problems)
        doc.changed.connect(self.show_problems)

    def _thresholds(self) -> None:
        """The practice-only continuity thresholds (days of one trip, days abroad in a year), asked once there
        is a trip to measure against them."""
        self.single_trip, self.yearly = QSpinBox(self), QSpinBox(self)
        form = QFormLayout()
        self.threshold_labels = []
        for box, text in ((self.single_trip, N_("Warn about a single trip longer than (&days):")),
                          (self.yearly, N_("Warn about more days abroad in a year than (da&ys):"))):
            box.setRange(1, 366)
            label = self.label_for(text, box)
            self.threshold_labels.append(label)
            form.addRow(label, box)
            box.valueChanged.connect(self.edited)
        self.explain(self.single_trip, "continuity.single_trip_days")
        self.explain(self.yearly, "continuity.yearly_days")
        self.threshold_note = self.help_text(N_("Immigration practice, not law: a longer absence can break the "
                                                "continuity of residence. The defaults (90 and 100 days) are "
                                                "the reference's; change them if your advisor uses others."))
        self.body.addLayout(form)

    def _show_thresholds(self) -> None:
        shown = bool(self.doc.project.trips) or bool(self.doc.project.incomplete_rows.get("trips"))
        for w in (self.single_trip, self.yearly, self.threshold_note, *self.threshold_labels):
            w.setVisible(shown)

    def _rule_defaults(self) -> tuple[int, int]:
        """The rule data's thresholds today (what a project that sets none uses)."""
        from datetime import date
        rules = load_rules()
        on = date.today()
        return tuple(int((rules.rule_value(rid, on) or rules.rules[rid].values[-1]).value)
                     for rid in ("continuity.single_trip_days", "continuity.yearly_days"))

    def more_updates(self) -> dict:
        """The thresholds as set; a value left at the rule data's stays unset (it follows the rule data)."""
        from hsp_wizard.domain.project import Settings
        old, defaults = self.doc.project.settings, self._rule_defaults()
        values = [None if box.value() == default and current is None else box.value()
                  for box, default, current in ((self.single_trip, defaults[0], old.single_trip_days),
                                                (self.yearly, defaults[1], old.yearly_days))]
        return {"settings": Settings(single_trip_days=values[0], yearly_days=values[1])}

    def read_as(self, field: str, editor, models: list) -> list:
        if field != "residence":
            return models
        end = next(i for i, c in enumerate(editor.columns) if c.key == "end")
        valid = [row for row in range(editor.table.rowCount()) if row not in editor.invalid_rows]
        month_ends = [is_month_only(editor.cell_text(row, end)) for row in valid]
        return join_month_changeovers(models, month_ends)

    def apply(self) -> None:
        super().apply()
        self._show_thresholds()

    def load(self) -> None:
        super().load()
        s, defaults = self.doc.project.settings, self._rule_defaults()
        self.single_trip.setValue(s.single_trip_days or defaults[0])
        self.yearly.setValue(s.yearly_days or defaults[1])
        self._show_thresholds()
        self.show_problems()

    def retranslate(self) -> None:
        super().retranslate()
        self.show_problems()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.show_problems()  # changed while off screen (a language switch)

    def show_problems(self) -> None:
        if not self.isVisible() and not self._loading:
            return  # off screen: load() refreshes it when the page is shown
        plan = self.doc.plan()  # the document's plan: its residence is the engine's
        p, r, engine = plan.project, Renderer(), plan.engine
        res = engine.res
        lines = [r.msg(b.why) for b in res.breaks]
        for a, b in res.overlaps():
            lines.append(_("Statuses overlap: {a} and {b}").format(a=r.fmt(a.start), b=r.fmt(b.start)))
        on = p.planned_application_date or plan.today
        lines += [r.msg(k.why) for k in res.risks(years_before(on, 10), on, *engine.continuity_limits(on))]
        text = "\n".join(lines) if lines else _("No continuity problems found.")
        self.problems.setText(text)
        set_name(self.problems, _("Continuity check: {result}").format(result=text))  # what it says, not a title
        self.problems.setStyleSheet("color: #b00020;" if lines else "")


def join_month_changeovers(periods: list[ResidencePeriod], month_ends: list[bool]) -> list[ResidencePeriod]:
    """Statuses typed as months back to back are one stay. A month without a day means its first day in "To" and
    its last day in "From" (never a day of status claimed before it was held), so "To 2023-03" then "From
    2023-04" read as 1 March and 30 April: a two-month gap that breaks the continuity of residence and moves every
    route years later. A period whose "To" was typed as a month (`month_ends`, one per period) and another that
    starts in that month or the next are joined: the first ends the day before the other starts. The later
    status's start is left as typed (its own clock, such as an HSP's year, starts no earlier)."""
    out = list(periods)
    for i, (period, month_end) in enumerate(zip(periods, month_ends)):
        if not month_end or period.end is None:
            continue
        after = month_add(period.end, 1)
        months = {(period.end.year, period.end.month), (after.year, after.month)}  # its month and the next
        following = [q.start for j, q in enumerate(periods) if j != i and period.end < q.start
                     and (q.start.year, q.start.month) in months]
        if following:
            out[i] = period.model_copy(update={"end": min(following) - ONE_DAY})
    return out
