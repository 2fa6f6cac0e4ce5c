"""Points over time: a step function with its steps explained, and each route's open windows.

Points change only on the days the planner already knows (a fact starts or ends, a birthday crosses an age band,
a career length is reached, a rule's value changes), so the timeline is exact: between two steps the totals are
those of the step before. Every step of the chosen category is an event naming the lines that changed."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from hsp_wizard.domain.dates import ONE_DAY, years_after, years_before
from hsp_wizard.domain.evaluate import Planner, checkpoint_years
from hsp_wizard.domain.explain import Msg, N_, RuleRef
from hsp_wizard.domain.points import PointsResult
from hsp_wizard.domain.project import Category, Project
from hsp_wizard.domain.routes import Engine
from hsp_wizard.rules import RuleSet

YEARS_BACK = 3
YEARS_AHEAD = 5

# What moved the line, from the rule that changed: the kinds the chart annotates.
EVENT_KINDS = (("age.", "birthday"), ("salary.", "salary"), ("academic", "degree"), ("bonus.b6", "degree"),
               ("bonus.b10", "degree"), ("career.", "career"), ("bonus.b7", "japanese"), ("bonus.b8", "japanese"),
               ("bonus.b1_", "employer"), ("bonus.b2_", "employer"), ("bonus.b3_", "employer"),
               ("bonus.b4_", "employer"), ("bonus.b9_", "employer"), ("research.", "research"),
               ("licence", "licence"), ("position.", "position"))


def event_kind(rule_id: str) -> str:
    for prefix, kind in EVENT_KINDS:
        if rule_id.startswith(prefix):
            return kind
    return "other"


@dataclass(frozen=True)
class Change:
    """One line that appeared, went or changed its points on an event's day."""

    rule_id: str
    before: int
    after: int

    def as_json(self) -> dict:
        return {"rule": self.rule_id, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Event:
    """A day on which the chosen category's total changes, and why."""

    on: date
    kind: str
    before: int
    after: int
    changes: tuple[Change, ...]

    @property
    def headline(self) -> Msg:
        return Msg.of(N_("{before} → {after} points"), before=self.before, after=self.after)

    @property
    def details(self) -> tuple[Msg, ...]:
        """One message per changed line (a view lists them)."""
        return tuple(Msg.of(N_("{rule}: {before} → {after}"), rule=RuleRef(c.rule_id), before=c.before,
                            after=c.after) for c in self.changes)

    def as_json(self) -> dict:
        return {"on": self.on.isoformat(), "kind": self.kind, "before": self.before, "after": self.after,
                "changes": [c.as_json() for c in self.changes]}


@dataclass
class Timeline:
    """Totals of every category from `start` to `end`, stepping on `steps`, with the chosen category's events,
    each route's open windows, the planned date and its checkpoints."""

    start: date
    end: date
    today: date
    category: Category | None
    steps: list[date]                    # sorted; steps[0] == start
    totals: dict[str, list[int]]         # category -> total on each step (and until the next)
    events: list[Event]
    windows: dict[str, list[tuple[date, date | None]]] = field(default_factory=dict)  # None: still open at `end`
    planned: date | None = None
    checkpoints: list[date] = field(default_factory=list)
    _engine: Engine | None = None

    def total(self, category: str, on: date) -> int:
        """The category's total on any day inside the timeline."""
        i = bisect_right(self.steps, on) - 1
        return self.totals[category][max(i, 0)]

    def breakdown(self, on: date, category: str | None = None) -> PointsResult:
        """The full points of a day (for the chart's hover), computed on demand."""
        cat = Category(category) if category else self.category
        return self._engine.points(on, cat)

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(), "end": self.end.isoformat(), "today": self.today.isoformat(),
            "category": self.category.value if self.category else None,
            "points": [{"on": d.isoformat(), **{c: self.totals[c][i] for c in self.totals}}
                       for i, d in enumerate(self.steps)],
            "events": [e.as_json() for e in self.events],
            "windows": {name: [{"opens": a.isoformat(), "closes": b.isoformat() if b else None} for a, b in ws]
                        for name, ws in self.windows.items()},
            "planned": self.planned.isoformat() if self.planned else None,
            "checkpoints": [d.isoformat() for d in self.checkpoints],
        }


def timeline(project: Project, today: date, *, rules: RuleSet | None = None, years_back: int = YEARS_BACK,
             years_ahead: int = YEARS_AHEAD, routes: tuple[str, ...] | None = None,
             engine: Engine | None = None) -> Timeline:
    """The timeline around `today` (three years back, five ahead by default), with the open windows of `routes`
    (default: every permanent-residence route)."""
    engine = engine or Engine(project, rules, today=today)
    planner = Planner(engine)
    start, end = years_before(today, years_back), years_after(today, years_ahead)
    steps = planner.candidates(start, end, ())
    cat = Category(project.category) if project.category else None
    totals: dict[str, list[int]] = {c.value: [] for c in Category}
    for d in steps:  # totals only (scored once per interval of unchanged facts); full points where a total changes
        for c in Category:
            totals[c.value].append(engine.score(d, c).total)
    # keep only the days on which some total changes (the first day always)
    keep = [0] + [i for i in range(1, len(steps)) if any(totals[c][i] != totals[c][i - 1] for c in totals)]
    steps = [steps[i] for i in keep]
    totals = {c: [v[i] for i in keep] for c, v in totals.items()}
    events = []
    if cat is not None:
        results = [engine.points(d, cat) for d in steps]
        for i in range(1, len(steps)):
            before, after = results[i - 1], results[i]
            if before.total == after.total:
                continue
            events.append(_event(steps[i], before, after))
    tl = Timeline(start, end, today, cat, steps, totals, events, _engine=engine)
    tl.windows = {name: [(w.opens, w.closed - ONE_DAY if w.closed else None)
                         for w in planner.windows(name, start, end)]
                  for name in (routes if routes is not None else engine.registry.routes)}
    if project.planned_application_date:
        tl.planned = project.planned_application_date
        tl.checkpoints = [years_before(tl.planned, n) for n in checkpoint_years(engine.rules, tl.planned)]
    return tl


def _event(on: date, before: PointsResult, after: PointsResult) -> Event:
    old = _by_rule(before)
    new = _by_rule(after)
    changes = tuple(Change(r, old.get(r, 0), new.get(r, 0)) for r in sorted(set(old) | set(new))
                    if old.get(r, 0) != new.get(r, 0))
    biggest = max(changes, key=lambda c: abs(c.after - c.before)) if changes else None
    return Event(on, event_kind(biggest.rule_id) if biggest else "other", before.total, after.total, changes)


def _by_rule(pr: PointsResult) -> dict[str, int]:
    out: dict[str, int] = {}
    for ln in pr.lines:
        out[ln.rule_id] = out.get(ln.rule_id, 0) + ln.points
    return out


__all__ = ["Change", "Event", "Timeline", "event_kind", "timeline"]
