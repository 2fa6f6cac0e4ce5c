"""A whole evaluation: points at the checkpoints, every route on a date, earliest dates and closing dates."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from hsp_wizard.domain import facts as F
from hsp_wizard.domain.amendments import revocation_note
from hsp_wizard.domain.dates import (ONE_DAY, anniversary, earliest_on_or_after_years_before, month_add,
                                     years_after, years_before)
from hsp_wizard.domain.points import PointsResult
from hsp_wizard.domain.project import Category, CareerKind, Project
from hsp_wizard.domain.explain import Msg, N_
from hsp_wizard.domain.registry import STUCK, Registry, current as current_registry
from hsp_wizard.domain.routes import Condition, Engine, RouteResult
from hsp_wizard.rules import RuleSet

CONDUCT_RULES = ("conduct.fine_years", "conduct.imprisonment_years")  # good conduct returns after these
AGE_EDGES = (30, 35, 40)
NOT_ROUTE_RULES = ("fee.", "revocation.")
CAREER_EDGES_MONTHS = (36, 60, 84, 120)


@dataclass(frozen=True)
class Opening:
    """When a route opens on or after a date, what binds that date, and when it closes again."""

    route: str
    opens: date | None
    binding: tuple[Condition, ...]
    closes: date | None
    closing: tuple[Condition, ...]

    def as_json(self) -> dict:
        return {"route": self.route, "opens": self.opens.isoformat() if self.opens else None,
                "binding": [c.as_json() for c in self.binding],
                "closes": self.closes.isoformat() if self.closes else None,
                "closing": [c.as_json() for c in self.closing]}


@dataclass
class Evaluation:
    """Everything the results page, the CLI and the PDF show for one date."""

    on: date
    category: Category | None
    points: PointsResult | None
    checkpoints: dict[int, PointsResult]
    by_category: dict[str, PointsResult]
    routes: dict[str, RouteResult]
    hsp2: RouteResult
    jskip: Condition
    openings: dict[str, Opening] = field(default_factory=dict)
    hsp2_opening: Opening | None = None
    breaks: list = field(default_factory=list)
    notes: list[Condition] = field(default_factory=list)  # shown once on every result (revocation.law)

    def as_json(self) -> dict:
        return {
            "on": self.on.isoformat(),
            "category": self.category.value if self.category else None,
            "points": self.points.as_json() if self.points else None,
            "checkpoints": {str(k): v.as_json() for k, v in self.checkpoints.items()},
            "by_category": {k: {"total": v.total, "eligible": v.eligible} for k, v in self.by_category.items()},
            "routes": {k: v.as_json() for k, v in self.routes.items()},
            "openings": {k: v.as_json() for k, v in self.openings.items()},
            "hsp2": self.hsp2.as_json(),
            "hsp2_opening": self.hsp2_opening.as_json() if self.hsp2_opening else None,
            "jskip": self.jskip.as_json(),
            "continuity_breaks": [{"restart": b.restart.isoformat() if b.restart != date.max else None,
                                   "rule": b.rule_id, "why": b.why.as_json()} for b in self.breaks],
            "notes": [c.as_json() for c in self.notes],
        }


@dataclass(frozen=True)
class Window:
    """A span of days on which a route is open: from `opens` until the day before `closed` (None: still open at
    the end of the scan), and the blockers on `closed`."""

    opens: date
    closed: date | None
    closing: tuple[Condition, ...] = ()


class Planner:
    """Finds dates: candidate days are the only days on which any condition can change. The one scan for a
    route's open windows (`windows`) serves the evaluation, the timeline, the suggestions and the scenarios."""

    def __init__(self, engine: Engine):
        self.e = engine
        self._blocking = engine.blockers_only()
        # what depends only on the project is kept in the engine: every planner of it shares it (issue 21)
        kept = engine._scores.get("planner")
        if kept is None:
            kept = engine._scores["planner"] = {"base": None, "own": None, "cand": {}, "shifts": {}, "moves": None,
                                                "sorted": {}}
        self._kept = kept
        if kept["base"] is None:
            kept["own"] = self._base_dates()
            kept["base"] = kept["own"] | _rule_dates(engine.rules)[1]
        self._base: set[date] = kept["base"]
        self._cand: dict[tuple, list[date]] = kept["cand"]
        self._shifts: dict[int, set[date]] = kept["shifts"]

    def _base_dates(self) -> set[date]:
        """The base dates of the project's own (the rule data's are added by `__init__`)."""
        p, rules = self.e.p, self.e.rules
        out = set(F.event_dates(p)) | self.e.res.event_dates()
        if p.birth_date:
            out |= {anniversary(p.birth_date, n) for n in AGE_EDGES}
        for kind in CareerKind:
            for m in CAREER_EDGES_MONTHS:
                d = self._career_reaches(kind, m)
                if d is not None:
                    out.add(d)
        f = p.family
        for d in (f.marriage_date, f.marriage_ended, f.refugee_recognised):
            if d:
                out.add(d)
        conduct_years = _rule_dates(rules)[0]
        for pen in p.obligations.penalties:
            out |= {pen.ended} | {anniversary(pen.ended, n) for n in conduct_years}  # a suspension ends: clear
        return out

    def _career_reaches(self, kind: CareerKind, months: int) -> date | None:
        shared = self.e._shares[0] if self.e._shares is not None else None
        if shared is not None and shared.p.career is self.e.p.career:  # the same career: its planner's answer
            return Planner(shared)._career_reaches(kind, months)
        kept = self.e._scores.setdefault("reaches", {})
        if (kind, months) not in kept:
            kept[(kind, months)] = self._reaches(kind, months)
        return kept[(kind, months)]

    def _span(self, kind: CareerKind) -> tuple[int, date, date, int] | None:
        """(the number of `kind` periods, the first start, the day a search for a month count ends at, the months
        by then), once per kind (every month count of `_base_dates` searches the same span), or None without one."""
        kept = self.e._scores.setdefault("spans", {})
        if kind not in kept:
            periods = [c for c in self.e.p.career if c.kind == kind]
            if not periods:
                kept[kind] = None
            else:
                hi = max((c.end or date(2200, 1, 1)) for c in periods) + ONE_DAY
                hi = min(month_add(hi, 1), date(2200, 12, 31))
                kept[kind] = (len(periods), min(c.start for c in periods), hi, F.career_months(self.e.p, kind, hi))
        return kept[kind]

    def _reaches(self, kind: CareerKind, months: int) -> date | None:
        span = self._span(kind)
        if span is None:
            return None
        count, lo, hi, most = span
        if most < months:
            return None
        if count == 1 and months > 0:
            # one period: its months are `completed_months` from its start, which only grow with the day, so the
            # first day with `months` whole months is the search's answer; it is checked, else searched for
            guess = month_add(lo, months)
            if (lo < guess <= hi and F.career_months(self.e.p, kind, guess) >= months
                    and F.career_months(self.e.p, kind, guess - ONE_DAY) < months):
                return guess
        while lo < hi:  # first day with `months` whole months
            mid = lo + (hi - lo) // 2
            if F.career_months(self.e.p, kind, mid) >= months:
                hi = mid
            else:
                lo = mid + ONE_DAY
        return lo

    def candidates(self, start: date, end: date, shifts: tuple[int, ...] = (1, 3, 5, 10)) -> list[date]:
        key = (start, end, shifts)
        if key not in self._cand:
            self._cand[key] = self._candidates(start, end, shifts)
        return self._cand[key]

    def _candidates(self, start: date, end: date, shifts: tuple[int, ...]) -> list[date]:
        out = {start}
        for group in (self._in_order(None), *(self._in_order(n) for n in shifts)):
            out.update(group[bisect_left(group, start):bisect_right(group, end)])
        return sorted(out)

    def _in_order(self, n: int | None) -> list[date]:
        """The base dates (`n` None) or `_shifted(n)`, sorted once per engine: each route's candidate days are a
        slice of each."""
        found = self._kept["sorted"].get(n)
        if found is None:
            found = self._kept["sorted"][n] = sorted(self._base if n is None else self._shifted(n))
        return found

    def _shifted(self, n: int) -> set[date]:
        """Every base date moved `n` years on, which is also the first day `n` years after which it lies (shared by
        every route and window that shifts by `n`)."""
        found = self._shifts.get(n)
        if found is None:  # the rule data's dates moved once per rule set
            own = self._kept["own"]
            # the first day `n` years after which a date lies is its anniversary (`dates.anniversary`; equal to
            # `earliest_on_or_after_years_before` on every day: tests/domain/test_dates.py): one set, not two
            found = self._shifts[n] = {anniversary(b, n) for b in own} | _rule_dates_shifted(self.e.rules, n)
        return found

    def _moves(self) -> list[date]:
        """The days on which a blocking condition can stop holding, sorted (issue 21: once a route is open, a scan
        checks a candidate day only if one of these lies between it and the candidate day before). Between two of
        them every blocking condition that reads the day itself is unchanged or moves only towards met: the years
        of residence, of a chain of statuses, of marriage, of a work run and the months of experience only grow;
        what else a condition reads of the day (the status held, a trip, a break, a fact, a rule's value, a
        status's longest period of stay, the points table, an age edge, a penalty's clearing) changes only on a
        base date (every date of the residence, trips, family, penalties and dated facts, and every rule's), a date
        of a fact the points read or the day after it (`fact_breaks`), a birthday at an age edge of a point table
        or a status's dated value. What a route reads of an earlier day (the points routes' and J-Skip's moving
        checkpoint) changes elsewhere: such a route declares it (`RouteSpec.looks_back`), and a day is then also
        checked when that value differs from the last day checked."""
        found = self._kept["moves"]
        if found is None:
            statuses, ages = _rule_moves(self.e.rules)
            days = self._base | set(self.e.fact_breaks()) | statuses
            birth = self.e.p.birth_date
            if birth is not None:  # the birthdays at every age edge of every point table
                days |= {anniversary(birth, age) for age in ages}
            days.discard(None)
            found = self._kept["moves"] = sorted(days)
        return found

    def route_days(self, name: str, start: date, end: date) -> list[date]:
        """The candidate days of one route: its own year offsets (from the rule data) applied to every event."""
        return self.candidates(start, end, self.e.registry.shifts(name, self.e.rules))

    def check(self, name: str, on: date, *, blocking_only: bool = True) -> RouteResult:
        """The route on `on` (`blocking_only`: its blocking conditions, whose `open` and `blockers` are all a scan
        reads; a check of the same day with warnings is taken for it: `Engine.checked`)."""
        if blocking_only:
            return self.e.checked(name, on) or self._blocking.route(name, on)
        return self.e.route(name, on)

    def windows(self, name: str, start: date, end: date, *, blocking_only: bool = True, limit: int | None = None,
                closing: bool = True) -> list[Window]:
        """The route's open windows within [start, end], in order: at most `limit`; without `closing`, the scan
        stops at the first open day of the last window wanted (its `closed` is then unknown: None). A route that
        no date can open (`Engine.never`) has none."""
        if self.e.never(name) is not None:
            return []
        out: list[Window] = []
        opened: date | None = None
        spec = self.e.registry[name]
        closed = spec.closed  # while looking for an opening, a day it rules out needs no check
        moves = self._moves() if blocking_only else None
        looks_back, seen, at = spec.looks_back, None, 0
        stuck = -1  # `at` on the last day the quick test found closed until the next move day (`STUCK`)
        last: date | None = None  # the last open day checked, while its `looks_back` value is not yet wanted
        for d in self.route_days(name, start, end):
            fresh = False  # `seen` is this day's value
            if moves is not None:  # how many days a blocking condition can stop holding come up to `d`
                passed, at = at, bisect_right(moves, d)
            if opened is None:
                if closed is not None:
                    if at == stuck:  # no move day since a day closed until the next one: closed too
                        continue
                    found = closed(self._blocking, d)
                    if found:
                        if found is STUCK and moves is not None:
                            stuck = at
                        continue
            elif moves is not None and passed == at:  # open, and no such day since the last candidate day
                if looks_back is None:
                    continue
                if last is not None:
                    seen, last = looks_back(self._blocking, last), None
                past = looks_back(self._blocking, d)
                if past == seen:
                    continue
                seen, fresh = past, True
            r = self.check(name, d, blocking_only=blocking_only)
            if r.open:
                last = None if fresh else d
            if r.open and opened is None:
                opened = d
                if not closing and limit is not None and len(out) + 1 >= limit:
                    return [*out, Window(d, None)]
            elif not r.open and opened is not None:
                out.append(Window(opened, d, r.blockers))
                opened = None
                if limit is not None and len(out) >= limit:
                    return out
        if opened is not None:
            out.append(Window(opened, None))
        return out

    def first_open(self, name: str, start: date, end: date) -> date | None:
        """The first day within [start, end] on which the route is open (blocking conditions only)."""
        found = self.windows(name, start, end, limit=1, closing=False)
        return found[0].opens if found else None

    def opening(self, name: str, start: date, end: date) -> Opening:
        """When the route first opens within [start, end], what bound that date, and when it closes."""
        never = self.e.never(name)
        if never is not None:
            return Opening(name, None, (never,), None, ())
        found = self.windows(name, start, end, limit=1)
        if not found:
            return Opening(name, None, self.check(name, end).blockers, None, ())
        w = found[0]
        binding = self.check(name, w.opens - ONE_DAY).blockers if w.opens > start else ()
        return Opening(name, w.opens, binding, w.closed, w.closing)


