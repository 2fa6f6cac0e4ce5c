"""Statuses of residence and trips abroad, with continuity problems shown as they are typed."""

from __future__ import annotations


from PySide6.QtWidgets import QLabel

from hsp_wizard.domain.dates import years_before
from hsp_wizard.domain.project import ResidencePeriod, Trip
from hsp_wizard.i18n import N_, _
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
            Column("status", N_("Status"), "choice", statuses),
            Column("start", N_("From"), "date", required=True), Column("end", N_("To"), "date"),
            Column("period_of_stay_months", N_("Period of stay (months)"), "int"),
            Column("granted_as_hsp", N_("Granted as HSP"), "bool"),
            Column("hsp_points", N_("Points recognised"), "int"),
            Column("special_hsp", N_("J-Skip"), "bool"),
        ], ResidencePeriod)
        self.add_list("trips", N_("&Trips abroad"), [
            Column("left", N_("Left Japan"), "date", required=True), Column("returned", N_("Returned"), "date"),
            Column("reentry_permit", N_("Re-entry permit"), "choice", PERMITS),
            Column("permit_expires", N_("Permit valid until"), "date"),
            Column("status_expires", N_("Period of stay valid until"), "date"),
        ], Trip)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.body.addWidget(self.problems)
        doc.changed.connect(self.show_problems)

    def load(self) -> None:
        super().load()
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
