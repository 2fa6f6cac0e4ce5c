"""The household: each member's own permanent-residence route beside the principal's (with the principal on the
same day, and alone), household income, the documents the household adds to the principal's checklist, and the
three HSP family benefits (the spouse's work, a parent, a domestic worker) on a date. Rule values come from
rules/data/household.toml with their sources and confidence; nothing here imports Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hsp_wizard.domain import facts as F
from hsp_wizard.domain.dates import ONE_DAY, anniversary, completed_years, years_after
from hsp_wizard.domain.explain import Money, Msg, N_, RouteRef, Term
from hsp_wizard.domain.project import (Answer, ChildKind, ChildRelation, Family, HouseholdMember, MemberKind, Nationality,
                                       Obligations, Project, Relation, ResidencePeriod)
from hsp_wizard.domain.routes import Condition, Engine, RouteResult
from hsp_wizard.rules import RuleSet, load_rules
from hsp_wizard.rules.schema import Document

KIND_NAMES = {MemberKind.SPOUSE: N_("Spouse"), MemberKind.CHILD: N_("Child"), MemberKind.PARENT: N_("Parent")}
BENEFITS = ("spouse_work", "parent", "domestic_worker")
BENEFIT_NAMES = {"spouse_work": N_("The spouse's full-time work"), "parent": N_("Bringing a parent"),
                 "domestic_worker": N_("Bringing a domestic worker")}
HSP_KINDS = {"hsp", "hsp2"}
# A member's relation as the child route reads it (Family.child_kind); a stepchild is nobody's child there.
CHILD_KIND = {ChildRelation.NATURAL: ChildKind.NATURAL, ChildRelation.SPECIAL_ADOPTED: ChildKind.SPECIAL_ADOPTION,
              ChildRelation.ADOPTED: ChildKind.ORDINARY_ADOPTION}


# ---------------------------------------------------------------------------------------------- members
def member_label(p: Project, index: int) -> Msg:
    """How the views name a member: their name if entered, else the kind and its number ("Child 2")."""
    m = p.household.members[index]
    if m.name:
        return Msg.of(N_("{name}: {what}"), name=Term(KIND_NAMES[m.kind]), what=m.name)
    same = [i for i, o in enumerate(p.household.members) if o.kind == m.kind]
    if len(same) == 1:
        return Msg.of(KIND_NAMES[m.kind])
    return Msg.of(N_("{kind} {n}"), kind=Term(KIND_NAMES[m.kind]), n=same.index(index) + 1)


def spouse(p: Project) -> HouseholdMember | None:
    return next((m for m in p.household.members if m.kind == MemberKind.SPOUSE), None)


def income_on(m: HouseholdMember, on: date) -> int | None:
    """A member's annual remuneration on `on` (the latest entry started by then), None when none is entered."""
    best = None
    for s in m.income:
        if s.start <= on and (best is None or s.start >= best.start):
            best = s
    return None if best is None else best.total_yen


def household_income(p: Project, on: date) -> tuple[int | None, bool]:
    """The principal's and the spouse's remuneration on `on` (the definition the parent and domestic-worker
    benefits use, H1/H2) and whether it is complete: False when the spouse's income is not entered (then the
    sum is the principal's alone, a lower bound). None when the principal's salary is not entered."""
    own = F.salary_on(p, on)
    if own is None:
        return None, False
    sp = spouse(p)
    if sp is None:
        return own, True
    other = income_on(sp, on)
    return own + (other or 0), other is not None


def dependants(p: Project, on: date) -> int:
    """Members the principal supports for the livelihood guide: children, and a spouse with no income then."""
    n = 0
    for m in p.household.members:
        if m.kind == MemberKind.CHILD:
            n += 1
        elif m.kind == MemberKind.SPOUSE and not income_on(m, on):
            n += 1
    return n


