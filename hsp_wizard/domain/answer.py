"""The answer a person reads first: one headline, and each route in one of four states, computed from an
evaluation (hsp_wizard.domain.evaluate) without changing it.

States: open (since when; until when if it closes), opens on a date (what binds it), cannot tell yet (which
facts to enter, and where), not open (the one reason that matters). Routes that cannot apply to this person
(family, refugee, contribution, regional revitalisation, when nothing entered points to them) are folded into one
line. A warning appears once: under its route, or in one list when several routes share it. After the
application date, the current period of stay's end is checked against the expected processing time."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from hsp_wizard.domain.dates import ONE_DAY, month_add, years_after, years_before
from hsp_wizard.domain.evaluate import Evaluation, Planner, evaluate
from hsp_wizard.domain.explain import Msg, N_
from hsp_wizard.domain.project import Project
from hsp_wizard.domain.routes import Condition, Engine, RouteResult
from hsp_wizard.rules import RuleSet

# Route states
OPEN, OPENS, UNKNOWN, CLOSED = "open", "opens", "unknown", "closed"
# Headline kinds
EMPTY, OPEN_NOW, CLOSES, ASK, OPENS_LATER, NOTHING = "empty", "open", "closes", "unknown", "opens_later", "nothing"

# Routes that apply only to some people: folded into one line unless a fact entered points to them.
PERSONAL_ROUTES = ("spouse", "child", "long_term_resident", "refugee", "contribution", "regional")
NEEDS_CATEGORY = ("hsp80", "hsp70", "jskip", "hsp2")
LOOK_BACK_YEARS = 10


@dataclass(frozen=True)
class Fact:
    """A fact to enter before a route can be judged: the condition that asks for it, and the wizard item (page)
    where it is entered."""

    rule_id: str
    item: str
    condition: Condition | None = None  # None: the HSP category
    field: str | None = None  # the field on that page: "taxes", "guarantor", … or "residence.<column>.<row>"


@dataclass(frozen=True)
class RouteAnswer:
    route: str
    state: str
    since: date | None = None        # open / unknown: the first day of the open spell that holds `on`
    closes: date | None = None       # open / unknown: the first day it is no longer open (None: stays open)
    closing: Condition | None = None  # why it closes
    opens: date | None = None        # opens: the date
    waits_for: Condition | None = None  # opens: what binds the date; closed: the reason
    missing: tuple[Fact, ...] = ()   # unknown: the facts to enter
    warnings: tuple[Condition, ...] = ()  # the warnings that belong to this route alone
    result: RouteResult | None = None  # the evaluation behind it, for the "Why?" explanation

    @property
    def last_day(self) -> date | None:
        """The last day an application can be filed on this route (the day before it closes)."""
        return self.closes - ONE_DAY if self.closes else None


@dataclass(frozen=True)
class StayCheck:
    """The period of stay ends before a decision is likely: an extension is needed while the application waits."""

    applied: date
    expires: date
    decision: date
    days: int
    extend_from: date
    status: str
    processing: Condition
    extension: Condition


@dataclass
class Answer:
    kind: str
    on: date
    today: date
    planned: bool
    best: RouteAnswer | None
    routes: list[RouteAnswer]            # shown, in the registry's display order (HSP(ii) last)
    folded: list[str]                    # routes not for this person
    warnings: list[Condition] = field(default_factory=list)  # shared by several routes: shown once
    notes: list[Condition] = field(default_factory=list)     # the evaluation's notes (revocation): shown once
    first_fact: Fact | None = None       # the empty project: what to enter first
    stay: StayCheck | None = None

    def route(self, name: str) -> RouteAnswer | None:
        return next((r for r in self.routes if r.route == name), None)


def item_of(rule_id: str, registry=None) -> str:
    """Which wizard item (page) holds the facts a condition is about: as the routes declare it, else by the
    rule's family."""
    page = registry.page_of_rule(rule_id) if registry is not None else None
    if page is not None:
        return page
    if rule_id.startswith(("continuity", "stay", "pr.general", "pr.long_term", "pr.hsp", "hsp2.years",
                           "pr.jskip", "pr.child", "pr.regional", "pr.contribution", "pr.refugee")):
        return "residence"
    if rule_id.startswith(("obligations", "guarantor", "conduct", "pr.spouse")):
        return "requirements"
    if rule_id.startswith(("jskip", "gate.salary", "livelihood")):
        return "salary"
    return "category"


# The requirements page's question for each unanswered obligation (by the condition's "what").
OBLIGATION_FIELDS = {"taxes": "taxes", "pension premiums": "pension", "health-insurance premiums": "health"}


def field_of(project: Project, engine: Engine, c: Condition, on: date) -> str | None:
    """The field where the fact a condition asks for is entered, where one field holds it."""
    if c.rule_id == "stay.longest_period":
        st = engine.res.status_on(on)
        if st is not None and st in project.residence:
            return f"residence.period_of_stay_months.{project.residence.index(st)}"
    if c.rule_id == "guarantor.required":
        return "guarantor"
    if c.rule_id == "stay.landing_criteria":
        return "landing"
    if c.rule_id == "pr.child.natural_or_special_adoption":
        return "child_kind"
    if c.rule_id == "obligations.public_charges":
        what = dict(c.why.params).get("what")
        return OBLIGATION_FIELDS.get(str(what)) if what is not None else None
    return None


