"""Japanese and bonuses: language tests, employer facts, foreign qualifications, JICA training."""

from __future__ import annotations

from hsp_wizard.domain.project import EmployerFact, ForeignQualification, JapaneseResult, JicaTraining
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.lists import ListPage, choices
from hsp_wizard.ui.widgets.list_editor import Column


JP_TESTS = [("jlpt", "JLPT"), ("bjt", "BJT")]
JLPT_LEVELS = [("N1", "N1"), ("N2", "N2"), ("N3", "N3"), ("N4", "N4"), ("N5", "N5")]
EMPLOYER_FACTS = [("innovation_support", N_("Innovation-promotion support")), ("sme", N_("Small or medium-sized enterprise")),
                  ("local_government_support", N_("Local-government support")),
                  ("rnd_over_3_percent", N_("R&D/sales ratio over 3%")),
                  ("growth_field_project", N_("Growth-field project")),
                  ("investment_management", N_("Investment management"))]


class BonusesPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Japanese and bonuses"),
                         N_("Japanese tests, and the bonus points from your employer, qualifications and training."))
        self.add_list("japanese", N_("&Japanese tests (JLPT, BJT)"), [
            Column("test", N_("Test"), "choice", JP_TESTS, blank=True, rows=("bonus.b7_n1", "bonus.b8_n2")),
            Column("level", N_("JLPT level"), "choice", [("", "—"), *JLPT_LEVELS]),
            Column("score", N_("BJT score"), "int"),
            Column("passed", N_("Result date"), "date", required=True, month="last"),
        ], _japanese)
        self.add_list("employer_facts", N_("&Employer facts"), [
            Column("kind", N_("Fact"), "choice", choices(EMPLOYER_FACTS), blank=True,
                   rows=("bonus.b1_innovation", "bonus.b2_sme", "bonus.b3_local_government", "bonus.b4_rnd_ratio",
                         "bonus.b9_growth_field", "bonus.b13_investment_management")),
            Column("employer", N_("Employer")),
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("end", N_("To"), "date", month="first"),
        ], EmployerFact)
        self.add_list("foreign_qualifications", N_("Foreign &qualifications and awards"), [
            Column("name", N_("Qualification or award"), rows=("bonus.b5_foreign_qualification",)),
            Column("obtained", N_("Obtained"), "date", required=True, month="last")],
            ForeignQualification)
        self.add_list("jica_training", N_("JICA &training"), [
            Column("start", N_("From"), "date", required=True, rows=("bonus.b11_jica",)),
            Column("completed", N_("Completed"), "date", required=True, month="last"),
            Column("used_japanese_university_classes", N_("In Japanese university classes"), "bool")], JicaTraining)


def _japanese(**kw):
    if kw.get("level") == "":
        kw.pop("level")
    if kw.get("test") == "jlpt":
        kw.pop("score", None)
    return JapaneseResult(**kw)