def household_livelihood(engine: Engine, on: date) -> list[Condition]:
    """The livelihood practice guide on the household's income: ¥3M plus about ¥0.7M per dependant (both
    unverified practice, shown as a warning only)."""
    p = engine.p
    income, complete = household_income(p, on)
    if income is None:
        return []
    n = dependants(p, on)
    guide = engine.num("livelihood.guide_yen", on) + n * engine.num("livelihood.household_per_dependant_yen", on)
    if income >= guide:
        return []
    if not complete:
        return [engine.cond("livelihood.household_per_dependant_yen", None,
                            Msg.of(N_("Your income {income} is below the practice guide of {guide} for your "
                                      "household; enter your spouse's income"), income=Money(income),
                                   guide=Money(guide)), on, blocking=False)]
    return [engine.cond("livelihood.household_per_dependant_yen", False,
                        Msg.of(N_("Household income {income} is below the practice guide of {guide} for a "
                                  "household with {n} dependant(s)"), income=Money(income), guide=Money(guide),
                               n=n), on, blocking=False)]


def member_project(p: Project, m: HouseholdMember, relation: Relation) -> tuple[Project, list[Msg]]:
    """The member as a project of their own, so the same route code judges them: their birth date, statuses,
    trips, income, payments and penalties; the relation their route needs (the spouse or child of a permanent resident when
    they apply with the principal); the principal's guarantor, notification and landing-criteria answers (one
    guarantor usually signs for the family). A child born in Japan with no status entered is taken as resident since birth on a
    family status, and that is said."""
    notes: list[Msg] = []
    residence = list(m.residence)
    if not residence and m.kind == MemberKind.CHILD and m.born_in_japan and m.birth_date:
        residence = [ResidencePeriod(start=m.birth_date, status="dependent")]
        notes.append(Msg.of(N_("Taken as living in Japan since birth ({date}) on a family status; enter the "
                               "child's statuses to be precise"), date=m.birth_date))
    # the member's own family facts are those of their place in the household (no other relation: "no")
    fam = Family(spouse_is=Relation.NONE, parent_is=Relation.NONE)
    if m.kind == MemberKind.SPOUSE:
        fam = Family(spouse_is=relation, parent_is=Relation.NONE, marriage_date=m.marriage_date)
    elif m.kind == MemberKind.CHILD:
        fam = Family(spouse_is=Relation.NONE, parent_is=relation, child_kind=CHILD_KIND.get(m.child_relation))
    o = p.obligations
    # the landing criteria follow the principal's answer: the household page does not ask them per member, and a
    # family status's criteria rest on the principal's own status and support (our reading; not in the sources)
    obligations = Obligations(taxes=m.taxes, pension=m.pension, health_insurance=m.health_insurance,
                              notifications=o.notifications, guarantor=o.guarantor, penalties=list(m.penalties),
                              landing_criteria=o.landing_criteria)
    mp = Project(birth_date=m.birth_date, residence=residence, trips=list(m.trips), salary=list(m.income),
                 family=fam, obligations=obligations, settings=p.settings,
                 planned_application_date=p.planned_application_date)
    return mp, notes


@dataclass(frozen=True)
class Opens:
    """When a member's route opens, and what binds that date."""

    route: str | None
    opens: date | None
    binding: tuple[Condition, ...]
    bound_by_principal: bool = False

    def as_json(self) -> dict:
        return {"route": self.route, "opens": self.opens.isoformat() if self.opens else None,
                "bound_by_principal": self.bound_by_principal,
                "binding": [c.as_json() for c in self.binding]}


