"""What-if scenarios: the project as entered with a few changes of the person's own (a JLPT result, a raise, a
move to an employer with innovation support, a trip abroad, another application date), and the scenarios
compared side by side: the points on each checkpoint and the earliest date of each route.

A scenario stores only its changes (see `Scenario`), so it is always the current project plus them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from hsp_wizard.domain.dates import ONE_DAY, years_before
from hsp_wizard.domain.evaluate import checkpoint_years, first_openings, first_route
from hsp_wizard.domain.project import (Category, EmployerFact, EmployerFactKind, JapaneseResult, JapaneseTest,
                                       Project, SalaryEntry, Scenario, ScenarioChangeKind, Trip)
from hsp_wizard.domain.registry import current as current_registry
from hsp_wizard.domain.routes import Engine
from hsp_wizard.rules import RuleSet, load_rules

K = ScenarioChangeKind


def apply(project: Project, scenario: Scenario) -> Project:
    """The project with the scenario's changes, in date order (its own scenarios left out):
    - a JLPT N1/N2 result on the change's date;
    - a raise: the annual remuneration is `amount_yen` from its date (an entry of the same date is replaced);
    - a move to an employer with innovation-promotion support: the employer facts in force end the day before,
      those that would start later are dropped (they were the old employer's), and B1 holds from the date;
    - a trip abroad from `start` to `end` (with the special re-entry permit, as most trips are);
    - the scenario's application date, when it has one."""
    japanese, salary = list(project.japanese), list(project.salary)
    facts, trips = list(project.employer_facts), list(project.trips)
    for c in sorted(scenario.changes, key=lambda c: c.start):
        if c.kind in (K.JLPT_N1, K.JLPT_N2):
            level = "N1" if c.kind == K.JLPT_N1 else "N2"
            japanese.append(JapaneseResult(test=JapaneseTest.JLPT, level=level, passed=c.start))
        elif c.kind == K.RAISE:
            salary = [s for s in salary if s.start != c.start] + [SalaryEntry(start=c.start, amount_yen=c.amount_yen)]
        elif c.kind == K.EMPLOYER_B1:
            facts = [f if f.end is not None and f.end < c.start else f.model_copy(update={"end": c.start - ONE_DAY})
                     for f in facts if f.start < c.start]
            facts.append(EmployerFact(kind=EmployerFactKind.INNOVATION_SUPPORT, start=c.start))
        elif c.kind == K.TRIP:
            trips.append(Trip(left=c.start, returned=c.end))
    return project.model_copy(update={
        "japanese": japanese, "salary": sorted(salary, key=lambda s: s.start), "employer_facts": facts,
        "trips": sorted(trips, key=lambda t: t.left), "scenarios": [],
        "planned_application_date": scenario.planned_application_date or project.planned_application_date})


def points_same_until(scenario: Scenario) -> date:
    """The day from which the scenario's points may differ from the project's: its first dated change that points
    read (a JLPT result, a raise, a move of employer; `apply` makes each hold from its own date and changes nothing
    before it), or never (trips and the application date score nothing)."""
    return min((c.start for c in scenario.changes if c.kind != K.TRIP), default=date.max)


def same_before(scenario: Scenario) -> date:
    """The day before which the scenario's side is the project as entered (its first change; `apply` changes
    nothing dated earlier, and the application date decides no route): every route is open on the same days
    before it (a dated change is one of the side's own dates, so its candidate days are the project's there)."""
    return min((c.start for c in scenario.changes), default=date.max)


@dataclass(frozen=True)
class Column:
    """One side of the comparison: the project as entered (`name` None) or a scenario."""

    name: str | None
    planned: date | None
    points: dict[date, int] | None              # the chosen category's total on each compared day
    opens: dict[str, date | None]               # each route (and "hsp2") -> earliest date within the horizon
    earliest: tuple[str, date] | None           # the route that opens first, and when
    years: tuple[int, ...] = ()                 # the points checkpoints, in years before the application, most first
    closed: dict[str, date] = field(default_factory=dict)  # route -> the day it closed again, when that is on or
    #                                             before the application date (the plan would be refused on it)
    family: tuple[tuple[int, date | None], ...] = ()  # each household member needing PR (by index): the first day
    #                                             they can apply with you on this side's date (None: not in the horizon)

    def usable(self) -> bool:
        """The earliest route is still open on the application date (or there is no application date)."""
        return self.earliest is not None and self.earliest[0] not in self.closed

    def checkpoints(self) -> list[date]:
        """This side's own days: the points checkpoints before its application date (3 years and 1 year, from
        the rule data), and the date itself."""
        return [] if self.planned is None else [*(years_before(self.planned, n) for n in self.years),
                                                self.planned]

    def as_json(self) -> dict:
        return {"name": self.name, "planned": _iso(self.planned),
                "points": None if self.points is None else {d.isoformat(): v for d, v in self.points.items()},
                "checkpoints": [d.isoformat() for d in self.checkpoints()],
                "opens": {k: _iso(v) for k, v in self.opens.items()},
                "earliest": None if self.earliest is None else {"route": self.earliest[0],
                                                                "opens": self.earliest[1].isoformat()},
                "closed": {k: v.isoformat() for k, v in self.closed.items()}} | (
            {"family": [{"member": i, "with_you": _iso(d)} for i, d in self.family]} if self.family else {})


@dataclass(frozen=True)
class Comparison:
    """The project as entered and each scenario, side by side."""

    today: date
    category: Category | None
    days: list[date]        # today and every side's checkpoints, in order
    routes: list[str]       # the routes (and "hsp2") that open in at least one column, in the usual order
    columns: list[Column]

    def as_json(self) -> dict:
        return {"today": self.today.isoformat(), "category": self.category.value if self.category else None,
                "days": [d.isoformat() for d in self.days], "routes": self.routes,
                "columns": [c.as_json() for c in self.columns]}


class CompareCache:
    """What `compare` found for each side, by the side's facts: after an edit to one scenario only that column is
    evaluated again (a view keeps one per open project). Bounded; rules are not part of the key, so one cache
    serves one rule set."""

    LIMIT = 256

    def __init__(self) -> None:
        self._found: dict[tuple, tuple[dict[str, date | None], tuple[str, date] | None, dict[date, int]]] = {}

    def get(self, key: tuple):
        return self._found.get(key)

    def put(self, key: tuple, value) -> None:
        if len(self._found) >= self.LIMIT:
            self._found.clear()
        self._found[key] = value


def sides(project: Project) -> list[tuple[str | None, Project]]:
    """The project as entered (name None), then each scenario applied to it: the columns `compare` shows."""
    return [(None, project.model_copy(update={"scenarios": []}))] + [(s.name, apply(project, s)) for s in
                                                                     project.scenarios]


def side_key(variant: Project, today: date, horizon_years: int = 10) -> tuple:
    """The key of one side in a CompareCache: its facts, the day compared from and the horizon."""
    return (today, horizon_years, variant.model_dump_json())


def side_found(variant: Project, today: date, horizon_years: int = 10) -> tuple:
    """What `compare` finds for one side (picklable both ways, for a worker process; a scenario's side is not
    validated again: its changes may take a list past the file's limits): the first date each route opens, the
    earliest route, the points on today and on the side's own checkpoints (the days its column shows;
    `compare` adds any other side's days), and the routes closed again by its application date."""
    engine = Engine(variant, None, today=today)  # shared by the search and the points (its scores)
    opens = first_openings(variant, today, horizon_years=horizon_years, today=today, engine=engine)
    known: dict[date, int] = {}
    if variant.category is not None:
        days = {today}
        if variant.planned_application_date:
            p = variant.planned_application_date
            days |= {p} | {years_before(p, n) for n in checkpoint_years(load_rules(), today)}
        known = {d: engine.score(d, Category(variant.category)).total for d in days}
    first = first_route(opens)
    return (opens, first, known, _closed(variant, opens, today, None, engine),
            _family(variant, today, first, None, horizon_years, engine))


def compare(project: Project, today: date, *, rules: RuleSet | None = None, horizon_years: int = 10,
            cache: CompareCache | None = None,
            progress: Callable[[int, int], None] | None = None, engine: Engine | None = None) -> Comparison:
    """The project as entered, then each of its scenarios, evaluated from `today`. `progress(done, total)` is
    called before each side is evaluated (a caller running this off its UI thread shows it, and may raise from
    it to stop the work when the answer is no longer wanted). `engine`: one made for this project and `today`
    already (its points are then shared); each scenario's engine takes the project's points for the days before
    its first change that points read (`points_same_until`)."""
    columns_in = sides(project)
    cat = Category(project.category) if project.category else None
    found = []
    engines: dict[int, Engine] = {}  # a side evaluated now: its engine's scores serve its points below
    own = engine if engine is not None and engine.p is project and engine.today == today else None
    own = own or Engine(columns_in[0][1], rules, today=today)  # the project's points, shared with each scenario
    until = [date.max] + [points_same_until(sc) for sc in project.scenarios]  # the project as entered: every day
    same = [None] + [same_before(sc) for sc in project.scenarios]
    for done, (name, variant) in enumerate(columns_in):
        if progress is not None:
            progress(done, len(columns_in))
        key = side_key(variant, today, horizon_years)
        hit = cache.get(key) if cache is not None else None
        if hit is None:
            engine = engines[id(variant)] = Engine(variant, rules, today=today, shares=(own, until[done]))
            opens = first_openings(variant, today, rules=rules, horizon_years=horizon_years, today=today,
                                   engine=engine, same_before=(found[0][3], same[done]) if done else None)
            first = first_route(opens)
            hit = (opens, first, {}, _closed(variant, opens, today, rules, engine),
                   _family(variant, today, first, rules, horizon_years, engine))
            if cache is not None:
                cache.put(key, hit)
        found.append((name, variant, until[done], *hit))
    planned = {v.planned_application_date for _n, v, _u, *_rest in found if v.planned_application_date}
    years = tuple(reversed(checkpoint_years(rules or load_rules(), today)))
    days = sorted({today} | {d for p in planned for d in (*(years_before(p, n) for n in years), p)})
    columns = []
    for name, variant, shared, opens, first, known, closed, family in found:
        pts = None
        if cat is not None:
            missing = [d for d in days if d not in known]
            if missing:
                engine = engines.get(id(variant)) or Engine(variant, rules, today=today, shares=(own, shared))
                known.update({d: engine.score(d, cat).total for d in missing})
            pts = {d: known[d] for d in days}
        columns.append(Column(name, variant.planned_application_date, pts, opens, first, years, closed, family))
    shown = [r for r in current_registry().all if any(c.opens.get(r) for c in columns)]
    return Comparison(today, cat, days, shown, columns)


def _closed(variant: Project, opens: dict[str, date | None], today: date, rules: RuleSet | None,
            engine: Engine | None = None) -> dict[str, date]:
    """Each route that opens before the side's application date but is closed again on it, and the day it closed:
    applying on that date would be too late for it. `engine`: the side's, made for `today` (shared)."""
    planned = variant.planned_application_date
    if planned is None:
        return {}
    from hsp_wizard.domain.evaluate import Planner
    planner = Planner(engine if engine is not None and engine.p is variant else Engine(variant, rules, today=today))
    out = {}
    for route, opened in opens.items():
        if opened is None or opened >= planned or planner.check(route, planned).open:
            continue
        windows = planner.windows(route, opened, planned, limit=1)
        out[route] = windows[0].closed if windows and windows[0].closed else planned
    return out


def _family(variant: Project, today: date, first: tuple[str, date] | None, rules: RuleSet | None,
            horizon_years: int, engine: Engine) -> tuple[tuple[int, date | None], ...]:
    """The family's date moving with the principal's on this side: each spouse or child who needs permanent
    residence applies with the principal on the side's application date (else on its earliest route's date),
    so their first day is the later of that and their own (household.family_with). () for a household of one."""
    if not variant.household.members:
        return ()
    from hsp_wizard.domain.evaluate import earliest_opening
    from hsp_wizard.domain.household import family_with
    planned = variant.planned_application_date
    if planned is None:
        on = first[1] if first else today
    else:  # the principal's first route from the side's own date, as the window's plan finds it there
        on = planned
        first = earliest_opening(variant, planned, rules=rules, horizon_years=horizon_years, today=today,
                                 engine=engine)
    return family_with(variant, on, first, rules=rules, horizon_years=horizon_years)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


__all__ = ["Column", "CompareCache", "Comparison", "apply", "compare", "side_found", "side_key", "sides"]
