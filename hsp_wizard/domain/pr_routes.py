"""The routes to permanent residence (and HSP(ii), shown beside them), each declared once: its conditions on a
date, the rules and facts it reads with the page where each is entered, its year offsets, document list,
checkpoint, name and place in the preference order. See hsp_wizard.domain.registry and docs/adding-a-route.md.

The conditions shared by most routes (residing on a status, continuity risks, the longest period of stay,
conduct, public obligations, the guarantor, livelihood) are the engine's (hsp_wizard.domain.routes.Engine)."""

from __future__ import annotations

from datetime import date

from hsp_wizard.domain.amendments import (business_manager, child_exception, designated_activities_warning,
                                          refugee_protection)
from hsp_wizard.domain.dates import anniversary, completed_years, years_before
from hsp_wizard.domain.explain import Msg, N_, Term
from hsp_wizard.domain.project import Category, Relation, ResidencePeriod
from hsp_wizard.domain.registry import STUCK, Fact, Registry, RouteSpec
from hsp_wizard.domain.routes import WORK_KINDS, Condition, Engine, RouteResult

# ---------------------------------------------------------------- conditions shared by the routes, with their pages
RESIDENT = (("continuity.status_gap", "residence"), ("continuity.no_reentry_permit", "residence"),
            ("continuity.special_reentry_days", "residence"))
RISKS = (("continuity.single_trip_days", "residence"), ("continuity.yearly_days", "residence"),
         ("continuity.reentry_permit_expiry", "residence"), ("continuity.long_absence", "residence"))
STAY = (("stay.longest_period", "residence"), ("stay.three_years_count", "residence"))
CONDUCT = (("conduct.fine_years", "requirements"), ("conduct.imprisonment_years", "requirements"),
           ("conduct.suspended_sentence", "requirements"))
OBLIGATIONS = (("obligations.public_charges", "requirements"), ("obligations.late_payment", "requirements"),
               ("obligations.notifications", "requirements"), ("guarantor.required", "requirements"),
               ("stay.landing_criteria", "requirements"))
# the 2025-10-16 business-manager criteria (amendments.business_manager), for a business manager's routes
BUSINESS = (("bm.capital", "requirements"), ("bm.full_time_staff", "requirements"),
            ("bm.japanese_b2", "requirements"), ("bm.experience_or_degree", "requirements"))
LIVELIHOOD = (("livelihood.guide_yen", "salary"),
              ("livelihood.household_per_dependant_yen", "household"))  # with a household (domain/household.py)
# Engine.other_requirements: fines and prison sentences bind every route (spouses and children included)
OTHER = STAY + CONDUCT + OBLIGATIONS + BUSINESS + LIVELIHOOD

RESIDENCE_FACTS = (Fact("residence", "residence"), Fact("trips", "residence"))
OBLIGATION_FACTS = (Fact("obligations", "requirements"), Fact("business", "requirements"))
POINTS_FACTS = (Fact("category", "category"), Fact("birth_date", "age"), Fact("degrees", "academic"),
                Fact("career", "career"), Fact("salary", "salary"), Fact("research", "research"),
                Fact("licences", "licence"), Fact("positions", "position"), Fact("japanese", "bonus"),
                Fact("employer_facts", "bonus"))


def _residing(e: Engine, on: date, rule_id: str, **other: bool) -> list[Condition]:
    """Residing on a status on `on` with `rule_id`'s years of continuous residence, the continuity risks of those
    years and the other requirements (`other`: which of conduct and livelihood apply)."""
    years = e.num(rule_id, on)
    return [e.resident(on), e.continuous(on, years, rule_id), *e.risks(on, years), *e.other_requirements(on, **other)]


def _stay_closed(e: Engine, on: date) -> bool:
    """The first of `Engine.other_requirements`, the longest period of stay, unmet on `on` (every route that checks
    the other requirements; after the 3-year allowance ends it rules out most days of a 3-year holder). STUCK when
    unmet: it reads the status held, its period of stay, the status's longest and the 3-year rule's value, which
    change only on the planner's move days."""
    return STUCK if e.longest_stay(on).met is False else False