_RULE_DATES: dict[int, tuple[RuleSet, tuple[set[int], frozenset[date]]]] = {}


def _rule_dates(rules: RuleSet) -> tuple[set[int], frozenset[date]]:
    """What the planner's base dates take from the rule data alone, once per rule set: the years after which a
    penalty clears, and every date a route's rule or point row starts or stops (fees and notes left out: no route
    opens or closes on their dates)."""
    found = _RULE_DATES.get(id(rules))
    if found is None or found[0] is not rules:
        conduct_years = {int(v.value) for rule_id in CONDUCT_RULES for v in rules.rules[rule_id].values}
        days: set[date] = set()
        for group in (rules.rows.values(), rules.rules.values()):
            for item in group:
                if item.id.startswith(NOT_ROUTE_RULES):
                    continue
                for v in item.values:
                    days.add(v.since)
                    if v.until:
                        days.add(v.until)
        found = _RULE_DATES[id(rules)] = (rules, (conduct_years, frozenset(days)))
    return found[1]


def _rule_moves(rules: RuleSet) -> tuple[frozenset[date | None], frozenset[int]]:
    """What `Planner._moves` takes from the rule data alone, once per rule set: every status's start and the dates
    of its dated longest periods of stay, and every age edge of every point row."""
    found = _RULE_MOVES.get(id(rules))
    if found is None or found[0] is not rules:
        statuses: set[date | None] = set()
        for st in rules.statuses.values():
            statuses |= {st.since} | {d for v in st.longest for d in (v.since, v.until)}
        ages = frozenset(v.age_below for row in rules.rows.values() for v in row.values if v.age_below is not None)
        found = _RULE_MOVES[id(rules)] = (rules, (frozenset(statuses), ages))
    return found[1]


