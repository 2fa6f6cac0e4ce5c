"""Other requirements: taxes, pension, insurance, fines, guarantor and family facts, as plain questions."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout

from hsp_wizard.domain.project import Answer, Family, Obligations, Occupation, Payment, Penalty, Relation
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.pages.lists import ListPage
from hsp_wizard.ui.widgets.fields import DateField
from hsp_wizard.ui.widgets.list_editor import Column


PAYMENT = [(Payment.UNKNOWN, N_("Not sure")), (Payment.ON_TIME, N_("Yes, always on time")),
           (Payment.LATE, N_("Paid, but sometimes late")), (Payment.UNPAID, N_("Some still unpaid"))]
ANSWER = [(Answer.UNKNOWN, N_("Not sure")), (Answer.YES, N_("Yes")), (Answer.NO, N_("No"))]
OCCUPATION = [(Occupation.EMPLOYEE, N_("Employee")), (Occupation.SELF_EMPLOYED, N_("Self-employed")),
              (Occupation.COMPANY_REPRESENTATIVE, N_("Company representative")), (Occupation.OTHER, N_("Other"))]
RELATION = [(Relation.NONE, N_("No")), (Relation.JAPANESE, N_("Japanese national")),
            (Relation.PERMANENT_RESIDENT, N_("Permanent resident")),
            (Relation.SPECIAL_PERMANENT_RESIDENT, N_("Special permanent resident"))]


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
                (N_("Child of a Japanese or permanent resident (chil&d route)?"), self.parent)]
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long questions above their answers
        for text, w in rows:
            form.addRow(self.label_for(text, w), w)
            if isinstance(w, DateField):
                form.addRow("", w.error)
            else:
                w.currentIndexChanged.connect(self.edited)
        self.marriage.value_changed.connect(self.edited)
        self.body.addLayout(form)
        for cb in (self.withheld, self.employer, self.notice, self.traffic):
            self.body.addWidget(cb)
            cb.toggled.connect(self.edited)
        self.penalties = self.add_list("penalties", N_("&Fines or imprisonment (not traffic 反則金)"), [
            Column("kind", N_("Kind"), "choice", [("fine", N_("Fine")), ("imprisonment", N_("Imprisonment"))]),
            Column("ended", N_("Paid or served until"), "date", required=True),
            Column("suspended", N_("Suspended"), "bool")], Penalty)

    def load(self) -> None:
        o, f = self.doc.project.obligations, self.doc.project.family
        for box, value in ((self.taxes, o.taxes), (self.pension, o.pension), (self.health, o.health_insurance),
                           (self.notifications, o.notifications), (self.guarantor, o.guarantor),
                           (self.occupation, o.occupation), (self.spouse, f.spouse_is), (self.parent, f.parent_is)):
            box.setCurrentIndex(max(0, box.findData(value.value)))
        self.marriage.set_value(f.marriage_date)
        self.withheld.setChecked(o.resident_tax_withheld)
        self.employer.setChecked(o.social_insurance_employer)
        self.notice.setChecked(o.points_notice)
        self.traffic.setChecked(o.repeated_traffic_violations)
        self.penalties.set_models(o.penalties)

    def apply(self) -> None:
        old_o, old_f = self.doc.project.obligations, self.doc.project.family
        penalties, errors = self.penalties.models()
        self.penalties.error.show_error("\n".join(errors))
        o = Obligations(**{**old_o.model_dump(), "taxes": self.taxes.currentData(),
                           "pension": self.pension.currentData(), "health_insurance": self.health.currentData(),
                           "notifications": self.notifications.currentData(),
                           "guarantor": self.guarantor.currentData(), "occupation": self.occupation.currentData(),
                           "resident_tax_withheld": self.withheld.isChecked(),
                           "social_insurance_employer": self.employer.isChecked(),
                           "points_notice": self.notice.isChecked(),
                           "repeated_traffic_violations": self.traffic.isChecked(),
                           "penalties": [x.model_dump() for x in penalties]})
        marriage = self.marriage.value()
        fam = Family(**{**old_f.model_dump(), "spouse_is": self.spouse.currentData(),
                        "parent_is": self.parent.currentData(), "marriage_date": marriage})
        self.doc.update(obligations=o, family=fam)
