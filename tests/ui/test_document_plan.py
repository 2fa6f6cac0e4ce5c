"""The window's plan (ProjectDocument.plan): one per edit, on the project's own copy, never seeing a later edit;
the same as a plan of the project read back from its file; sharing the points of the plan before it when an edit
changed nothing points read (issue 21)."""

import re
from pathlib import Path

import pytest

from bench.planner import TODAY
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.domain.project import Project, SalaryEntry
from hsp_wizard.storage import load_project
from hsp_wizard.ui.document import ProjectDocument

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("**/*.hspw"))


def _said(plan):
    said = (plan.on, plan.why_on, plan.evaluation, plan.answer, plan.household, plan.points(plan.on),
            plan.timeline, [s.as_json() for s in plan.suggestions])
    return re.sub(r" at 0x[0-9a-f]+", "", repr(said))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_windows_plan_is_the_plan_of_the_project_read_back_from_its_file(path, qapp):
    doc = ProjectDocument(load_project(path))
    read_back = Project.model_validate_json(doc.project.model_dump_json())
    assert _said(doc.plan(TODAY)) == _said(make_plan(read_back, TODAY))


def test_a_plan_never_sees_a_later_edit_and_is_shared_until_one(qapp):
    doc = ProjectDocument(load_project(EXAMPLES[0]))
    plan = doc.plan(TODAY)
    assert doc.plan(TODAY) is plan
    salary = list(plan.project.salary)
    total = plan.points(plan.on).total
    doc.update(salary=list(doc.project.salary))  # the same rows: nothing changed, the plan stays
    assert doc.plan(TODAY) is plan
    doc.update(salary=[*doc.project.salary, SalaryEntry(start=TODAY, amount_yen=30_000_000)])
    after = doc.plan(TODAY)
    assert after is not plan
    assert plan.project.salary == salary and plan.points(plan.on).total == total
    assert after.project.salary[-1].amount_yen == 30_000_000
    assert after.engine.shares_every_day is None  # a raise moves points: nothing shared


def test_a_typed_name_shares_the_points_of_the_plan_before(qapp):
    doc = ProjectDocument(load_project(EXAMPLES[0]))
    first = doc.plan(TODAY)
    first.points(first.on)
    for letter in "abc":
        doc.update(name=(doc.project.name or "") + letter)
        plan = doc.plan(TODAY)
        assert plan.project.name.endswith(letter)
        assert plan.engine.shares_every_day is first.engine
