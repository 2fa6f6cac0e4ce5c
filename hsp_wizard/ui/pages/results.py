"""Results: the earliest route in one sentence, points today, at the planned date and its checkpoints, every
route, HSP(ii), J-Skip, warnings; a 'change' button (drawn as a link) beside each answer goes back to its page."""

from __future__ import annotations

from datetime import date
from html import escape

from babel.lists import format_list
from PySide6.QtCore import Qt, Signal
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QProxyStyle, QScrollArea, QStyle,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from hsp_wizard.domain.evaluate import Evaluation, first_route
from hsp_wizard.domain.explain import Money
from hsp_wizard.domain.registry import current as current_registry
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import Renderer, category_letter
from hsp_wizard.ui.accessibility import LiveText, announce, plain
from hsp_wizard.ui.pages.base import BasePage
from hsp_wizard.ui.widgets.linked_text import LinkButton, LinkedText


class _CompactTabs(QProxyStyle):
    """The application's style with half its horizontal padding inside a tab (Fusion: 12 pixels a side, here 6)."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 (Qt's name)
        value = super().pixelMetric(metric, option, widget)
        return value // 2 if metric == QStyle.PixelMetric.PM_TabBarTabHSpace else value


class ResultsPage(BasePage):
    change_requested = Signal(int)
    SCROLLS = False  # its tabs scroll inside themselves, and are allowed to be small (setMinimumSize below)

    def __init__(self, doc, page_of_item: dict[str, int]):
        super().__init__(doc, N_("Results"), N_("Your points and the earliest date of each route to permanent "
                                                 "residence."))
        self.page_of_item = page_of_item
        self.answer = QLabel(self)  # the headline answer, spoken when it changes
        self.answer.setWordWrap(True)
        font = self.answer.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.answer.setFont(font)
        self.live_answer = LiveText(self.answer)
        self.body.addWidget(self.answer)
        # a planned date gone by, said under the headline on every tab, with a button to the date's field
        self.past = QLabel(self)
        self.past.setWordWrap(True)
        self.past_link = LinkButton("", "", "", self._to_planned_date, self)
        past_row = QHBoxLayout()
        past_row.addWidget(self.past, 1)
        past_row.addWidget(self.past_link, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(past_row)
        self.past.hide()
        self.past_link.hide()
        self.view = LinkedText(self)
        self.texts.bind(self.view.setAccessibleName, N_("Routes and points"))
        self.tabs = QTabWidget(self)
        self.texts.bind(self.tabs.setAccessibleName, N_("Results"))
        self.tabs.addTab(self.view, "")
        self.tabs.addTab(self._timeline_tab(), "")
        self.sooner = LinkedText(self)
        self.texts.bind(self.sooner.setAccessibleName, N_("What would make it sooner"))
        self.tabs.addTab(self.sooner, "")
        from hsp_wizard.ui.widgets.scenarios_panel import ScenariosPanel
        self.scenarios = ScenariosPanel(doc, self)
        self.texts.bind(self.scenarios.setAccessibleName, N_("What if: scenarios"))
        self.tabs.addTab(self.scenarios, "")
        self.family = LinkedText(self)  # the household: each member's route and the HSP family benefits
        self.texts.bind(self.family.setAccessibleName, N_("Your household"))
        self.tabs.addTab(self.family, "")
        self.family_shown = False
        # short labels with narrow padding, so all five sit whole in the window's default width (1180, made for a
        # 1280x720 screen) in both languages, never behind scroll arrows; the accessible names say them in full
        compact = _CompactTabs()
        compact.setParent(self.tabs)  # kept alive with the tabs (a widget does not own the style it is given)
        self.tabs.tabBar().setStyle(compact)
        for i, (label, name) in enumerate(((N_("&Routes and points"), None), (N_("&Timeline"), None),
                                           (N_("Ho&w to apply sooner"), N_("What would make it sooner")),
                                           (N_("What &if"), N_("What if: scenarios")),
                                           (N_("Famil&y and benefits"), None))):
            self.texts.call(lambda i=i, label=label, name=name: (
                self.tabs.setTabText(i, _(label)),
                self.tabs.tabBar().setAccessibleTabName(i, _(name) if name else plain(_(label)))))
        self.tabs.currentChanged.connect(self._fill_tab)
        self.tabs.setMinimumSize(320, 260)  # the tabs scroll inside: the page fits a small screen whole
        self.not_counted = QLabel(self)  # rows kept as typed but not counted, list by list
        self.not_counted.setWordWrap(True)
        self.not_counted.setStyleSheet("color: #b00020;")
        self.not_counted.hide()
        self.body.addWidget(self.not_counted)
        self.body.addWidget(self.tabs)
        self.evaluation: Evaluation | None = None
        self.plan = None  # the document's plan shown (hsp_wizard.domain.plan.Plan)
        self.the_answer = None  # the plan's answer (hsp_wizard.domain.answer): the headline and each route's state
        self.expanded: set[str] = set()  # the "Why?" explanations the user opened
        self.timeline = None
        self.suggestions = None

    def _timeline_tab(self) -> QWidget:
        from hsp_wizard.ui.widgets.timeline_chart import TimelineChart
        # the tab scrolls when the chart, the day's breakdown and the table need more height than the window has
        # (at 1280x720 a day's breakdown was laid over the chart)
        outer = QWidget(self)
        scroll = QScrollArea(outer)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys stay the chart's
        tab = QWidget(scroll)
        lay = QVBoxLayout(tab)
        self.chart = TimelineChart(tab)
        self.texts.bind(self.chart.setAccessibleName, N_("Points over time (the table below has the same data)"))
        self.chart.day_selected.connect(lambda d: self.day_text.setText(self.chart.describe(d)))
        hint = QLabel(tab)
        hint.setWordWrap(True)
        self.texts.bind(hint.setText, N_("Point at the chart, or select it and use the arrow keys, to see the "
                                         "points on a day. Shaded bands: when each route is open."))
        self.day_text = QLabel(tab)
        self.day_text.setWordWrap(True)
        self.table = QTableWidget(0, 5, tab)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.texts.bind(self.table.setAccessibleName, N_("Points over time as a table"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.verticalHeader().hide()
        lay.addWidget(self.chart, 3)
        lay.addWidget(hint)
        lay.addWidget(self.day_text)
        lay.addWidget(self.table, 2)
        scroll.setWidget(tab)
        box = QVBoxLayout(outer)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll)
        return outer

    def try_as_scenario(self, s) -> bool:
        """A new scenario holding a suggestion's change (or its application date), shown in its tab."""
        from hsp_wizard.domain.project import Scenario
        r = Renderer()
        names = {"jlpt_n1": N_("JLPT N1 by {date}"), "jlpt_n2": N_("JLPT N2 by {date}"),
                 "raise": N_("New annual salary {amount} from {date}"),
                 "employer_b1": N_("Innovation-supported employer from {date}"), "apply_earlier": N_("Apply on {date}"),
                 "apply_later": N_("Apply on {date}"), "apply_before": N_("Apply on {date}")}
        if s.kind not in names:
            return False
        on = s.after if s.change is None else s.change.start
        amount = r.fmt(Money(s.change.amount_yen)) if s.change is not None and s.change.amount_yen else ""
        proposal = _(names[s.kind]).format(date=r.fmt(on), amount=amount)
        scenario = Scenario(name="-", changes=[s.change] if s.change else [],
                            planned_application_date=None if s.change else s.after)
        if not self.scenarios.add(scenario, proposal):
            return False
        self.tabs.setCurrentWidget(self.scenarios)
        return True

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        super().initializePage()
        # arriving here, the answer is said after the page's title (its later changes are announced by LiveText)
        QTimer.singleShot(0, lambda: self.isVisible() and announce(self.answer, self.answer.text()))

    def retranslate(self) -> None:
        super().retranslate()
        if self.evaluation is not None:
            self.load(scenarios=False)  # what is typed in a scenario's rows stays as typed
        self.scenarios.retranslate()
        self.chart.update()
        if self.chart.selected is not None and self.timeline is not None:
            self.day_text.setText(self.chart.describe(self.chart.selected))

    def load(self, scenarios: bool = True) -> None:
        if getattr(self, "_revision", None) != self.doc.revision:  # another project (opened, new, restored):
            self._revision = self.doc.revision                     # nothing the last one showed is kept
            self.expanded.clear()
            self.chart.selected = None
        plan = self.doc.plan()  # the document's plan: evaluated once per edit, shared with the panel and printing
        today = plan.today
        note = "" if plan.project.planned_application_date else _("(no planned date entered: the earliest date found)")
        self.plan = plan
        self.evaluation = ev = plan.evaluation
        from hsp_wizard.ui.steps import not_counted_lines
        lines = not_counted_lines(plan.project)
        self.not_counted.setText("\n".join(lines))
        self.not_counted.setVisible(bool(lines))
        self.the_answer = plan.answer  # on the planned date, else judged from today (as the CLI and the PDF say)
        self.render(ev, note, today)
        text, about = self.headline(ev)
        self.answer.setText(text)
        self.live_answer.show(text, about)
        from hsp_wizard.wording import past_planned
        past = past_planned(Renderer(), self.the_answer)
        self.past.setText(past)
        self.past_link.setText(_("change"))
        self.past_link.setAccessibleName(_("Change: {page}").format(page=_("Planned application date")))
        self.past_link.setAccessibleDescription(past)
        self.past.setVisible(bool(past))
        self.past_link.setVisible(bool(past))
        self.timeline = self.suggestions = None  # the plan's, taken when their tab is shown
        self.day_text.clear()  # the day read on the chart: said again from the new timeline when it is shown
        self.family_shown = False
        if scenarios:
            self.scenarios.load()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        if self.evaluation is None:
            return
        if index == 1 and self.timeline is None:
            self.timeline = self.plan.timeline
            self.chart.set_timeline(self.timeline)
            if self.chart.selected is not None:  # the day still read, with this timeline's totals and lines
                self.day_text.setText(self.chart.describe(self.chart.selected))
            self._fill_table()
        elif index == 2 and self.suggestions is None:
            self.suggestions = self.plan.suggestions
            self._fill_sooner()
        elif index == 4 and not self.family_shown:
            from hsp_wizard.ui.pages.household import household_into
            with self.family.rebuilt() as v:
                household_into(v, self.plan.household, self.change, self.family_why, self.expanded)
            self.family_shown = True

    def _fill_table(self) -> None:
        """The chart's text alternative: every day a total changes, the totals, and what changed."""
        tl, r = self.timeline, Renderer()
        # TRANSLATORS: the head of a timeline column, a category's letter: (b) in English, 1号ロ in Japanese
        letter = _("({category})")
        self.table.setHorizontalHeaderLabels([_("Date"), *(letter.format(category=category_letter(c))
                                                           for c in "abc"), _("What changed")])
        self.table.setRowCount(len(tl.steps))
        events = {e.on: e for e in tl.events}
        for row, d in enumerate(tl.steps):
            e = events.get(d)
            what = "" if e is None else format_list([r.msg(m) for m in e.details], locale=r.lang)
            if row == 0:
                what = _("start of the timeline")
            cells = [r.fmt(d), *(str(tl.totals[c][row]) for c in ("a", "b", "c")), what]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()  # the date and totals fit; "What changed" takes the rest and wraps
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _fill_sooner(self) -> None:
        """The suggestions, best first, each with a 'Try it as a scenario' button when a scenario can hold it."""
        with self.sooner.rebuilt() as v:
            self._suggestions_into(v)

    def _suggestions_into(self, v: LinkedText) -> None:
        r = Renderer()
        if not self.suggestions:
            from hsp_wizard.wording import sooner_none
            v.add(sooner_none(r, self.suggestions, self.the_answer))
            return
        v.add(_("What would make permanent residence sooner (best first):"))
        for i, s in enumerate(self.suggestions):
            says = r.msg(s.says)
            links = [] if s.change is None and s.kind not in ("apply_earlier", "apply_later", "apply_before") else [LinkButton(
                _("Try it as a scenario"), _("Try it as a scenario: {suggestion}").format(suggestion=says), "",
                lambda s=s: self.try_as_scenario(s))]
            lead = _("Your planned date is too early") if s.kind == "apply_later" else \
                _("Apply before the route closes") if s.kind == "apply_before" else \
                _("{days} day(s) sooner").format(days=s.gain_days)
            line = escape(_("{name}: {what}")).format(name=f"<b>{escape(lead)}</b>", what=escape(says))
            v.add(f"{i + 1}. {line}", links, indent=8, rich=True)
        v.add("<small>" + escape(_(
            "Each change is tried on a copy of your facts, from about six months from today; your own plan may "
            "differ. Nothing here is changed in your project.")) + "</small>", rich=True)

    def change(self, item: str, what: str = "", text: str = "") -> LinkButton:
        """A button that goes back to the page answering `item`; `what` is the line it is beside."""
        page_id = self.page_of_item[item]
        wizard = self.wizard()
        page = plain(wizard.page(page_id).title()) if wizard is not None and wizard.page(page_id) else ""
        return LinkButton(text or _("change"), _("Change: {page}").format(page=page), what,
                          lambda: self.change_requested.emit(page_id))

    def headline(self, ev: Evaluation) -> tuple[str, object]:
        """The answer in one sentence (the same as the CLI's and the PDF's first page), and what it is about (a
        language switch changes the words only)."""
        from hsp_wizard.domain.answer import answer
        from hsp_wizard.wording import headline
        a = self.the_answer if self.the_answer is not None else answer(self.doc.project, ev, ev.on)
        about = (a.kind, a.best.route if a.best else None, a.on)
        return headline(Renderer(), a), about

    def toggle_why(self, key: str) -> None:
        """Open or close a "Why?" explanation where it is."""
        self.expanded ^= {key}
        if self.evaluation is not None:
            bar = self.view.verticalScrollBar().value()
            self.render(self.evaluation, "", self.plan.today if self.plan is not None else date.today())
            self.view.verticalScrollBar().setValue(bar)

    def family_why(self, key: str, what: str) -> LinkButton:
        """A "Why?" of the family tab: opens or closes there (that tab alone is filled again)."""
        label = _("Hide why") if key in self.expanded else _("Why?")

        def toggle() -> None:
            self.expanded ^= {key}
            self.family_shown = False
            bar = self.family.verticalScrollBar().value()
            self._fill_tab(4)
            self.family.verticalScrollBar().setValue(bar)
        return LinkButton(label, _("{action}: {what}").format(action=label, what=what), "", toggle)

    def why_button(self, key: str, what: str) -> LinkButton:
        label = _("Hide why") if key in self.expanded else _("Why?")
        return LinkButton(label, _("{action}: {what}").format(action=label, what=what), "",
                          lambda: self.toggle_why(key))

    def fact_button(self, f) -> LinkButton:
        """A button that goes to the field where a fact is entered (its page, then the field focused)."""
        return LinkButton(f.text, _("Enter: {fact}").format(fact=f.text), f.page,
                          lambda: self.go_to_field(f.item, f.field))

    def _to_planned_date(self) -> None:
        self.go_to_field("category", "planned")

    def go_to_field(self, item: str, field: str | None) -> None:
        """To the page of `item` (a wizard item), then the field focused and in sight when one is named."""
        page_id = self.page_of_item.get(item, self.page_of_item["category"])
        self.change_requested.emit(page_id)
        if field:
            self.focus_field(page_id, field)

    def focus_field(self, page_id: int, name: str) -> bool:
        """Focus a field of another page: a list cell ("residence.period_of_stay_months.0") or a named widget
        ("guarantor")."""
        wizard = self.wizard()
        page = wizard.page(page_id) if wizard is not None else None
        if page is None or wizard.currentId() != page_id:
            return False
        parts = name.split(".")
        editors = getattr(page, "editors", {})
        if len(parts) == 3 and parts[0] in editors:
            editor = editors[parts[0]]
            col = next((i for i, c in enumerate(editor.columns) if c.key == parts[1]), None)
            row = int(parts[2])
            if col is None or row >= editor.table.rowCount():
                return False
            editor.table.setCurrentCell(row, col)
            editor.table.setFocus()
            _scroll_to(editor.table)
            return True
        widget = getattr(page, name, None)
        if hasattr(widget, "buttons"):  # a group of radio buttons: the chosen one, else the first
            widget = widget.checkedButton() or (widget.buttons() or [None])[0]
        if widget is None or not hasattr(widget, "setFocus"):
            return False
        widget.setFocus()
        _scroll_to(widget)
        return True

    def render(self, ev: Evaluation, note: str, today: date) -> None:
        with self.view.rebuilt() as v:
            self._results_into(v, ev, note, today)

    def _why_into(self, v: LinkedText, key: str, lines: list[str]) -> None:
        if key in self.expanded:
            for line in lines:
                v.add(line, indent=36)

    def _route_into(self, v: LinkedText, rw) -> None:
        line = escape(_("{route}: {state}")).format(route=f"<b>{escape(rw.name)}</b>", state=escape(rw.says))
        v.add(line, [self.why_button(rw.route, rw.name)], indent=8, rich=True)
        for f in rw.facts:
            v.add("→", [self.fact_button(f)], indent=28)
        for x in rw.warnings:
            v.add(f"! {x}", indent=28)
        self._why_into(v, rw.route, rw.why)

    def _results_into(self, v: LinkedText, ev: Evaluation, note: str, today: date) -> None:
        """The answer first (the headline, then each route's state), then the points; rule ids, sources and
        confidence only inside the "Why?" explanations."""
        from hsp_wizard.domain.answer import answer
        from hsp_wizard.wording import words
        r = Renderer()
        a = self.the_answer if self.the_answer is not None else answer(self.doc.project, ev, today)
        w = words(r, a, why=bool(self.expanded))  # the explanations are worded only once one is opened
        # the headline itself is the label above the tabs (one sentence, said once): here, its "Why?"
        if a.best is not None:
            v.add(_("How the answer above was reached:"), [self.why_button("headline", w.headline)])
        self._why_into(v, "headline", w.why)
        for f in w.facts:
            v.add("→", [self.fact_button(f)], indent=8)
        if w.kind == "empty":
            return
        if w.stay:
            v.add(w.stay)
        v.add(_("Routes to permanent residence"), heading=1)
        for rw in w.routes:
            if rw.route != "hsp2":
                self._route_into(v, rw)
        if w.others:
            v.add(w.others, [self.change("requirements", w.others)], indent=8)
        for rw in w.routes:
            if rw.route == "hsp2":
                v.add(w.also, heading=2)
                self._route_into(v, rw)
        if w.warnings or w.notes:
            v.add(_("Check before you apply"), heading=2)
            for x in (*w.warnings, *w.notes):
                v.add(f"! {x}", indent=8)
        if ev.points is None:
            choose = _("Choose a category to see points.")
            v.add(choose, [self.change("category", choose)])
        else:
            now = self.plan.points(today)  # memoised with the plan's other points
            what = _("Today ({date}): {total} points").format(date=r.fmt(today), total=now.total)
            v.add(what, [self.why_button("points", what)])
            explain = "points" in self.expanded
            first = _("On the planned date") if a.planned else \
                _("On the date given") if self.plan is not None and self.plan.why_on == "given" else \
                _("On the earliest date found") if ev.on != today else _("Today")
            for label, pr in ((first, ev.points), (_("1 year before"), ev.checkpoints[1]),
                              (_("3 years before"), ev.checkpoints[3])):
                # TRANSLATORS: a heading: "On the planned date (1 Oct 2026): 90", the total in points
                v.add(_("{when} ({date}): {total}").format(when=label, date=r.fmt(pr.on), total=pr.total),
                      heading=2)
                rows = [[str(ln.points), _label(r, ln.rule_id), r.msg(ln.why)] +
                        ([_why_points(r, ln)] if explain else []) for ln in pr.lines]
                rows += [["–", _label(r, ln.rule_id), r.msg(ln.why)] + ([""] if explain else [])
                         for ln in pr.withheld]
                items = dict.fromkeys(ln.item for ln in (*pr.lines, *pr.withheld))  # in order, once each
                pages = dict.fromkeys(self.page_of_item[i] for i in items)
                links = [self.change(next(i for i in items if self.page_of_item[i] == pid), label,
                                     self._page_link_text(pid)) for pid in pages]
                v.add_grid(rows, small=3 if explain else None, indent=8)
                if links:
                    v.add("<small>" + escape(_("Change the facts behind these points:")) + "</small>", links,
                          indent=8, below=True, rich=True)
        v.add(_("J-Skip criteria: {why}").format(why=r.msg(ev.jskip.why)))

    def _page_link_text(self, page_id: int) -> str:
        wizard = self.wizard()
        page = wizard.page(page_id) if wizard is not None else None
        return _("Change: {page}").format(page=plain(page.title()) if page is not None else "")


