"""Results: points today, at the planned date and its checkpoints, every route, HSP(ii), J-Skip, warnings;
a 'change' link beside each answer goes back to its page."""

from __future__ import annotations

from datetime import date
from html import escape

from babel.lists import format_list
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from hsp_wizard.domain.evaluate import Evaluation
from hsp_wizard.domain.explain import Money
from hsp_wizard.i18n import N_, _
from hsp_wizard.presentation import Renderer
from hsp_wizard.ui.pages.base import BasePage


class ResultsPage(BasePage):
    change_requested = Signal(int)

    def __init__(self, doc, page_of_item: dict[str, int]):
        super().__init__(doc, N_("Results"), "")
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
        self.body.addWidget(self.tabs)
        self.evaluation: Evaluation | None = None
        self.answer = None
        self.expanded: set[str] = set()  # the "Why?" explanations the user opened
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
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.verticalHeader().hide()
        lay.addWidget(self.chart, 3)
        lay.addWidget(hint)
        lay.addWidget(self.day_text)
        lay.addWidget(self.table, 2)
        return tab

    def _link(self, url) -> None:
        text = url.toString()
        if text.startswith("why:"):  # open or close an explanation where it is
            self.expanded ^= {text[4:]}
            if self.evaluation is not None:
                bar = self.view.verticalScrollBar().value()
                self.view.setHtml(self.render(self.evaluation, "", date.today()))
                self.view.verticalScrollBar().setValue(bar)
        elif text.startswith("page:"):
            self.change_requested.emit(int(text[5:]))
        elif text.startswith("field:"):  # the page, then the field itself, focused
            _kind, page, name = text.split(":", 2)
            self.change_requested.emit(int(page))
            self.focus_field(int(page), name)
        elif text.startswith("try:") and self.suggestions is not None:
            self.try_as_scenario(self.suggestions[int(text[4:])])

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
            return True
        widget = getattr(page, name, None)
        if hasattr(widget, "buttons"):  # a group of radio buttons: the chosen one, else the first
            widget = widget.checkedButton() or (widget.buttons() or [None])[0]
        if widget is None or not hasattr(widget, "setFocus"):
            return False
        widget.setFocus()
        return True

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

    def retranslate(self) -> None:
        super().retranslate()
        if self.evaluation is not None:
            self.load(scenarios=False)  # what is typed in a scenario's rows stays as typed
        self.scenarios.retranslate()
        self.chart.update()

    def load(self, scenarios: bool = True) -> None:
        plan = self.doc.plan()  # the document's plan: evaluated once per edit, shared with the panel and printing
        today = plan.today
        self.plan = plan
        self.evaluation = ev = plan.evaluation
        self.answer = plan.answer  # on the planned date, else judged from today (as the CLI and the PDF say it)
        self.view.setHtml(self.render(ev, "", today))
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
        self.table.resizeColumnsToContents()  # the date and totals fit; "What changed" takes the rest and wraps
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _sooner_html(self) -> str:
        r = Renderer()
        if not self.suggestions:
            return "<p>" + escape(r.msg(self.suggestions.none_reason)) + "</p>"
        h = ["<p>" + escape(_("What would make permanent residence sooner (best first):")) + "</p><ol>"]
        try_it = escape(_("Try it as a scenario"))
        for i, s in enumerate(self.suggestions):
            link = "" if s.change is None and s.kind not in ("apply_earlier", "apply_later", "apply_before") else \
                f' <a href="try:{i}">{try_it}</a>'
            lead = _("Your planned date is too early") if s.kind == "apply_later" else \
                _("Apply before the route closes") if s.kind == "apply_before" else \
                _("{days} day(s) sooner").format(days=s.gain_days)
            h.append("<li><b>" + escape(lead) + "</b>: " +
                     escape(r.msg(s.says)) + f"{link}</li>")
        h.append("</ol><p><small>" + escape(_(
            "Each change is tried on a copy of your facts, from about six months from today; your own plan may "
            "differ. Nothing here is changed in your project.")) + "</small></p>")
        return "".join(h)

    def change(self, item: str) -> str:
        label = _("change")
        return f' <a href="page:{self.page_of_item[item]}">{escape(label)}</a>'

    def why_link(self, key: str) -> str:
        label = _("Hide why") if key in self.expanded else _("Why?")
        return f' <a href="why:{key}">{escape(label)}</a>'

    def why_list(self, key: str, lines: list[str]) -> str:
        if key not in self.expanded or not lines:
            return ""
        return "<ul>" + "".join(f"<li><small>{escape(x)}</small></li>" for x in lines) + "</ul>"

    def fact_link(self, f) -> str:
        page = self.page_of_item.get(f.item)
        text = escape(f.text)
        if page is None:
            return text
        if f.field:
            return f'<a href="field:{page}:{escape(f.field)}">{text}</a>'
        return f'<a href="page:{page}">{text}</a>'

    def route_item(self, rw) -> str:
        line = escape(_("{route}: {state}")).format(route=f"<b>{escape(rw.name)}</b>", state=escape(rw.says))
        h = [f"<li>{line}{self.why_link(rw.route)}"]
        inner = [f"<li>{self.fact_link(f)}</li>" for f in rw.facts]
        inner += [f"<li>! {escape(x)}</li>" for x in rw.warnings]
        if inner:
            h.append("<ul>" + "".join(inner) + "</ul>")
        h.append(self.why_list(rw.route, rw.why))
        h.append("</li>")
        return "".join(h)

    def render(self, ev: Evaluation, note: str, today: date) -> str:
        """The answer first (the headline, then each route's state), then the points; rule ids, sources and
        confidence only inside the "Why?" explanations."""
        from hsp_wizard.domain.answer import answer
        from hsp_wizard.wording import words
        r = Renderer()
        p = self.doc.project
        a = self.answer if self.answer is not None else answer(p, ev, today)
        w = words(r, a, why=bool(self.expanded))  # the explanations are worded only once one is opened
        h = [f'<p style="font-size:large"><b>{escape(w.headline)}</b>'
             f'{self.why_link("headline") if a.best is not None else ""}</p>']
        h.append(self.why_list("headline", w.why))
        if w.facts:
            h.append("<ul>" + "".join(f"<li>{self.fact_link(f)}</li>" for f in w.facts) + "</ul>")
        if w.kind == "empty":
            return "".join(h)
        if w.stay:
            h.append(f"<p>{escape(w.stay)}</p>")
        routes = _("Routes to permanent residence")
        h.append(f"<h3>{escape(routes)}</h3><ul>")
        pr = [rw for rw in w.routes if rw.route != "hsp2"]
        hsp2 = [rw for rw in w.routes if rw.route == "hsp2"]
        h.extend(self.route_item(rw) for rw in pr)
        h.append("</ul>")
        if w.others:
            h.append(f"<p>{escape(w.others)}{self.change('requirements')}</p>")
        if hsp2:
            h.append(f"<p>{escape(w.also)}</p><ul>" + "".join(self.route_item(rw) for rw in hsp2) + "</ul>")
        if w.warnings or w.notes:
            check = _("Check before you apply")
            h.append(f"<h4>{escape(check)}</h4><ul>")
            h.extend(f"<li>! {escape(x)}</li>" for x in (*w.warnings, *w.notes))
            h.append("</ul>")
        if ev.points is None:
            choose = _("Choose a category to see points.")
            h.append(f"<p>{escape(choose)}{self.change('category')}</p>")
        else:
            now = self.plan.points(today)  # memoised with the plan's other points
            h.append("<p>" + escape(_("Today ({date}): {total} points").format(date=r.fmt(today), total=now.total))
                     + self.why_link("points") + "</p>")
            explain = "points" in self.expanded
            first = _("On the planned date") if a.planned else \
                _("On the date given") if self.plan is not None and self.plan.why_on == "given" else \
                _("On the earliest date found") if ev.on != today else _("Today")
            for label, pr in ((first, ev.points), (_("1 year before"), ev.checkpoints[1]),
                              (_("3 years before"), ev.checkpoints[3])):
                h.append(f"<h4>{escape(label)} ({escape(r.fmt(pr.on))}): {pr.total}</h4><table>")
                for ln in pr.lines:
                    why = ""
                    if explain:
                        why = "<br><small>" + escape(_why_points(r, ln)) + "</small>"
                    h.append(f"<tr><td align=right>{ln.points}</td><td>{escape(_label(r, ln.rule_id))}</td>"
                             f"<td>{escape(r.msg(ln.why))}{why}</td><td>{self.change(ln.item)}</td></tr>")
                for ln in pr.withheld:
                    h.append(f"<tr><td align=right>–</td><td>{escape(_label(r, ln.rule_id))}</td>"
                             f"<td>{escape(r.msg(ln.why))}</td><td>{self.change(ln.item)}</td></tr>")
                h.append("</table>")
        return "".join(h)


def _why_points(r: Renderer, ln) -> str:
    from hsp_wizard.wording import SURENESS
    titles = "; ".join(r.rules.sources[s].title if s in r.rules.sources else s for s in ln.sources)
    return _("Sources: {sources}. How sure: {sure}. (rule {id})").format(
        sources=titles, sure=_(SURENESS.get(ln.confidence, ln.confidence)), id=ln.rule_id)


def _label(r: Renderer, rule_id: str) -> str:
    """A point row's name; in English with the official Japanese name beside it."""
    term = r.official_term(rule_id)
    return f"{r.rule_label(rule_id)}（{term}）" if term else r.rule_label(rule_id)