def _residing_closed(e: Engine, on: date, rule_id: str) -> bool:
    """A blocking condition of `_residing` unmet: not residing on a status, the longest period of stay not held
    (both STUCK: `_stay_closed`; residing reads the status held and the trips that ended it), or short of
    `rule_id`'s years (what a route's quick closed-day test reads; issue 21)."""
    if e.resident(on).met is False:
        return STUCK
    return _stay_closed(e, on) or e.continuous(on, e.num(rule_id, on), rule_id).met is False


# ---------------------------------------------------------------- HSP 80 and HSP 70
def _hsp(e: Engine, name: str, on: date) -> RouteResult:
    spec = e.registry[name]
    pts_rule, years_rule = spec.mark_rule, spec.checkpoint_rule
    conds = [e.in_force(pts_rule, on)]
    if e.p.category is None:
        conds.append(e.cond(pts_rule, False, Msg.of(N_("Choose a category first")), on))
        return RouteResult(name, on, tuple(conds))
    mark, years = e.num(pts_rule, on), e.num(years_rule, on)
    now = e.score(on)
    conds.append(e.cond(pts_rule, now.total >= mark,
                        lambda: Msg.of(N_("{total} points on {date} (needs {mark})"), total=now.total, date=on,
                                       mark=mark), on))
    conds.append(e.resident(on))
    a = _hsp_a(e, on, mark, years, years_rule)
    # variant イ: continuous residence and the mark at the earlier checkpoint
    back = years_before(on, years)
    cont = e.continuous(on, years, years_rule)
    past = _hsp_past(e, back, now.table_date, mark)
    i_met = cont.met is True and past.total >= mark
    if a.met:
        variant, years_cond = "a", a
    else:
        variant = "i" if i_met else None
        years_cond = cont
    conds.append(years_cond)
    if variant != "a":
        conds.append(e.cond("pr.checkpoints", past.total >= mark,
                            lambda: Msg.of(N_("{total} points on {date}, {years} year(s) before (needs {mark}; "
                                              "table of {table})"), total=past.total, date=back, years=years,
                                           mark=mark, table=past.table_date), on))
    if e.p.category in (Category.B, Category.C):
        for pr in (now, past):
            for floor in pr.gates:
                if floor.rule_id == "gate.salary_floor":
                    if not floor.met:  # not an HSP that day (no salary entered: unknown)
                        conds.append(e.cond("gate.salary_floor", None if pr.salary_yen is None else False,
                                            floor.why, on))
                    break
    conds += e.risks(on, years)
    conds += e.other_requirements(on)
    return RouteResult(name, on, tuple(conds), variant, back)


def _hsp_a(e: Engine, on: date, mark: int, years: int, years_rule: str) -> Condition:
    """Variant ア of `_hsp`: residing `years` years as a 高度人材外国人 recognised with the mark (once per day and
    arguments: a route's quick closed-day test and its check ask the same)."""
    key = ("hsp_a", on, mark, years, years_rule)
    found = e._day.get(key)
    if found is None:
        def ok_a(r: ResidencePeriod) -> bool:
            return r.granted_as_hsp and (mark <= 70 or (r.hsp_points or 0) >= mark)

        found = e._day[key] = e.chain(on, years, years_rule, ok_a, N_("a highly skilled professional"))
    return found


def _hsp_past(e: Engine, back: date, table: date, mark: int):
    """The score `_hsp` reads at its earlier checkpoint `back`: with the table of the application day (`table`),
    or with the checkpoint's own table where only that one reaches the mark."""
    past = e.score(back, table_date=table)
    if past.total < mark:
        own = e.score(back)
        if own.table_date != past.table_date and own.total >= mark:
            past = own
    return past


def _hsp_never(name: str):
    def never(e: Engine) -> Condition | None:
        if e.p.category is None:
            return e.cond(e.registry[name].mark_rule, False, Msg.of(N_("Choose a category first")), e.today)
        return None
    return never


