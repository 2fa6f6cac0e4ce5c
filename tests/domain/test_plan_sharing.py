"""Successive edits' plans share their points when the edit changed nothing points read (issue 21): the window
makes a plan per edit on a shallow copy of the project (ui/document.py) and passes it the plan before. Sharing
rests on `POINTS_FIELDS` naming every field `points` reads; both are checked here, and a plan that shares must
say exactly what a plan worked out alone says."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.planner import TODAY, busy
from hsp_wizard.domain import points as points_module
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.domain.points import POINTS_FIELDS, points
from hsp_wizard.domain.project import Project, SalaryEntry, Trip
from hsp_wizard.storage import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.hspw"))
PROJECTS = [busy(), *(load_project(p) for p in EXAMPLES)]


class _Reading:
    """A project that records the name of every field read from it."""

    def __init__(self, project: Project):
        object.__setattr__(self, "_p", project)
        object.__setattr__(self, "read", set())

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._p, name)


@pytest.mark.parametrize("i", range(len(PROJECTS)))
def test_points_reads_only_the_points_fields_and_the_category(i):
    p = PROJECTS[i]
    seen = _Reading(p)
    for cat in ("a", "b", "c"):
        for on in (TODAY, date(2020, 3, 1), TODAY + timedelta(days=900), date(2032, 2, 29)):
            assert points(cat, seen, on) == points(cat, p, on)  # the recording changes nothing read
    fields = {n for n in seen.read if n in Project.model_fields}
    assert fields, "the recording saw no field: the check would pass whatever points read"
    assert fields <= set(POINTS_FIELDS) | {"category"}, fields - set(POINTS_FIELDS)


def _edits(p: Project):
    """(what, edited project, whether points may differ): edits of the kinds a user makes, each a new project
    whose unchanged fields are the same objects (as the window's edits leave them)."""
    trip = Trip(left=TODAY + timedelta(days=30), returned=TODAY + timedelta(days=45))
    raise_ = SalaryEntry(start=TODAY - timedelta(days=10), amount_yen=(p.salary[-1].amount_yen if p.salary else 0)
                         + 2_500_000)
    other = {"a": "b", "b": "c", "c": "a", None: "b"}[p.category]
    return [("name", p.model_copy(update={"name": (p.name or "") + "x"}), False),
            ("trip", p.model_copy(update={"trips": [*p.trips, trip]}), False),
            ("planned date", p.model_copy(update={"planned_application_date": TODAY + timedelta(days=500)}), False),
            ("raise", p.model_copy(update={"salary": [*p.salary, raise_]}), True),
            ("category", p.model_copy(update={"category": other}), True)]


def _said(plan):
    """Everything a view shows of the plan, as text (objects' addresses left out)."""
    days = [plan.on, TODAY, TODAY + timedelta(days=365), date(2021, 6, 30)]
    said = (plan.on, plan.why_on, plan.evaluation, plan.answer, [plan.points(d) for d in days], plan.timeline,
            [s.as_json() for s in plan.suggestions])
    return re.sub(r" at 0x[0-9a-f]+", "", repr(said))


@pytest.mark.parametrize("i", range(len(PROJECTS)))
def test_a_plan_after_an_edit_says_what_a_plan_worked_out_alone_says(i, monkeypatch):
    p = PROJECTS[i]
    calls = []
    real = points_module.points
    monkeypatch.setattr("hsp_wizard.domain.routes.points", lambda *a, **k: calls.append(a) or real(*a, **k))
    for what, edited, moves_points in _edits(p):
        before = make_plan(p, TODAY)
        _said(before)  # its points computed, as the window's views would have asked
        calls.clear()
        shared = make_plan(edited, TODAY, previous=before)
        said, worked_shared = _said(shared), len(calls)
        calls.clear()
        assert said == _said(make_plan(edited, TODAY)), what
        worked_alone = len(calls)
        assert (shared.engine.shares_every_day is None) == moves_points, what
        if not moves_points and edited.category is not None:
            assert worked_shared < worked_alone, f"{what}: nothing shared ({worked_shared} of {worked_alone})"


def test_a_long_run_of_edits_keeps_one_engine_alive_not_a_chain():
    p = busy()
    first = plan = make_plan(p, TODAY)
    for n in range(50):
        p = p.model_copy(update={"name": f"n{n}"})
        plan = make_plan(p, TODAY, previous=plan)
        assert plan.engine.shares_every_day is first.engine
