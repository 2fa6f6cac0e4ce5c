"""Engine.score (issue 21): the total, gates, salary and table of a day are taken from the first day scored in the
same interval of unchanged facts. Checked against a fresh `points` on many days, including each side of every
fact and rule date, so a dependency the interval key misses shows up here."""

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from hsp_wizard.domain.dates import ONE_DAY
from hsp_wizard.domain.points import fact_breaks, points
from hsp_wizard.domain.project import Category
from hsp_wizard.domain.routes import Engine
from hsp_wizard.rules import load_rules
from hsp_wizard.storage import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.hspw"))


def _days(p, rules, rng):
    lo, hi = date(2012, 1, 1), date(2038, 1, 1)
    days = {lo + timedelta(days=rng.randint(0, (hi - lo).days)) for _ in range(60)}
    for b in fact_breaks(p, rules, every_field=True):  # every date of the project, not only the points' ones
        if lo < b < hi:
            days |= {b - ONE_DAY, b}
    if p.birth_date:  # the birthdays around the age edges
        days |= {p.birth_date.replace(year=p.birth_date.year + n) - timedelta(days=k)
                 for n in range(25, 45) for k in (0, 1)}
    return sorted(days)


def _varied(i):
    from tests.domain.test_closing_scan import projects
    return projects(24, 7)[i]


@pytest.mark.parametrize("path", EXAMPLES + list(range(24)), ids=lambda p: getattr(p, "stem", f"varied-{p}"))
def test_score_equals_points_on_every_day(path):
    """On the examples, and on varied projects whose salaries, employer facts, trips and statuses change on days
    of their own."""
    rules = load_rules()
    p = load_project(path) if isinstance(path, Path) else _varied(path)
    rng = random.Random(getattr(path, "stem", str(path)))
    engine = Engine(p, rules, today=date(2026, 12, 1))
    days = _days(p, rules, rng)
    rng.shuffle(days)  # the interval's first day scored is any day of it
    for d in days:
        for cat in Category:
            got = engine.score(d, cat)
            want = points(cat, p, d, rules=rules)
            assert (got.on, got.total, got.table_date, got.gates, got.salary_yen) == \
                (d, want.total, want.table_date, want.gates, want.salary_yen), (d, cat)


def test_an_interval_is_shared_and_a_fact_date_splits_it():
    """The cache does share (fewer computations than days) and a degree's award day starts a new interval."""
    rules = load_rules()
    p = load_project(EXAMPLES[0])
    engine = Engine(p, rules, today=date(2026, 12, 1))
    calls = []
    real = engine.points
    engine.points = lambda *a, **k: calls.append(a[0]) or real(*a, **k)
    days = [date(2030, 6, 1) + timedelta(days=i) for i in range(60)]
    for d in days:
        engine.score(d, Category.B)
    assert 1 <= len(calls) < len(days)
    if p.degrees:
        award = p.degrees[0].awarded
        assert award in fact_breaks(p, rules) and award + ONE_DAY in fact_breaks(p, rules)


def _change_days(start, rng):
    lo, hi = date(2012, 1, 1), date(2038, 1, 1)
    days = {lo + timedelta(days=rng.randint(0, (hi - lo).days)) for _ in range(40)}
    return sorted(days | {start - timedelta(days=k) for k in (0, 1, 2, 31)} | {start + timedelta(days=k)
                                                                               for k in (1, 30, 400)})


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_scenario_shares_the_projects_points_only_before_its_change(path):
    """A scenario's engine takes the project's points for the days before its first change that points read
    (`points_same_until`); on every day, before and after, it gives what a fresh engine of the scenario gives.
    (It fails if the shared span ran past the change: tried.)"""
    from hsp_wizard.domain.project import Scenario, ScenarioChange
    from hsp_wizard.domain.scenarios import apply, points_same_until
    rules = load_rules()
    p = load_project(path).model_copy(update={"category": load_project(path).category or "b"})
    rng = random.Random(path.stem)
    own = Engine(p, rules, today=date(2026, 12, 1))
    start = date(2027, 3, 1)
    differs = 0
    for changes in ([ScenarioChange(kind="jlpt_n1", start=start)],
                    [ScenarioChange(kind="raise", start=start, amount_yen=30_000_000)],
                    [ScenarioChange(kind="employer_b1", start=start)],
                    [ScenarioChange(kind="trip", start=start, end=start + timedelta(days=200))],
                    [ScenarioChange(kind="trip", start=date(2025, 1, 1), end=date(2025, 2, 1)),
                     ScenarioChange(kind="raise", start=start, amount_yen=30_000_000)]):
        sc = Scenario(name="s", changes=changes)
        variant = apply(p, sc)
        shared = Engine(variant, rules, today=date(2026, 12, 1), shares=(own, points_same_until(sc)))
        fresh = Engine(variant, rules, today=date(2026, 12, 1))
        for d in _change_days(start, rng):
            want = fresh.points(d)
            assert shared.points(d).as_json() == want.as_json(), (changes, d)
            got = shared.score(d)
            assert (got.on, got.total, got.gates, got.salary_yen) == (d, want.total, want.gates, want.salary_yen)
            differs += own.points(d).total != want.total
    assert differs  # the changes do change the points after their day (else sharing could not be wrong)
