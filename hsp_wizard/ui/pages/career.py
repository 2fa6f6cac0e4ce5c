"""Career: the periods of relevant work."""

from __future__ import annotations

from hsp_wizard.domain.project import CareerPeriod
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.lists import ListPage, choices
from hsp_wizard.ui.widgets.list_editor import Column


CAREER_KINDS = [("specialised", N_("Specialised/technical work (category b)")),
                ("research_education", N_("Research or education (category a)")),
                ("business_management", N_("Business management (category c)"))]


class CareerPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Career"), N_("Relevant work only: study time and part-time work while a student "
                                             "do not count. Leave 'To' empty for ongoing work."))
        self.add_list("career", N_("&Periods of work"), [
            Column("kind", N_("Kind"), "choice", choices(CAREER_KINDS), blank=True,
                   rows=("career.10y", "career.7y", "career.5y", "career.3y")),
            Column("employer", N_("Employer")),
            Column("start", N_("From"), "date", required=True, month="last"),
            Column("end", N_("To"), "date", month="first"),
        ], CareerPeriod)
