"""A project's facts as they stood on a given day: age, career, salary, Japanese level, employer."""

from __future__ import annotations

from datetime import date

from hsp_wizard.domain.amendments import career_months_end_to_end
from hsp_wizard.domain.dates import ONE_DAY, completed_months, completed_years
from hsp_wizard.domain.project import (Category, CareerKind, DegreeLevel, EmployerFactKind, JapaneseTest,
                                       PositionKind, Project, SalaryEntry)

CAREER_KIND = {
    Category.A: CareerKind.RESEARCH_EDUCATION,
    Category.B: CareerKind.SPECIALISED,
    Category.C: CareerKind.BUSINESS_MANAGEMENT,
}
GRADUATE_LEVELS = {DegreeLevel.MASTER, DegreeLevel.PROFESSIONAL, DegreeLevel.MBA_MOT, DegreeLevel.DOCTORATE}


def age_on(p: Project, on: date) -> int | None:
    """Completed years on `on`, or None without a birth date."""
    return None if p.birth_date is None else completed_years(p.birth_date, on)


def career_months(p: Project, kind: CareerKind, on: date) -> int:
    """Whole months of `kind` experience before `on`: overlapping periods merged; one span counts by the
    anniversary rule, several are laid end to end (convention.career_months)."""
    first = spans = None  # [start, end_exclusive): the first span, then all of them once there are two
    for c in p.career:
        if c.kind != kind or c.start >= on:
            continue
        end = c.end
        end_excl = on if end is None or end >= on else end + ONE_DAY
        if end_excl <= c.start:
            continue
        if first is None:
            first = (c.start, end_excl)
        elif spans is None:
            spans = [first, (c.start, end_excl)]
        else:
            spans.append((c.start, end_excl))
    if spans is None:  # one span or none (most projects, most kinds): nothing to merge; asked about 90 times an
        return 0 if first is None else completed_months(*first)  # evaluation (issue 21)
    spans.sort()
    merged: list[list[date]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if len(merged) > 1:  # several periods: laid end to end, no partial month lost (project decision)
        return career_months_end_to_end(sum((e - s).days for s, e in merged), on)
    return sum(completed_months(s, e) for s, e in merged)


def salary_entry_on(p: Project, on: date) -> SalaryEntry | None:
    """The salary entry in effect on `on` (the latest that started on or before it)."""
    best = None
    for s in p.salary:
        if s.start <= on and (best is None or s.start >= best.start):
            best = s
    return best


def salary_on(p: Project, on: date) -> int | None:
    e = salary_entry_on(p, on)
    return None if e is None else e.total_yen


def degrees_on(p: Project, on: date):
    return [d for d in p.degrees if d.awarded <= on]


def research_kinds_on(p: Project, on: date) -> set[str]:
    return {r.kind.value for r in p.research if r.achieved <= on}


def licences_on(p: Project, on: date) -> int:
    return sum(1 for lic in p.licences if lic.obtained <= on)


def employer_fact(p: Project, kind: EmployerFactKind, on: date) -> bool:
    return any(f.kind == kind and f.covers(on) for f in p.employer_facts)


def position_on(p: Project, on: date) -> set[PositionKind]:
    return {pos.kind for pos in p.positions if pos.covers(on)}


def investment_on(p: Project, on: date) -> int:
    return sum(i.amount_yen for i in p.investments if i.made <= on)


def japanese_levels_on(p: Project, on: date, n1_bjt: int, n2_bjt: int) -> tuple[bool, bool]:
    """(N1 level, N2 level) on `on`: JLPT passes, BJT scores at the given cut-offs, or a foreign Japanese major
    (N1 level)."""
    n1 = n2 = False
    for r in p.japanese:
        if r.passed > on:
            continue
        if r.test == JapaneseTest.JLPT:
            n1 |= r.level == "N1"
            n2 |= r.level == "N2"
        elif r.score is not None:
            n1 |= r.score >= n1_bjt
            n2 |= n2_bjt <= r.score < n1_bjt
    n1 |= any(d.japanese_major and not d.japanese_university for d in degrees_on(p, on))
    return n1, n2


def event_dates(p: Project) -> set[date]:
    """Every date on which a fact starts or stops applying (the day after an inclusive end)."""
    out: set[date] = set()
    for d in p.degrees:
        out.add(d.awarded)
    for s in p.salary:
        out.add(s.start)
    for r in p.research:
        out.add(r.achieved)
    for lic in p.licences:
        out.add(lic.obtained)
    for q in p.foreign_qualifications:
        out.add(q.obtained)
    for j in p.japanese:
        out.add(j.passed)
    for i in p.investments:
        out.add(i.made)
    for t in p.jica_training:
        out.add(t.completed)
    for period in (*p.employer_facts, *p.positions):
        out.add(period.start)
        if period.end is not None:
            out.add(period.end + ONE_DAY)
    return out