def _label(r: Renderer, rule_id: str) -> str:
    """A point row's name; in English with the official Japanese name beside it."""
    term = r.official_term(rule_id)
    return f"{r.rule_label(rule_id)}（{term}）" if term else r.rule_label(rule_id)


def _item_of(rule_id: str) -> str:
    """Which page answers the facts a condition is about: as the routes declare it, else by the rule's family."""
    page = current_registry().page_of_rule(rule_id)
    if page is not None:
        return page
    if rule_id.startswith(("continuity", "stay", "pr.general", "pr.long_term", "pr.hsp", "hsp2.years",
                           "pr.jskip")):
        return "residence"
    # the refugee, contribution and regional facts and the family relations are asked on the requirements page
    if rule_id.startswith(("obligations", "guarantor", "conduct", "pr.spouse", "pr.child", "pr.regional",
                           "pr.contribution", "pr.refugee")):
        return "requirements"
    if rule_id.startswith(("jskip", "gate.salary", "livelihood")):
        return "salary"
    return "category"


def _why_points(r: Renderer, ln) -> str:
    from hsp_wizard.wording import sources_said
    return sources_said(r, ln.sources, ln.confidence, ln.rule_id)


def _scroll_to(widget) -> None:
    """The page scrolled so that `widget` is in sight (a focused field lower on a long page stayed out of sight:
    a fresh user followed a link to a question and did not see it)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 40, 80)