def _hsp_closed(name: str):
    def closed(e: Engine, on: date) -> bool:
        """`_hsp`'s mark unmet on the day, or its other requirements' first; or the earlier checkpoint below the
        mark while variant ア (as a recognised HSP) is not met."""
        if e.p.category is None:
            return True
        spec = e.registry[name]
        mark, now = e.num(spec.mark_rule, on), e.score(on)
        if now.total < mark:
            return True
        if _stay_closed(e, on):
            return STUCK
        years = e.num(spec.checkpoint_rule, on)
        if _hsp_past(e, years_before(on, years), now.table_date, mark).total >= mark:
            return False
        return not _hsp_a(e, on, mark, years, spec.checkpoint_rule).met
    return closed


def _floor(s) -> tuple[bool, bool] | None:
    """What `_hsp` reads of a score's salary floor: met, and whether a salary is entered."""
    for g in s.gates:
        if g.rule_id == "gate.salary_floor":
            return g.met, s.salary_yen is None
    return None


def _hsp_looks_back(name: str):
    def looks_back(e: Engine, on: date) -> object:
        """What `_hsp` decides from its earlier checkpoint: the mark reached there with today's table, or with
        that day's own table, and the salary floor on both (the scores' totals themselves may move freely)."""
        if e.p.category is None:
            return None
        spec = e.registry[name]
        mark = e.num(spec.mark_rule, on)
        back = years_before(on, e.num(spec.checkpoint_rule, on))
        past = e.score(back, table_date=e.score(on).table_date)
        own = e.score(back)
        return (past.total >= mark, own.table_date != past.table_date and own.total >= mark, _floor(past),
                _floor(own))
    return looks_back


def _hsp_conditions(name: str) -> tuple[tuple[str, str], ...]:
    return ((f"pr.{name}.points", "residence"), (f"pr.{name}.years", "residence"), ("pr.checkpoints", "category"),
            ("gate.salary_floor", "salary")) + RESIDENT + RISKS + OTHER


HSP_FACTS = POINTS_FACTS + RESIDENCE_FACTS + OBLIGATION_FACTS

HSP80 = RouteSpec(
    "hsp80", N_("HSP 80 points, 1 year"), "高度人材（80点以上・1年）", lambda e, on: _hsp(e, "hsp80", on),
    conditions=_hsp_conditions("hsp80"), facts=HSP_FACTS, years_rules=("pr.hsp80.years",),
    length_rule="pr.hsp80.years", documents="hsp80", preference=0, never=_hsp_never("hsp80"),
    checkpoint_rule="pr.hsp80.years", mark_rule="pr.hsp80.points", closed=_hsp_closed("hsp80"),
    looks_back=_hsp_looks_back("hsp80"))

HSP70 = RouteSpec(
    "hsp70", N_("HSP 70 points, 3 years"), "高度人材（70点以上・3年）", lambda e, on: _hsp(e, "hsp70", on),
    conditions=_hsp_conditions("hsp70"), facts=HSP_FACTS, years_rules=("pr.hsp70.years",),
    length_rule="pr.hsp70.years", documents="hsp70", preference=1, never=_hsp_never("hsp70"),
    checkpoint_rule="pr.hsp70.years", mark_rule="pr.hsp70.points", closed=_hsp_closed("hsp70"),
    looks_back=_hsp_looks_back("hsp70"))


# ---------------------------------------------------------------- J-Skip
def _jskip(e: Engine, on: date) -> RouteResult:
    years = e.num("pr.jskip.years", on)
    conds = [e.in_force("pr.jskip.years", on), e.jskip_criteria(on), e.resident(on)]
    a = e.chain(on, years, "pr.jskip.years", lambda r: r.special_hsp, N_("a special HSP (J-Skip)"))
    back = years_before(on, years)
    variant = None
    if a.met:
        variant = "a"
        conds.append(a)
    else:
        cont = e.continuous(on, years, "pr.jskip.years")
        past = e.jskip_criteria(back, rule_on=on)
        conds += [cont, past]
        if cont.met and past.met:
            variant = "i"
    conds += e.risks(on, years)
    conds += e.other_requirements(on)
    return RouteResult("jskip", on, tuple(conds), variant, back)


