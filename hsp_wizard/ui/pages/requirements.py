"""Other requirements: taxes, pension, insurance, fines, guarantor and family facts, as plain questions."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout

from hsp_wizard.domain.project import (Answer, Business, ChildKind, Family, InsuranceKind, InsurancePeriod,
                                       Obligations, Occupation, Payment, Penalty, Protection, Relation)
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.pages.lists import ListPage, merge_drafts
from hsp_wizard.ui.widgets.fields import DateField, WrapCheckBox, YenField
from hsp_wizard.ui.widgets.list_editor import Column


# the unknown answer first: a question never answered reads as such, and "not sure" is the same answer
PAYMENT = [(Payment.UNKNOWN, N_("Not answered or not sure")), (Payment.ON_TIME, N_("Yes, always on time")),
           (Payment.LATE, N_("Paid, but sometimes late")), (Payment.UNPAID, N_("Some still unpaid"))]
ANSWER = [(Answer.UNKNOWN, N_("Not answered or not sure")), (Answer.YES, N_("Yes")), (Answer.NO, N_("No"))]
# "" first: a question the person has not answered (None in the model) is shown as such, never as an answer
OCCUPATION = [("", N_("Not answered")), (Occupation.EMPLOYEE, N_("Employee")),
              (Occupation.SELF_EMPLOYED, N_("Self-employed")),
              (Occupation.COMPANY_REPRESENTATIVE, N_("Company representative")), (Occupation.OTHER, N_("Other"))]
RELATION = [("", N_("Not answered")), (Relation.NONE, N_("No")), (Relation.JAPANESE, N_("Japanese national")),
            (Relation.PERMANENT_RESIDENT, N_("Permanent resident")),
            (Relation.SPECIAL_PERMANENT_RESIDENT, N_("Special permanent resident"))]
WITHHELD = [("", N_("Not answered")), ("yes", N_("Yes")), ("no", N_("No"))]
CHILD_KIND = [("", N_("Not answered or not sure")), (ChildKind.NATURAL, N_("Natural child")),
              (ChildKind.SPECIAL_ADOPTION, N_("Specially adopted child (特別養子)")),
              (ChildKind.ORDINARY_ADOPTION, N_("Ordinarily adopted child (普通養子)"))]
PROTECTION = [(Protection.REFUGEE, N_("Recognised refugee")),
              (Protection.COMPLEMENTARY, N_("Complementary protection (補完的保護対象者)")),
              (Protection.THIRD_COUNTRY_RESETTLED, N_("Third-country resettled refugee (第三国定住難民)"))]


INSURANCE = [(InsuranceKind.EMPLOYEES_PENSION.value, N_("Employees' pension (厚生年金)")),
             (InsuranceKind.NATIONAL_PENSION.value, N_("National pension (国民年金)")),
             (InsuranceKind.EMPLOYEES_HEALTH.value, N_("Employees' health insurance (健康保険)")),
             (InsuranceKind.NATIONAL_HEALTH.value, N_("National health insurance (国民健康保険)"))]


def combo(page: BasePage, pairs) -> QComboBox:
    return page.texts.bind_items(QComboBox(page), pairs)


class RequirementsPage(ListPage):
    """Taxes, pension, insurance, fines, guarantor and family facts, as plain questions."""

    def __init__(self, doc):
        super().__init__(doc, N_("Other requirements"),
                         N_("Plain questions about the requirements other than points. Leave 'Not answered or not "
                            "sure' rather than guess."))
        form = QFormLayout()
        self.taxes = combo(self, PAYMENT)
        self.pension = combo(self, PAYMENT)
        self.health = combo(self, PAYMENT)
        self.notifications = combo(self, ANSWER)
        self.guarantor = combo(self, ANSWER)
        self.occupation = combo(self, OCCUPATION)
        self.withheld = combo(self, WITHHELD)
        self.spouse = combo(self, RELATION)
        self.parent = combo(self, RELATION)
        self.marriage = DateField(self)
        self.marriage_ended = DateField(self)
        self.child_kind = combo(self, CHILD_KIND)
        self.refugee = DateField(self)
        self.protection = combo(self, PROTECTION)
        self.landing = combo(self, ANSWER)
        self.capital = YenField(self)
        self.capital.setMinimumWidth(220)  # its example ("for example 4,000,000") shows whole
        self.staff, self.japanese_b2, self.degree = (combo(self, ANSWER) for _i in range(3))
        self.employer, self.notice, self.traffic = (WrapCheckBox(self) for _i in range(3))
        for box, text in ((self.employer, N_("I own a workplace enrolled in social ins&urance")),
                          (self.notice, N_("I hold a points-result noti&ce (ポイント計算結果通知書)")),
                          (self.traffic, N_("I have had repeated traffic &violations"))):
            self.texts.bind_named(box, text)
        rows = [(N_("Were resident and national &taxes paid on time?"), self.taxes),
                (N_("Were &pension premiums paid on time?"), self.pension),
                (N_("Were &health-insurance premiums paid on time?"), self.health),
                (N_("Were &immigration notifications made?"), self.notifications),
                (N_("Do you have a &guarantor (Japanese national, permanent or special permanent resident)?"),
                 self.guarantor),
                (N_("&Occupation:"), self.occupation),
                (N_("Was resident tax always deducted from your salary (&withheld, 特別徴収)?"), self.withheld),
                (N_("Married to a Japanese or permanent resident (&spouse route)?"), self.spouse),
                (N_("&Marriage date:"), self.marriage),
                (N_("Marriage &ended on (leave empty if it has not):"), self.marriage_ended),
                (N_("Child of a Japanese or permanent resident (chil&d route)?"), self.parent),
                (N_("As that child, you are a:"), self.child_kind),
                (N_("Date recognised as a refugee, granted protection or resettled (empty if none):"), self.refugee),
                (N_("Protection granted:"), self.protection),
                (N_("Do you still meet the requirements of your current status of residence (its landing "
                    "criteria, 上陸許可基準)?"), self.landing),
                (N_("Business manager (経営・管理, HSP(i)(c)): capital of the business (¥, empty if not sure):"),
                 self.capital),
                (N_("Does the business employ a full-time Japanese or permanent-resident employee?"), self.staff),
                (N_("Do you or a full-time employee have Japanese at B2 level (JLPT N2)?"), self.japanese_b2),
                (N_("Do you hold a master's or higher in management or the business's field?"), self.degree)]
        # each question above its answer, wrapped to the page's width; an answer as wide as its longest choice
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for text, w in rows:
            form.addRow(self.label_for(text, w, wrap=True), w)
            if isinstance(w, (DateField, YenField)):
                form.addRow("", w.error)
            else:
                w.currentIndexChanged.connect(self.edited)
        self.marriage.value_changed.connect(self.edited)
        self.marriage_ended.value_changed.connect(self.edited)
        self.refugee.value_changed.connect(self.edited)
        self.capital.value_changed.connect(self.edited)
        for w, ids in (((self.taxes, self.pension, self.health), ("obligations.public_charges",
                                                                   "obligations.late_payment")),
                       ((self.notifications,), ("obligations.notifications",)),
                       ((self.guarantor,), ("guarantor.required",)),
                       ((self.spouse, self.marriage, self.marriage_ended), ("pr.spouse.marriage_years",
                                                                            "pr.spouse.years")),
                       ((self.parent,), ("pr.child.years",)),
                       ((self.refugee, self.protection), ("pr.refugee.years",))):
            for widget in w:
                self.explain(widget, *ids)
        self.body.addLayout(form)  # the page scrolls as a whole (BasePage), so it fits a 720-pixel-high screen
        self.form = form
        self.spouse.currentIndexChanged.connect(self._show_marriage)  # asked only of a spouse
        for cb in (self.employer, self.notice, self.traffic):
            self.body.addWidget(cb)
            cb.toggled.connect(self.edited)
        self.penalties = self.add_list("penalties", N_("&Fines or imprisonment (not traffic 反則金)"), [
            Column("kind", N_("Kind"), "choice", [("fine", N_("Fine")), ("imprisonment", N_("Imprisonment"))],
                   blank=True,
                   rows=("conduct.fine_years", "conduct.imprisonment_years")),
            Column("ended", N_("Paid or served until"), "date", required=True, month="last"),
            Column("suspended", N_("Suspended"), "bool")], Penalty, owner=Obligations)
        self.help_text(N_("Your pension and health-insurance periods decide which insurance records the checklist "
                          "asks for (without them it assumes employees' or national insurance throughout)."))
        self.insurance = self.add_list("insurance", N_("Pension and health-&insurance periods"), [
            Column("kind", N_("Insurance"), "choice", INSURANCE, blank=True),
            Column("start", N_("From"), "date", required=True, month="first"),
            Column("end", N_("To"), "date", month="last")], InsurancePeriod, owner=Obligations)
        self._other_routes()

    def _other_routes(self) -> None:
        """The facts of the contribution and regional routes (an unticked box: the route does not apply)."""
        self.contribution, self.regional = WrapCheckBox(self), WrapCheckBox(self)
        for box, text, rule in ((self.contribution, N_("My contribution to Japan is recognised under the guideline "
                                                       "(your own assessment; the 5-year route)"),
                                 "pr.contribution.years"),
                                (self.regional, N_("I work under a regional revitalisation plan (特定活動告示 No. "
                                                   "36/37; the 3-year route)"), "pr.regional.years")):
            self.texts.bind(box.setText, text)
            self.body.addWidget(box)
            box.toggled.connect(self.edited)
            self.explain(box, rule)

    def _show_marriage(self, *_args) -> None:
        """The marriage dates matter only to the spouse of a Japanese national or a (special) permanent resident."""
        shown = self.spouse.currentData() not in ("", Relation.NONE.value)
        for w in (self.marriage, self.marriage_ended):
            self.form.setRowVisible(w, shown)
            self.form.setRowVisible(w.error, shown and bool(w.error.text()))

    def load(self) -> None:
        o, f, b = self.doc.project.obligations, self.doc.project.family, self.doc.project.business
        for box, value in ((self.taxes, o.taxes), (self.pension, o.pension), (self.health, o.health_insurance),
                           (self.notifications, o.notifications), (self.guarantor, o.guarantor),
                           (self.protection, f.protection), (self.landing, o.landing_criteria),
                           (self.staff, b.full_time_staff), (self.japanese_b2, b.japanese_b2),
                           (self.degree, b.relevant_degree)):
            box.setCurrentIndex(max(0, box.findData(value.value)))
        for box, value in ((self.occupation, o.occupation), (self.spouse, f.spouse_is), (self.parent, f.parent_is),
                           (self.child_kind, f.child_kind)):  # None: not answered, the first choice
            box.setCurrentIndex(max(0, box.findData(value.value if value is not None else "")))
        withheld = {None: "", True: "yes", False: "no"}[o.resident_tax_withheld]
        self.withheld.setCurrentIndex(max(0, self.withheld.findData(withheld)))
        self.marriage.set_value(f.marriage_date)
        self.marriage_ended.set_value(f.marriage_ended)
        self._show_marriage()
        self.refugee.set_value(f.refugee_recognised)
        self.capital.set_value(b.capital_yen)
        self.employer.setChecked(o.social_insurance_employer)
        self.notice.setChecked(o.points_notice)
        self.traffic.setChecked(o.repeated_traffic_violations)
        drafts = self.doc.project.incomplete_rows
        self.penalties.set_models(o.penalties, drafts.get("penalties", []))
        self.insurance.set_models(o.insurance, drafts.get("insurance", []))
        self.contribution.setChecked(f.contribution_recognised)
        self.regional.setChecked(f.regional_revitalisation)

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
                           "guarantor": self.guarantor.currentData(), "occupation": self.occupation.currentData() or None,
                           "resident_tax_withheld": {"yes": True, "no": False}.get(self.withheld.currentData()),
                           "social_insurance_employer": self.employer.isChecked(),
                           "points_notice": self.notice.isChecked(),
                           "repeated_traffic_violations": self.traffic.isChecked(),
                           "landing_criteria": self.landing.currentData(),
                           "penalties": [x.model_dump() for x in penalties],
                           "insurance": [x.model_dump() for x in insurance]})
        marriage = self.marriage.value()
        fam = Family(**{**old_f.model_dump(), "spouse_is": self.spouse.currentData() or None,
                        "parent_is": self.parent.currentData() or None, "marriage_date": marriage,
                        "marriage_ended": self.marriage_ended.value(),
                        "child_kind": self.child_kind.currentData() or None,
                        "refugee_recognised": self.refugee.value(), "protection": self.protection.currentData(),
                        "contribution_recognised": self.contribution.isChecked(),
                        "regional_revitalisation": self.regional.isChecked()})
        biz = Business(capital_yen=self.capital.value(), full_time_staff=self.staff.currentData(),
                       japanese_b2=self.japanese_b2.currentData(), relevant_degree=self.degree.currentData())
        self.doc.update(obligations=o, family=fam, business=biz, incomplete_rows=drafts)
