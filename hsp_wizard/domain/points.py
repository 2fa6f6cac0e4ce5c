"""HSP(i) points on a date: every line with its rule and source, and every withheld line with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from hsp_wizard.domain import facts as F
from hsp_wizard.domain.dates import ONE_DAY, completed_months
from hsp_wizard.domain.explain import CategoryRef, Money, Msg, N_, RuleRef, Term
from hsp_wizard.domain.project import (CareerKind, Category, DegreeLevel, EmployerFactKind, PositionKind,
                                       Project)
from hsp_wizard.rules import RuleSet, load_rules
from hsp_wizard.rules.schema import RowValue

DEGREE_NAMES = {DegreeLevel.DOCTORATE: N_("doctorate"), DegreeLevel.MBA_MOT: N_("MBA/MOT"),
                DegreeLevel.MASTER: N_("master's"), DegreeLevel.PROFESSIONAL: N_("professional degree"),
                DegreeLevel.BACHELOR: N_("bachelor's")}
CAREER_NAMES = {CareerKind.RESEARCH_EDUCATION: N_("research or education"),
                CareerKind.SPECIALISED: N_("specialised/technical"),
                CareerKind.BUSINESS_MANAGEMENT: N_("business management")}
ITEM_ORDER = ("academic", "academic_bonus", "career", "salary", "age", "research", "licence", "position",
              "bonus")
_ORDER = {k: i for i, k in enumerate(ITEM_ORDER)}
# per category, the other kinds of experience (listed as not counting), in the order they are listed
_OTHER_KINDS = {cat: tuple(sorted(set(F.CAREER_KIND.values()) - {F.CAREER_KIND[cat]})) for cat in Category}


def _line(item: str, rule_id: str, points: int, why: Msg, sources: tuple[str, ...], confidence: str,
          withheld: bool = False) -> "Line":
    """The Line `Line(...)` makes, without the frozen dataclass's per-field setattr (points are scored for every
    interval a scan meets, issue 21)."""
    ln = object.__new__(Line)
    ln.__dict__.update(item=item, rule_id=rule_id, points=points, why=why, sources=sources, confidence=confidence,
                       withheld=withheld)
    return ln


@dataclass(frozen=True)
class Line:
    """A counted line, or (points == 0 and withheld) a line that could have counted and why it did not."""

    item: str
    rule_id: str
    points: int
    why: Msg
    sources: tuple[str, ...]
    confidence: str
    withheld: bool = False

    def as_json(self) -> dict:
        return {"item": self.item, "rule": self.rule_id, "points": self.points, "withheld": self.withheld,
                "why": self.why.as_json(), "sources": list(self.sources), "confidence": self.confidence}


@dataclass(frozen=True)
class Gate:
    """A condition of HSP(i) eligibility other than the total (pass mark, salary floor)."""

    rule_id: str
    met: bool
    why: Msg


@dataclass(frozen=True)
class PointsResult:
    """Points for one category on one date, scored with the table in force on `table_date`."""

    category: Category
    on: date
    table_date: date
    total: int
    lines: tuple[Line, ...]
    withheld: tuple[Line, ...]
    gates: tuple[Gate, ...]
    age: int | None
    career_months: int
    salary_yen: int | None

    @property
    def eligible(self) -> bool:
        """Meets the HSP(i) criteria: the pass mark and every gate."""
        return all(g.met for g in self.gates)

    def as_json(self) -> dict:
        return {
            "category": self.category.value, "on": self.on.isoformat(), "table_date": self.table_date.isoformat(),
            "total": self.total, "eligible": self.eligible,
            "lines": [ln.as_json() for ln in self.lines],
            "withheld": [ln.as_json() for ln in self.withheld],
            "gates": [{"rule": g.rule_id, "met": g.met, "why": g.why.as_json()} for g in self.gates],
            "age": self.age, "career_months": self.career_months, "salary_yen": self.salary_yen,
        }


@dataclass
class _Sheet:
    rules: RuleSet
    cat: Category
    table_date: date
    lines: list[Line] = field(default_factory=list)
    withheld: list[Line] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rows = self.rules.table(self.table_date)
        self.cv = self.cat.value
        self.kept = _derived(self.rules, self.table_date)

    def value(self, row_id: str) -> RowValue | None:
        return self.rows.get(row_id)

    def pts(self, row_id: str) -> int | None:
        """Points of a row for this category in the table used, or None if the row does not score here."""
        v = self.rows.get(row_id)
        return None if v is None else v.points.get(self.cv)

    def add(self, item: str, row_id: str, why: Msg) -> None:
        v = self.rows.get(row_id)
        if v is None:
            self.withhold(item, row_id, Msg.of(N_("Not in the point table in force on {date}"),
                                               date=self.table_date))
            return
        pts = v.points.get(self.cv)
        if pts is None:
            self.scope(item, row_id)
            return
        self.lines.append(_line(item, row_id, pts, why, tuple(v.sources), v.confidence.value))

    def withhold(self, item: str, rule_id: str, why: Msg) -> None:
        src, conf = _provenance(self.rules, rule_id, self.table_date)
        self.withheld.append(_line(item, rule_id, 0, why, src, conf, withheld=True))

    def sorted_rows(self, what: str, make):
        """`make(self)`: an order of the table's rows that depends only on the table (and the category), kept
        per table version (the same list every call made)."""
        key = (what, self.cv)
        found = self.kept.get(key)
        if found is None:
            found = self.kept[key] = make(self)
        return found

    def scope(self, item: str, row_id: str) -> None:
        self.withhold(item, row_id, Msg.of(N_("Not scored in category ({category})"),
                                           category=CategoryRef(self.cat)))


_DERIVED: dict[int, tuple[RuleSet, dict]] = {}


def _derived(rules: RuleSet, table_date: date) -> dict:
    """What `points` derives from one point table alone (row orders), kept per rule set and table version."""
    found = _DERIVED.get(id(rules))
    if found is None or found[0] is not rules:
        found = _DERIVED[id(rules)] = (rules, {})
    return found[1].setdefault(table_date, {})


def _provenance(rules: RuleSet, rule_id: str, on: date) -> tuple[tuple[str, ...], str]:
    v = rules.row_value(rule_id, on) if rule_id in rules.rows else (
        rules.rule_value(rule_id, on) if rule_id in rules.rules else None)
    if v is None:  # a rule not in force then: cite its first version
        src = rules.rows.get(rule_id) or rules.rules[rule_id]
        v = src.values[0]
    return tuple(v.sources), v.confidence.value


def points(category: Category | str, project: Project, on: date, *, table_date: date | None = None,
           rules: RuleSet | None = None) -> PointsResult:
    """Score `project` for `category` with the facts as they stood on `on`.

    `table_date` picks the point table (default: the table in force on `on`, falling back to the current
    table where none is recorded for that date: project decision "rule changes over time")."""
    rules = rules or load_rules()
    cat = category if category.__class__ is Category else Category(category)
    table_date = table_version(rules, on if table_date is None else table_date)
    sh = _Sheet(rules, cat, table_date)
    age = F.age_on(project, on)
    months = F.career_months(project, F.CAREER_KIND[cat], on)
    salary = F.salary_on(project, on)

    _academic(sh, project, on)
    _career(sh, project, on, months)
    _salary(sh, salary, age)
    _age(sh, age)
    _research(sh, project, on)
    _licences(sh, project, on)
    _position(sh, project, on)
    _bonuses(sh, project, on)

    total = sum(ln.points for ln in sh.lines)
    gates = _gates(rules, cat, table_date, on, total, salary)
    order = _ORDER
    lines = tuple(sorted(sh.lines, key=lambda ln: order[ln.item]))
    withheld = tuple(sorted(sh.withheld, key=lambda ln: order[ln.item]))
    return PointsResult(cat, on, table_date, total, lines, withheld, gates, age, months, salary)


# The project's fields `points` reads (through hsp_wizard.domain.facts): its dates are the only ones of the project
# a score can change on (residence, trips, family, obligations, scenarios... score nothing).
POINTS_FIELDS = ("birth_date", "degrees", "career", "salary", "research", "licences", "foreign_qualifications",
                 "japanese", "employer_facts", "positions", "investments", "jica_training")


# The rules `points` reads on the day scored rather than on the table's date (`_gates`): with the point table, the
# only rule dates a score can change on.
RULES_READ_ON_THE_DAY = ("gate.salary_floor",)


def fact_breaks(project: Project, rules: RuleSet, *, every_field: bool = False, scored_only: bool = False
                ) -> list[date]:
    """The days on which a score may change other than by age or months of experience: every date in the fields
    of the project `points` reads (`POINTS_FIELDS`; with `every_field`, in the whole project) and the day after it
    (facts compare `<=` and `<` with their dates, and only with them) and every date a rule or point row starts or
    stops. Between two of these, with the same age and months of experience, `points` gives the same result but
    for its `on` (issue 21: points cached per interval of unchanged facts). `scored_only`: of the rule dates, only
    those of `RULES_READ_ON_THE_DAY` (and the day after): enough between two days scored with the same table."""
    found: set[date] = set()

    def walk(x: object) -> None:
        if isinstance(x, date):
            found.add(x)
            if x != date.max:
                found.add(x + ONE_DAY)
        elif isinstance(x, _LEAVES):  # most values (text, numbers, kinds, None): nothing inside, no model check
            return
        elif isinstance(x, BaseModel):
            for v in x.__dict__.values():
                walk(v)
        elif isinstance(x, (list, tuple, set, frozenset)):
            for v in x:
                walk(v)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)

    walk(project if every_field else [getattr(project, name) for name in POINTS_FIELDS])
    key = (id(rules), scored_only)
    cached = _RULE_DATES.get(key)
    if cached is None or cached[0] is not rules:  # the rule dates, once per rule set
        days: set[date] = set()
        groups = ([rules.rules[r] for r in RULES_READ_ON_THE_DAY],) if scored_only else (rules.rows.values(),
                                                                                          rules.rules.values())
        for group in groups:
            for item in group:
                for v in item.values:
                    for d in (v.since, v.until):
                        if d is not None:
                            days.add(d)
                            if d != date.max:
                                days.add(d + ONE_DAY)
        cached = _RULE_DATES[key] = (rules, frozenset(days))
    return sorted(found | cached[1])


_RULE_DATES: dict[tuple[int, bool], tuple[RuleSet, frozenset[date]]] = {}
_LEAVES = (str, int, float, type(None))  # values `fact_breaks` finds no date in


def table_version(rules: RuleSet, on: date) -> date:
    """The version date of the table used for a date: the table in force then, else the current table
    (project decision: past checkpoints are scored with the current table where no older one is recorded)."""
    v = rules.table_version(on)
    return v if v is not None else rules.table_version(date.max)


# ------------------------------------------------------------------------------------------ items
_DEGREE_ROW = {
    DegreeLevel.DOCTORATE: "academic.doctorate",
    DegreeLevel.MBA_MOT: "academic.mba_mot",
    DegreeLevel.MASTER: "academic.master",
    DegreeLevel.PROFESSIONAL: "academic.master",
    DegreeLevel.BACHELOR: "academic.bachelor",
}


def _academic(sh: _Sheet, p: Project, on: date) -> None:
    degrees = F.degrees_on(p, on)
    scored = []
    for d in degrees:
        row = _DEGREE_ROW[d.level]
        if sh.pts(row) is None and d.level == DegreeLevel.MBA_MOT:
            row = "academic.master"  # (a): an MBA/MOT is a professional degree
        scored.append((sh.pts(row) or 0, row, d))
    if scored:
        scored.sort(key=lambda t: t[0], reverse=True)
        best_pts, best_row, best = scored[0]
        sh.add("academic", best_row, Msg.of(N_("Highest degree: {level} ({awarded})"), level=Term(DEGREE_NAMES[best.level]),
                                             awarded=best.awarded))
        for pts, row, d in scored[1:]:
            sh.withhold("academic", "academic.highest_only",
                        Msg.of(N_("Only the highest degree counts: {level} ({awarded}) not added"),
                               level=Term(DEGREE_NAMES[d.level]), awarded=d.awarded))
    grads = [d for d in degrees if d.level in F.GRADUATE_LEVELS]
    fields = {d.field.strip().casefold() for d in grads if d.field.strip()}
    if len(grads) >= 2:
        if len(fields) >= 2:
            sh.add("academic_bonus", "academic.multiple_fields",
                   Msg.of(N_("{count} graduate degrees in different fields"), count=len(grads)))
        else:
            sh.withhold("academic_bonus", "academic.multiple_fields",
                        Msg.of(N_("The graduate degrees must be in different fields (enter each degree's field)")))


def _career(sh: _Sheet, p: Project, on: date, months: int) -> None:
    for kind in _OTHER_KINDS[sh.cat]:
        other = F.career_months(p, kind, on)
        if other:
            sh.withhold("career", "exclusion.category_scope",
                        Msg.of(N_("{years} years {months} months of {kind} experience do not count in "
                                  "category ({category})"), years=other // 12, months=other % 12,
                               kind=Term(CAREER_NAMES[kind]), category=CategoryRef(sh.cat)))
    years = months // 12
    tiers = sh.sorted_rows("career", _career_tiers)
    for min_years, row_id in tiers:
        if years >= min_years:
            sh.add("career", row_id, Msg.of(N_("{years} years {months} months of relevant experience"),
                                            years=years, months=months % 12))
            return
    if months > 0 and tiers:
        needed, row_id = min(tiers)
        sh.withhold("career", row_id,
                    Msg.of(N_("{years} years {months} months of relevant experience; {needed} years needed"),
                           years=years, months=months % 12, needed=needed))


def _career_tiers(sh: _Sheet) -> list[tuple[int, str]]:
    """The career rows that score in the category: (years needed, row), most years first."""
    tiers = []
    for row in sh.rules.rows_in_group("career"):
        v = sh.value(row.id)
        if v is not None and v.points.get(sh.cat.value) is not None:
            tiers.append((v.min_years or 0, row.id))
    return sorted(tiers, reverse=True)


def _salary_rows(sh: _Sheet) -> tuple[list, list]:
    """The salary bands in the table: as listed, and highest first."""
    group = "salary_c" if sh.cat == Category.C else "salary_ab"
    rows = [r for r in sh.rules.rows_in_group(group) if sh.value(r.id) is not None]
    return rows, sorted(rows, key=lambda r: sh.value(r.id).min_yen, reverse=True)


def _salary(sh: _Sheet, salary: int | None, age: int | None) -> None:
    rows, highest_first = sh.sorted_rows("salary", _salary_rows)
    if salary is None:
        return
    band = None
    for r in highest_first:
        if salary >= sh.value(r.id).min_yen:
            band = r
            break
    if band is None:  # below the lowest band: the withheld line cites that band's own row
        low_row = min(rows, key=lambda r: sh.value(r.id).min_yen, default=None)
        lowest = sh.value(low_row.id).min_yen if low_row else 0
        sh.withhold("salary", low_row.id if low_row else "gate.salary_floor",
                    Msg.of(N_("Salary {salary} is below {lowest}, the lowest band"),
                           salary=Money(salary), lowest=Money(lowest)))
        return
    v = sh.value(band.id)
    if v.age_below is not None:
        if age is None:
            sh.withhold("salary", band.id, Msg.of(N_("Salary band {band} depends on age: enter the birth date"),
                                                  band=RuleRef(band.id)))
            return
        if age >= v.age_below:
            sh.withhold("salary", band.id,
                        Msg.of(N_("Salary {salary}: band {band} is closed from age {limit} (age {age})"),
                               salary=Money(salary), band=RuleRef(band.id), limit=v.age_below, age=age))
            return
    sh.add("salary", band.id, Msg.of(N_("Expected annual salary {salary}"), salary=Money(salary)))


def _age_rows(sh: _Sheet) -> tuple[list, list]:
    """The age rows in the table: as listed, and youngest edge first."""
    rows = [r for r in sh.rules.rows_in_group("age") if sh.value(r.id) is not None]
    return rows, sorted(rows, key=lambda r: sh.value(r.id).age_below)


def _age(sh: _Sheet, age: int | None) -> None:
    if sh.cat == Category.C or age is None:
        return
    rows, youngest_first = sh.sorted_rows("age", _age_rows)
    for r in youngest_first:
        if age < sh.value(r.id).age_below:
            sh.add("age", r.id, Msg.of(N_("Age {age}"), age=age))
            return
    oldest = max((sh.value(r.id).age_below for r in rows), default=40)
    sh.withhold("age", "age.35to39", Msg.of(N_("Age {age}: no age points from {limit}"), age=age, limit=oldest))


def _by_count(sh: _Sheet, item: str, group: str, count: int, why: Msg) -> None:
    if count <= 0:
        return
    rows = sh.sorted_rows(("count", group), lambda sh: sorted(
        sh.rules.rows_in_group(group), key=lambda r: sh.value(r.id).min_count if sh.value(r.id) else 0,
        reverse=True))
    applicable = [r for r in rows if sh.value(r.id) is not None and (sh.value(r.id).min_count or 0) <= count]
    for r in applicable:
        if sh.pts(r.id) is not None:
            sh.add(item, r.id, why)
            return
    if applicable:
        sh.scope(item, applicable[-1].id)


def _research(sh: _Sheet, p: Project, on: date) -> None:
    kinds = F.research_kinds_on(p, on)
    _by_count(sh, "research", "research", len(kinds),
              Msg.of(N_("{count} qualifying research achievement(s)"), count=len(kinds)))


def _licences(sh: _Sheet, p: Project, on: date) -> None:
    n = F.licences_on(p, on)
    _by_count(sh, "licence", "licence", n, Msg.of(N_("{count} related Japanese licence(s)"), count=n))


def _position(sh: _Sheet, p: Project, on: date) -> None:
    held = F.position_on(p, on)
    if not held:
        return
    if PositionKind.REPRESENTATIVE in held:
        sh.add("position", "position.representative", Msg.of(N_("Representative director or equivalent")))
        if PositionKind.DIRECTOR in held and sh.pts("position.representative") is not None:
            sh.withhold("position", "exclusion.position_single",
                        Msg.of(N_("Director is not added to representative director: one position item")))
    else:
        sh.add("position", "position.director", Msg.of(N_("Director or executive officer")))


def _bonuses(sh: _Sheet, p: Project, on: date) -> None:
    fact = {f.kind for f in p.employer_facts if f.covers(on)}.__contains__  # F.employer_fact of each kind
    b1 = fact(EmployerFactKind.INNOVATION_SUPPORT)
    sme = fact(EmployerFactKind.SME)
    if b1:
        sh.add("bonus", "bonus.b1_innovation", Msg.of(N_("Employer receives innovation-promotion support")))
    if sme and b1:
        sh.add("bonus", "bonus.b2_sme", Msg.of(N_("The supported employer is an SME")))
    elif sme:
        sh.withhold("bonus", "exclusion.b2_requires_b1",
                    Msg.of(N_("SME bonus needs the innovation-support bonus: the employer has no innovation "
                              "support")))
    if fact(EmployerFactKind.LOCAL_GOVERNMENT_SUPPORT):
        sh.add("bonus", "bonus.b3_local_government", Msg.of(N_("Employer receives local-government support")))
    if fact(EmployerFactKind.RND_OVER_3_PERCENT):
        if sme:
            sh.add("bonus", "bonus.b4_rnd_ratio", Msg.of(N_("SME with an R&D/sales ratio above 3%")))
        else:
            sh.withhold("bonus", "bonus.b4_rnd_ratio",
                        Msg.of(N_("The R&D-ratio bonus is for SMEs: mark the employer as an SME if it is one")))
    if any(q.obtained <= on for q in p.foreign_qualifications):
        sh.add("bonus", "bonus.b5_foreign_qualification", Msg.of(N_("Foreign qualification or award related to "
                                                                    "the work")))
    jp_degree = [d for d in F.degrees_on(p, on) if d.japanese_university]
    b6 = bool(jp_degree)
    if b6:
        sh.add("bonus", "bonus.b6_japanese_university",
               Msg.of(N_("Japanese university degree ({awarded})"), awarded=jp_degree[0].awarded))
    n1_cut = (sh.value("bonus.b7_n1").min_count if sh.value("bonus.b7_n1") else 480) or 480
    n2_cut = (sh.value("bonus.b8_n2").min_count if sh.value("bonus.b8_n2") else 400) or 400
    n1, n2 = F.japanese_levels_on(p, on, n1_cut, n2_cut)
    if n1:
        sh.add("bonus", "bonus.b7_n1", Msg.of(N_("Japanese at N1 level")))
    if n2:
        if n1 or b6:
            sh.withhold("bonus", "exclusion.b8_with_b6_b7",
                        Msg.of(N_("N2 not counted with N1 level or a Japanese degree")))
        else:
            sh.add("bonus", "bonus.b8_n2", Msg.of(N_("Japanese at N2 level")))
    if fact(EmployerFactKind.GROWTH_FIELD_PROJECT):
        sh.add("bonus", "bonus.b9_growth_field", Msg.of(N_("Working on a growth-field project")))
    if any(d.designated_university for d in F.degrees_on(p, on)):
        sh.add("bonus", "bonus.b10_designated_university", Msg.of(N_("Degree from a designated university")))
    for t in p.jica_training:
        if t.completed > on:
            continue
        min_years = (sh.value("bonus.b11_jica").min_count if sh.value("bonus.b11_jica") else 1) or 1
        if completed_months(t.start, t.completed + ONE_DAY) < 12 * min_years:
            sh.withhold("bonus", "bonus.b11_jica",
                        Msg.of(N_("JICA training must last {years} year(s) or more"), years=min_years))
        elif t.used_japanese_university_classes and b6:
            sh.withhold("bonus", "exclusion.b11_with_b6",
                        Msg.of(N_("JICA training taught in Japanese university classes is not added to a "
                                  "Japanese degree")))
        else:
            sh.add("bonus", "bonus.b11_jica", Msg.of(N_("Completed JICA Innovative Asia training")))
        break
    invested = F.investment_on(p, on)
    b12 = sh.value("bonus.b12_investment")
    if b12 is not None and invested >= (b12.min_yen or 0) and invested > 0:
        sh.add("bonus", "bonus.b12_investment", Msg.of(N_("Invested {amount} in the business"),
                                                       amount=Money(invested)))
    if fact(EmployerFactKind.INVESTMENT_MANAGEMENT):
        sh.add("bonus", "bonus.b13_investment_management", Msg.of(N_("Engaged in investment-management "
                                                                     "business")))


def _gates(rules: RuleSet, cat: Category, table_date: date, on: date, total: int, salary: int | None
           ) -> tuple[Gate, ...]:
    mark_v = rules.rule_value("gate.pass_mark", table_date) or rules.rules["gate.pass_mark"].values[0]
    mark = int(mark_v.value)
    gates = [Gate("gate.pass_mark", total >= mark,
                  Msg.of(N_("{total} points against the pass mark of {mark}"), total=total, mark=mark))]
    if cat in (Category.B, Category.C):
        floor_v = rules.rule_value("gate.salary_floor", on) or rules.rule_value("gate.salary_floor", table_date)
        if floor_v is not None:
            floor = int(floor_v.value)
            if salary is None:
                gates.append(Gate("gate.salary_floor", False,
                                  Msg.of(N_("Enter the expected annual salary: ({category}) needs {floor} or more"),
                                         category=CategoryRef(cat), floor=Money(floor))))
            else:
                gates.append(Gate("gate.salary_floor", salary >= floor,
                                  Msg.of(N_("Salary {salary} against the floor of {floor}"), salary=Money(salary),
                                         floor=Money(floor))))
    return tuple(gates)
