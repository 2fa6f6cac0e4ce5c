"""Research, licences, position and investment: only the items the chosen category scores."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hsp_wizard.domain.project import Investment, Licence, Position, ResearchAchievement
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.lists import ListPage, choices
from hsp_wizard.ui.widgets.list_editor import Column


RESEARCH_KINDS = [("papers", N_("3+ papers as corresponding author")), ("patent", N_("Patent as inventor")),
                  ("foreign_grants", N_("3+ foreign-government-funded projects")), ("other", N_("Other recognised"))]
POSITIONS = [("representative", N_("Representative director")), ("director", N_("Director / officer"))]


class AchievementsPage(ListPage):
    """Research, licences, position and investment: only the items the chosen category scores."""

    def __init__(self, doc):
        super().__init__(doc, N_("Research, licences, position"),
                         N_("Only the items your category scores are asked."))
        self.research = self.add_list("research", N_("R&esearch achievements"), [
            Column("kind", N_("Kind"), "choice", choices(RESEARCH_KINDS), blank=True, rows=("research.one",)),
            Column("achieved", N_("Date"), "date", required=True, month="last"),
            Column("description", N_("Description")),
        ], ResearchAchievement)
        self.licences = self.add_list("licences", N_("Japanese &licences"), [
            Column("name", N_("Licence"), rows=("licence.one",)), Column("obtained", N_("Obtained"), "date", required=True, month="last")], Licence)
        self.positions = self.add_list("positions", N_("&Positions"), [
            Column("kind", N_("Position"), "choice", choices(POSITIONS), blank=True,
                   rows=("position.representative", "position.director")),
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("end", N_("To"), "date", month="first")], Position)
        self.investments = self.add_list("investments", N_("&Investments in the business"), [
            Column("amount_yen", N_("Amount (¥)"), "yen", required=True, rows=("bonus.b12_investment",)),
            Column("made", N_("Date"), "date", required=True, month="last")], Investment)

    def load(self) -> None:
        cat = self.doc.project.category.value if self.doc.project.category else None
        shown = {"research": cat in ("a", "b"), "licences": cat == "b", "positions": cat == "c",
                 "investments": cat == "c"}
        for field, editor in self.editors.items():
            editor.setVisible(shown[field])
            buddy = [w for w in self.findChildren(QLabel) if w.buddy() is editor.table]
            for w in buddy:
                w.setVisible(shown[field])
        super().load()
