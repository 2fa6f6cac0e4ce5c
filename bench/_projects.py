"""Busy and varied project files for the benchmarks, derived from the examples (no personal data)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from hsp_wizard.domain.project import Project, SalaryEntry, Trip
from hsp_wizard.storage import load_project, save_project

ROOT = Path(__file__).resolve().parents[1]


def examples() -> list[Project]:
    return [load_project(p) for p in sorted((ROOT / "examples").glob("*.hspw"))]


def variant(p: Project, rng: random.Random) -> Project:
    """The same person shifted by some days, with another salary history and a few trips."""
    shift = timedelta(days=rng.randint(-900, 900))
    q = p.model_copy(deep=True)
    if q.birth_date:
        q.birth_date = q.birth_date + shift
    base = rng.choice([3_500_000, 4_500_000, 6_000_000, 7_200_000, 8_800_000, 12_000_000, 21_000_000])
    q.salary = [SalaryEntry(start=date(2018 + i, 4, 1), amount_yen=base + i * rng.choice([0, 200_000, 500_000]))
                for i in range(rng.randint(1, 8))]
    q.trips = []
    d = date(2019, 1, 1)
    for _ in range(rng.randint(0, 6)):
        d = d + timedelta(days=rng.randint(30, 300))
        q.trips.append(Trip(left=d, returned=d + timedelta(days=rng.randint(3, 60))))
    return q


def write_folder(folder: Path, n: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    base = examples()
    out = []
    for i in range(n):
        path = folder / f"p{i:04d}.hspw"
        save_project(variant(base[i % len(base)], rng), path)
        out.append(path)
    return out


def largest() -> Project:
    """The largest project the schema allows that still fits a project file (1 MiB): every list at its maximum
    (200 rows), 20 scenarios of 200 changes each (issue 19's audit case), the name at 500 characters and each
    row's text at 100 (all texts at 500 would make a 1.5 MB file, which a save refuses with a clear message)."""
    from hsp_wizard.domain.project import (MAX_ITEMS, MAX_SCENARIOS, MAX_TEXT, CareerPeriod, Degree, EmployerFact,
                                           ForeignQualification, InsurancePeriod, Investment, JapaneseResult,
                                           JicaTraining, Licence, Obligations, Penalty, Position, ResearchAchievement,
                                           ResidencePeriod, Scenario, ScenarioChange)
    n, text = MAX_ITEMS, "x" * 100
    start = date(2010, 1, 1)

    def day(i: int, plus: int = 0) -> date:
        return start + timedelta(days=20 * i + plus)

    kinds = ["jlpt_n1", "raise", "employer_b1", "trip", "jlpt_n2"]
    return Project(
        name="x" * MAX_TEXT, birth_date=date(1985, 5, 5), category="b", planned_application_date=date(2027, 4, 1),
        degrees=[Degree(level="master", field=text, awarded=day(i)) for i in range(n)],
        career=[CareerPeriod(kind="specialised", start=day(i), end=day(i, 19), employer=text) for i in range(n)],
        salary=[SalaryEntry(start=day(i), amount_yen=5_000_000 + 10_000 * i) for i in range(n)],
        research=[ResearchAchievement(kind="papers", achieved=day(i), description=text) for i in range(n)],
        licences=[Licence(name=text, obtained=day(i)) for i in range(n)],
        foreign_qualifications=[ForeignQualification(name=text, obtained=day(i)) for i in range(n)],
        japanese=[JapaneseResult(test="jlpt", level="N3", passed=day(i)) for i in range(n)],
        employer_facts=[EmployerFact(kind="sme", start=day(i), end=day(i, 19), employer=text) for i in range(n)],
        positions=[Position(kind="director", start=day(i), end=day(i, 19)) for i in range(n)],
        investments=[Investment(amount_yen=1000, made=day(i)) for i in range(n)],
        jica_training=[JicaTraining(start=day(i), completed=day(i, 5)) for i in range(n)],
        residence=[ResidencePeriod(status="engineer_humanities_international", start=day(i), end=day(i, 19),
                                   period_of_stay_months=12) for i in range(n)],
        trips=[Trip(left=day(i, 2), returned=day(i, 6)) for i in range(n)],
        obligations=Obligations(penalties=[Penalty(kind="fine", ended=day(i)) for i in range(n)],
                                insurance=[InsurancePeriod(kind="employees_pension", start=day(i), end=day(i, 19))
                                           for i in range(n)]),
        scenarios=[Scenario(name=f"Scenario {j + 1}", changes=[ScenarioChange(
            kind=kinds[i % 5], start=date(2027, 1, 1) + timedelta(days=7 * i + j),
            amount_yen=9_000_000 if i % 5 == 1 else None,
            end=date(2027, 1, 1) + timedelta(days=7 * i + j + 3) if i % 5 == 3 else None) for i in range(n)])
            for j in range(MAX_SCENARIOS)])
