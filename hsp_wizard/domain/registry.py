"""The route registry: every route is one declaration (`RouteSpec`), and everything that lists, names, scores,
plans, files or prints routes reads it here (the engine, the planner, the checklist, the suggestions, the results
page, the CLI and the PDF). docs/adding-a-route.md walks through adding one.

A declaration says:
- `check`: the route's conditions on a date (a function of the `Engine` and the date; each condition is a named
  rule of the rule data, which carries its sources and confidence);
- `conditions`: the rules it can report, each with the wizard page where the facts behind it are entered (the
  results page's "change" links, and the step list, read this);
- `facts`: the project's facts it reads, each with its wizard page;
- `years_rules`: the rules, in years, by which it looks back or ahead (the planner's year offsets, read from the
  rule data: every dated value counts);
- `length_rule`: the rule that sets its length (named when a date is suggested);
- `documents`: the document list it files with (a `[[checklist]]` of documents.toml, with its record years);
- `checkpoint_rule`: for a points route, the years before the application of the earlier points checkpoint;
- `mark_rule`: for a points route, its points mark;
- `never`: a blocker no date can lift (a fact the route needs is absent), or None;
- `name` / `name_ja`: its display name (an English message, translated through the catalogs, and the Japanese
  term ISA's lists use);
- `preference`: its place in the one preference order (lower first): which route is proposed when several are
  open, and which wins a tie on the earliest date.

The registry in use is `current()`; `use(registry)` swaps it for a block (a test adds a made-up route this way
without touching any other module)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the engine imports this module; the declarations import the engine
    from hsp_wizard.domain.routes import Condition, Engine, RouteResult
    from hsp_wizard.rules import RuleSet

# Pages of the wizard a fact can be entered on (the keys of the wizard's page table).
PAGES = ("category", "age", "academic", "academic_bonus", "career", "salary", "research", "licence", "position",
         "bonus", "residence", "requirements", "household")


class _Stuck:
    """What a quick closed-day test (`RouteSpec.closed`) answers, instead of True, when the day is closed by a
    blocking condition whose every input changes only on the planner's move days (the status held, a trip that
    ended it, the period of stay and the longest one, a rule's value: not a count of years or months that grows;
    `Planner._moves`): the route stays closed on every day up to the next move day, and the planner skips them
    while it looks for an opening (issue 21)."""

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "STUCK"


STUCK = _Stuck()


@dataclass(frozen=True)
class Fact:
    """A fact of the project a route reads (a dotted field of `Project`), and the page where it is entered."""

    field: str
    page: str


@dataclass(frozen=True)
class RouteSpec:
    """One route, declared once (see the module's docstring for each field)."""

    id: str
    name: str
    name_ja: str
    check: Callable[[Engine, date], RouteResult]
    conditions: tuple[tuple[str, str], ...]
    facts: tuple[Fact, ...]
    years_rules: tuple[str, ...]
    length_rule: str
    documents: str
    preference: int
    never: Callable[[Engine], Condition | None] | None = None
    checkpoint_rule: str | None = None
    mark_rule: str | None = None
    permanent: bool = True  # a permanent-residence route; False: HSP(ii), a change of status shown beside them
    # a quick test, True only on a day `check` finds a blocking condition unmet: the planner skips the full check
    # there while it looks for an opening (issue 21); None: every day is checked in full. STUCK (truthy) where the
    # unmet condition cannot change before the planner's next move day: the days up to it are skipped untested
    closed: Callable[[Engine, date], bool] | None = None
    # what `check` reads of an earlier day than the one checked (the points routes' and J-Skip's checkpoint), as a
    # comparable value: once the route is open, the planner checks a day on which no fact or rule changes only
    # where this value differs from the last day checked (issue 21: `Planner._moves`); None: nothing earlier
    looks_back: Callable[[Engine, date], object] | None = None


class Registry:
    """The declared routes, in display order (the order of the declarations)."""

    def __init__(self, specs: tuple[RouteSpec, ...] | list[RouteSpec]):
        self.specs: dict[str, RouteSpec] = {}
        for s in specs:
            if s.id in self.specs:
                raise ValueError(f"route {s.id!r} is declared twice")
            for rule_id, page in s.conditions:
                if page not in PAGES:
                    raise ValueError(f"route {s.id!r}: rule {rule_id!r} names an unknown page {page!r}")
            for f in s.facts:
                if f.page not in PAGES:
                    raise ValueError(f"route {s.id!r}: fact {f.field!r} names an unknown page {f.page!r}")
            self.specs[s.id] = s
        prs = [s for s in self.specs.values() if s.permanent]
        self.routes: tuple[str, ...] = tuple(s.id for s in prs)           # permanent-residence routes, shown order
        self.all: tuple[str, ...] = tuple(self.specs)                      # and HSP(ii)
        self.preference: tuple[str, ...] = tuple(s.id for s in sorted(prs, key=lambda s: s.preference))
        self._page_of_rule: dict[str, str] = {}
        for s in self.specs.values():
            for rule_id, page in s.conditions:
                self._page_of_rule.setdefault(rule_id, page)
        self._shifts: dict[tuple[int, str], tuple[RuleSet, tuple[int, ...]]] = {}

    def __getitem__(self, route: str) -> RouteSpec:
        return self.specs[route]

    def __contains__(self, route: object) -> bool:
        return route in self.specs

    def with_route(self, spec: RouteSpec) -> Registry:
        """A new registry with `spec` added (or replacing the declaration of the same id)."""
        specs = dict(self.specs)
        specs[spec.id] = spec
        return Registry(list(specs.values()))

    def rank(self, route: str) -> int:
        """The route's place in the preference order."""
        return self.preference.index(route)

    def shifts(self, route: str, rules: RuleSet) -> tuple[int, ...]:
        """The year counts the route looks back or ahead by, from the rule data (every dated value)."""
        key = (id(rules), route)
        found = self._shifts.get(key)
        if found is None or found[0] is not rules:  # (the rule set is kept with its entry: its id is not reused)
            years = {int(v.value) for rule_id in self[route].years_rules for v in rules.rules[rule_id].values}
            found = self._shifts[key] = (rules, tuple(sorted(years)))
        return found[1]

    def checkpoint_years(self, route: str, rules: RuleSet, on: date) -> int | None:
        """How many years before the application the route's earlier points checkpoint is (None: no points)."""
        rule_id = self[route].checkpoint_rule
        if rule_id is None:
            return None
        v = rules.rule_value(rule_id, on) or rules.rules[rule_id].values[-1]
        return int(v.value)

    def page_of_rule(self, rule_id: str) -> str | None:
        """The wizard page where the facts behind a condition are entered, as the routes declare it."""
        return self._page_of_rule.get(rule_id)

    def names(self) -> Mapping[str, tuple[str, str]]:
        return RouteNames(self)


class RouteNames(Mapping):
    """Each route's (English message, Japanese term), read from the registry in use."""

    def __init__(self, registry: Registry | None = None):
        self._registry = registry

    def _reg(self) -> Registry:
        return self._registry or current()

    def __getitem__(self, route: str) -> tuple[str, str]:
        s = self._reg()[route]
        return s.name, s.name_ja

    def __iter__(self) -> Iterator[str]:
        return iter(self._reg().all)

    def __len__(self) -> int:
        return len(self._reg().all)


_current: Registry | None = None


def default() -> Registry:
    """The routes this program knows (hsp_wizard.domain.pr_routes)."""
    from hsp_wizard.domain.pr_routes import REGISTRY
    return REGISTRY


def current() -> Registry:
    """The registry in use."""
    return _current or default()


@contextmanager
def use(registry: Registry):
    """Use `registry` inside the block (every module reads `current()`), then the one before."""
    global _current
    before = _current
    _current = registry
    try:
        yield registry
    finally:
        _current = before


def marks(rules: RuleSet, on: date) -> tuple[int, ...]:
    """The points marks of the points routes on `on` (70 and 80), lowest first, from the rule data."""
    reg = current()
    out = set()
    for name in reg.routes:
        rule_id = reg[name].mark_rule
        if rule_id is not None:
            v = rules.rule_value(rule_id, on) or rules.rules[rule_id].values[-1]
            out.add(int(v.value))
    return tuple(sorted(out))


__all__ = ["Fact", "PAGES", "Registry", "RouteNames", "RouteSpec", "current", "default", "marks", "replace", "use"]