_RULE_MOVES: dict[int, tuple[RuleSet, tuple[frozenset[date | None], frozenset[int]]]] = {}


def _rule_dates_shifted(rules: RuleSet, n: int) -> frozenset[date]:
    """`Planner._shifted` of the rule data's base dates (`_rule_dates`), once per rule set and year count."""
    key = (id(rules), n)
    found = _RULE_DATES_SHIFTED.get(key)
    if found is None or found[0] is not rules:
        days = _rule_dates(rules)[1]
        found = _RULE_DATES_SHIFTED[key] = (rules, frozenset({anniversary(b, n) for b in days}
                                                            | {earliest_on_or_after_years_before(b, n) for b in days}))
    return found[1]


_RULE_DATES_SHIFTED: dict[tuple[int, int], tuple[RuleSet, frozenset[date]]] = {}


def evaluate(project: Project, on: date, *, rules: RuleSet | None = None, horizon_years: int = 10,
             from_date: date | None = None, today: date | None = None, find_dates: bool = True,
             registry: Registry | None = None, engine: Engine | None = None) -> Evaluation:
    """Evaluate on `on`: points (and at the points routes' checkpoints), every route, HSP(ii), J-Skip; with
    `find_dates`, the earliest date each route opens on or after `from_date` (default `on`). `engine`: one made
    for this project and `today` already (a plan shares one, and its memoised points, between evaluations)."""
    engine = engine or Engine(project, rules, today=today or on, registry=registry)
    reg = engine.registry
    cat = Category(project.category) if project.category else None
    pts = engine.points(on) if cat else None
    checkpoints = {}
    if cat:
        for n in checkpoint_years(engine.rules, on, reg):
            checkpoints[n] = engine.points(years_before(on, n), table_date=pts.table_date)
    by_cat = {c.value: engine.points(on, c) for c in Category}
    routes = {name: engine.route(name, on) for name in reg.routes}
    planner = Planner(engine)
    if cat:
        for name in reg.routes:
            if reg[name].mark_rule is not None:
                routes[name] = with_dip_warning(engine, planner, routes[name])
    ev = Evaluation(on, cat, pts, checkpoints, by_cat, routes, engine.hsp2(on), engine.jskip_criteria(on),
                    breaks=list(engine.res.breaks), notes=[revocation_note(engine, on)])
    if find_dates:
        start = from_date or on
        end = years_after(start, horizon_years)
        for name in reg.routes:
            ev.openings[name] = planner.opening(name, start, end)
        ev.hsp2_opening = planner.opening("hsp2", start, end)
    return ev