@dataclass
class MemberRoutes:
    """One spouse or child: the route they would use, its state on the application date and its earliest date
    when applying with the principal (conditional on the principal's grant) and alone."""

    index: int
    label: Msg
    route: str | None               # "spouse", "child", "general"; None: no route is needed or modelled
    status: Msg                     # one line: what applies to this member
    on_date: RouteResult | None     # with the principal, on the principal's application date
    together: Opens | None
    alone: Opens | None
    certainty: Condition | None     # how sure the joint treatment is (practice, conditional on the principal)
    warnings: list[Condition] = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)
    principal_open: bool = False    # the principal's own route is open on the date
    principal_sure: bool = True     # the principal's own first route needs no fact that is still unknown

    @property
    def unknowns(self) -> tuple[Condition, ...]:
        """The member's own blocking conditions that cannot be told on the date (a fact not entered)."""
        return () if self.on_date is None else tuple(c for c in self.on_date.conditions
                                                     if c.blocking and c.met is None)

    @property
    def open_together(self) -> bool | None:
        """Whether the member can apply with the principal on the date: both sides ready. None: cannot be told yet
        (a fact the member's or the principal's route needs is unknown), or no route (`on_date` is None)."""
        if self.on_date is None:
            return None
        if not (self.on_date.open and self.principal_open):
            return False
        return True if self.sure else None

    @property
    def sure(self) -> bool:
        """Nothing the member's route or the principal's first route needs is unknown on the date."""
        return self.principal_sure and not self.unknowns

    @property
    def together_state(self) -> str:
        """The member's state with the principal on the date, as a message id (every view says it the same)."""
        return {True: N_("can apply with you"), False: N_("cannot apply with you yet"),
                None: N_("cannot tell yet")}[self.open_together]

    def as_json(self) -> dict:
        return {"member": self.index, "label": self.label.as_json(), "route": self.route,
                "status": self.status.as_json(),
                "on_date": self.on_date.as_json() if self.on_date else None,
                "together": self.together.as_json() if self.together else None,
                "alone": self.alone.as_json() if self.alone else None,
                "certainty": self.certainty.as_json() if self.certainty else None,
                "open_together": self.open_together, "principal_open": self.principal_open,
                "principal_sure": self.principal_sure,
                "warnings": [c.as_json() for c in self.warnings],
                "notes": [n.as_json() for n in self.notes]}


def _opening(engine: Engine, name: str, start: date, end: date) -> tuple[date | None, tuple[Condition, ...]]:
    """The first day from `start` on which the member's route is open, and the blockers of the day before."""
    from hsp_wizard.domain.evaluate import Planner  # evaluate imports this module's callers, not this module
    engine.blocking_only = True
    try:
        o = Planner(engine).opening(name, start, end)  # (a route that can never open: its blocker)
        return o.opens, o.binding
    finally:
        engine.blocking_only = False


def _member_route(m: HouseholdMember) -> str:
    """The route a foreign spouse or child applying with the principal takes."""
    if m.kind == MemberKind.SPOUSE:
        return "spouse"
    if m.child_relation in (ChildRelation.ADOPTED, ChildRelation.STEPCHILD):
        return "general"  # the 1-year exception is for a natural or specially adopted child only
    return "child"


def _needs_pr(m: HouseholdMember) -> bool:
    return m.kind != MemberKind.PARENT and m.nationality not in (Nationality.JAPANESE, Nationality.PERMANENT_RESIDENT)


def _together(engine: Engine, route: str, on: date, principal_first: tuple[str, date] | None, end: date) -> Opens:
    """The first day on or after `on` a member (their own `engine`, as the spouse or child of a permanent
    resident) can apply with the principal, whose first route opens on `principal_first`'s date: the later of
    the two, and what binds it."""
    if principal_first is None:
        return Opens(route, None, (), bound_by_principal=True)
    principal_day = principal_first[1]
    own, own_binding = _opening(engine, route, on, end)
    if own is not None and own < principal_day:  # ready before the principal: the principal binds
        opens, _ = _opening(engine, route, principal_day, end)
        binding = (engine.cond("family.joint_application", False,
                               Msg.of(N_("Your own earliest route, {route}, opens on {date}"),
                                      route=RouteRef(principal_first[0]), date=principal_day),
                               principal_day - ONE_DAY),)
        return Opens(route, opens, binding, bound_by_principal=True)
    return Opens(route, own, own_binding)


