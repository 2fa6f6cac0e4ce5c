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
