"""Salary: the expected annual remuneration from each date on."""

from __future__ import annotations

from hsp_wizard.domain.project import SalaryEntry
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.lists import ListPage
from hsp_wizard.ui.widgets.list_editor import Column


class SalaryPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Salary"), N_("Your expected annual salary from each date on."))
        self.help_text(N_("The expected annual remuneration from each date on, in whole yen. Bonuses count; "
                         "overtime pay and commuting, family and housing allowances do not. Pay from a foreign "
                         "sending organisation counts too."))
        self.why("convention.salary_expected")
        self.add_list("salary", N_("&Salary history"), [
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("amount_yen", N_("Annual amount (¥)"), "yen", required=True,
                   rows=("convention.salary_expected",)),
            Column("foreign_amount_yen", N_("From a foreign organisation (¥)"), "yen"),
        ], SalaryEntry)
