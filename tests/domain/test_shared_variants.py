"""A scenario or a tried suggestion shares the project's work where it cannot differ (issue 21): its points before
its first change that points read, every route's days before its first change. Both views must say exactly what
they say when each side is worked out on its own."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.planner import TODAY, busy
from hsp_wizard.domain import scenarios, suggest
from hsp_wizard.domain.evaluate import first_openings
from hsp_wizard.domain.project import Scenario, ScenarioChange, Trip
from hsp_wizard.domain.scenarios import compare
from hsp_wizard.domain.suggest import suggestions
from hsp_wizard.storage import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.hspw"))


def _with_scenarios(p):
    """The example with scenarios of every kind of change, some before and some after its routes open."""
    q = p.model_copy(deep=True)
    q.trips = [*q.trips, Trip(left=TODAY + timedelta(days=40), returned=TODAY + timedelta(days=200))]
    kinds = [("jlpt_n1", {}), ("raise", {"amount_yen": 15_000_000}), ("employer_b1", {}), ("jlpt_n2", {})]
    q.scenarios = [Scenario(name=f"s{i}", changes=[
        ScenarioChange(kind=k, start=TODAY + timedelta(days=90 * i), **kw) for k, kw in kinds[: 1 + i % 4]] + (
        [ScenarioChange(kind="trip", start=TODAY + timedelta(days=30 + 200 * i),
                        end=TODAY + timedelta(days=30 + 200 * i + 120))] if i % 2 else []),
        planned_application_date=TODAY + timedelta(days=400 * i) if i % 3 else None) for i in range(6)]
    return q


def _alone(monkeypatch):
    """Nothing shared: every side and every tried change worked out on its own."""
    monkeypatch.setattr(scenarios, "points_same_until", lambda sc: date.min)
    monkeypatch.setattr(scenarios, "same_before", lambda sc: date.min)
    monkeypatch.setattr(suggest, "points_same_until", lambda sc: date.min)
    monkeypatch.setattr(suggest, "_same_before", lambda change, same: None)


def _long_trip():
    """planning-b with a planned trip past the special re-entry permit's year that starts shortly before its
    earliest route opens: cut short, the route opens a few months after the departure."""
    p = load_project(next(e for e in EXAMPLES if e.stem == "planning-b"))
    return p.model_copy(update={"trips": [*p.trips, Trip(left=date(2028, 12, 1), returned=date(2030, 1, 15))]})


PROJECTS = [busy(), _long_trip(), *(_with_scenarios(load_project(p)) for p in EXAMPLES)]


@pytest.mark.parametrize("i", range(len(PROJECTS)))
def test_shared_comparison_and_suggestions_are_those_worked_out_alone(i, monkeypatch):
    p = PROJECTS[i]
    shared = compare(p, TODAY).as_json(), [s.as_json() for s in suggestions(p, TODAY)]
    with monkeypatch.context() as m:
        _alone(m)
        alone = compare(p, TODAY).as_json(), [s.as_json() for s in suggestions(p, TODAY)]
    assert shared == alone


def test_a_side_opens_as_it_does_on_its_own():
    """Each column's first dates are those of the side evaluated with nothing shared (and the sides differ)."""
    differs = 0
    for p in PROJECTS:
        cmp = compare(p, TODAY)
        for (name, variant), col in zip(scenarios.sides(p), cmp.columns):
            assert col.opens == first_openings(variant, TODAY, today=TODAY), (p.name, name)
            differs += col.opens != cmp.columns[0].opens
    assert differs  # some scenario opens a route on another day than the project (else sharing could not err)
