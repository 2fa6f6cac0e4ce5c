"""Permanent-residence routes, HSP(ii) and J-Skip on a date: every condition met or not, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from hsp_wizard.domain import facts as F
from hsp_wizard.domain.dates import ONE_DAY, anniversary, completed_years, years_after, years_before
from hsp_wizard.domain.explain import Money, Msg, N_, StatusRef, Term
from hsp_wizard.domain.points import PointsResult, points, table_version
from hsp_wizard.domain.project import (Answer, Category, DegreeLevel, Payment, Project, Relation,
                                       ResidencePeriod)
from hsp_wizard.domain.residence import Residence
from hsp_wizard.rules import RuleSet, load_rules

ROUTES = ("hsp80", "hsp70", "jskip", "general", "spouse", "child", "long_term_resident", "refugee",
          "contribution", "regional")
HSP_ROUTES = {"hsp80": ("pr.hsp80.points", "pr.hsp80.years"), "hsp70": ("pr.hsp70.points", "pr.hsp70.years")}
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
        return {"rule": self.rule_id, "met": self.met, "blocking": self.blocking, "why": self.why.as_json(),
                "sources": list(self.sources), "confidence": self.confidence}


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


class Engine:
    """Evaluates one project; memoises points by date so many dates cost little."""

    def __init__(self, project: Project, rules: RuleSet | None = None, today: date | None = None):
        self.p = project
        self.rules = rules or load_rules()
        self.today = today or date.today()
        self.res = Residence(project, self.rules, self.today)
        self._points: dict[tuple[str, date, date | None], PointsResult] = {}
        self.blocking_only = False  # the planner only needs blockers: skip warnings while it scans

    # ------------------------------------------------------------------ helpers
    def points(self, on: date, category: Category | None = None, table_date: date | None = None) -> PointsResult:
        cat = Category(category or self.p.category)
        table_date = table_version(self.rules, on if table_date is None else table_date)
        key = (cat.value, on, table_date)
        r = self._points.get(key)
        if r is None:
            r = points(cat, self.p, on, table_date=table_date, rules=self.rules)
            self._points[key] = r
        return r

    def cond(self, rule_id: str, met: bool | None, why: Msg, on: date, blocking: bool = True) -> Condition:
        values = self.rules.rules[rule_id].values
        v = values[0] if len(values) == 1 else (self.rules.rule_value(rule_id, on) or values[-1])
        return Condition(rule_id, met, why, tuple(v.sources), v.confidence.value, blocking)

    def num(self, rule_id: str, on: date) -> int:
        v = self.rules.rule_value(rule_id, on) or self.rules.rules[rule_id].values[-1]
        return int(v.value)

    def in_force(self, rule_id: str, on: date) -> Condition:
        first = min(v.since for v in self.rules.rules[rule_id].values)
        return self.cond(rule_id, on >= first,
                         Msg.of(N_("This route exists from {since}"), since=first), on)

    # ------------------------------------------------------------------ shared conditions
    def resident(self, on: date) -> Condition:
        st = self.res.status_on(on)
        if st is None:
            return self.cond("continuity.status_gap", False,
                             Msg.of(N_("No status of residence entered for {date}"), date=on), on)
        return self.cond("continuity.status_gap", not self.res.abroad_without_status(on),
                         Msg.of(N_("Holds {status} on {date}"), status=StatusRef(st.status), date=on), on)

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
        longest = status.longest_months if status else None
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

    def conduct(self, on: date) -> list[Condition]:
        out = []
        for pen in self.p.obligations.penalties:
            rule_id = "conduct.fine_years" if pen.kind == "fine" else "conduct.imprisonment_years"
            clear = anniversary(pen.ended, self.num(rule_id, on))
            out.append(self.cond(rule_id, on >= clear,
                                 Msg.of(N_("A {kind} ended {ended}: good conduct from {clear}"), kind=Term(PENALTY_NAMES[pen.kind]),
                                        ended=pen.ended, clear=clear), on))
        if self.p.obligations.repeated_traffic_violations:
            out.append(self.cond("conduct.fine_years", False,
                                 Msg.of(N_("Repeated traffic violations can count against good conduct")), on,
                                 blocking=False))
        return out

    def obligations(self, on: date) -> list[Condition]:
        o = self.p.obligations
        out = []
        late_rule = self.rules.rule_value("obligations.late_payment", on) is not None
        for what, ans in ((Term(N_("taxes")), o.taxes), (Term(N_("pension premiums")), o.pension),
                          (Term(N_("health-insurance premiums")), o.health_insurance)):
            if ans == Payment.UNPAID:
                out.append(self.cond("obligations.public_charges", False,
                                     Msg.of(N_("Unpaid {what}: pay them before applying"), what=what), on))
            elif ans == Payment.LATE:
                rid = "obligations.late_payment" if late_rule else "obligations.public_charges"
                out.append(self.cond(rid, False, Msg.of(N_("Late payment of {what} is negatively evaluated"),
                                                        what=what), on, blocking=False))
            elif ans == Payment.UNKNOWN:
                out.append(self.cond("obligations.public_charges", None,
                                     Msg.of(N_("Not answered: were {what} paid on time?"), what=what), on,
                                     blocking=False))
        if o.notifications == Answer.NO:
            out.append(self.cond("obligations.notifications", False,
                                 Msg.of(N_("Immigration notifications were not made")), on, blocking=False))
        if o.guarantor == Answer.NO:
            out.append(self.cond("guarantor.required", False,
                                 Msg.of(N_("No guarantor: a Japanese national or permanent resident must sign the "
                                           "letter of guarantee")), on))
        elif o.guarantor == Answer.UNKNOWN:
            out.append(self.cond("guarantor.required", None, Msg.of(N_("Not answered: do you have a guarantor?")),
                                 on, blocking=False))
        return out

    def livelihood(self, on: date) -> list[Condition]:
        if self.blocking_only:
            return []
        salary = F.salary_on(self.p, on)
        guide = self.num("livelihood.guide_yen", on)
        if salary is None or salary >= guide:
            return []
        return [self.cond("livelihood.guide_yen", False,
                          Msg.of(N_("Income {salary} is below the practice guide of {guide} a year"),
                                 salary=Money(salary), guide=Money(guide)), on, blocking=False)]

    def risks(self, on: date, years: int) -> list[Condition]:
        if self.blocking_only:
            return []
        s = self.p.settings
        start = years_before(on, years)
        return [self.cond(r.rule_id, False, r.why, on, blocking=False)
                for r in self.res.risks(start, on, s.single_trip_days, s.yearly_days)]

    def allowance_warning(self, on: date) -> list[Condition]:
        """A warning where the longest-period-of-stay condition passes only thanks to the dated 3-year
        allowance (so an application, or a late decision, after it ends would fail)."""
        if self.blocking_only:
            return []
        st = self.res.status_on(on)
        three = self.rules.rule_value("stay.three_years_count", on)
        status = self.rules.statuses.get(st.status) if st else None
        if (three is None or status is None or not status.longest_months or st.period_of_stay_months is None
                or st.period_of_stay_months >= status.longest_months
                or st.period_of_stay_months < int(three.value) * 12):
            return []
        return [self.cond("stay.three_years_count", False,
                          Msg.of(N_("Your {months}-month period of stay counts as the longest only until {end}; "
                                    "from then the full {longest} months are needed"),
                                 months=st.period_of_stay_months, end=three.until - ONE_DAY if three.until else on,
                                 longest=status.longest_months), on, blocking=False)]

    def other_requirements(self, on: date, *, conduct: bool = True, livelihood: bool = True) -> list[Condition]:
        out = [self.longest_stay(on), *self.allowance_warning(on)]
        if conduct:
            out += self.conduct(on)
        out += self.obligations(on)
        if livelihood:
            out += self.livelihood(on)
        return out

    # ------------------------------------------------------------------ J-Skip
    def jskip_criteria(self, on: date, rule_on: date | None = None) -> Condition:
        """Whether the special-HSP criteria are met with the facts of `on` (values in force on `rule_on`)."""
        rule_on = rule_on or on
        ref = max(rule_on, min(v.since for v in self.rules.rules["jskip.ab_salary"].values))
        if self.p.category is None:
            return self.cond("jskip.ab_salary", False, Msg.of(N_("Choose a category first")), ref)
        cat = Category(self.p.category)
        salary = F.salary_on(self.p, on) or 0
        if cat == Category.C:
            need, years = self.num("jskip.c_salary", ref), self.num("jskip.c_experience_years", ref)
            months = F.career_months(self.p, F.CAREER_KIND[cat], on)
            met = salary >= need and months >= years * 12
            return self.cond("jskip.c_salary", met,
                             Msg.of(N_("J-Skip (c) on {date}: salary {salary} (needs {need}) and {have} years of "
                                       "management (needs {years})"), date=on, salary=Money(salary),
                                    need=Money(need), have=months // 12, years=years), ref)
        need, years = self.num("jskip.ab_salary", ref), self.num("jskip.ab_experience_years", ref)
        grad = any(d.level != DegreeLevel.BACHELOR for d in F.degrees_on(self.p, on))
        months = F.career_months(self.p, F.CAREER_KIND[cat], on)
        met = salary >= need and (grad or months >= years * 12)
        return self.cond("jskip.ab_salary", met,
                         Msg.of(N_("J-Skip on {date}: salary {salary} (needs {need}) and a master's or higher "
                                   "degree or {years} years of experience ({have} years)"), date=on,
                                salary=Money(salary), need=Money(need), years=years, have=months // 12), ref)

    # ------------------------------------------------------------------ routes
    def never(self, name: str) -> Condition | None:
        """A blocker that no date can lift (a fact the route needs is absent), or None."""
        f, today = self.p.family, self.today
        if name in HSP_ROUTES and self.p.category is None:
            return self.cond(HSP_ROUTES[name][0], False, Msg.of(N_("Choose a category first")), today)
        if name == "spouse" and f.spouse_is == Relation.NONE:
            return self._family(today, name, "pr.spouse.marriage_years", f.spouse_is, N_("spouse"))[0]
        if name == "child" and f.parent_is == Relation.NONE:
            return self._family(today, name, "pr.child.years", f.parent_is, N_("child"))[0]
        if name == "refugee" and f.refugee_recognised is None:
            return self.cond("pr.refugee.years", False, Msg.of(N_("Applies only to a recognised refugee")), today)
        if name == "contribution" and not f.contribution_recognised:
            return self._route_contribution(today).conditions[0]
        if name == "regional" and not f.regional_revitalisation:
            return self._route_regional(today).conditions[0]
        if name == "long_term_resident" and not any(r.status == "long_term_resident" for r in self.p.residence):
            return self.cond("pr.long_term_resident.years", False,
                             Msg.of(N_("No period as a long-term resident (定住者) entered")), today)
        if not self.p.residence:
            return self.cond("continuity.status_gap", False, Msg.of(N_("No status of residence entered")), today)
        return None

    def route(self, name: str, on: date) -> RouteResult:
        return getattr(self, f"_route_{name}")(on)

    def _hsp(self, name: str, on: date) -> RouteResult:
        pts_rule, years_rule = HSP_ROUTES[name]
        conds = [self.in_force(pts_rule, on)]
        if self.p.category is None:
            conds.append(self.cond(pts_rule, False, Msg.of(N_("Choose a category first")), on))
            return RouteResult(name, on, tuple(conds))
        mark, years = self.num(pts_rule, on), self.num(years_rule, on)
        now = self.points(on)
        conds.append(self.cond(pts_rule, now.total >= mark,
                               Msg.of(N_("{total} points on {date} (needs {mark})"), total=now.total, date=on,
                                      mark=mark), on))
        conds.append(self.resident(on))
        # variant ア: as a 高度人材外国人 recognised with the mark
        def ok_a(r: ResidencePeriod) -> bool:
            return r.granted_as_hsp and (mark <= 70 or (r.hsp_points or 0) >= mark)

        a = self.chain(on, years, years_rule, ok_a, N_("a highly skilled professional"))
        # variant イ: continuous residence and the mark at the earlier checkpoint
        back = years_before(on, years)
        cont = self.continuous(on, years, years_rule)
        past_now_table = self.points(back, table_date=now.table_date)
        past = past_now_table
        if past.total < mark:
            own = self.points(back)
            if own.table_date != past.table_date and own.total >= mark:
                past = own
        i_met = cont.met is True and past.total >= mark
        if a.met:
            variant, years_cond = "a", a
        else:
            variant = "i" if i_met else None
            years_cond = cont
        conds.append(years_cond)
        if variant != "a":
            conds.append(self.cond("pr.checkpoints", past.total >= mark,
                                   Msg.of(N_("{total} points on {date}, {years} year(s) before (needs {mark}; "
                                             "table of {table})"), total=past.total, date=back, years=years,
                                          mark=mark, table=past.table_date), on))
        cat = Category(self.p.category)
        if cat in (Category.B, Category.C):
            for pr in (now, past):
                floor = next((g for g in pr.gates if g.rule_id == "gate.salary_floor"), None)
                if floor is not None and not floor.met:
                    conds.append(self.cond("gate.salary_floor", False, floor.why, on, blocking=False))
        conds += self.risks(on, years)
        conds += self.other_requirements(on)
        return RouteResult(name, on, tuple(conds), variant, back)

    def _route_hsp80(self, on: date) -> RouteResult:
        return self._hsp("hsp80", on)

    def _route_hsp70(self, on: date) -> RouteResult:
        return self._hsp("hsp70", on)

    def _route_jskip(self, on: date) -> RouteResult:
        years = self.num("pr.jskip.years", on)
        conds = [self.in_force("pr.jskip.years", on), self.jskip_criteria(on), self.resident(on)]
        a = self.chain(on, years, "pr.jskip.years", lambda r: r.special_hsp, N_("a special HSP (J-Skip)"))
        back = years_before(on, years)
        variant = None
        if a.met:
            variant = "a"
            conds.append(a)
        else:
            cont = self.continuous(on, years, "pr.jskip.years")
            past = self.jskip_criteria(back, rule_on=on)
            conds += [cont, past]
            if cont.met and past.met:
                variant = "i"
        conds += self.risks(on, years)
        conds += self.other_requirements(on)
        return RouteResult("jskip", on, tuple(conds), variant, back)

    def _route_general(self, on: date) -> RouteResult:
        years, work = self.num("pr.general.years", on), self.num("pr.general.work_years", on)
        conds = [self.resident(on), self.continuous(on, years, "pr.general.years")]
        best = 0
        cont = self.res.continuous_since(on)
        if cont is not None:
            best = self._longest_work_run(cont, on)
        conds.append(self.cond("pr.general.work_years", best >= work,
                               Msg.of(N_("Longest continuous run on a work or residence-based status: {have} of "
                                         "{years} year(s)"), have=best, years=work), on))
        conds += self.risks(on, years)
        conds += self.other_requirements(on)
        return RouteResult("general", on, tuple(conds))

    def _longest_work_run(self, cont: date, on: date) -> int:
        best, run_start, prev_end = 0, None, None
        for r in self.res.periods:
            st = self.rules.statuses.get(r.status)
            s, e = max(r.start, cont), min(r.end or on, on)
            if e < s:
                continue
            if st is None or st.kind not in WORK_KINDS:
                run_start = None
                continue
            if run_start is None or prev_end is None or (s - prev_end).days > 1:
                run_start = s
            prev_end = e
            best = max(best, completed_years(run_start, min(e, on) if r.end else on))
        return best

    def _family(self, on: date, name: str, rule_id: str, relation: Relation, what: str) -> list[Condition]:
        what = Term(what)
        if relation == Relation.NONE:
            return [self.cond(rule_id, False, Msg.of(N_("Applies only to the {what} of a Japanese national or "
                                                        "(special) permanent resident"), what=what), on)]
        return []

    def _route_spouse(self, on: date) -> RouteResult:
        f = self.p.family
        conds = self._family(on, "spouse", "pr.spouse.marriage_years", f.spouse_is, N_("spouse"))
        if not conds:
            if f.marriage_date is None:
                conds.append(self.cond("pr.spouse.marriage_years", False, Msg.of(N_("Enter the marriage date")),
                                       on))
            else:
                need = self.num("pr.spouse.marriage_years", on)
                ended = f.marriage_ended is not None and f.marriage_ended <= on
                conds.append(self.cond("pr.spouse.marriage_years",
                                       not ended and completed_years(f.marriage_date, on) >= need,
                                       Msg.of(N_("Married since {since}: {need} years complete on {complete}"),
                                              since=f.marriage_date, need=need,
                                              complete=anniversary(f.marriage_date, need)), on))
        years = self.num("pr.spouse.years", on)
        conds += [self.resident(on), self.continuous(on, years, "pr.spouse.years")]
        conds += self.risks(on, years)
        conds += self.other_requirements(on, conduct=False, livelihood=False)
        return RouteResult("spouse", on, tuple(conds))

    def _route_child(self, on: date) -> RouteResult:
        conds = self._family(on, "child", "pr.child.years", self.p.family.parent_is, N_("child"))
        years = self.num("pr.child.years", on)
        conds += [self.resident(on), self.continuous(on, years, "pr.child.years")]
        conds += self.risks(on, years)
        conds += self.other_requirements(on, conduct=False, livelihood=False)
        return RouteResult("child", on, tuple(conds))

    def _route_long_term_resident(self, on: date) -> RouteResult:
        years = self.num("pr.long_term_resident.years", on)
        conds = [self.resident(on),
                 self.chain(on, years, "pr.long_term_resident.years", lambda r: r.status == "long_term_resident",
                            N_("a long-term resident"))]
        conds += self.risks(on, years)
        conds += self.other_requirements(on)
        return RouteResult("long_term_resident", on, tuple(conds))

    def _route_refugee(self, on: date) -> RouteResult:
        years = self.num("pr.refugee.years", on)
        rec = self.p.family.refugee_recognised
        if rec is None or rec > on:
            conds = [self.cond("pr.refugee.years", False, Msg.of(N_("Applies only to a recognised refugee")), on)]
        else:
            conds = [self.continuous(on, years, "pr.refugee.years", since=rec)]
        conds += [self.resident(on)]
        conds += self.risks(on, years)
        conds += self.other_requirements(on, livelihood=False)
        return RouteResult("refugee", on, tuple(conds))

    def _route_contribution(self, on: date) -> RouteResult:
        years = self.num("pr.contribution.years", on)
        conds = [self.cond("pr.contribution.years", self.p.family.contribution_recognised,
                           Msg.of(N_("A contribution to Japan recognised under the guideline (your own "
                                     "assessment)")), on),
                 self.resident(on), self.continuous(on, years, "pr.contribution.years")]
        conds += self.risks(on, years)
        conds += self.other_requirements(on)
        return RouteResult("contribution", on, tuple(conds))

    def _route_regional(self, on: date) -> RouteResult:
        years = self.num("pr.regional.years", on)
        conds = [self.cond("pr.regional.years", self.p.family.regional_revitalisation,
                           Msg.of(N_("Activities under a regional revitalisation plan (特定活動告示 No. 36/37)")), on),
                 self.resident(on), self.continuous(on, years, "pr.regional.years")]
        conds += self.risks(on, years)
        conds += self.other_requirements(on)
        return RouteResult("regional", on, tuple(conds))

    # ------------------------------------------------------------------ HSP(ii)
    def hsp2(self, on: date) -> RouteResult:
        conds = []
        if self.p.category is None:
            conds.append(self.cond("hsp2.points", False, Msg.of(N_("Choose a category first")), on))
            return RouteResult("hsp2", on, tuple(conds))
        st = self.res.status_on(on)
        is_hsp1 = st is not None and st.status.startswith("hsp1")
        conds.append(self.cond("hsp2.years_in_hsp1", is_hsp1,
                               Msg.of(N_("HSP(ii) is a change of status from HSP(i) held on {date}"), date=on), on))
        jskip_now = self.jskip_criteria(on)
        years, jyears = self.num("hsp2.years_in_hsp1", on), self.num("hsp2.years_in_hsp1_jskip", on)
        hsp_chain = self.chain(on, years, "hsp2.years_in_hsp1",
                               lambda r: (self.rules.statuses.get(r.status) or _NoStatus).kind == "hsp",
                               N_("an HSP(i) holder"))
        j_chain = self.chain(on, jyears, "hsp2.years_in_hsp1_jskip", lambda r: r.special_hsp,
                             N_("a special HSP (J-Skip)"))
        conds.append(j_chain if j_chain.met else hsp_chain)
        now = self.points(on)
        mark = self.num("hsp2.points", on)
        pts_ok = now.total >= mark or bool(jskip_now.met)
        conds.append(self.cond("hsp2.points", pts_ok,
                               Msg.of(N_("{total} points on {date} (needs {mark}, or the J-Skip criteria)"),
                                      total=now.total, date=on, mark=mark), on))
        floor = next((g for g in now.gates if g.rule_id == "gate.salary_floor"), None)
        if floor is not None:
            conds.append(self.cond("gate.salary_floor", floor.met, floor.why, on))
        conds += self.conduct(on)
        return RouteResult("hsp2", on, tuple(conds))


class _NoStatus:
    kind = "unknown"


def checklist_route(route: str) -> str:
    """The document list a route files with (reference 5.2: the work-status list serves the others)."""
    return route if route in {"hsp80", "hsp70", "jskip", "spouse", "child"} else "general"


__all__ = ["Condition", "Engine", "HSP_ROUTES", "ROUTES", "RouteResult", "checklist_route", "years_after"]
