"""Pages of single questions: welcome, category and dates, other requirements."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QLabel,
                               QLineEdit, QRadioButton)

from hsp_wizard.domain.points import points
from hsp_wizard.domain.project import (Answer, Category, Family, InsuranceKind, InsurancePeriod, Obligations,
                                       Occupation, Payment, Penalty, Relation)
from hsp_wizard.i18n import N_, _
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.pages.lists import ListPage, merge_drafts
from hsp_wizard.ui.widgets.fields import DateField
from hsp_wizard.ui.widgets.list_editor import Column, ListEditor


CATEGORY_TEXT = {
    Category.A: (N_("(i)(a) Advanced academic research — 高度学術研究活動"),
                 N_("Research, research guidance or education under a contract with a Japanese institution: "
                    "university faculty, researchers at public institutes.")),
    Category.B: (N_("(i)(b) Advanced specialised/technical — 高度専門・技術活動"),
                 N_("Work needing natural-science or humanities knowledge: engineers, IT specialists, analysts, "
                    "consultants, in-house lawyers.")),
    Category.C: (N_("(i)(c) Advanced business management — 高度経営・管理活動"),
                 N_("Running or managing a business: company representatives, directors, executive officers.")),
}


class CategoryPage(BasePage):
    """The category, with a live comparison of the three, and the dates everything depends on."""

    def __init__(self, doc):
        super().__init__(doc, N_("You and your category"), N_("Your points in each category update as you type."))
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.birth = DateField(self)
        self.birth.checker = self._check_birth
        self.planned = DateField(self)
        for text, w in ((N_("N&ame (optional, only for the printout):"), self.name),
                        (N_("Bi&rth date:"), self.birth), (N_("&Planned application date:"), self.planned)):
            form.addRow(self.label_for(text, w), w)
            if isinstance(w, DateField):
                form.addRow("", w.error)
        self.body.addLayout(form)
        self.explain(self.birth, "age.under30", "age.30to34", "age.35to39")
        self.explain(self.planned, "pr.checkpoints")
        self.group = QButtonGroup(self)
        self.radios: dict[Category, QRadioButton] = {}
        self.compare: dict[Category, QLabel] = {}
        for n, (cat, (title, desc)) in enumerate(CATEGORY_TEXT.items(), start=1):
            rb = QRadioButton(self)
            self.texts.call(lambda rb=rb, n=n, title=title, desc=desc: (
                rb.setText(f"&{n}  {_(title)}"),
                rb.setAccessibleName(_(title)), rb.setAccessibleDescription(_(desc))))
            self.group.addButton(rb)
            self.radios[cat] = rb
            d = QLabel(self)
            self.texts.bind(d.setText, desc)
            d.setWordWrap(True)
            d.setIndent(24)
            score = QLabel(self)
            score.setIndent(24)
            self.compare[cat] = score
            self.body.addWidget(rb)
            self.body.addWidget(d)
            self.body.addWidget(score)
            rb.toggled.connect(self.edited)
        self.name.textEdited.connect(self.edited)
        self.birth.value_changed.connect(self.edited)
        self.planned.value_changed.connect(self.edited)
        doc.changed.connect(self.refresh_comparison)

    def retranslate(self) -> None:
        super().retranslate()
        self.refresh_comparison()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh_comparison()  # changed while off screen (an edit elsewhere, a language switch)

    def _check_birth(self, d: date) -> str:
        on = date.today()
        age = on.year - d.year - ((on.month, on.day) < (d.month, d.day))
        if d > on:
            return _("A birth date cannot be in the future")
        if age < 15 or age > 100:
            return _("Check the birth date: that makes you {age}").format(age=age)
        return ""

    def load(self) -> None:
        p = self.doc.project
        self.name.setText(p.name or "")
        self.birth.set_value(p.birth_date)
        self.planned.set_value(p.planned_application_date)
        self.group.setExclusive(False)  # an exclusive group never lets the last radio be unticked (File > New)
        for cat, rb in self.radios.items():
            rb.setChecked(p.category == cat)
        self.group.setExclusive(True)
        self.refresh_comparison()

    def apply(self) -> None:
        cat = next((c for c, rb in self.radios.items() if rb.isChecked()), None)
        # invalid text leaves no value behind (the text stays in the field with its message)
        self.doc.update(category=cat, name=self.name.text().strip() or None, birth_date=self.birth.value(),
                        planned_application_date=self.planned.value())

    def refresh_comparison(self) -> None:
        if not self.isVisible() and not self._loading:
            return  # off screen: load() refreshes it when the page is shown
        p = self.doc.project
        on = p.planned_application_date or date.today()
        for cat, label in self.compare.items():
            r = points(cat, p, on)
            label.setText((_("{total} points — meets the criteria") if r.eligible else
                           _("{total} points — does not meet the criteria")).format(total=r.total))


PAYMENT = [(Payment.UNKNOWN, N_("Not sure")), (Payment.ON_TIME, N_("Yes, always on time")),
           (Payment.LATE, N_("Paid, but sometimes late")), (Payment.UNPAID, N_("Some still unpaid"))]
ANSWER = [(Answer.UNKNOWN, N_("Not sure")), (Answer.YES, N_("Yes")), (Answer.NO, N_("No"))]
OCCUPATION = [(Occupation.EMPLOYEE, N_("Employee")), (Occupation.SELF_EMPLOYED, N_("Self-employed")),
              (Occupation.COMPANY_REPRESENTATIVE, N_("Company representative")), (Occupation.OTHER, N_("Other"))]
RELATION = [(Relation.NONE, N_("No")), (Relation.JAPANESE, N_("Japanese national")),
            (Relation.PERMANENT_RESIDENT, N_("Permanent resident")),
            (Relation.SPECIAL_PERMANENT_RESIDENT, N_("Special permanent resident"))]


INSURANCE = [(InsuranceKind.EMPLOYEES_PENSION.value, N_("Employees' pension (厚生年金)")),
             (InsuranceKind.NATIONAL_PENSION.value, N_("National pension (国民年金)")),
             (InsuranceKind.EMPLOYEES_HEALTH.value, N_("Employees' health insurance (健康保険)")),
             (InsuranceKind.NATIONAL_HEALTH.value, N_("National health insurance (国民健康保険)"))]


def combo(page: BasePage, pairs) -> QComboBox:
    return page.texts.bind_items(QComboBox(page), pairs)


class RequirementsPage(ListPage):
    """Taxes, pension, insurance, fines, guarantor and family facts, as plain questions."""

    def __init__(self, doc):
        super().__init__(doc, N_("Other requirements"), N_("Plain questions about the requirements other than "
                                                          "points. Answer 'Not sure' rather than guess."))
        form = QFormLayout()
        self.taxes = combo(self, PAYMENT)
        self.pension = combo(self, PAYMENT)
        self.health = combo(self, PAYMENT)
        self.notifications = combo(self, ANSWER)
        self.guarantor = combo(self, ANSWER)
        self.occupation = combo(self, OCCUPATION)
        self.spouse = combo(self, RELATION)
        self.parent = combo(self, RELATION)
        self.marriage = DateField(self)
        self.marriage_ended = DateField(self)
        self.withheld, self.employer, self.notice, self.traffic = (QCheckBox(self) for _i in range(4))
        for box, text in ((self.withheld, N_("Resident tax was always deducted from my salary (&withheld)")),
                          (self.employer, N_("I own a workplace enrolled in social ins&urance")),
                          (self.notice, N_("I hold a points-result noti&ce (ポイント計算結果通知書)")),
                          (self.traffic, N_("I have had repeated traffic &violations"))):
            self.texts.bind(box.setText, text)
        rows = [(N_("Were resident and national &taxes paid on time?"), self.taxes),
                (N_("Were &pension premiums paid on time?"), self.pension),
                (N_("Were &health-insurance premiums paid on time?"), self.health),
                (N_("Were &immigration notifications made?"), self.notifications),
                (N_("Do you have a &guarantor (Japanese national or permanent resident)?"), self.guarantor),
                (N_("&Occupation:"), self.occupation),
                (N_("Married to a Japanese or permanent resident (&spouse route)?"), self.spouse),
                (N_("&Marriage date:"), self.marriage),
                (N_("Marriage &ended on (leave empty if it has not):"), self.marriage_ended),
                (N_("Child of a Japanese or permanent resident (chil&d route)?"), self.parent)]
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long questions above their answers
        for text, w in rows:
            form.addRow(self.label_for(text, w), w)
            if isinstance(w, DateField):
                form.addRow("", w.error)
            else:
                w.currentIndexChanged.connect(self.edited)
        self.marriage.value_changed.connect(self.edited)
        self.marriage_ended.value_changed.connect(self.edited)
        for w, ids in (((self.taxes, self.pension, self.health), ("obligations.public_charges",
                                                                   "obligations.late_payment")),
                       ((self.notifications,), ("obligations.notifications",)),
                       ((self.guarantor,), ("guarantor.required",)),
                       ((self.spouse, self.marriage, self.marriage_ended), ("pr.spouse.marriage_years",
                                                                            "pr.spouse.years")),
                       ((self.parent,), ("pr.child.years",))):
            for widget in w:
                self.explain(widget, *ids)
        self.body.addLayout(form)
        self.form = form
        self.spouse.currentIndexChanged.connect(self._show_marriage)  # asked only of a spouse
        for cb in (self.withheld, self.employer, self.notice, self.traffic):
            self.body.addWidget(cb)
            cb.toggled.connect(self.edited)
        self.penalties = self.add_list("penalties", N_("&Fines or imprisonment (not traffic 反則金)"), [
            Column("kind", N_("Kind"), "choice", [("fine", N_("Fine")), ("imprisonment", N_("Imprisonment"))],
                   rows=("conduct.fine_years", "conduct.imprisonment_years")),
            Column("ended", N_("Paid or served until"), "date", required=True, month="last"),
            Column("suspended", N_("Suspended"), "bool")], Penalty)
        self.help_text(N_("Your pension and health-insurance periods decide which insurance records the checklist "
                          "asks for (without them it assumes employees' or national insurance throughout)."))
        self.insurance = self.add_list("insurance", N_("Pension and health-&insurance periods"), [
            Column("kind", N_("Insurance"), "choice", INSURANCE),
            Column("start", N_("From"), "date", required=True, month="first"),
            Column("end", N_("To"), "date", month="last")], InsurancePeriod)
        self._other_routes()

    def _other_routes(self) -> None:
        """The facts of the refugee, contribution and regional routes: the recognition date only for a person who
        says they are a refugee or protected (an unticked box means the route does not apply)."""
        self.refugee, self.contribution, self.regional = (QCheckBox(self) for _i in range(3))
        for box, text in ((self.refugee, N_("I am a recognised &refugee, or eligible for complementary protection "
                                            "(補完的保護対象者)")),
                          (self.contribution, N_("My contribution to Japan is recognised under the guideline "
                                                 "(your own assessment; the 5-year route)")),
                          (self.regional, N_("I work under a regional revitalisation plan (特定活動告示 No. 36/37; "
                                             "the 3-year route)"))):
            self.texts.bind(box.setText, text)
            self.body.addWidget(box)
            box.toggled.connect(self.edited)
        self.refugee_date = DateField(self)
        form = QFormLayout()
        self.refugee_label = self.label_for(N_("Recognised &on:"), self.refugee_date)
        form.addRow(self.refugee_label, self.refugee_date)
        form.addRow("", self.refugee_date.error)
        self.body.addLayout(form)
        self.refugee_date.value_changed.connect(self.edited)
        for widget, rule in ((self.refugee, "pr.refugee.years"), (self.refugee_date, "pr.refugee.years"),
                             (self.contribution, "pr.contribution.years"), (self.regional, "pr.regional.years")):
            self.explain(widget, rule)
        self.refugee.toggled.connect(self._show_refugee_date)
        self._show_refugee_date()

    def _show_marriage(self, *_args) -> None:
        """The marriage dates matter only to the spouse of a Japanese national or a (special) permanent resident."""
        shown = self.spouse.currentData() != Relation.NONE.value
        for w in (self.marriage, self.marriage_ended):
            self.form.setRowVisible(w, shown)
            self.form.setRowVisible(w.error, shown and bool(w.error.text()))

    def _show_refugee_date(self, *_args) -> None:
        shown = self.refugee.isChecked()
        self.refugee_date.setVisible(shown)
        self.refugee_label.setVisible(shown)
        self.refugee_date.error.setVisible(shown and bool(self.refugee_date.error.text()))

    def load(self) -> None:
        o, f = self.doc.project.obligations, self.doc.project.family
        for box, value in ((self.taxes, o.taxes), (self.pension, o.pension), (self.health, o.health_insurance),
                           (self.notifications, o.notifications), (self.guarantor, o.guarantor),
                           (self.occupation, o.occupation), (self.spouse, f.spouse_is), (self.parent, f.parent_is)):
            box.setCurrentIndex(max(0, box.findData(value.value)))
        self.marriage.set_value(f.marriage_date)
        self.marriage_ended.set_value(f.marriage_ended)
        self._show_marriage()
        self.withheld.setChecked(o.resident_tax_withheld)
        self.employer.setChecked(o.social_insurance_employer)
        self.notice.setChecked(o.points_notice)
        self.traffic.setChecked(o.repeated_traffic_violations)
        drafts = self.doc.project.incomplete_rows
        self.penalties.set_models(o.penalties, drafts.get("penalties", []))
        self.insurance.set_models(o.insurance, drafts.get("insurance", []))
        self.refugee.setChecked(f.refugee_recognised is not None)
        self.refugee_date.set_value(f.refugee_recognised)
        self.contribution.setChecked(f.contribution_recognised)
        self.regional.setChecked(f.regional_revitalisation)
        self._show_refugee_date()

    def apply(self) -> None:
        old_o, old_f = self.doc.project.obligations, self.doc.project.family
        penalties, errors = self.penalties.models()
        self.penalties.error.show_error("\n".join(errors))
        insurance, errors = self.insurance.models()
        self.insurance.error.show_error("\n".join(errors))
        drafts = merge_drafts(self.doc.project, {"penalties": self.penalties.drafts(),
                                                 "insurance": self.insurance.drafts()})
        o = Obligations(**{**old_o.model_dump(), "taxes": self.taxes.currentData(),
                           "pension": self.pension.currentData(), "health_insurance": self.health.currentData(),
                           "notifications": self.notifications.currentData(),
                           "guarantor": self.guarantor.currentData(), "occupation": self.occupation.currentData(),
                           "resident_tax_withheld": self.withheld.isChecked(),
                           "social_insurance_employer": self.employer.isChecked(),
                           "points_notice": self.notice.isChecked(),
                           "repeated_traffic_violations": self.traffic.isChecked(),
                           "penalties": [x.model_dump() for x in penalties],
                           "insurance": [x.model_dump() for x in insurance]})
        marriage = self.marriage.value()
        fam = Family(**{**old_f.model_dump(), "spouse_is": self.spouse.currentData(),
                        "parent_is": self.parent.currentData(), "marriage_date": marriage,
                        "marriage_ended": self.marriage_ended.value(),
                        "refugee_recognised": self.refugee_date.value() if self.refugee.isChecked() else None,
                        "contribution_recognised": self.contribution.isChecked(),
                        "regional_revitalisation": self.regional.isChecked()})
        self.doc.update(obligations=o, family=fam, incomplete_rows=drafts)


__all__ = ["CategoryPage", "ListEditor", "RequirementsPage"]