def family_with(p: Project, on: date, principal_first: tuple[str, date] | None, *, rules: RuleSet | None = None,
                horizon_years: int = 10) -> tuple[tuple[int, date | None], ...]:
    """The family's date moving with the principal's (a scenario's application date, or its earliest route):
    for each spouse or child who needs permanent residence, by their index, the first day on or after `on` they
    can apply with the principal (None: not within the horizon). The same date as `member_routes`' "with you,
    earliest", without the rest (what a scenario's column shows)."""
    rules = rules or load_rules()
    end = years_after(on, horizon_years)
    out = []
    for i, m in enumerate(p.household.members):
        if not _needs_pr(m):
            continue
        mp, _notes = member_project(p, m, Relation.PERMANENT_RESIDENT)
        route = _member_route(m)
        out.append((i, _together(Engine(mp, rules, today=on), route, on, principal_first, end).opens))
    return tuple(out)


def member_routes(p: Project, on: date, principal_first: tuple[str, date] | None, *, rules: RuleSet | None = None,
                  horizon_years: int = 10, principal_sure: bool = True) -> list[MemberRoutes]:
    """Every spouse and child: their route with the principal on `on` (the family's application date moves with
    the principal's) and its earliest date, and alone. `principal_first` is the principal's first route and its
    date on or after `on` (evaluate.first_route of the openings), or None when none opens in the horizon."""
    rules = rules or load_rules()
    out: list[MemberRoutes] = []
    end = years_after(on, horizon_years)
    for i, m in enumerate(p.household.members):
        if m.kind == MemberKind.PARENT:
            continue
        label = member_label(p, i)
        if m.nationality in (Nationality.JAPANESE, Nationality.PERMANENT_RESIDENT):
            status = Msg.of(N_("A Japanese national: no permanent residence needed")
                            if m.nationality == Nationality.JAPANESE else N_("Already a permanent resident"))
            notes = []
            if m.kind == MemberKind.SPOUSE and p.family.spouse_is in (None, Relation.NONE):
                notes.append(Msg.of(N_("You may have your own route as the spouse of a Japanese national or "
                                       "permanent resident: answer it on the requirements page")))
            out.append(MemberRoutes(i, label, None, status, None, None, None, None, notes=notes))
            continue
        route = _member_route(m)
        mp, notes = member_project(p, m, Relation.PERMANENT_RESIDENT)
        engine = Engine(mp, rules, today=on)
        warnings: list[Condition] = []  # (an unanswered relation is the child route's own unknown condition)
        if not m.applies_with_principal:
            notes.append(Msg.of(N_("Marked as not applying with you: the application must explain why a member "
                                   "who could apply does not")))
        certainty = engine.cond("family.joint_application", None if principal_first else False,
                                Msg.of(N_("With you on the same day, as the {what} of a permanent resident: only "
                                          "if your own application is granted"),
                                       what=Term(N_("spouse") if m.kind == MemberKind.SPOUSE else N_("child"))),
                                on, blocking=False)
        on_date = engine.route(route, on)
        principal_day = principal_first[1] if principal_first else None
        together = _together(engine, route, on, principal_first, end)
        if principal_day is not None:
            opens = together.opens
            if principal_first[0] == "hsp80" and opens is not None:
                have = engine.res.continuous_since(opens)
                need = engine.num("family.hsp80_practice_years", opens)
                if have is not None and completed_years(have, opens) < need:
                    warnings.append(engine.cond(
                        "family.hsp80_practice_years", False,
                        Msg.of(N_("With the 80-point route, officers are said to expect about {years} years "
                                  "here from a family member: {date} is when this member has them"),
                               years=need, date=anniversary(have, need)), opens, blocking=False))
        alone_mp, _ = member_project(p, m, Relation.NONE)
        alone_engine = Engine(alone_mp, rules, today=on)
        a_open, a_bind = _opening(alone_engine, "general", on, end)
        alone = Opens("general", a_open, a_bind)
        if not principal_sure:
            notes.append(Msg.of(N_("Whether this member can apply with you cannot be told until your own routes "
                                   "can: enter the facts your routes ask for first")))
        status = Msg.of(N_("applies under “{route}”"), route=RouteRef(route))
        out.append(MemberRoutes(i, label, route, status, on_date, together, alone, certainty, warnings, notes,
                                principal_open=principal_day == on, principal_sure=principal_sure))
    return out