JSKIP = RouteSpec(
    "jskip", N_("J-Skip, 1 year"), "特別高度人材（1年）", _jskip,
    conditions=(("pr.jskip.years", "residence"), ("jskip.ab_salary", "salary"), ("jskip.c_salary", "salary"),
                ("jskip.start", "salary")) + RESIDENT + RISKS + OTHER,
    facts=(Fact("category", "category"), Fact("salary", "salary"), Fact("degrees", "academic"),
           Fact("career", "career")) + RESIDENCE_FACTS + OBLIGATION_FACTS,
    years_rules=("pr.jskip.years",), length_rule="pr.jskip.years", documents="jskip", preference=2,
    closed=lambda e, on: (  # `_jskip`'s other requirements' first, or its criteria on the day, unmet
        _stay_closed(e, on) or e.jskip_criteria(on).met is False),
    looks_back=lambda e, on: e.jskip_criteria(years_before(on, e.num("pr.jskip.years", on)), rule_on=on).met,
    checkpoint_rule="pr.jskip.years")


# ---------------------------------------------------------------- the general rule
def _longest_work_run(e: Engine, cont: date, on: date) -> int:
    best, run_start, prev_end = 0, None, None
    for r in e.res.periods:
        st = e.rules.statuses.get(r.status)
        s, end = max(r.start, cont), min(r.end or on, on)
        if end < s:
            continue
        if st is None or st.kind not in WORK_KINDS:
            run_start = None
            continue
        if run_start is None or prev_end is None or (s - prev_end).days > 1:
            run_start = s
        prev_end = end
        best = max(best, completed_years(run_start, min(end, on) if r.end else on))
    return best


def _general(e: Engine, on: date) -> RouteResult:
    years, work = e.num("pr.general.years", on), e.num("pr.general.work_years", on)
    conds = [e.resident(on), e.continuous(on, years, "pr.general.years")]
    best = 0
    cont = e.res.continuous_since(on)
    if cont is not None:
        best = _longest_work_run(e, cont, on)
    conds.append(e.cond("pr.general.work_years", best >= work,
                        lambda: Msg.of(N_("Longest continuous run on a work or residence-based status: {have} of "
                                          "{years} year(s)"), have=best, years=work), on))
    conds += designated_activities_warning(e, cont or on, on)
    conds += e.risks(on, years)
    conds += e.other_requirements(on)
    return RouteResult("general", on, tuple(conds))


GENERAL = RouteSpec(
    "general", N_("General rule, 10 years"), "原則（引き続き10年）", _general,
    conditions=(("pr.general.years", "residence"), ("pr.general.work_years", "residence"),
                ("pr.general.designated_activities", "residence")) + RESIDENT + RISKS + OTHER,
    facts=RESIDENCE_FACTS + OBLIGATION_FACTS + (Fact("salary", "salary"),),
    years_rules=("pr.general.work_years", "pr.general.years"), length_rule="pr.general.years",
    documents="general", preference=9,
    closed=lambda e, on: _residing_closed(e, on, "pr.general.years"))  # as `_general` checks them


# ---------------------------------------------------------------- family routes
def _family(e: Engine, on: date, rule_id: str, relation: Relation | None, what: str) -> list[Condition]:
    """The relation the route needs: answered "no" rules it out; not answered (None) leaves it unknown."""
    if relation is None:
        return [e.cond(rule_id, None, Msg.of(N_("Not answered yet: whether you are the {what} of a Japanese "
                                                "national or (special) permanent resident"), what=Term(what)), on)]
    if relation == Relation.NONE:
        return [e.cond(rule_id, False, Msg.of(N_("Applies only to the {what} of a Japanese national or "
                                                 "(special) permanent resident"), what=Term(what)), on)]
    return []


def _spouse(e: Engine, on: date) -> RouteResult:
    f = e.p.family
    conds = _family(e, on, "pr.spouse.marriage_years", f.spouse_is, N_("spouse"))
    if not conds:
        if f.marriage_date is None:
            conds.append(e.cond("pr.spouse.marriage_years", False, Msg.of(N_("Enter the marriage date")), on))
        else:
            need = e.num("pr.spouse.marriage_years", on)
            ended = f.marriage_ended is not None and f.marriage_ended <= on
            conds.append(e.cond("pr.spouse.marriage_years",
                                not ended and completed_years(f.marriage_date, on) >= need,
                                Msg.of(N_("Married since {since}: {need} years complete on {complete}"),
                                       since=f.marriage_date, need=need,
                                       complete=anniversary(f.marriage_date, need)), on))
    conds += _residing(e, on, "pr.spouse.years", conduct=False, livelihood=False)
    return RouteResult("spouse", on, tuple(conds))


