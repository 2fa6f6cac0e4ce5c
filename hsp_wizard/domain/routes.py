"""Permanent-residence routes, HSP(ii) and J-Skip on a date: every condition met or not, and why."""

from __future__ import annotations

import copy
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Callable

from hsp_wizard.domain import facts as F
from hsp_wizard.domain.amendments import (business_manager, jskip_before_start, landing_criteria, late_payment,
                                          livelihood_exempt, longest_months, permit_expiry_unknown,
                                          suspended_sentence, unasked_on_closed_route)
from hsp_wizard.domain.dates import ONE_DAY, anniversary, completed_years, years_after, years_before
from hsp_wizard.domain.explain import Money, Msg, N_, StatusRef, Term
from hsp_wizard.domain.points import Gate, PointsResult, fact_breaks, points, table_version
from hsp_wizard.domain.project import (Answer, Category, DegreeLevel, Payment, Project,
                                       ResidencePeriod)
from hsp_wizard.domain.residence import Residence
from hsp_wizard.domain.registry import Registry, current as registry_current
from hsp_wizard.rules import RuleSet, load_rules

WORK_KINDS = {"hsp", "hsp2", "work", "residence"}
PENALTY_NAMES = {"fine": N_("fine"), "imprisonment": N_("prison sentence")}


@dataclass(frozen=True)
class Condition:
    """One condition of a route: met (True), not met (False) or not known (None), with its rule."""

    rule_id: str
    met: bool | None
    why: Msg
    sources: tuple[str, ...]
    confidence: str
    blocking: bool = True  # a blocker when unmet; otherwise a warning

    def as_json(self) -> dict:
        """The condition for the CLI's JSON, made once per condition (the same one is shared by every route
        checked on its day: issue 21); callers must not change it."""
        found = self.__dict__.get("_json")
        if found is None:
            found = self.__dict__["_json"] = {
                "rule": self.rule_id, "met": self.met, "blocking": self.blocking, "why": self.why.as_json(),
                "sources": list(self.sources), "confidence": self.confidence}
        return found


@dataclass(frozen=True)
class RouteResult:
    """A route evaluated on one date."""

    route: str
    on: date
    conditions: tuple[Condition, ...]
    variant: str | None = None  # "a" (ア: as an HSP) or "i" (イ: points at the earlier checkpoint)
    checkpoint: date | None = None

    @property
    def open(self) -> bool:
        return all(c.met is not False for c in self.conditions if c.blocking)

    @property
    def blockers(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if c.blocking and c.met is False)

    @property
    def warnings(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if (not c.blocking and c.met is False) or c.met is None)

    def as_json(self) -> dict:
        return {"route": self.route, "on": self.on.isoformat(), "open": self.open, "variant": self.variant,
                "checkpoint": self.checkpoint.isoformat() if self.checkpoint else None,
                "conditions": [c.as_json() for c in self.conditions]}


@dataclass(frozen=True)
class Score:
    """What a route reads of the points on a day (`Engine.score`): the total, the table used, the gates, the salary."""

    on: date
    total: int
    table_date: date
    gates: tuple[Gate, ...]
    salary_yen: int | None


def _category(value: Category | str) -> Category:
    """`Category(value)`, without the enum's call where it is one already."""
    return value if value.__class__ is Category else Category(value)


def _per_day(*, blocking: bool):
    """Memoise an Engine method on its arguments (a day and what qualifies it), so every route checked on the same
    day shares one set of these conditions. `blocking`: the answer differs on the blockers-only view (it leaves
    warnings out), so that view keeps its own. Conditions are immutable; a list is handed out as a fresh copy."""
    def wrap(fn):
        name = fn.__name__

        def cached(self, *args, **kwargs):
            key = (name, args, tuple(kwargs.items()) if kwargs else (), self.blocking_only if blocking else None)
            found = self._day.get(key)
            if found is None:
                found = self._day[key] = fn(self, *args, **kwargs)
            return list(found) if isinstance(found, list) else found
        cached.__name__, cached.__doc__, cached.__wrapped__ = name, fn.__doc__, fn
        return cached
    return wrap