# ---------------------------------------------------------------------------------------------- documents
@dataclass(frozen=True)
class HouseholdDocument:
    """A document the household adds to the principal's checklist, numbered after the point evidence."""

    number: int
    doc: Document
    member: Msg
    years: int | None
    sources: tuple[str, ...]
    confidence: str
    note: str | None


def household_documents(p: Project, route: str, on: date, years: dict[str, int], first_number: int, *,
                        rules: RuleSet | None = None) -> list[HouseholdDocument]:
    """The household's documents for the principal's `route` on `on`, numbered from `first_number`: the spouse's
    pension and insurance records where the route's list asks for them, and each member's proof of relationship
    (a marriage certificate, a child's birth certificate, a family register where the member is Japanese).
    Empty for a household of one."""
    rules = rules or load_rules()
    out: list[HouseholdDocument] = []
    n = first_number
    for item in rules.household_items:
        if route not in item.routes or not item.applies_on(on):
            continue
        for i, m in enumerate(p.household.members):
            if m.kind.value != item.member:
                continue
            nat = (m.nationality or Nationality.FOREIGN).value  # unanswered: asked like a foreign national
            if nat not in item.nationality:
                continue
            out.append(HouseholdDocument(n, rules.documents[item.doc], member_label(p, i),
                                         years.get(item.years) if item.years else None, tuple(item.sources),
                                         item.confidence.value, item.note))
            n += 1
    return out


# ---------------------------------------------------------------------------------------------- benefits
@dataclass
class Benefit:
    """One HSP family benefit on a date: met (True), not met (False) or cannot tell (None), each condition with
    its source; when the reason for it ends; what changes at HSP(ii) and at permanent residence."""

    kind: str
    on: date
    conditions: list[Condition]
    ends: date | None
    at_hsp2: Condition
    at_pr: Condition

    @property
    def met(self) -> bool | None:
        if any(c.met is False for c in self.conditions):
            return False
        if any(c.met is None for c in self.conditions):
            return None
        return True

    def as_json(self) -> dict:
        return {"benefit": self.kind, "on": self.on.isoformat(), "met": self.met,
                "ends": self.ends.isoformat() if self.ends else None,
                "conditions": [c.as_json() for c in self.conditions],
                "at_hsp2": self.at_hsp2.as_json(), "at_pr": self.at_pr.as_json()}


def _yes(a: Answer) -> bool | None:
    return {Answer.YES: True, Answer.NO: False}.get(a)


