"""Pages made of list editors: education, career, salary, achievements, Japanese and bonuses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hsp_wizard.domain.project import (CareerPeriod, Degree, EmployerFact, ForeignQualification, Investment,
                                       JapaneseResult, JicaTraining, Licence, Position, ResearchAchievement,
                                       SalaryEntry)
from hsp_wizard.i18n import N_
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
                  ("rnd_over_3_percent", N_("R&D/sales ratio over 3% (B4)")),
                  ("growth_field_project", N_("Growth-field project (B9)")),
                  ("investment_management", N_("Investment management (B13)"))]


def choices(pairs):
    """(value, msgid) pairs for a choice column; the editor translates the labels when it shows them."""
    return list(pairs)


class ListPage(BasePage):
    """A page of one or more list editors, each bound to a list field of the project."""

    def add_list(self, field: str, title: str, columns, factory, extra=None) -> ListEditor:
        """A titled list editor for the project's list `field`; `title` and the headers are message ids."""
        editor = ListEditor(title, columns, factory, extra, self)
        self.body.addWidget(self.label_for(title, editor.table))
        self.body.addWidget(editor)
        editor.edited.connect(self.edited)
        self.editors = getattr(self, "editors", {})
        self.editors[field] = editor
        return editor

    def load(self) -> None:
        drafts = self.doc.project.incomplete_rows
        for field, editor in self.editors.items():
            editor.set_models(getattr(self.doc.project, field), drafts.get(field, []))

    def apply(self) -> None:
        updates, drafts = {}, {}
        for field, editor in self.editors.items():
            models, errors = editor.models()
            editor.error.show_error("\n".join(errors))
            updates[field] = models
            drafts[field] = editor.drafts()
        self.doc.update(**updates, **self.more_updates(), incomplete_rows=merge_drafts(self.doc.project, drafts))

    def more_updates(self) -> dict:
        """Fields of the page besides its lists, written in the same update (one undo step per edit)."""
        return {}

    def reveal_errors(self) -> set[str]:
        """Next was pressed: every row's problem and every field's shows."""
        shown = super().reveal_errors()
        for field, editor in getattr(self, "editors", {}).items():
            if editor.isVisible():
                editor.reveal()
                shown |= {f"{field}:{m}" for m in editor.show_errors()}
        return shown

    def retranslate(self) -> None:
        """Bound texts, and the row errors shown under each table (the project itself is not touched)."""
        super().retranslate()
        for editor in getattr(self, "editors", {}).values():
            if editor.error.text():
                editor.error.show_error("\n".join(editor.models()[1]))

    def isComplete(self) -> bool:  # noqa: N802
        return True


def merge_drafts(project, drafts: dict[str, list[dict]]) -> dict:
    """The project's rows kept as typed, with those of `drafts`' lists replaced (an empty list drops the key)."""
    from hsp_wizard.domain.project import IncompleteRow
    out = dict(project.incomplete_rows)
    for field, rows in drafts.items():
        if rows:
            out[field] = [IncompleteRow(**r) for r in rows]
        else:
            out.pop(field, None)
    return out


class EducationPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Education"), N_("Every degree you hold. Only the highest counts, plus bonuses."))
        self.add_list("degrees", N_("&Degrees"), [
            Column("level", N_("Level"), "choice", choices(DEGREE_LEVELS),
                   rows=("academic.doctorate", "academic.mba_mot", "academic.master", "academic.bachelor")),
            Column("field", N_("Field")),
            Column("awarded", N_("Awarded"), "date", required=True, month="last"),
            Column("japanese_university", N_("Japanese university"), "bool", rows=("bonus.b6_japanese_university",)),
            Column("designated_university", N_("Designated university (B10)"), "bool",
                   rows=("bonus.b10_designated_university",)),
            Column("japanese_major", N_("Japanese major abroad"), "bool", rows=("bonus.b7_n1",)),
        ], Degree)


class CareerPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Career"), N_("Relevant work only: study time and part-time work while a student "
                                             "do not count. Leave 'To' empty for ongoing work."))
        self.add_list("career", N_("&Periods of work"), [
            Column("kind", N_("Kind"), "choice", choices(CAREER_KINDS),
                   rows=("career.10y", "career.7y", "career.5y", "career.3y")),
            Column("employer", N_("Employer")),
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("end", N_("To"), "date", month="first"),
        ], CareerPeriod)


class SalaryPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Salary"), N_("Your expected annual salary from each date on."))
        self.help_text(N_("The expected annual remuneration from each date on, in whole yen. Bonuses count; "
                         "overtime pay and commuting, family and housing allowances do not. Pay from a foreign "
                         "sending organisation counts too (rule convention.salary_expected; sources S2, S6, S7)."))
        self.add_list("salary", N_("&Salary history"), [
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("amount_yen", N_("Annual amount (¥)"), "yen", required=True,
                   rows=("convention.salary_expected",)),
            Column("foreign_amount_yen", N_("From a foreign organisation (¥)"), "yen"),
        ], SalaryEntry)


class AchievementsPage(ListPage):
    """Research, licences, position and investment: only the items the chosen category scores."""

    def __init__(self, doc):
        super().__init__(doc, N_("Research, licences, position"),
                         N_("Only the items your category scores are asked."))
        self.research = self.add_list("research", N_("R&esearch achievements"), [
            Column("kind", N_("Kind"), "choice", choices(RESEARCH_KINDS), rows=("research.one",)),
            Column("achieved", N_("Date"), "date", required=True, month="last"),
            Column("description", N_("Description")),
        ], ResearchAchievement)
        self.licences = self.add_list("licences", N_("Japanese &licences"), [
            Column("name", N_("Licence"), rows=("licence.one",)), Column("obtained", N_("Obtained"), "date", required=True, month="last")], Licence)
        self.positions = self.add_list("positions", N_("&Positions"), [
            Column("kind", N_("Position"), "choice", choices(POSITIONS),
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


class BonusesPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Japanese and bonuses"),
                         N_("Japanese tests, and the bonus points from your employer, qualifications and training."))
        self.add_list("japanese", N_("&Japanese tests (JLPT, BJT)"), [
            Column("test", N_("Test"), "choice", JP_TESTS, rows=("bonus.b7_n1", "bonus.b8_n2")),
            Column("level", N_("JLPT level"), "choice", [("", "—"), *JLPT_LEVELS]),
            Column("score", N_("BJT score"), "int"),
            Column("passed", N_("Result date"), "date", required=True, month="last"),
        ], _japanese)
        self.add_list("employer_facts", N_("&Employer facts"), [
            Column("kind", N_("Fact"), "choice", choices(EMPLOYER_FACTS),
                   rows=("bonus.b1_innovation", "bonus.b2_sme", "bonus.b3_local_government", "bonus.b4_rnd_ratio",
                         "bonus.b9_growth_field", "bonus.b13_investment_management")),
            Column("employer", N_("Employer")),
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("end", N_("To"), "date", month="first"),
        ], EmployerFact)
        self.add_list("foreign_qualifications", N_("Foreign &qualifications and awards (B5)"), [
            Column("name", N_("Qualification or award"), rows=("bonus.b5_foreign_qualification",)),
            Column("obtained", N_("Obtained"), "date", required=True, month="last")],
            ForeignQualification)
        self.add_list("jica_training", N_("JICA &training (B11)"), [
            Column("start", N_("From"), "date", required=True, rows=("bonus.b11_jica",)),
            Column("completed", N_("Completed"), "date", required=True, month="last"),
            Column("used_japanese_university_classes", N_("In Japanese university classes"), "bool")], JicaTraining)


def _japanese(**kw):
    if kw.get("level") == "":
        kw.pop("level")
    if kw.get("test") == "jlpt":
        kw.pop("score", None)
    return JapaneseResult(**kw)