def answer(project: Project, ev: Evaluation, today: date, *, planned: bool | None = None,
           rules: RuleSet | None = None, engine: Engine | None = None) -> Answer:
    """The answer for `ev` (evaluated with find_dates on `ev.on`). `planned`: `ev.on` is the person's planned
    application date (default: when it is the project's planned date). `engine`: one made for this project and
    `today` already (a plan's: its points are memoised)."""
    planned = project.planned_application_date == ev.on if planned is None else planned
    engine = engine or Engine(project, rules, today=today)
    reg = engine.registry
    planner = Planner(engine)
    if not project.residence:
        fact = Fact("continuity.status_gap", "residence")
        return Answer(EMPTY, ev.on, today, planned, None, [], [], first_fact=fact)

    shown, folded = [], []
    for name in (*reg.routes, *(n for n in reg.all if n not in reg.routes)):  # HSP(ii) after the PR routes
        never = engine.never(name) if name in PERSONAL_ROUTES else None
        if never is not None and never.met is None:  # its question not answered: not "not for you" either
            shown.append(_unanswered(project, ev, name, never, reg))
            continue
        if never is not None:
            folded.append(name)
            continue
        shown.append(_route(engine, planner, project, ev, name))

    # each warning once: under its route when it belongs to one, else in the shared list
    seen: dict[tuple, list[str]] = {}
    first: dict[tuple, Condition] = {}
    for ra in shown:
        for c in ra.warnings:
            key = (c.rule_id, c.why)
            if ra.route not in seen.setdefault(key, []):
                seen[key].append(ra.route)
            first.setdefault(key, c)
    shared = [first[k] for k, names in seen.items() if len(names) > 1]
    shown = [replace(ra, warnings=tuple(c for c in ra.warnings if len(seen[(c.rule_id, c.why)]) == 1))
             for ra in shown]

    pr_routes = sorted((ra for ra in shown if ra.route in reg.routes), key=lambda ra: reg.rank(ra.route))
    best, kind = _headline(pr_routes, reg)
    ans = Answer(kind, ev.on, today, planned, best, shown, folded, shared, notes=list(ev.notes))
    if best is not None and best.state in (OPEN, UNKNOWN, OPENS):
        applied = ev.on if best.state != OPENS else best.opens
        ans.stay = stay_check(engine, applied)
    return ans


def answer_for(project: Project, today: date, ev: Evaluation | None = None, *, rules: RuleSet | None = None,
               horizon_years: int = 10) -> Answer:
    """The answer every view shows: on the planned application date, else today (so the results page, the CLI
    and the PDF say the same sentence). `ev` is reused when it was evaluated on that date."""
    on = project.planned_application_date or today
    if ev is None or ev.on != on or not ev.openings:
        ev = evaluate(project, on, rules=rules, today=today, horizon_years=horizon_years)
    return answer(project, ev, today, rules=rules)


def _headline(routes: list[RouteAnswer], reg) -> tuple[RouteAnswer | None, str]:
    """The best route (`routes` are in the preference order) and the kind of headline it makes."""
    def first(state: str) -> RouteAnswer | None:
        return next((ra for ra in routes if ra.state == state), None)

    open_ = first(OPEN)
    if open_ is not None:
        # a route that stays open is better than one that closes; the preference order breaks ties
        lasting = next((ra for ra in routes if ra.state == OPEN and ra.closes is None), None)
        if lasting is not None and lasting.route == open_.route:
            return open_, OPEN_NOW
        return open_, CLOSES if open_.closes else OPEN_NOW
    unknown = first(UNKNOWN)
    if unknown is not None:
        return unknown, ASK
    later = [ra for ra in routes if ra.state == OPENS]
    if later:
        return min(later, key=lambda ra: (ra.opens, reg.rank(ra.route))), OPENS_LATER
    closed = first(CLOSED)
    return closed, NOTHING