class _Benefits:
    def __init__(self, p: Project, on: date, rules: RuleSet, pr_from: date | None = None,
                 hsp2_from: date | None = None):
        self.p, self.on, self.rules = p, on, rules
        self.pr_from, self.hsp2_from = pr_from, hsp2_from
        self.e = Engine(p, rules, today=on)

    def cond(self, rule_id: str, met: bool | None, why: Msg) -> Condition:
        return self.e.cond(rule_id, met, why, self.on)

    def principal_hsp(self, rule_id: str = "benefit.principal_hsp") -> Condition:
        st = self.e.res.status_on(self.on)
        if st is None:
            return self.cond(rule_id, None, Msg.of(N_("No status of residence entered for {date}"), date=self.on))
        status = self.rules.statuses.get(st.status)
        held = status is not None and status.kind in HSP_KINDS
        return self.cond(rule_id, held, Msg.of(N_("You hold Highly Skilled Professional status on {date}"),
                                               date=self.on) if held else
                         Msg.of(N_("On {date} you hold another status, not Highly Skilled Professional"),
                                date=self.on))

    def income(self, rule_id: str) -> Condition:
        need = self.e.num(rule_id, self.on)
        income, complete = household_income(self.p, self.on)
        if income is None:
            return self.cond(rule_id, None, Msg.of(N_("Enter your salary: household income needs {need}"),
                                                    need=Money(need)))
        if income >= need or complete:
            return self.cond(rule_id, income >= need,
                             Msg.of(N_("Household income {income} (you and your spouse); needs {need}"),
                                    income=Money(income), need=Money(need)))
        return self.cond(rule_id, None, Msg.of(N_("Your income {income} alone is below {need}; enter your "
                                                  "spouse's income"), income=Money(income), need=Money(need)))

    def children_under(self, age: int) -> tuple[bool | None, date | None]:
        """Whether a child of the household is under `age` on the date (None: a child's birth date is missing),
        and the last day that stays true."""
        under, unknown, last = False, False, None
        for m in self.p.household.members:
            if m.kind != MemberKind.CHILD:
                continue
            if m.birth_date is None:
                unknown = True
                continue
            limit = anniversary(m.birth_date, age)
            if m.birth_date <= self.on < limit:
                under = True
                last = max(last or limit, limit)
        return (True if under else (None if unknown else False)), (last - ONE_DAY if last else None)

    def changes(self, kind: str) -> tuple[Condition, Condition]:
        """What happens to the benefit at HSP(ii) and at PR, with the principal's earliest date for each when
        known (the stay of a parent or a domestic worker is tied to the HSP status)."""
        if self.hsp2_from is not None:
            hsp2 = self.cond("benefit.at_hsp2", True, Msg.of(N_("At HSP(ii) (your earliest change: {date}) it "
                                                                "continues"), date=self.hsp2_from))
        else:
            hsp2 = self.cond("benefit.at_hsp2", True, Msg.of(N_("At HSP(ii) it continues")))
        if kind == "spouse_work":
            pr = self.cond("benefit.at_pr", True,
                           Msg.of(N_("At permanent residence it is no longer needed: your spouse can work without "
                                     "limit as the spouse of a permanent resident (after a change of status)")))
        elif self.pr_from is not None:
            pr = self.cond("benefit.at_pr", False,
                           Msg.of(N_("At permanent residence (your earliest: {date}) it ends: the stay is tied to "
                                     "your HSP status and is not renewed"), date=self.pr_from))
        else:
            pr = self.cond("benefit.at_pr", False,
                           Msg.of(N_("At permanent residence it ends: the stay is tied to your HSP status and "
                                     "is not renewed")))
        return hsp2, pr

    def spouse_work(self) -> Benefit:
        sp = spouse(self.p)
        conds = [self.principal_hsp()]
        if sp is None:
            conds.append(self.cond("benefit.spouse_work", False, Msg.of(N_("No spouse in the household"))))
        else:
            conds.append(self.cond("benefit.spouse_work", _yes(sp.lives_together),
                                   Msg.of(N_("Your spouse lives with you: {answer}"),
                                          answer=Term(_answer_name(sp.lives_together)))))
            conds.append(self.cond("benefit.spouse_work", _yes(sp.work_qualifies),
                                   Msg.of(N_("The work is in a listed field (education, engineering, humanities, "
                                             "research and the like) and paid as a Japanese would be: {answer}"),
                                          answer=Term(_answer_name(sp.work_qualifies)))))
        return Benefit("spouse_work", self.on, conds, None, *self.changes("spouse_work"))

    def parent(self) -> Benefit:
        conds = [self.principal_hsp(),
                 self.income("benefit.parent.household_income_yen")]
        age = self.e.num("benefit.parent.child_age_below", self.on)
        under, last = self.children_under(age)
        due = self.p.household.expecting_until
        expecting = due is not None and self.on <= due
        ends = last
        if expecting:
            reason = True
            why = Msg.of(N_("A pregnancy in the household (birth expected {date})"), date=due)
            ends = None  # the baby will be under 7: the reason outlasts the pregnancy
        elif under:
            reason, why = True, Msg.of(N_("A child under {age} until {date}"), age=age, date=last)
        elif under is None:
            reason, why = None, Msg.of(N_("Enter each child's date of birth"))
        else:
            reason, why = False, Msg.of(N_("No child under {age} and no pregnancy in the household on {date}"),
                                        age=age, date=self.on)
        conds.append(self.cond("benefit.parent.child_age_below", reason, why))
        parents = [m for m in self.p.household.members if m.kind == MemberKind.PARENT]
        for i, m in enumerate(self.p.household.members):
            if m.kind == MemberKind.PARENT:
                conds.append(self.cond("benefit.parent.lives_together", _yes(m.lives_together),
                                       Msg.of(N_("{member} lives with you: {answer}"), member=member_label(self.p, i),
                                              answer=Term(_answer_name(m.lives_together)))))
        sides = {m.parent_of for m in parents}
        if len(sides - {None}) > 1:
            conds.append(self.cond("benefit.parent.one_side", False,
                                   Msg.of(N_("Parents of both you and your spouse: only one side's parents may "
                                             "come"))))
        elif parents and None in sides:
            conds.append(self.cond("benefit.parent.one_side", None,
                                   Msg.of(N_("Not answered: whose parent is each parent?"))))
        return Benefit("parent", self.on, conds, ends, *self.changes("parent"))

    def domestic_worker(self) -> Benefit:
        conds = [self.principal_hsp(),
                 self.income("benefit.domestic.household_income_yen")]
        dw = self.p.household.domestic_worker
        age = self.e.num("benefit.domestic.child_age_below", self.on)
        under, last = self.children_under(age)
        unable = _yes(self.p.household.spouse_unable_housework) if spouse(self.p) else False
        household_reason = True if (under or unable) else (None if None in (under, unable) else False)
        entry_reason: bool | None = None
        if dw is not None and dw.employed_abroad_since is not None:
            years = self.e.num("benefit.domestic.employed_abroad_years", self.on)
            came = _yes(dw.came_with_principal)
            long_enough = completed_years(dw.employed_abroad_since, self.on) >= years
            entry_reason = False if (came is False or not long_enough) else came
        elif dw is not None and dw.came_with_principal == Answer.NO:
            entry_reason = False
        reason = True if (household_reason or entry_reason) else (
            None if None in (household_reason, entry_reason) else False)
        conds.append(self.cond("benefit.domestic.child_age_below", reason,
                               Msg.of(N_("A reason: a child under {age}, a spouse unable to do housework, or a "
                                         "worker employed abroad for a year who comes with you"), age=age)))
        if dw is None:
            conds.append(self.cond("benefit.domestic.worker_min_age", None,
                                   Msg.of(N_("Enter the domestic worker's age, pay and employment"))))
        else:
            min_age = self.e.num("benefit.domestic.worker_min_age", self.on)
            conds.append(self.cond("benefit.domestic.worker_min_age",
                                   None if dw.birth_date is None else completed_years(dw.birth_date, self.on)
                                   >= min_age, Msg.of(N_("The worker is {age} or older"), age=min_age)))
            pay = self.e.num("benefit.domestic.monthly_pay_yen", self.on)
            conds.append(self.cond("benefit.domestic.monthly_pay_yen",
                                   None if dw.monthly_pay_yen is None else dw.monthly_pay_yen >= pay,
                                   Msg.of(N_("Paid {pay} a month or more"), pay=Money(pay))))
            conds.append(self.cond("benefit.domestic.no_other",
                                   {Answer.NO: True, Answer.YES: False}.get(dw.other_domestic_worker),
                                   Msg.of(N_("No other domestic worker employed"))))
        ends = last if (household_reason and not unable and not entry_reason) else None
        return Benefit("domestic_worker", self.on, conds, ends, *self.changes("domestic_worker"))


