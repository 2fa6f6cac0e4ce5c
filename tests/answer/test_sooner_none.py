"""When nothing would make a route sooner, the words follow the answer: "open already today" only when nothing the
route needs is missing; while the answer asks for a fact first, the route may be open, if all is in order (the
tab said "A route is open already today" under "Cannot tell yet": a fresh user's finding)."""

from datetime import date
from pathlib import Path

from hsp_wizard.domain.answer import ASK
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.presentation import Renderer
from hsp_wizard.storage import load_project
from hsp_wizard.wording import sooner_none

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"  # landing criteria unanswered
TODAY = date(2026, 9, 1)


def test_open_already_only_when_nothing_is_missing():
    p = load_project(EXAMPLE)
    p = p.model_copy(update={"planned_application_date": None})
    plan = make_plan(p, TODAY)
    assert plan.answer.kind == ASK and not plan.suggestions
    en, ja = sooner_none(Renderer("en"), plan.suggestions, plan.answer), \
        sooner_none(Renderer("ja"), plan.suggestions, plan.answer)
    assert en == ("A route may be open already today (HSP 80 points, 1 year), if all is in order: first enter what "
                  "the answer asks for. Nothing tried would make it sooner.")
    assert ja.startswith("問題がなければ、本日すでに要件を満たす類型があります")
    answered = p.model_copy(update={"obligations": p.obligations.model_copy(update={"landing_criteria": "yes"})})
    plan = make_plan(answered, TODAY)
    assert plan.answer.kind != ASK and not plan.suggestions
    assert sooner_none(Renderer("en"), plan.suggestions, plan.answer) == \
        "A route is open already today (HSP 80 points, 1 year): nothing can make it sooner."
