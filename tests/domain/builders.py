"""Small builders for hand-made profiles (readable tests, real models)."""

from __future__ import annotations

from datetime import date

from hsp_wizard.domain.project import (CareerPeriod, Degree, EmployerFact, Family, JapaneseResult, Obligations,
                                       Project, Relation, ResidencePeriod, SalaryEntry)

CLEAN = Obligations(taxes="on_time", pension="on_time", health_insurance="on_time", notifications="yes",
                    guarantor="yes")


def career_ending(kind: str, on: date, years: int, months: int = 0) -> CareerPeriod:
    """A period that has exactly `years` years and `months` months on `on` (start = on minus that)."""
    from hsp_wizard.domain.dates import month_add
    return CareerPeriod(kind=kind, start=month_add(on, -(years * 12 + months)))


def profile(category: str = "b", *, birth: date | None = None, on: date | None = None, age: int | None = None,
            degrees=(), career_years: int | None = None, career_months: int = 0, salary: int | None = None,
            **extra) -> Project:
    """A project whose facts are as stated on `on` (age and career counted back from it)."""
    if age is not None:
        assert on is not None
        birth = date(on.year - age, on.month, on.day) if not (on.month == 2 and on.day == 29) else \
            date(on.year - age, 2, 28)
    kind = {"a": "research_education", "b": "specialised", "c": "business_management"}[category]
    career = list(extra.pop("career", []))
    if career_years is not None:
        career.append(career_ending(kind, on, career_years, career_months))
    sal = list(extra.pop("salary_history", []))
    if salary is not None:
        sal.append(SalaryEntry(start=date(1990, 1, 1), amount_yen=salary))
    # a hand-worked profile is of a person who answered the family questions: a relation not given is "no"
    family = extra.pop("family", None) or Family()
    family = family.model_copy(update={k: Relation.NONE for k in ("spouse_is", "parent_is")
                                       if getattr(family, k) is None})
    return Project(category=category, birth_date=birth, degrees=list(degrees), career=career, salary=sal,
                   family=family, **extra)


def degree(level: str, awarded: date = date(2010, 3, 31), **kw) -> Degree:
    return Degree(level=level, awarded=awarded, **kw)


def jlpt(level: str, passed: date = date(2015, 12, 1)) -> JapaneseResult:
    return JapaneseResult(test="jlpt", level=level, passed=passed)


def employer(kind: str, start: date = date(2000, 1, 1), end: date | None = None) -> EmployerFact:
    return EmployerFact(kind=kind, start=start, end=end)


def status(code: str, start: date, end: date | None = None, months: int | None = 60, **kw) -> ResidencePeriod:
    return ResidencePeriod(status=code, start=start, end=end, period_of_stay_months=months, **kw)