def _spouse_closed(e: Engine, on: date) -> bool:
    """`_spouse`'s marriage condition unmet (no spouse relation, no marriage date, the marriage ended or short of
    its years), or `_residing`'s first two."""
    f = e.p.family
    if f.spouse_is in (None, Relation.NONE) or f.marriage_date is None:
        return True
    if (f.marriage_ended is not None and f.marriage_ended <= on
            or completed_years(f.marriage_date, on) < e.num("pr.spouse.marriage_years", on)):
        return True
    return _residing_closed(e, on, "pr.spouse.years")


def _family_never(rule_id: str, relation: str, what: str):
    """No date can open a family route for a person who is not the spouse (child) of a Japanese national or a
    (special) permanent resident; nor can one be judged before the question is answered (the condition is then
    unknown: met None)."""
    def never(e: Engine) -> Condition | None:
        found = _family(e, e.today, rule_id, getattr(e.p.family, relation), what)
        return found[0] if found else None
    return never


SPOUSE = RouteSpec(
    "spouse", N_("Spouse of a Japanese or permanent resident"), "日本人・永住者・特別永住者の配偶者", _spouse,
    conditions=(("pr.spouse.marriage_years", "requirements"), ("pr.spouse.years", "residence")) + RESIDENT
    + RISKS + STAY + CONDUCT + OBLIGATIONS + BUSINESS,
    facts=(Fact("family.spouse_is", "requirements"), Fact("family.marriage_date", "requirements"),
           Fact("family.marriage_ended", "requirements")) + RESIDENCE_FACTS + OBLIGATION_FACTS,
    years_rules=("pr.spouse.years", "pr.spouse.marriage_years"), length_rule="pr.spouse.years",
    documents="spouse", preference=3, never=_family_never("pr.spouse.marriage_years", "spouse_is", N_("spouse")),
    closed=_spouse_closed)


def _child(e: Engine, on: date) -> RouteResult:
    conds = _family(e, on, "pr.child.years", e.p.family.parent_is, N_("child"))
    conds += [child_exception(e, on)] if not conds else []
    conds += _residing(e, on, "pr.child.years", conduct=False, livelihood=False)
    return RouteResult("child", on, tuple(conds))


CHILD = RouteSpec(
    "child", N_("Child of a Japanese or permanent resident"), "日本人・永住者・特別永住者の実子等", _child,
    conditions=(("pr.child.years", "residence"), ("pr.child.natural_or_special_adoption", "requirements"))
    + RESIDENT + RISKS + STAY + CONDUCT + OBLIGATIONS + BUSINESS,
    facts=(Fact("family.parent_is", "requirements"), Fact("family.child_kind", "requirements"))
    + RESIDENCE_FACTS + OBLIGATION_FACTS,
    years_rules=("pr.child.years",), length_rule="pr.child.years", documents="child", preference=4,
    never=_family_never("pr.child.years", "parent_is", N_("child")),
    closed=lambda e, on: (  # `_child`'s relation or exception unmet, or `_residing`'s first two conditions
        e.p.family.parent_is in (None, Relation.NONE) or child_exception(e, on).met is False
        or _residing_closed(e, on, "pr.child.years")))


# ---------------------------------------------------------------- the other routes of the guideline
def _long_term_resident(e: Engine, on: date) -> RouteResult:
    years = e.num("pr.long_term_resident.years", on)
    conds = [e.resident(on),
             e.chain(on, years, "pr.long_term_resident.years", lambda r: r.status == "long_term_resident",
                     N_("a long-term resident"))]
    conds += e.risks(on, years)
    conds += e.other_requirements(on)
    return RouteResult("long_term_resident", on, tuple(conds))


def _long_term_resident_never(e: Engine) -> Condition | None:
    if not any(r.status == "long_term_resident" for r in e.p.residence):
        return e.cond("pr.long_term_resident.years", False,
                      Msg.of(N_("No period as a long-term resident (定住者) entered")), e.today)
    return None


