"""Pages made of list editors: education, career, salary, achievements, Japanese and bonuses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hsp_wizard.domain.project import (CareerPeriod, Degree, EmployerFact, ForeignQualification, Investment,
                                       JapaneseResult, JicaTraining, Licence, Position, ResearchAchievement,
                                       SalaryEntry)
from hsp_wizard.i18n import N_, _
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.widgets.list_editor import Column, ListEditor

DEGREE_LEVELS = [("bachelor", N_("Bachelor's or equivalent")), ("master", N_("Master's")),
                 ("professional", N_("Professional degree")), ("mba_mot", N_("MBA / MOT (professional)")),
                 ("doctorate", N_("Doctorate"))]
CAREER_KINDS = [("specialised", N_("Specialised/technical work ((b))")),
                ("research_education", N_("Research or education ((a))")),
                ("business_management", N_("Business management ((c))"))]
RESEARCH_KINDS = [("papers", N_("3+ papers as corresponding author")), ("patent", N_("Patent as inventor")),
                  ("foreign_grants", N_("3+ foreign-government-funded projects")), ("other", N_("Other recognised"))]
POSITIONS = [("representative", N_("Representative director")), ("director", N_("Director / officer"))]
JP_TESTS = [("jlpt", "JLPT"), ("bjt", "BJT")]
JLPT_LEVELS = [("N1", "N1"), ("N2", "N2"), ("N3", "N3"), ("N4", "N4"), ("N5", "N5")]
EMPLOYER_FACTS = [("innovation_support", N_("Innovation-promotion support (B1)")), ("sme", N_("SME (B2/B4)")),
                  ("local_government_support", N_("Local-government support (B3)")),
                  ("rnd_over_3_percent", N_("R&D above 3% of sales (B4)")),
                  ("growth_field_project", N_("Growth-field project (B9)")),
                  ("investment_management", N_("Investment management (B13)"))]


def choices(pairs):
    return [(v, _(label)) for v, label in pairs]


class ListPage(BasePage):
    """A page of one or more list editors, each bound to a list field of the project."""

    def add_list(self, field: str, title: str, columns, factory, extra=None) -> ListEditor:
        label = QLabel(title, self)
        editor = ListEditor(title, columns, factory, extra, self)
        label.setBuddy(editor.table)
        self.body.addWidget(label)
        self.body.addWidget(editor)
        editor.edited.connect(self.edited)
        self.editors = getattr(self, "editors", {})
        self.editors[field] = editor
        return editor

    def load(self) -> None:
        for field, editor in self.editors.items():
            editor.set_models(getattr(self.doc.project, field))

    def apply(self) -> None:
        updates = {}
        for field, editor in self.editors.items():
            models, errors = editor.models()
            editor.error.show_error("\n".join(errors))
            updates[field] = models
        self.doc.update(**updates)

    def isComplete(self) -> bool:  # noqa: N802
        return True


class EducationPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, _("Education"), _("Every degree you hold. Only the highest counts, plus bonuses."))
        self.add_list("degrees", _("&Degrees"), [
            Column("level", _("Level"), "choice", choices(DEGREE_LEVELS)),
            Column("field", _("Field")),
            Column("awarded", _("Awarded"), "date", required=True),
            Column("japanese_university", _("Japanese university"), "bool"),
            Column("designated_university", _("Designated university (B10)"), "bool"),
            Column("japanese_major", _("Japanese major abroad"), "bool"),
        ], Degree)


class CareerPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, _("Career"), _("Relevant work only: study time and part-time work while a student "
                                             "do not count. Leave 'To' empty for ongoing work."))
        self.add_list("career", _("&Periods of work"), [
            Column("kind", _("Kind"), "choice", choices(CAREER_KINDS)),
            Column("employer", _("Employer")),
            Column("start", _("From"), "date", required=True),
            Column("end", _("To"), "date"),
        ], CareerPeriod)


class SalaryPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, _("Salary"), "")
        self.help_text(_("The expected annual remuneration from each date on, in whole yen. Bonuses count; "
                         "overtime pay and commuting, family and housing allowances do not. Pay from a foreign "
                         "sending organisation counts too (rule convention.salary_expected; sources S2, S6, S7)."))
        self.add_list("salary", _("&Salary history"), [
            Column("start", _("From"), "date", required=True),
            Column("amount_yen", _("Annual amount (¥)"), "yen", required=True),
            Column("foreign_amount_yen", _("From a foreign organisation (¥)"), "yen"),
        ], SalaryEntry)


class AchievementsPage(ListPage):
    """Research, licences, position and investment: only the items the chosen category scores."""

    def __init__(self, doc):
        super().__init__(doc, _("Research, licences, position"), "")
        self.research = self.add_list("research", _("R&esearch achievements"), [
            Column("kind", _("Kind"), "choice", choices(RESEARCH_KINDS)),
            Column("achieved", _("Date"), "date", required=True),
            Column("description", _("Description")),
        ], ResearchAchievement)
        self.licences = self.add_list("licences", _("Japanese &licences"), [
            Column("name", _("Licence")), Column("obtained", _("Obtained"), "date", required=True)], Licence)
        self.positions = self.add_list("positions", _("&Positions"), [
            Column("kind", _("Position"), "choice", choices(POSITIONS)),
            Column("start", _("From"), "date", required=True), Column("end", _("To"), "date")], Position)
        self.investments = self.add_list("investments", _("&Investments in the business"), [
            Column("amount_yen", _("Amount (¥)"), "yen", required=True),
            Column("made", _("Date"), "date", required=True)], Investment)

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


class BonusesPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, _("Japanese and bonuses"), "")
        self.add_list("japanese", _("&Japanese tests (JLPT, BJT)"), [
            Column("test", _("Test"), "choice", JP_TESTS),
            Column("level", _("JLPT level"), "choice", [("", "—"), *JLPT_LEVELS]),
            Column("score", _("BJT score"), "int"),
            Column("passed", _("Result date"), "date", required=True),
        ], _japanese)
        self.add_list("employer_facts", _("&Employer facts"), [
            Column("kind", _("Fact"), "choice", choices(EMPLOYER_FACTS)),
            Column("employer", _("Employer")),
            Column("start", _("From"), "date", required=True), Column("end", _("To"), "date"),
        ], EmployerFact)
        self.add_list("foreign_qualifications", _("Foreign &qualifications and awards (B5)"), [
            Column("name", _("Name")), Column("obtained", _("Obtained"), "date", required=True)],
            ForeignQualification)
        self.add_list("jica_training", _("JICA &training (B11)"), [
            Column("start", _("From"), "date", required=True),
            Column("completed", _("Completed"), "date", required=True),
            Column("used_japanese_university_classes", _("In Japanese university classes"), "bool")], JicaTraining)


def _japanese(**kw):
    if kw.get("level") == "":
        kw.pop("level")
    if kw.get("test") == "jlpt":
        kw.pop("score", None)
    return JapaneseResult(**kw)
