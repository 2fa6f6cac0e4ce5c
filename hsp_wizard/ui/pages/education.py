"""Education: every degree held."""

from __future__ import annotations

from hsp_wizard.domain.project import Degree
from hsp_wizard.i18n import N_
from hsp_wizard.ui.pages.lists import ListPage, choices
from hsp_wizard.ui.widgets.list_editor import Column


DEGREE_LEVELS = [("bachelor", N_("Bachelor's or equivalent")), ("master", N_("Master's")),
                 ("professional", N_("Professional degree")), ("mba_mot", N_("MBA / MOT (professional)")),
                 ("doctorate", N_("Doctorate"))]


class EducationPage(ListPage):
    def __init__(self, doc):
        super().__init__(doc, N_("Education"), N_("Every degree you hold. Only the highest counts, plus bonuses."))
        self.add_list("degrees", N_("&Degrees"), [
            Column("level", N_("Level"), "choice", choices(DEGREE_LEVELS), blank=True,
                   rows=("academic.doctorate", "academic.mba_mot", "academic.master", "academic.bachelor")),
            Column("field", N_("Field")),
            Column("awarded", N_("Awarded"), "date", required=True, month="last"),
            Column("japanese_university", N_("Japanese university"), "bool", rows=("bonus.b6_japanese_university",)),
            Column("designated_university", N_("Designated university"), "bool",
                   rows=("bonus.b10_designated_university",)),
            Column("japanese_major", N_("Japanese major abroad"), "bool", rows=("bonus.b7_n1",)),
        ], Degree)