def _route(engine: Engine, planner: Planner, project: Project, ev: Evaluation, name: str) -> RouteAnswer:
    res = ev.hsp2 if name == "hsp2" else ev.routes[name]
    op = ev.hsp2_opening if name == "hsp2" else ev.openings.get(name)
    warnings = tuple(c for c in res.conditions if not c.blocking and c.met is False)
    missing = tuple(Fact(c.rule_id, item_of(c.rule_id, engine.registry), c, field_of(project, engine, c, ev.on))
                    for c in res.conditions if c.met is None)
    if name in NEEDS_CATEGORY and project.category is None:
        return RouteAnswer(name, UNKNOWN, missing=(Fact("category", "category", field="group"), *missing),
                           result=res)

    def check(d: date) -> RouteResult:  # blocking conditions only, as the planner scans
        return planner.check(name, d)

    if res.open:
        since = open_since(planner, check, name, ev.on)
        closes = op.closes if op is not None else None
        closing = op.closing[0] if op is not None and op.closing else None
        state = UNKNOWN if missing else OPEN
        return RouteAnswer(name, state, since=since, closes=closes, closing=closing, missing=missing,
                           warnings=warnings, result=res)
    if op is not None and op.opens is not None:
        why = _as_now(op.binding[0], res) if op.binding else (res.blockers[0] if res.blockers else None)
        return RouteAnswer(name, OPENS, opens=op.opens, waits_for=why, closes=op.closes,
                           closing=op.closing[0] if op.closing else None, missing=missing, warnings=warnings,
                           result=res)
    reason = _reason(res, op)
    if reason is not None and reason not in res.blockers and op is not None:
        reason = _first_said(planner, check, name, ev.on, reason)
    return RouteAnswer(name, CLOSED, waits_for=reason, result=res)


def _unanswered(project: Project, ev: Evaluation, name: str, never: Condition, reg) -> RouteAnswer:
    """A route no date can be judged for until a question is answered (the spouse route before the person says
    whether they are married to a Japanese national or a permanent resident): cannot tell yet, with the first
    fact it reads that is not answered, on its page."""
    spec = reg[name]
    fact = next((f for f in spec.facts if "." in f.field and _value(project, f.field) is None), spec.facts[0])
    missing = (Fact(fact.field, fact.page, never, UNANSWERED_FIELDS.get(fact.field)),)
    return RouteAnswer(name, UNKNOWN, missing=missing, result=ev.routes.get(name))


# The requirements page's question for each fact a route needs answered before it can be judged.
UNANSWERED_FIELDS = {"family.spouse_is": "spouse", "family.parent_is": "parent"}


def _value(project: Project, path: str):
    value = project
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def _as_now(waits_for: Condition, res: RouteResult) -> Condition:
    """What a route waits for, said as it stands on the evaluation date: the condition that bound the opening day
    was checked on the day before it, where a count reads "9 of 10 year(s)" whatever the count is today. The
    evaluation date's condition is said instead only when it is the same wait (the same rule and message, the
    same start and end; only the count so far, `have`, differs): a stay that a later trip restarts is said as
    the planner found it."""
    def wait(c: Condition) -> tuple:
        return c.rule_id, c.why.text, tuple((k, v) for k, v in c.why.params if k != "have")
    same = wait(waits_for)
    return next((c for c in res.blockers if wait(c) == same), waits_for)


def _reason(res: RouteResult, op) -> Condition | None:
    """The one reason that matters for a route that does not open within the horizon: a condition that still blocks
    it at the horizon's end, said as it stands on the evaluation date when it blocks then too."""
    late = op.binding if op is not None else ()
    now = res.blockers
    for c in now:
        if any(c.rule_id == x.rule_id for x in late):
            return c
    if late:
        return late[0]
    return now[0] if now else None


def _first_said(planner: Planner, check, name: str, on: date, reason: Condition) -> Condition:
    """A condition that blocks at the horizon's end but not on the evaluation date, said as on the first candidate
    day it blocks (not as on the horizon's last day)."""
    for d in planner.route_days(name, on, years_after(on, LOOK_BACK_YEARS)):
        found = next((c for c in check(d).blockers if c.rule_id == reason.rule_id), None)
        if found is not None:
            return found
    return reason


def open_since(planner: Planner, check, name: str, on: date) -> date:
    """The first day of the open spell that holds `on`: walk the candidate days (the only days a condition can
    change) back from `on` while the route stays open. Looks back at most LOOK_BACK_YEARS."""
    days = planner.route_days(name, years_before(on, LOOK_BACK_YEARS), on)
    since = on
    for d in reversed(days):
        if d >= on:
            continue
        if not check(d).open:
            break
        since = d
    return since


def stay_check(engine: Engine, applied: date) -> StayCheck | None:
    """When the period of stay held on `applied` ends before ISA's average processing time has passed, the facts
    to say so (a pending permanent-residence application does not extend the period of stay)."""
    st = engine.res.status_on(applied)
    if st is None or not st.period_of_stay_months:
        return None
    expires = st.end if st.end is not None else month_add(st.start, st.period_of_stay_months) - ONE_DAY
    if expires < applied:
        return None
    days = engine.num("pr.processing_days", applied)
    decision = applied + timedelta(days=days)
    if decision <= expires:
        return None
    months = engine.num("stay.pending_pr_not_extending", applied)
    extend_from = month_add(expires, -months) + ONE_DAY
    processing = engine.cond("pr.processing_days", True, Msg.of(N_("ISA's average processing time: {days} days"),
                                                               days=days), applied, blocking=False)
    extension = engine.cond("stay.pending_pr_not_extending", True,
                            Msg.of(N_("Apply to extend the period of stay from {date}"), date=extend_from), applied,
                            blocking=False)
    return StayCheck(applied, expires, decision, days, extend_from, st.status, processing, extension)
