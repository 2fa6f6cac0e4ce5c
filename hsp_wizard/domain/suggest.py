"""What would make permanent residence sooner: the changes a person can act on, each tried on a copy of the
project, ranked by how many days they bring the earliest route forward.

Each change is tried as one hypothetical fact with a date (the person's own plan may differ; a scenario lets them
set their own). The assumptions are stated in every suggestion:
- a JLPT result in hand `LEAD_DAYS` after today (the JLPT is held twice a year; results come about two months
  after the test);
- a raise, or a move to an employer with innovation-promotion support (B1), from the same day, each exactly as a
  scenario holding that change (`scenarios.apply`);
- a planned trip (one that starts after today) cut to one day under the single-trip mark that practitioners treat
  as a risk to continuity (`short_trip_days`: the project's setting, else the rule data's
  continuity.single_trip_days, 90 days: 89 days);
- applying on the earliest date found instead of a later planned date, or instead of a planned date on which no
  route is open yet (`apply_later`: it brings nothing forward, `gain_days` 0, and comes first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hsp_wizard.domain.evaluate import Evaluation, earliest_opening, first_route
from hsp_wizard.domain.explain import Money, Msg, N_, RouteRef, Term
from hsp_wizard.domain.project import EmployerFactKind, JapaneseTest, Project, Scenario, ScenarioChange
from hsp_wizard.domain.scenarios import apply, points_same_until
from hsp_wizard.domain.dates import years_after
from hsp_wizard.domain.registry import current as current_registry
from hsp_wizard.domain.routes import Engine

from hsp_wizard.rules import RuleSet

LEAD_DAYS = 183
RAISE_STEPS = tuple(range(3_000_000, 20_000_001, 500_000))  # a raise is tried to each of these amounts


@dataclass(frozen=True)
class Suggestion:
    """One change, what it does to the points and to the earliest route, and why (its rule)."""

    kind: str                 # jlpt_n1, jlpt_n2, raise, employer_b1, apply_earlier, apply_later, shorten_trip
    says: Msg
    rule_id: str
    gain_days: int            # how much sooner the earliest route opens
    route: str                # the route that opens earliest with the change
    before: date | None       # earliest date without the change (None: none within the horizon)
    after: date
    points_gain: int          # on the new date, in the chosen category (0 when not scored)
    change: ScenarioChange | None = None  # the change as a scenario can hold it (None: shortening, applying)

    def as_json(self) -> dict:
        return {"kind": self.kind, "says": self.says.as_json(), "rule": self.rule_id, "gain_days": self.gain_days,
                "route": self.route, "before": self.before.isoformat() if self.before else None,
                "after": self.after.isoformat(), "points_gain": self.points_gain}


def earliest(ev: Evaluation) -> tuple[str, date] | None:
    """The route that opens first (on or after the evaluation's start) and its date."""
    return first_route({name: o.opens for name, o in ev.openings.items()})


class Suggestions(list):
    """The ranked suggestions, and the earliest route without any change (`base`), from which the reason for an
    empty list follows without evaluating again."""

    def __init__(self, items, base: tuple[str, date] | None, today: date):
        super().__init__(items)
        self.base = base
        self.today = today

    @property
    def none_reason(self) -> Msg:
        """Why nothing is suggested: a route is open already, or no change tried helps."""
        if self.base is not None and self.base[1] <= self.today:
            return Msg.of(N_("A route is open already today ({route}): nothing can make it sooner."),
                          route=RouteRef(self.base[0]))
        return Msg.of(N_("No change tried brings your earliest route forward."))


def suggestions(project: Project, today: date, *, rules: RuleSet | None = None,
                horizon_years: int = 10, engine: Engine | None = None) -> Suggestions:
    """Every tried change that brings the earliest route forward, best first (then by fewer points needed).
    `engine`: one made for this project and `today` already (its points are then shared)."""
    engines: dict[int, Engine] = {}  # one per project tried: its points serve the search and the gain
    if engine is not None and engine.p is project and engine.today == today:
        engines[id(project)] = engine

    def engine_of(p: Project, until: date = date.max) -> Engine:
        """The engine of `p`; a variant's takes the project's points before `until` (its change's date)."""
        found = engines.get(id(p))
        if found is None or found.p is not p:
            shares = None if p is project else (engine_of(project), until)
            found = engines[id(p)] = Engine(p, rules, today=today, shares=shares)
        return found

    base = earliest_opening(project, today, rules=rules, horizon_years=horizon_years, today=today,
                            engine=engine_of(project))
    by = today + timedelta(days=LEAD_DAYS)
    out: list[Suggestion] = []

    horizon_end = years_after(today, horizon_years)

    def attempt(kind: str, variant: Project, rule_id: str, text: str, change: ScenarioChange | None = None,
                same: date | None = None, **params) -> None:
        """`same`: the day before which `variant` is the project (its change's day when it has one): no route
        opens there before the project's earliest, so a change from that day on cannot be sooner than it, and
        the search starts on that day."""
        # the variant's points are the project's before its change (none for a shortened trip: points read no trip)
        until = points_same_until(Scenario(name="suggestion", changes=[change])) if change else date.max
        same = _same_before(change, same)
        if base is not None and same is not None and same >= base[1]:
            return  # nothing differs before the earliest date
        new = earliest_opening(variant, today, rules=rules, horizon_years=horizon_years, today=today,
                               before=base[1] if base else None, engine=engine_of(variant, until),
                               none_before=same)
        if new is None:  # nothing opens sooner than without the change
            return
        route, after = new
        before = base[1] if base else None
        gain = ((before or horizon_end) - after).days
        if gain <= 0:
            return
        pts = _points_gain(engine_of(project), engine_of(variant), after) if project.category else 0
        if rule_id == "salary":  # the salary row that scores with the raise
            rule_id = next((ln.rule_id for ln in engine_of(variant).points(after, project.category).lines
                            if ln.item == "salary"), "convention.salary_expected") if project.category \
                else "convention.salary_expected"
        says = Msg.of(text, **params, points=pts, route=RouteRef(route),
                      before=before or Term(N_("no date within the horizon")), after=after)
        out.append(Suggestion(kind, says, rule_id, gain, route, before, after, pts, change))

    levels = {j.level for j in project.japanese if j.test == JapaneseTest.JLPT}
    if "N1" not in levels:
        n1 = ScenarioChange(kind="jlpt_n1", start=by)
        attempt("jlpt_n1", _changed(project, n1), "bonus.b7_n1", N_("Passing JLPT N1 by {by} adds {points} points and moves your earliest route "
                                  "({route}) from {before} to {after}"), n1, by=by)
    if not levels & {"N1", "N2"}:
        n2 = ScenarioChange(kind="jlpt_n2", start=by)
        attempt("jlpt_n2", _changed(project, n2), "bonus.b8_n2", N_("Passing JLPT N2 by {by} adds {points} points and moves your earliest route "
                                  "({route}) from {before} to {after}"), n2, by=by)
    current = _salary_on(project, by)
    if project.category:  # raises: each amount where the points go up; the smallest that gains, and the best
        level = engine_of(project).points(by, project.category).total
        tried: list[Suggestion] = []
        for amount in RAISE_STEPS:
            if current is not None and amount <= current:
                continue
            raise_ = ScenarioChange(kind="raise", start=by, amount_yen=amount)
            variant = _changed(project, raise_)
            pts = engine_of(variant, by).points(by, project.category).total
            if pts <= level:
                continue
            level = pts
            n = len(out)
            attempt("raise", variant, "salary", N_("A raise to {amount} a year from {by} adds {points} points "
                                                   "and moves your earliest route ({route}) from {before} to "
                                                   "{after}"), raise_, amount=Money(amount), by=by)
            tried.extend(out[n:])
            del out[n:]
        if tried:
            first = tried[0]
            best = max(tried, key=lambda t: t.gain_days)  # the smallest raise among the best (max keeps the first)
            out.extend([first] if best is first else [first, best])
    if not any(f.kind == EmployerFactKind.INNOVATION_SUPPORT and (f.end is None or f.end >= by)
               for f in project.employer_facts):
        move = ScenarioChange(kind="employer_b1", start=by)
        attempt("employer_b1", _changed(project, move), "bonus.b1_innovation", N_(
            "Moving on {by} to an employer with innovation-promotion support adds {points} points and moves your "
            "earliest route ({route}) from {before} to {after}"), move, by=by)
    short = short_trip_days(project, today, rules)
    for i, trip in enumerate(project.trips):
        if trip.left <= today or trip.returned is None:
            continue
        days = (trip.returned - trip.left).days
        if days <= short:
            continue
        shorter = trip.model_copy(update={"returned": trip.left + timedelta(days=short)})
        trips = [*project.trips[:i], shorter, *project.trips[i + 1:]]
        attempt("shorten_trip", _with(project, trips=trips), "continuity.single_trip_days",
                N_("Coming back from the trip that starts on {left} after {short} days instead of {days} moves "
                   "your earliest route ({route}) from {before} to {after}"),
                same=trip.left, left=trip.left, short=short, days=days)
    planned = project.planned_application_date
    if base and planned and base[1] < planned:
        route, opens = base
        out.append(Suggestion("apply_earlier", Msg.of(
            N_("You could apply on {after} instead of {planned}: your earliest route ({route}) is open from then"),
            after=opens, planned=planned, route=RouteRef(route)), current_registry()[route].length_rule,
            (planned - opens).days,
            route, planned, opens, 0))
    if base and planned and today <= planned < base[1]:  # applying on the planned date would be refused
        route, opens = base
        out.append(Suggestion("apply_later", Msg.of(
            N_("On your planned date, {planned}, no route is open yet: your earliest route ({route}) opens on "
               "{after}; apply on or after that day"), planned=planned, route=RouteRef(route), after=opens),
            current_registry()[route].length_rule, 0, route, planned, opens, 0))
    if base:
        closing = _closing(engine_of(project), base, horizon_end)
        if closing is not None:
            closes, why = closing
            route, opens = base
            last = closes - timedelta(days=1)
            if planned and planned >= closes:
                says = Msg.of(N_("Your planned date, {planned}, falls after your earliest route ({route}) closes on "
                                 "{closes} ({why}): apply by {last}"), planned=planned, route=RouteRef(route),
                              closes=closes, why=why.why, last=last)
            elif opens <= today:
                says = Msg.of(N_("Your earliest route ({route}) is open now and closes on {closes} ({why}): apply by "
                                 "{last}"), route=RouteRef(route), closes=closes, why=why.why, last=last)
            else:
                says = Msg.of(N_("Your earliest route ({route}) is open from {after} and closes on {closes} ({why}): "
                                 "apply by {last}"), route=RouteRef(route), after=opens, closes=closes, why=why.why,
                              last=last)
            out.append(Suggestion("apply_before", says, why.rule_id, 0, route, opens, opens, 0))
    # a plan that would fail comes first, then the deadline of a route that closes; then the most days gained
    out.sort(key=lambda s: (s.kind != "apply_later", s.kind != "apply_before", -s.gain_days, s.kind))
    return Suggestions(out, base, today)


def _same_before(change: ScenarioChange | None, same: date | None) -> date | None:
    """The day before which a tried change leaves the project as it is: the change's own day (a shortened trip
    gives its departure)."""
    return change.start if change else same


def _closing(engine: Engine, base: tuple[str, date], end: date):
    """When the earliest route closes again after it opens (within the horizon): the day and the condition."""
    from hsp_wizard.domain.evaluate import Planner
    route, opens = base
    windows = Planner(engine).windows(route, opens, end, limit=1)
    if not windows or windows[0].closed is None or not windows[0].closing:
        return None
    return windows[0].closed, windows[0].closing[0]


def short_trip_days(project: Project, on: date, rules: RuleSet | None = None) -> int:
    """The length a planned trip is cut to: one day under the single-trip mark of continuity risks."""
    return Engine(project, rules, today=on).continuity_limits(on)[0] - 1


def _with(project: Project, **fields) -> Project:
    return project.model_copy(update=fields)


def _changed(project: Project, change: ScenarioChange) -> Project:
    """The project with one change, exactly as a scenario holding it would be (so "Try it as a scenario" shows
    what the suggestion said)."""
    return apply(project, Scenario(name="suggestion", changes=[change]))


def _salary_on(project: Project, on: date) -> int | None:
    current = [s for s in project.salary if s.start <= on]
    return max(current, key=lambda s: s.start).total_yen if current else None


def _points_gain(base: Engine, variant: Engine, on: date) -> int:
    cat = base.p.category
    return variant.points(on, cat).total - base.points(on, cat).total


__all__ = ["Suggestion", "Suggestions", "earliest", "suggestions"]