def _answer_name(a: Answer) -> str:
    return {Answer.YES: N_("yes"), Answer.NO: N_("no"), Answer.UNKNOWN: N_("not answered")}[a]


def benefits(p: Project, on: date, *, rules: RuleSet | None = None, pr_from: date | None = None,
             hsp2_from: date | None = None) -> list[Benefit]:
    """The three HSP family benefits on `on`, each met, not met or unknown; `pr_from` and `hsp2_from` (the
    principal's earliest PR and HSP(ii) dates, when known) date what changes for each."""
    b = _Benefits(p, on, rules or load_rules(), pr_from, hsp2_from)
    return [b.spouse_work(), b.parent(), b.domestic_worker()]


# ---------------------------------------------------------------------------------------------- the whole
@dataclass
class HouseholdResult:
    """What the results page, the CLI and the PDF show about the household on the application date."""

    on: date
    members: list[MemberRoutes]
    benefits: list[Benefit]
    income: int | None
    income_complete: bool

    def as_json(self) -> dict:
        return {"on": self.on.isoformat(), "household_income": self.income,
                "household_income_complete": self.income_complete,
                "members": [m.as_json() for m in self.members],
                "benefits": [b.as_json() for b in self.benefits]}


def evaluate_household(p: Project, on: date, principal_first: tuple[str, date] | None, *,
                       rules: RuleSet | None = None, hsp2_from: date | None = None,
                       principal_sure: bool = True) -> HouseholdResult | None:
    """The household on `on` (None for a household of one). `principal_sure`: the principal's first route needs
    no unknown fact (else no member is told they can apply with the principal: it cannot be told yet)."""
    if not p.household.members and p.household.domestic_worker is None:
        return None
    rules = rules or load_rules()
    income, complete = household_income(p, on)
    pr_from = principal_first[1] if principal_first else None
    return HouseholdResult(on, member_routes(p, on, principal_first, rules=rules, principal_sure=principal_sure),
                           benefits(p, on, rules=rules, pr_from=pr_from, hsp2_from=hsp2_from), income, complete)