LONG_TERM_RESIDENT = RouteSpec(
    "long_term_resident", N_("Long-term resident"), "定住者", _long_term_resident,
    conditions=(("pr.long_term_resident.years", "residence"),) + RESIDENT + RISKS + OTHER,
    facts=RESIDENCE_FACTS + OBLIGATION_FACTS + (Fact("salary", "salary"),),
    years_rules=("pr.long_term_resident.years",), length_rule="pr.long_term_resident.years",
    documents="general", preference=5, never=_long_term_resident_never,
    closed=lambda e, on: (  # `_long_term_resident`'s two conditions, or its other requirements' first, unmet
        e.resident(on).met is False
        or e.chain(on, e.num("pr.long_term_resident.years", on), "pr.long_term_resident.years",
                   lambda r: r.status == "long_term_resident", N_("a long-term resident")).met is False
        or _stay_closed(e, on)))


def _refugee(e: Engine, on: date) -> RouteResult:
    years = e.num("pr.refugee.years", on)
    rec = e.p.family.refugee_recognised
    if rec is None or rec > on:
        conds = [e.cond("pr.refugee.years", False, Msg.of(N_("Applies only to a recognised refugee")), on)]
    else:
        conds = [e.continuous(on, years, "pr.refugee.years", since=rec)]
    conds += [c for c in (refugee_protection(e, on),) if c is not None]
    conds += [e.resident(on)]
    conds += e.risks(on, years)
    conds += e.other_requirements(on, livelihood=False)
    return RouteResult("refugee", on, tuple(conds))


def _refugee_closed(e: Engine, on: date) -> bool:
    """`_refugee`'s conditions before the continuity risks unmet: not recognised by `on`, short of the years since
    the recognition, outside the route's protection, or not residing on a status; or the longest stay not held."""
    rec = e.p.family.refugee_recognised
    if rec is None or rec > on:
        return True
    rule_id = "pr.refugee.years"
    if e.continuous(on, e.num(rule_id, on), rule_id, since=rec).met is False:
        return True
    protection = refugee_protection(e, on)
    return (protection is not None and protection.met is False) or e.resident(on).met is False or _stay_closed(e, on)


def _refugee_never(e: Engine) -> Condition | None:
    if e.p.family.refugee_recognised is None:
        return e.cond("pr.refugee.years", False, Msg.of(N_("Applies only to a recognised refugee")), e.today)
    return None


REFUGEE = RouteSpec(
    "refugee", N_("Recognised refugee"), "難民認定者", _refugee,
    conditions=(("pr.refugee.years", "requirements"), ("pr.refugee.complementary", "requirements"),
                ("pr.refugee.third_country_resettled", "requirements")) + RESIDENT + RISKS + STAY + CONDUCT
    + OBLIGATIONS + BUSINESS,
    facts=(Fact("family.refugee_recognised", "requirements"), Fact("family.protection", "requirements"))
    + RESIDENCE_FACTS + OBLIGATION_FACTS,
    years_rules=("pr.refugee.years",), length_rule="pr.refugee.years", documents="general", preference=6,
    never=_refugee_never, closed=_refugee_closed)


def _recognised(name: str, rule_id: str, flag: str, why: str, en: str, ja: str, preference: int) -> RouteSpec:
    """A route for a person whose situation is recognised (a yes/no fact of the family questions, `flag`), after
    `rule_id`'s years of continuous residence, with the usual other requirements."""

    def recognised(e: Engine, on: date) -> Condition:
        return e.cond(rule_id, getattr(e.p.family, flag), Msg.of(why), on)

    def check(e: Engine, on: date) -> RouteResult:
        return RouteResult(name, on, (recognised(e, on), *_residing(e, on, rule_id)))

    def never(e: Engine) -> Condition | None:  # `check`'s first condition on today, unmet
        return None if getattr(e.p.family, flag) else recognised(e, e.today)

    return RouteSpec(
        name, en, ja, check, conditions=((rule_id, "residence"),) + RESIDENT + RISKS + OTHER,
        facts=(Fact(f"family.{flag}", "requirements"),) + RESIDENCE_FACTS + OBLIGATION_FACTS
        + (Fact("salary", "salary"),),
        years_rules=(rule_id,), length_rule=rule_id, documents="general", preference=preference, never=never,
        closed=lambda e, on: not getattr(e.p.family, flag) or _residing_closed(e, on, rule_id))