def checkpoint_years(rules: RuleSet, on: date, registry: Registry | None = None) -> tuple[int, ...]:
    """The years before an application at which the points routes look at the points (1 and 3), from the rule
    data, fewest first."""
    reg = registry or current_registry()
    return tuple(sorted({n for name in reg.routes if reg[name].mark_rule is not None
                         for n in [reg.checkpoint_years(name, rules, on)] if n is not None}))


def first_route(opens: dict[str, date | None], registry: Registry | None = None) -> tuple[str, date] | None:
    """Of each route's first date, the route that opens first and its date; on the same day, the route first in
    the registry's preference order. Keys that are not PR routes ("hsp2") are left out."""
    reg = registry or current_registry()
    found = [(d, reg.rank(name), name) for name, d in opens.items() if d is not None and name in reg.routes]
    if not found:
        return None
    d, _order, name = min(found)
    return name, d


def best_route(ev: Evaluation, registry: Registry | None = None) -> str:
    """The route a checklist is for when none is chosen: a route open on the evaluation's date (first in the
    preference order), else the route that opens first (`first_route`: the same order breaks a tie), else the
    last in the preference order (the general rule)."""
    reg = registry or current_registry()
    for name in reg.preference:
        if ev.routes[name].open:
            return name
    first = first_route({n: o.opens for n, o in ev.openings.items()}, reg)
    return first[0] if first else reg.preference[-1]