def household_conditions(hh: HouseholdResult | None) -> list[Condition]:
    """Every reading behind the household's answer, for a "Why?" (rule, sources, how sure): each member's
    blockers, what binds their date with you, how sure the joint treatment is and the warnings; each benefit's
    conditions and what changes at HSP(ii) and at permanent residence."""
    if hh is None:
        return []
    out: list[Condition] = []
    for m in hh.members:
        if m.on_date is not None:
            out += [*m.on_date.blockers, *m.together.binding, *([m.certainty] if m.certainty else []), *m.warnings]
    for b in hh.benefits:
        out += [*b.conditions, b.at_hsp2, b.at_pr]
    return out


def household_of(p: Project, ev, *, rules: RuleSet | None = None) -> HouseholdResult | None:
    """The household beside a principal's evaluation (its date and its routes' first openings)."""
    from hsp_wizard.domain.evaluate import first_route
    first = first_route({name: o.opens for name, o in ev.openings.items()}) if ev.openings else None
    hsp2_from = ev.hsp2_opening.opens if ev.hsp2_opening else None
    # the principal's first route as it stands on the date: a fact it needs that is unknown (the same test as the
    # principal's own "cannot tell yet") leaves the family's "with you" untold too
    first_result = ev.routes.get(first[0]) if first else None
    sure = first_result is None or all(c.met is not None for c in first_result.conditions)
    return evaluate_household(p, ev.on, first, rules=rules, hsp2_from=hsp2_from, principal_sure=sure)
