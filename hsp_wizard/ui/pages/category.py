"""You and your category: the category, with a live comparison of the three, and the dates everything
depends on."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton

from hsp_wizard.domain.project import Category, Project, max_length
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import category_letter
from hsp_wizard.ui.accessibility import set_name
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.widgets.fields import DateField


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
        self.name.setMaxLength(max_length(Project, "name"))  # the project's own limit: typing stops there
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
        plan = self.doc.plan()  # the document's plan: its points are memoised for the panel and the results
        on = plan.on if plan.date_known else plan.today
        for cat, label in self.compare.items():
            r = plan.points(on, cat)
            label.setText(_score_text(r, salary_missing=r.salary_yen is None,
                                      birth_missing=r.age is None and cat != Category.C))
            # read on its own (flat review), the score says which category it is for
            set_name(label, _("Category ({category}): {score}").format(category=category_letter(cat),
                                                                       score=label.text()))


def _score_text(r, *, salary_missing: bool, birth_missing: bool) -> str:
    """A category's score on the first page. Short of the criteria while a fact that scores is not entered yet
    (the salary; the birth date, where age scores: not in (c)) is "so far", not "does not meet": unknown is not
    no, and on a new project both are entered on later pages or not at all yet."""
    if r.eligible:
        return _("{total} points — meets the criteria").format(total=r.total)
    if salary_missing and birth_missing:
        return _("{total} points so far — birth date and salary not entered yet").format(total=r.total)
    if salary_missing:
        return _("{total} points so far — salary not entered yet").format(total=r.total)
    if birth_missing:
        return _("{total} points so far — birth date not entered yet").format(total=r.total)
    return _("{total} points — does not meet the criteria").format(total=r.total)