def first_openings(project: Project, start: date, *, rules: RuleSet | None = None, horizon_years: int = 10,
                   today: date | None = None, engine: Engine | None = None,
                   same_before: tuple[dict[str, date | None], date] | None = None) -> dict[str, date | None]:
    """The day each route (and "hsp2") first opens on or after `start` within the horizon: the `opens` of
    `evaluate`'s openings, without the rest (no closing date, no binding conditions). `engine`: one made for this
    project and `today` already (its scores are then shared with the caller). `same_before`: (another project's
    first openings from the same `start` and horizon, a day) when this project is that one but for facts dated on
    or after that day (a scenario: `scenarios.same_before`; the day is then one of this project's dates): every
    route is open on the same days before it, so a route that opened there before it opens on the same day, and
    any other is searched from that day on (issue 21)."""
    engine = engine or Engine(project, rules, today=today or start)
    planner = Planner(engine)
    end = years_after(start, horizon_years)
    out = {}
    for name in engine.registry.all:
        if same_before is not None and start < same_before[1]:
            known = same_before[0].get(name)
            out[name] = (known if known is not None and known < same_before[1] else
                         planner.first_open(name, same_before[1], end) if same_before[1] <= end else None)
        else:
            out[name] = planner.first_open(name, start, end)
    return out