CONTRIBUTION = _recognised(
    "contribution", "pr.contribution.years", "contribution_recognised",
    N_("A contribution to Japan recognised under the guideline (your own assessment)"),
    N_("Contribution to Japan"), "我が国への貢献", preference=8)

REGIONAL = _recognised(
    "regional", "pr.regional.years", "regional_revitalisation",
    N_("Activities under a regional revitalisation plan (特定活動告示 No. 36/37)"),
    N_("Regional revitalisation"), "地域再生", preference=7)


# ---------------------------------------------------------------- HSP(ii): a change of status, shown beside them
class _NoStatus:
    kind = "unknown"


def _hsp2_closed(e: Engine, on: date) -> bool:
    """`_hsp2`'s first condition unmet (no category, or not HSP(i) on the day: STUCK, the status held changes only
    on the planner's move days), or its points condition (below the mark without the J-Skip criteria)."""
    st = e.res.status_on(on)
    if e.p.category is None or st is None or not st.status.startswith("hsp1"):
        return STUCK
    return e.score(on).total < e.num("hsp2.points", on) and not e.jskip_criteria(on).met


def _hsp2(e: Engine, on: date) -> RouteResult:
    conds = []
    if e.p.category is None:
        conds.append(e.cond("hsp2.points", False, Msg.of(N_("Choose a category first")), on))
        return RouteResult("hsp2", on, tuple(conds))
    st = e.res.status_on(on)
    is_hsp1 = st is not None and st.status.startswith("hsp1")
    conds.append(e.cond("hsp2.years_in_hsp1", is_hsp1,
                        lambda: Msg.of(N_("HSP(ii) is a change of status from HSP(i) held on {date}"), date=on), on))
    jskip_now = e.jskip_criteria(on)
    years, jyears = e.num("hsp2.years_in_hsp1", on), e.num("hsp2.years_in_hsp1_jskip", on)
    hsp_chain = e.chain(on, years, "hsp2.years_in_hsp1",
                        lambda r: (e.rules.statuses.get(r.status) or _NoStatus).kind == "hsp",
                        N_("an HSP(i) holder"))
    j_chain = e.chain(on, jyears, "hsp2.years_in_hsp1_jskip", lambda r: r.special_hsp,
                      N_("a special HSP (J-Skip)"))
    conds.append(j_chain if j_chain.met else hsp_chain)
    now = e.score(on)
    mark = e.num("hsp2.points", on)
    pts_ok = now.total >= mark or bool(jskip_now.met)
    conds.append(e.cond("hsp2.points", pts_ok,
                        lambda: Msg.of(N_("{total} points on {date} (needs {mark}, or the J-Skip criteria)"),
                                       total=now.total, date=on, mark=mark), on))
    floor = next((g for g in now.gates if g.rule_id == "gate.salary_floor"), None)
    if floor is not None:
        conds.append(e.cond("gate.salary_floor", floor.met, floor.why, on))
    conds += business_manager(e, on, change=True)
    conds += e.conduct(on)
    return RouteResult("hsp2", on, tuple(conds))


HSP2 = RouteSpec(
    "hsp2", N_("HSP(ii)"), "高度専門職2号", _hsp2,
    conditions=(("hsp2.years_in_hsp1", "residence"), ("hsp2.years_in_hsp1_jskip", "residence"),
                ("hsp2.points", "category"), ("gate.salary_floor", "salary")) + CONDUCT + BUSINESS,
    facts=POINTS_FACTS + RESIDENCE_FACTS + (Fact("obligations.penalties", "requirements"),),
    years_rules=("hsp2.years_in_hsp1_jskip", "hsp2.years_in_hsp1"), length_rule="hsp2.years_in_hsp1",
    documents="general", preference=99, permanent=False, closed=_hsp2_closed)


REGISTRY = Registry([HSP80, HSP70, JSKIP, GENERAL, SPOUSE, CHILD, LONG_TERM_RESIDENT, REFUGEE, CONTRIBUTION,
                     REGIONAL, HSP2])
