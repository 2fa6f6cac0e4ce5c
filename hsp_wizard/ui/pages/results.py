"""Results: points today, at the planned date and its checkpoints, every route, HSP(ii), J-Skip, warnings;
a 'change' link beside each answer goes back to its page."""

from __future__ import annotations

from datetime import date
from html import escape

from babel.lists import format_list
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from hsp_wizard.domain.evaluate import Evaluation
from hsp_wizard.domain.explain import Money
from hsp_wizard.domain.registry import current as current_registry
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import Renderer
from hsp_wizard.ui.pages.base import BasePage


class ResultsPage(BasePage):
    change_requested = Signal(int)
    SCROLLS = False  # its tabs scroll inside themselves, and are allowed to be small (setMinimumSize below)

    def __init__(self, doc, page_of_item: dict[str, int]):
        super().__init__(doc, N_("Results"), N_("Your points and the earliest date of each route to permanent "
                                                 "residence."))
        self.page_of_item = page_of_item
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.texts.bind(self.view.setAccessibleName, N_("Routes and points"))
        self.view.anchorClicked.connect(self._link)
        self.tabs = QTabWidget(self)
        self.texts.bind(self.tabs.setAccessibleName, N_("Results"))
        self.tabs.addTab(self.view, "")
        self.tabs.addTab(self._timeline_tab(), "")
        self.sooner = QTextBrowser(self)
        self.texts.bind(self.sooner.setAccessibleName, N_("What would make it sooner"))
        self.tabs.addTab(self.sooner, "")
        self.sooner.anchorClicked.connect(self._link)
        from hsp_wizard.ui.widgets.scenarios_panel import ScenariosPanel
        self.scenarios = ScenariosPanel(doc, self)
        self.texts.bind(self.scenarios.setAccessibleName, N_("What if: scenarios"))
        self.tabs.addTab(self.scenarios, "")
        for i, label in enumerate((N_("&Routes and points"), N_("&Timeline"), N_("&What would make it sooner"),
                                   N_("What &if: scenarios"))):
            self.texts.call(lambda i=i, label=label: self.tabs.setTabText(i, _(label)))
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
        self.timeline = None
        self.suggestions = None

    def _timeline_tab(self) -> QWidget:
        from hsp_wizard.ui.widgets.timeline_chart import TimelineChart
        tab = QWidget(self)
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
        self.table.verticalHeader().hide()
        lay.addWidget(self.chart, 3)
        lay.addWidget(hint)
        lay.addWidget(self.day_text)
        lay.addWidget(self.table, 2)
        return tab

    def _link(self, url) -> None:
        text = url.toString()
        if text.startswith("page:"):
            self.change_requested.emit(int(text[5:]))
        elif text.startswith("try:") and self.suggestions is not None:
            self.try_as_scenario(self.suggestions[int(text[4:])])

    def try_as_scenario(self, s) -> bool:
        """A new scenario holding a suggestion's change (or its application date), shown in its tab."""
        from hsp_wizard.domain.project import Scenario
        r = Renderer()
        names = {"jlpt_n1": N_("JLPT N1 by {date}"), "jlpt_n2": N_("JLPT N2 by {date}"),
                 "raise": N_("Raise to {amount} from {date}"),
                 "employer_b1": N_("Innovation-supported employer from {date}"), "apply_earlier": N_("Apply on {date}"),
                 "apply_later": N_("Apply on {date}")}
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

    def retranslate(self) -> None:
        super().retranslate()
        if self.evaluation is not None:
            self.load(scenarios=False)  # what is typed in a scenario's rows stays as typed
        self.scenarios.retranslate()
        self.chart.update()

    def load(self, scenarios: bool = True) -> None:
        plan = self.doc.plan()  # the document's plan: evaluated once per edit, shared with the panel and printing
        today = plan.today
        note = "" if plan.project.planned_application_date else _("(no planned date entered: the earliest date found)")
        self.plan = plan
        self.evaluation = ev = plan.evaluation
        from hsp_wizard.ui.steps import not_counted_lines
        lines = not_counted_lines(plan.project)
        self.not_counted.setText("\n".join(lines))
        self.not_counted.setVisible(bool(lines))
        self.view.setHtml(self.render(ev, note, today))
        self.timeline = self.suggestions = None  # the plan's, taken when their tab is shown
        if scenarios:
            self.scenarios.load()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        if self.evaluation is None:
            return
        if index == 1 and self.timeline is None:
            self.timeline = self.plan.timeline
            self.chart.set_timeline(self.timeline)
            self._fill_table()
        elif index == 2 and self.suggestions is None:
            self.suggestions = self.plan.suggestions
            self.sooner.setHtml(self._sooner_html())

    def _fill_table(self) -> None:
        """The chart's text alternative: every day a total changes, the totals, and what changed."""
        tl, r = self.timeline, Renderer()
        self.table.setHorizontalHeaderLabels([_("Date"), "(a)", "(b)", "(c)", _("What changed")])
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
        self.table.resizeColumnsToContents()

    def _sooner_html(self) -> str:
        r = Renderer()
        if not self.suggestions:
            return "<p>" + escape(r.msg(self.suggestions.none_reason)) + "</p>"
        h = ["<p>" + escape(_("What would make permanent residence sooner (best first):")) + "</p><ol>"]
        try_it = escape(_("Try it as a scenario"))
        for i, s in enumerate(self.suggestions):
            link = "" if s.change is None and s.kind not in ("apply_earlier", "apply_later") else \
                f' <a href="try:{i}">{try_it}</a>'
            lead = _("Your planned date is too early") if s.kind == "apply_later" else \
                _("{days} day(s) sooner").format(days=s.gain_days)
            h.append("<li><b>" + escape(lead) + "</b>: " +
                     escape(r.msg(s.says)) + f" <small>[{escape(s.rule_id)}]</small>{link}</li>")
        h.append("</ol><p><small>" + escape(_(
            "Each change is tried on a copy of your facts, from about six months from today; your own plan may "
            "differ. Nothing here is changed in your project.")) + "</small></p>")
        return "".join(h)

    def change(self, item: str) -> str:
        label = _("change")
        return f' <a href="page:{self.page_of_item[item]}">{escape(label)}</a>'

    def render(self, ev: Evaluation, note: str, today: date) -> str:
        r = Renderer()
        planned = _("Planned application date: {date}").format(date=r.fmt(ev.on))
        routes = _("Routes to permanent residence")
        h = [f"<h3>{escape(planned)} {escape(note)}{self.change('category')}</h3>",
             f"<h3>{escape(routes)}</h3><ul>"]
        for name in current_registry().all:
            res = ev.hsp2 if name == "hsp2" else ev.routes[name]
            op = ev.hsp2_opening if name == "hsp2" else ev.openings.get(name)
            state = _("open") if res.open else _("not open")
            route = r.route_name(name)
            h.append(f"<li><b>{escape(route)}</b>: {escape(state)}")
            if op is not None and op.opens:
                h.append(" — " + escape(_("earliest date {date}").format(date=r.fmt(op.opens))))
                if op.binding:
                    h.append(" (" + escape(_("waiting for: {why}").format(why=r.msg(op.binding[0].why))) + ")")
                if op.closes:
                    h.append(" — " + escape(_("closes {date}: {why}").format(
                        date=r.fmt(op.closes), why=r.msg(op.closing[0].why) if op.closing else "")))
            h.append("<ul>")
            for c in res.blockers:
                h.append(f"<li>✗ {escape(r.msg(c.why))} <small>[{escape(c.rule_id)}]</small>"
                         f"{self.change(_item_of(c.rule_id))}</li>")
            for c in res.warnings:
                h.append(f"<li>! {escape(r.msg(c.why))} <small>[{escape(c.rule_id)}; "
                         f"{escape(r.confidence(c.confidence))}]</small>{self.change(_item_of(c.rule_id))}</li>")
            h.append("</ul></li>")
        h.append("</ul>")
        if ev.points is None:
            choose = _("Choose a category to see points.")
            h.append(f"<p>{escape(choose)}{self.change('category')}</p>")
        else:
            now = self.plan.points(today)  # memoised with the plan's other points
            h.append("<p>" + escape(_("Today ({date}): {total} points").format(date=r.fmt(today), total=now.total))
                     + "</p>")
            for label, pr in ((_("On the planned date"), ev.points), (_("1 year before"), ev.checkpoints[1]),
                              (_("3 years before"), ev.checkpoints[3])):
                h.append(f"<h4>{escape(label)} ({escape(r.fmt(pr.on))}): {pr.total}</h4><table>")
                for ln in pr.lines:
                    h.append(f"<tr><td align=right>{ln.points}</td><td>{escape(_label(r, ln.rule_id))}</td>"
                             f"<td>{escape(r.msg(ln.why))}</td><td><small>{escape(ln.rule_id)} · "
                             f"{escape(', '.join(ln.sources))} · {escape(r.confidence(ln.confidence))}</small>"
                             f"{self.change(ln.item)}</td></tr>")
                for ln in pr.withheld:
                    h.append(f"<tr><td align=right>–</td><td>{escape(_label(r, ln.rule_id))}</td>"
                             f"<td>{escape(r.msg(ln.why))}</td><td><small>{escape(ln.rule_id)}</small>"
                             f"{self.change(ln.item)}</td></tr>")
                h.append("</table>")
        h.append("<p>" + escape(_("J-Skip criteria: {why}").format(why=r.msg(ev.jskip.why))) + "</p>")
        h += [f"<p>! {escape(r.msg(c.why))} <small>[{escape(c.rule_id)}; {escape(r.confidence(c.confidence))}]"
              "</small></p>" for c in ev.notes]
        return "".join(h)


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