def earliest_opening(project: Project, start: date, *, rules: RuleSet | None = None, horizon_years: int = 10,
                     today: date | None = None, before: date | None = None,
                     engine: Engine | None = None, none_before: date | None = None) -> tuple[str, date] | None:
    """The route that opens first on or after `start` within the horizon (on the same day, the one first in the
    preference order) and its date; with `before`, only an answer earlier than that day (else None). The same
    answer as the openings of `evaluate`, without the rest of the evaluation: each route is searched only up to
    the best day found so far, and no closing date is looked for (what the suggestions need, many times over).
    `engine`: one made for this project and `today` already (its points are then shared with the caller).
    `none_before`: a day of this project's dates before which no route is open (known from a project it equals
    before that day, issue 21): the search starts there, within the same horizon."""
    engine = engine or Engine(project, rules, today=today or start)
    planner = Planner(engine)
    end = years_after(start, horizon_years)
    if before is not None:
        end = min(end, before - ONE_DAY)
    if none_before is not None and none_before > start:
        start = none_before
    best = None
    for name in engine.registry.preference:
        if end < start:
            break
        d = planner.first_open(name, start, end)
        if d is not None:
            best, end = (name, d), d - ONE_DAY  # a later route must open strictly earlier to win
    return best


def with_dip_warning(engine: Engine, planner: Planner, route: RouteResult) -> RouteResult:
    """Add a warning where the points fall below the route's mark between its two checkpoints (project
    decision: checkpoints decide; a dip is shown, as practitioners advise keeping the mark throughout)."""
    if route.checkpoint is None or route.variant == "a":
        return route
    mark = engine.num(engine.registry[route.route].mark_rule, route.on)
    table = engine.score(route.on).table_date
    if engine.score(route.on).total < mark or engine.score(route.checkpoint, table_date=table).total < mark:
        return route  # a checkpoint already fails: the blocker says so
    low = None
    for d in planner.candidates(route.checkpoint, route.on, ()):
        if route.checkpoint < d < route.on:
            pr = engine.score(d, table_date=table)
            if pr.total < mark and (low is None or pr.total < low.total):
                low = pr
    if low is None:
        return route
    warn = engine.cond("pr.checkpoints", False,
                       Msg.of(N_("Points fall to {total} on {date}, below {mark}, between the two checkpoints"),
                              total=low.total, date=low.on, mark=mark), route.on, blocking=False)
    return RouteResult(route.route, route.on, route.conditions + (warn,), route.variant, route.checkpoint)
