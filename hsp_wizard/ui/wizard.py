"""The wizard: its pages, declared once in `PAGES` (which also gives the page of each fact for the "change"
links, and the names of the project's parts for the recovery prompt), with the live points panel beside them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWizard

from hsp_wizard.i18n import N_
from hsp_wizard.ui.accessibility import follow_wizard
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.pages.welcome import WelcomePage
from hsp_wizard.ui.steps import PageId  # the pages' ids, shared with the step list (no Qt there)


@dataclass(frozen=True)
class PageSpec:
    """One page of the wizard: its class (imported when the pages are built: the Welcome page needs none of the
    engine), the items whose facts are entered on it (the route registry's pages, the points lines' items; the
    "change" links go there), and the project's parts it holds with their names (the recovery prompt's)."""

    id: PageId
    module: str
    cls: str
    items: tuple[str, ...] = ()
    parts: tuple[tuple[str, str], ...] = ()


PAGES = (
    PageSpec(PageId.WELCOME, "hsp_wizard.ui.pages.welcome", "WelcomePage"),
    PageSpec(PageId.CATEGORY, "hsp_wizard.ui.pages.category", "CategoryPage", ("category", "age"),
             (("name", N_("Name")), ("birth_date", N_("Date of birth")), ("category", N_("Category")),
              ("planned_application_date", N_("Planned application date")))),
    PageSpec(PageId.EDUCATION, "hsp_wizard.ui.pages.education", "EducationPage", ("academic", "academic_bonus"),
             (("degrees", N_("Education")),)),
    PageSpec(PageId.CAREER, "hsp_wizard.ui.pages.career", "CareerPage", ("career",), (("career", N_("Career")),)),
    PageSpec(PageId.SALARY, "hsp_wizard.ui.pages.salary", "SalaryPage", ("salary",), (("salary", N_("Salary")),)),
    PageSpec(PageId.ACHIEVEMENTS, "hsp_wizard.ui.pages.achievements", "AchievementsPage", ("research", "licence", "position"),
             (("research", N_("Research achievements")), ("licences", N_("Licences")),
              ("positions", N_("Position")), ("investments", N_("Investment")))),
    PageSpec(PageId.BONUSES, "hsp_wizard.ui.pages.bonuses", "BonusesPage", ("bonus",),
             (("japanese", N_("Japanese ability")), ("employer_facts", N_("Employer")),
              ("foreign_qualifications", N_("Foreign qualifications and awards")),
              ("jica_training", N_("JICA training")))),
    PageSpec(PageId.RESIDENCE, "hsp_wizard.ui.pages.residence", "ResidencePage", ("residence",),
             (("residence", N_("Statuses of residence")), ("trips", N_("Trips abroad")))),
    PageSpec(PageId.REQUIREMENTS, "hsp_wizard.ui.pages.requirements", "RequirementsPage", ("requirements",),
             (("family", N_("Family")), ("obligations", N_("Taxes, pension and insurance")),
              ("business", N_("Your business (business-manager criteria)")))),
    PageSpec(PageId.HOUSEHOLD, "hsp_wizard.ui.pages.household", "HouseholdPage", ("household",),
             (("household", N_("Household")),)),
    PageSpec(PageId.RESULTS, "hsp_wizard.ui.pages.results", "ResultsPage", (),
             (("scenarios", N_("What-if scenarios")),)),
)

# The page each item's facts are entered on: the results page's "change" links.
PAGE_OF_ITEM = {item: spec.id for spec in PAGES for item in spec.items}
# The page each of the project's parts is entered on (an undo is shown on its page).
PAGE_OF_PART = {name: spec.id for spec in PAGES for name, _label in spec.parts}


def page_of_fields(fields) -> PageId | None:
    """The one page holding every one of the project's `fields` (rows kept as typed and the settings aside), or
    None when they lie on several pages or on none."""
    pages = {PAGE_OF_PART.get(f) for f in fields if f not in ("incomplete_rows", "settings")}
    return next(iter(pages)) if len(pages) == 1 and None not in pages else None


# The project's parts as the recovery prompt names them (the settings have no page).
PART_LABELS = {name: label for spec in PAGES for name, label in spec.parts} | {
    "settings": N_("Settings"), "incomplete_rows": N_("Rows not yet complete")}


class HspWizard(QWizard):
    """The pages in order, with the live points panel beside every page.

    Only the Welcome page exists at first; `build()` adds the others and the panel (the engine's imports are
    the bulk of start-up, and the Welcome page needs none of them)."""

    def __init__(self, doc: ProjectDocument, recent: list[str], parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        # no Finish anywhere (it would close the window's wizard for good): the results page offers Save, Save
        # checklist as PDF and Print instead, as the wizard's custom buttons
        self._results_buttons(False)
        self.jumping = False       # moving through pages for the step list: Next does not stop on a page
        self.visited: set[int] = set()  # the pages stopped on (a jump's pages passed over are not)
        self.jump_target: int | None = None
        self.from_results = False  # a 'change' link was followed: the step list offers the way back
        self.currentIdChanged.connect(self._shown)
        self.welcome = WelcomePage(doc, recent)
        self.setPage(PageId.WELCOME, self.welcome)
        self.pages = {PageId.WELCOME: self.welcome}
        self.panel = None
        follow_wizard(self)  # the wizard is named after its page, for screen readers

    @property
    def built(self) -> bool:
        return self.panel is not None

    def build(self) -> None:
        """Add every other page and the points panel (idempotent)."""
        if self.built:
            return
        from importlib import import_module
        from hsp_wizard.ui.pages.results import ResultsPage
        from hsp_wizard.ui.widgets.points_panel import PointsPanel
        doc = self.doc
        for spec in PAGES:
            if spec.id == PageId.WELCOME:
                continue
            cls = getattr(import_module(spec.module), spec.cls)
            if cls is ResultsPage:
                self.pages[spec.id] = cls(doc, {k: int(v) for k, v in PAGE_OF_ITEM.items()})
            else:
                self.pages[spec.id] = cls(doc)
        for pid, page in self.pages.items():
            if pid != PageId.WELCOME:
                self.setPage(pid, page)
        self.panel = PointsPanel(doc)
        self.setSideWidget(self.panel)
        from hsp_wizard.ui.widgets.fields import guard_wheel
        guard_wheel(self)  # the wheel scrolls the pages; it changes a combo or spin box only once clicked into
        self.pages[PageId.RESULTS].change_requested.connect(self.go_to)
        follow_wizard(self)
        self._shown(self.currentId())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # QWizard translates its default button texts on LanguageChange but does not put them on the buttons
        # (seen with Qt 6.12): do it here, so Back/Next/Finish follow the language.
        if event.type() == QEvent.Type.LanguageChange:
            for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                          QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                          QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton):
                self.button(which).setText(self.buttonText(which))
        super().changeEvent(event)

    def next(self) -> None:  # noqa: A003 (Qt's name)
        self.build()
        super().next()

    def go_to(self, page_id: int) -> None:
        """A 'change' link: to that page, with the way back to the results one click away."""
        self.jump_to(page_id)
        self.from_results = self.currentId() != PageId.RESULTS
        self.currentIdChanged.emit(self.currentId())  # the step list shows the way back

    def jump_to(self, page_id: int) -> None:
        """To any page, forward or back: back through the history, or on with Next (every page in between is
        filled from the project, as Next does; none stops the jump)."""
        self.build()
        if page_id == self.currentId():
            return
        self.jumping, self.jump_target = True, page_id
        try:
            if page_id in self.visitedIds():
                while self.currentId() != page_id and self.currentId() != self.startId():
                    self.back()
                return
            while self.currentId() != page_id:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self.jumping, self.jump_target = False, None
            if self.currentId() >= 0 and self.currentId() not in self.visited:  # stopped short of the target
                self.visited.add(self.currentId())
                self.currentIdChanged.emit(self.currentId())  # the step list marks where it stopped

    def land(self, page_id: int) -> None:
        """Start again from the Welcome page and go to `page_id` (a project opened, made or restored)."""
        self.restart()
        self.visited = set()
        self.from_results = False
        self.jump_to(page_id)

    def _shown(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is not None and hasattr(page, "reload_if_stale"):
            page.reload_if_stale()  # undone, redone or replaced while another page was shown
        if page_id == PageId.RESULTS:
            self.from_results = False
        if page_id >= 0 and (not self.jumping or page_id == self.jump_target):
            self.visited.add(page_id)  # stopped on, not passed over
        self._results_buttons(page_id == PageId.RESULTS)

    def _results_buttons(self, shown: bool) -> None:
        """Back and Next; on the results also Save, Save checklist as PDF and Print (never Finish)."""
        custom = [QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CustomButton2,
                  QWizard.WizardButton.CustomButton3]
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton, *(custom if shown else [])])
        for which in custom:
            self.button(which).setVisible(shown)

    def reject(self) -> None:
        """Escape: a QWizard would close (and empty) itself; this one stays as it is."""

    def accept(self) -> None:
        """Nothing finishes the window's wizard (there is no Finish button; Enter on the last page does this)."""

    def done(self, _result: int) -> None:  # noqa: D401 (Qt's name)
        """Never hide the embedded wizard."""