class Engine:
    """Evaluates one project; memoises points by date so many dates cost little."""

    def __init__(self, project: Project, rules: RuleSet | None = None, today: date | None = None, *,
                 registry: Registry | None = None, shares: tuple[Engine, date] | None = None):
        """`shares`: (an engine of another project, a day) when this project's points equal that project's on
        every day before that day (a scenario or suggestion whose dated changes all start then, or none that
        points read): the points and scores of those days are then the other engine's, computed once for both
        (issue 21)."""
        self.p = project
        self.rules = rules or load_rules()
        self.today = today or date.today()
        self.registry = registry or registry_current()
        self.res = Residence(project, self.rules, self.today)
        self._points: dict[tuple[str, date, date | None], PointsResult] = {}
        self._scores: dict = {}  # totals and gates per interval of unchanged facts (see `score`)
        self._asked: dict[tuple, Score] = {}  # `score`'s answer per day and arguments asked
        self._day: dict[tuple, object] = {}  # per-day conditions every route shares (see `_per_day`)
        self._prov: dict[object, tuple[tuple[str, ...], str]] = {}  # a condition's sources, confidence (by rule, day)
        self.blocking_only = False  # set only on the view `blockers_only()` returns
        self._shares = None
        if shares is not None and shares[0].p.category == project.category and shares[0].rules is self.rules:
            self._shares = shares

    @property
    def shares_every_day(self) -> Engine | None:
        """The engine whose points and scores this one takes on every day, if any (`shares` up to date.max)."""
        return self._shares[0] if self._shares is not None and self._shares[1] == date.max else None

    def blockers_only(self) -> Engine:
        """The same engine (sharing its memoised points and residence) checking blocking conditions only: what
        the planner scans with, since warnings cannot move a date."""
        view = copy.copy(self)
        view.blocking_only = True
        return view

    def continuity_limits(self, on: date) -> tuple[int, int]:
        """The practice thresholds of continuity risks (a single trip, days abroad in a year): the project's own
        settings where it sets them, else the rule data's values on `on`."""
        s = self.p.settings
        return (s.single_trip_days or self.num("continuity.single_trip_days", on),
                s.yearly_days or self.num("continuity.yearly_days", on))

    # ------------------------------------------------------------------ helpers
    def points(self, on: date, category: Category | None = None, table_date: date | None = None) -> PointsResult:
        if self._shares is not None and on < self._shares[1]:
            return self._shares[0].points(on, category, table_date)
        cat = _category(category or self.p.category)
        table_date = table_version(self.rules, on if table_date is None else table_date)
        key = (cat.value, on, table_date)
        r = self._points.get(key)
        if r is None:
            r = points(cat, self.p, on, table_date=table_date, rules=self.rules)
            self._points[key] = r
        return r

    def fact_breaks(self, every_field: bool = False) -> list[date]:
        """`points.fact_breaks` of this project, sorted (computed once)."""
        key = ("breaks", every_field)
        breaks = self._scores.get(key)
        if breaks is None:
            breaks = self._scores[key] = fact_breaks(self.p, self.rules, every_field=every_field)
        return breaks

    def score(self, on: date, category: Category | None = None, table_date: date | None = None) -> Score:
        """The total and gates `points` gives on `on` (not its lines): computed once per interval of unchanged
        facts. Two days score alike when they share the table, the interval between the project's dated facts and
        the dates of the rules read on the day (`fact_breaks(scored_only=True)`), and lie between the same two ages and the same two years of the category's
        experience at which the table's rows change (`age_below`, `min_years`): the lines' wording may differ (the
        age, months of experience), the total, gates and salary do not. What route checks and scans read; the
        answer is kept per day asked (routes scanning the same candidate days ask it again)."""
        asked = (on, category, table_date)
        found = self._asked.get(asked)
        if found is None:
            found = self._asked[asked] = self._score(on, category, table_date)
        return found

    def _score(self, on: date, category: Category | None, table_date: date | None) -> Score:
        if self._shares is not None and on < self._shares[1]:
            return self._shares[0].score(on, category, table_date)
        cat = _category(category or self.p.category)
        table_date = table_version(self.rules, on if table_date is None else table_date)
        known = self._points.get((cat.value, on, table_date))
        if known is not None:
            return Score(on, known.total, known.table_date, known.gates, known.salary_yen)
        breaks = self._scores.get("scored breaks")
        if breaks is None:  # the table is in the key: of the rule dates, only those `points` reads on the day
            breaks = self._scores["scored breaks"] = fact_breaks(self.p, self.rules, scored_only=True)
        edges = self._scores.get(table_date)
        if edges is None:  # the birthdays and years of experience at which the table's rows change
            rows = self.rules.table(table_date).values()
            birth = self.p.birth_date  # the age reaches an edge on its anniversary (`completed_years`)
            edges = self._scores[table_date] = (
                [] if birth is None else [anniversary(birth, a) for a in
                                          sorted({v.age_below for v in rows if v.age_below is not None})],
                sorted({v.min_years for v in rows if v.min_years is not None}))
        same = (cat.value, table_date, bisect_right(breaks, on), bisect_right(edges[0], on),
                bisect_right(edges[1], F.career_months(self.p, F.CAREER_KIND[cat], on) // 12))
        base = self._scores.get(same)
        if base is None:
            full = self.points(on, cat, table_date)
            base = self._scores[same] = Score(on, full.total, full.table_date, full.gates, full.salary_yen)
        return base if base.on == on else Score(on, base.total, base.table_date, base.gates, base.salary_yen)

    def cond(self, rule_id: str, met: bool | None, why: Msg, on: date, blocking: bool = True) -> Condition:
        prov = self._prov.get(rule_id)  # a rule with one value: the same on every day
        if prov is None:
            prov = self._prov.get((rule_id, on))
            if prov is None:
                values = self.rules.rules[rule_id].values
                v = values[0] if len(values) == 1 else (self.rules.rule_value(rule_id, on) or values[-1])
                prov = self._prov[rule_id if len(values) == 1 else (rule_id, on)] = (tuple(v.sources),
                                                                                    v.confidence.value)
        c = object.__new__(Condition)  # as Condition(...) makes it, without the frozen per-field setattr
        c.__dict__.update(rule_id=rule_id, met=met, why=why, sources=prov[0], confidence=prov[1], blocking=blocking)
        return c

    def num(self, rule_id: str, on: date) -> int:
        v = self.rules.rule_value(rule_id, on) or self.rules.rules[rule_id].values[-1]
        return int(v.value)

    def in_force(self, rule_id: str, on: date) -> Condition:
        first = min(v.since for v in self.rules.rules[rule_id].values)
        return self.cond(rule_id, on >= first,
                         Msg.of(N_("This route exists from {since}"), since=first), on)

    # ------------------------------------------------------------------ shared conditions
    @_per_day(blocking=False)
    def resident(self, on: date) -> Condition:
        st = self.res.status_on(on)
        if st is None:
            return self.cond("continuity.status_gap", False,
                             Msg.of(N_("No status of residence entered for {date}"), date=on), on)
        return self.cond("continuity.status_gap", not self.res.abroad_without_status(on),
                         Msg.of(N_("Holds {status} on {date}"), status=StatusRef(st.status), date=on), on)

    @_per_day(blocking=False)
    def continuous(self, on: date, years: int, rule_id: str, since: date | None = None) -> Condition:
        start = self.res.continuous_since(on)
        if start is not None and since is not None:
            start = max(start, since)
        if start is None:
            return self.cond(rule_id, False, Msg.of(N_("Not residing on a status on {date}"), date=on), on)
        have = completed_years(start, on)
        return self.cond(rule_id, have >= years,
                         Msg.of(N_("Continuous residence since {start}: {have} of {years} year(s); complete on "
                                   "{complete}"), start=start, have=max(have, 0), years=years,
                                complete=anniversary(start, years)), on)

    def chain(self, on: date, years: int, rule_id: str, ok: Callable[[ResidencePeriod], bool], what: str
              ) -> Condition:
        what = Term(what)
        start = self.res.chain_since(on, ok)
        if start is None:
            return self.cond(rule_id, False, Msg.of(N_("Not residing as {what} on {date}"), what=what, date=on), on)
        have = completed_years(start, on)
        return self.cond(rule_id, have >= years,
                         Msg.of(N_("Continuously as {what} since {start}: {have} of {years} year(s)"),
                                what=what, start=start, have=have, years=years), on)

    def longest_stay(self, on: date) -> Condition:
        st = self.res.status_on(on)
        if st is None:
            return self.cond("stay.longest_period", None, Msg.of(N_("No status entered for {date}"), date=on), on)
        status = self.rules.statuses.get(st.status)
        longest = longest_months(status, on) if status else None
        if longest == 0:
            return self.cond("stay.longest_period", True, Msg.of(N_("{status} has no fixed period of stay"),
                                                                 status=StatusRef(st.status)), on)
        if st.period_of_stay_months is None or longest is None:
            return self.cond("stay.longest_period", None,
                             Msg.of(N_("Enter the period of stay granted for {status}"),
                                    status=StatusRef(st.status)), on,
                             blocking=False)
        three = self.rules.rule_value("stay.three_years_count", on)
        needed = min(longest, int(three.value) * 12) if three is not None else longest
        rule_id = "stay.three_years_count" if three is not None and needed < longest else "stay.longest_period"
        if three is None and st.period_of_stay_months < longest:
            rule_id = "stay.three_years_count"  # the allowance ended: say so with its source
        return self.cond(rule_id, st.period_of_stay_months >= needed,
                         Msg.of(N_("Period of stay {have} months; {needed} months needed on {date}"),
                                have=st.period_of_stay_months, needed=needed, date=on), on)

    def conduct(self, on: date, traffic_counts: bool = True) -> list[Condition]:
        """Fines and prison sentences (every route), and, with `traffic_counts`, repeated traffic violations (good
        conduct, from which spouses and children are exempt)."""
        out = []
        for pen in self.p.obligations.penalties:
            if pen.suspended:
                out.append(suspended_sentence(self, pen, on))
                continue
            rule_id = "conduct.fine_years" if pen.kind == "fine" else "conduct.imprisonment_years"
            clear = anniversary(pen.ended, self.num(rule_id, on))
            out.append(self.cond(rule_id, on >= clear,
                                 Msg.of(N_("A {kind} ended {ended}: good conduct from {clear}"), kind=Term(PENALTY_NAMES[pen.kind]),
                                        ended=pen.ended, clear=clear), on))
        if self.p.obligations.repeated_traffic_violations and traffic_counts:
            out.append(self.cond("conduct.fine_years", False,
                                 Msg.of(N_("Repeated traffic violations can count against good conduct")), on,
                                 blocking=False))
        return out

    def obligations(self, on: date) -> list[Condition]:
        o = self.p.obligations
        out = []
        for what, ans in ((Term(N_("taxes")), o.taxes), (Term(N_("pension premiums")), o.pension),
                          (Term(N_("health-insurance premiums")), o.health_insurance)):
            if ans == Payment.UNPAID:
                out.append(self.cond("obligations.public_charges", False,
                                     Msg.of(N_("Unpaid {what}: pay them before applying"), what=what), on))
            elif ans == Payment.LATE:
                out.append(late_payment(self, what, on))
            elif ans == Payment.UNKNOWN:
                out.append(self.cond("obligations.public_charges", None,
                                     Msg.of(N_("Not answered: were {what} paid on time?"), what=what), on,
                                     blocking=False))
        if o.notifications == Answer.NO:
            out.append(self.cond("obligations.notifications", False,
                                 Msg.of(N_("Immigration notifications were not made")), on, blocking=False))
        if o.guarantor == Answer.NO:
            out.append(self.cond("guarantor.required", False,
                                 Msg.of(N_("No guarantor: a Japanese national, a permanent resident or a "
                                           "special permanent resident must sign the letter of guarantee")), on))
        elif o.guarantor == Answer.UNKNOWN:
            out.append(self.cond("guarantor.required", None, Msg.of(N_("Not answered: do you have a guarantor?")),
                                 on, blocking=False))
        return out

    def livelihood(self, on: date) -> list[Condition]:
        if self.blocking_only:
            return []
        if livelihood_exempt(self, on):
            return []
        if self.p.household.members:  # judged on the household's income (domain/household.py)
            from hsp_wizard.domain.household import household_livelihood
            return household_livelihood(self, on)
        salary = F.salary_on(self.p, on)
        guide = self.num("livelihood.guide_yen", on)
        if salary is None or salary >= guide:
            return []
        return [self.cond("livelihood.guide_yen", False,
                          Msg.of(N_("Income {salary} is below the practice guide of {guide} a year"),
                                 salary=Money(salary), guide=Money(guide)), on, blocking=False)]

    @_per_day(blocking=True)
    def risks(self, on: date, years: int) -> list[Condition]:
        if self.blocking_only:
            return []
        start = years_before(on, years)
        return [self.cond(r.rule_id, False, r.why, on, blocking=False)
                for r in self.res.risks(start, on, *self.continuity_limits(on))
                ] + permit_expiry_unknown(self, on, years)

    def allowance_warning(self, on: date) -> list[Condition]:
        """A warning where the longest-period-of-stay condition passes only thanks to the dated 3-year
        allowance (so an application, or a late decision, after it ends would fail)."""
        if self.blocking_only:
            return []
        st = self.res.status_on(on)
        three = self.rules.rule_value("stay.three_years_count", on)
        status = self.rules.statuses.get(st.status) if st else None
        longest = longest_months(status, on) if status else None
        if (three is None or not longest or st.period_of_stay_months is None
                or st.period_of_stay_months >= longest
                or st.period_of_stay_months < int(three.value) * 12):
            return []
        return [self.cond("stay.three_years_count", False,
                          Msg.of(N_("Your {months}-month period of stay counts as the longest only until {end}; "
                                    "from then the full {longest} months are needed. That end date is reported by "
                                    "practitioners, not confirmed in ISA's published text, and an application "
                                    "decided after it may be judged differently."),
                                 months=st.period_of_stay_months, end=three.until - ONE_DAY if three.until else on,
                                 longest=longest), on, blocking=False)]

    @_per_day(blocking=True)
    def other_requirements(self, on: date, *, conduct: bool = True, livelihood: bool = True) -> list[Condition]:
        out = [self.longest_stay(on), *self.allowance_warning(on)]
        out += self.conduct(on, traffic_counts=conduct)  # fines and prison sentences bind spouses and children too
        out += self.obligations(on)
        out += landing_criteria(self, on) + business_manager(self, on)
        if livelihood:
            out += self.livelihood(on)
        return out

    # ------------------------------------------------------------------ J-Skip
    @_per_day(blocking=False)
    def jskip_criteria(self, on: date, rule_on: date | None = None) -> Condition:
        """Whether the special-HSP criteria are met with the facts of `on` (values in force on `rule_on`)."""
        rule_on = rule_on or on
        first = min(v.since for v in self.rules.rules["jskip.ab_salary"].values)
        ref = max(rule_on, first)
        if on < first:
            return jskip_before_start(self, on, first)
        if self.p.category is None:
            return self.cond("jskip.ab_salary", False, Msg.of(N_("Choose a category first")), ref)
        cat = _category(self.p.category)
        salary = F.salary_on(self.p, on)  # None: no salary entered for that day (never said as ¥0)
        if cat == Category.C:
            need, years = self.num("jskip.c_salary", ref), self.num("jskip.c_experience_years", ref)
            months = F.career_months(self.p, F.CAREER_KIND[cat], on)
            met = salary is not None and salary >= need and months >= years * 12
            why = Msg.of(N_("J-Skip (c) on {date}: salary {salary} (needs {need}) and {have} years of management "
                            "(needs {years})"), date=on, salary=Money(salary), need=Money(need), have=months // 12,
                         years=years) if salary is not None else \
                Msg.of(N_("J-Skip (c) on {date}: no salary entered (needs {need}) and {have} years of management "
                          "(needs {years})"), date=on, need=Money(need), have=months // 12, years=years)
            return self.cond("jskip.c_salary", met, why, ref)
        need, years = self.num("jskip.ab_salary", ref), self.num("jskip.ab_experience_years", ref)
        grad = any(d.level != DegreeLevel.BACHELOR for d in F.degrees_on(self.p, on))
        months = F.career_months(self.p, F.CAREER_KIND[cat], on)
        met = salary is not None and salary >= need and (grad or months >= years * 12)
        why = Msg.of(N_("J-Skip on {date}: salary {salary} (needs {need}) and a master's or higher degree or {years} "
                        "years of experience ({have} years)"), date=on, salary=Money(salary), need=Money(need),
                     years=years, have=months // 12) if salary is not None else \
            Msg.of(N_("J-Skip on {date}: no salary entered (needs {need}) and a master's or higher degree or {years} "
                      "years of experience ({have} years)"), date=on, need=Money(need), years=years,
                   have=months // 12)
        return self.cond("jskip.ab_salary", met, why, ref)

    # ------------------------------------------------------------------ routes (declared in the registry)
    def never(self, name: str) -> Condition | None:
        """A blocker that no date can lift (a fact the route needs is absent), or None."""
        key = ("never", name)
        if key in self._day:  # asked once per route and engine (its views share the answer)
            return self._day[key]
        spec = self.registry[name]
        found = spec.never(self) if spec.never is not None else None
        if found is None and spec.permanent and not self.p.residence:
            found = self.cond("continuity.status_gap", False, Msg.of(N_("No status of residence entered")),
                              self.today)
        self._day[key] = found
        return found

    def route(self, name: str, on: date) -> RouteResult:
        """The route's conditions on `on`, as its declaration checks them."""
        return unasked_on_closed_route(self, name, self.registry[name].check(self, on))

    def hsp2(self, on: date) -> RouteResult:
        return self.route("hsp2", on)


def checklist_route(route: str) -> str:
    """The document list a route files with (its declaration's `documents`)."""
    return registry_current()[route].documents


def __getattr__(name: str):
    if name == "ROUTES":  # the permanent-residence routes of the registry in use, in display order
        return registry_current().routes
    raise AttributeError(name)


__all__ = ["Condition", "Engine", "RouteResult", "WORK_KINDS", "checklist_route", "years_after"]
