"""The plan of one project on one day: the date it is shown on, its evaluation there, its best route, and (on
demand, once each) its points on any day, its timeline, its suggestions and its scenarios compared. The window,
the CLI and the PDF all take a `Plan`, so they cannot disagree about the date or the route; the window keeps one
per edit (ui/document.py), and every part is computed at most once, when a view first asks for it, with one
engine (its points memoised) shared by all of them.

The date shown (`Plan.on`): a date the user gives (the CLI's --on), else the planned application date, else the
earliest date a route opens (on or after today, within the horizon), else today. The earliest date rather than
today: without a planned date the question is "when can I apply?", and a checklist for today would list the
documents of a route that cannot be filed today. (Until issue 15 the CLI used today there; the window already
used the earliest date.)"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from hsp_wizard.domain.evaluate import Evaluation, best_route, evaluate, first_route
from hsp_wizard.domain.points import POINTS_FIELDS, PointsResult
from hsp_wizard.domain.project import Category, Project
from hsp_wizard.domain.routes import Engine
from hsp_wizard.rules import RuleSet, load_rules

# Why the plan is shown on its date.
GIVEN, PLANNED, EARLIEST, TODAY = "given", "planned", "earliest", "today"


class Plan:
    """Everything shown for one project on `today`. The project must not change while the plan is used (the
    window makes a new plan after each edit, on a copy)."""

    def __init__(self, project: Project, today: date, *, on: date | None = None, horizon_years: int = 10,
                 rules: RuleSet | None = None, previous: Plan | None = None):
        """`previous`: the plan of the same document before its last edit. When the edit changed nothing points
        read (a name, a trip, a status, an answer), this plan's points on every day are the previous plan's,
        computed once for both (issue 21: points shared between successive edits' plans)."""
        self.project = project
        self.today = today
        self.horizon_years = horizon_years
        self.rules = rules or load_rules()
        self.engine = Engine(project, self.rules, today=today, shares=_same_points(previous, project, self.rules))
        self._given = on
        self._comparison = None

    # ---------------------------------------------------------------- the date shown
    @property
    def date_known(self) -> bool:
        """Whether the date shown is known without searching (a given or planned date)."""
        return self._given is not None or self.project.planned_application_date is not None

    @cached_property
    def _date(self) -> tuple[date, str, Evaluation | None]:
        if self._given is not None:
            return self._given, GIVEN, None
        if self.project.planned_application_date is not None:
            return self.project.planned_application_date, PLANNED, None
        ev = self._evaluate(self.today)  # find the earliest date first; evaluate again only if it is not today
        first = first_route({name: o.opens for name, o in ev.openings.items()})
        on, why = (first[1], EARLIEST) if first else (self.today, TODAY)
        return on, why, ev  # the evaluation on today: the answer is judged from it (see `answer`)

    @property
    def on(self) -> date:
        return self._date[0]

    @property
    def why_on(self) -> str:
        """GIVEN, PLANNED, EARLIEST or TODAY."""
        return self._date[1]

    def _evaluate(self, on: date) -> Evaluation:
        return evaluate(self.project, on, rules=self.rules, horizon_years=self.horizon_years, today=self.today,
                        engine=self.engine)

    # ---------------------------------------------------------------- what is shown
    @cached_property
    def evaluation(self) -> Evaluation:
        ev = self._date[2]
        return ev if ev is not None and ev.on == self.on else self._evaluate(self.on)

    @cached_property
    def answer(self):
        """The answer every view says first (hsp_wizard.domain.answer): on a given or planned date, judged there;
        without one, judged from today (a route open today is "open now"; else the first to open and its date,
        which is the date shown)."""
        from hsp_wizard.domain.answer import answer
        ev = self._date[2] if self.why_on in (EARLIEST, TODAY) else self.evaluation
        return answer(self.project, ev, self.today, rules=self.rules, engine=self.engine)

    @cached_property
    def best(self) -> str:
        """The route a checklist is for when none is chosen."""
        return best_route(self.evaluation)

    @cached_property
    def earliest(self) -> tuple[str, date] | None:
        """The route that opens first on or after the date shown, and its date."""
        return first_route({name: o.opens for name, o in self.evaluation.openings.items()})

    @cached_property
    def household(self):
        """The household beside the evaluation (hsp_wizard.domain.household; None for a household of one): each
        member's route with you and alone, and the family benefits, on the date shown."""
        from hsp_wizard.domain.household import household_of
        return household_of(self.project, self.evaluation, rules=self.rules)

    def points(self, on: date, category: Category | str | None = None,
               table_date: date | None = None) -> PointsResult | None:
        """The points on any day (None without a category), memoised with the evaluation's."""
        cat = category or self.project.category
        return None if cat is None else self.engine.points(on, Category(cat), table_date=table_date)

    @cached_property
    def timeline(self):
        from hsp_wizard.domain.timeline import timeline
        return timeline(self.project, self.today, rules=self.rules, engine=self.engine)

    @cached_property
    def suggestions(self):
        from hsp_wizard.domain.suggest import suggestions
        return suggestions(self.project, self.today, rules=self.rules, horizon_years=self.horizon_years,
                           engine=self.engine)

    def comparison(self, cache=None):
        """The project as entered and its scenarios, compared (None without scenarios)."""
        if not self.project.scenarios:
            return None
        if self._comparison is None:
            from hsp_wizard.domain.scenarios import compare
            self._comparison = compare(self.project, self.today, rules=self.rules,
                                       horizon_years=self.horizon_years, cache=cache, engine=self.engine)
        return self._comparison


def make_plan(project: Project, today: date, *, on: date | None = None, horizon_years: int = 10,
              rules: RuleSet | None = None, previous: Plan | None = None) -> Plan:
    """The plan of `project` on `today`, shown on `on` if given, else on the date the module's docstring says;
    `previous` as `Plan` takes it."""
    return Plan(project, today, on=on, horizon_years=horizon_years, rules=rules, previous=previous)


def _same_points(previous: Plan | None, project: Project, rules: RuleSet) -> tuple[Engine, date] | None:
    """(an engine whose points are `project`'s on every day, date.max) when `previous`'s project has the same
    category and the same value in every field points read (`POINTS_FIELDS`), else None. The engine is the first
    of a run of such plans, so a long run of edits keeps one engine alive, not a chain of them."""
    if previous is None or previous.rules is not rules:
        return None
    old = previous.project
    if old.category != project.category or any(getattr(old, f) != getattr(project, f) for f in POINTS_FIELDS):
        return None
    engine = previous.engine
    while engine.shares_every_day is not None:
        engine = engine.shares_every_day
    return engine, date.max


__all__ = ["EARLIEST", "GIVEN", "PLANNED", "Plan", "TODAY", "make_plan"]
