"""Suggestions and scenarios speak the deadline: when the earliest route closes, "apply by" comes first; a scenario
whose application date falls after a route closes shows that route closed and is not starred; a scenario's salary
may go down as well as up."""

from __future__ import annotations

from datetime import date

from hsp_wizard.domain.project import Scenario, ScenarioChange
from hsp_wizard.domain.scenarios import compare
from hsp_wizard.domain.suggest import suggestions
from hsp_wizard.presentation import Renderer
from tests.answer.profiles import TODAY, engineer


def with_plans(p):
    """The engineer with a 36-month period of stay (both HSP routes close on 2027-04-01), planning February 2027
    in one scenario and May 2027 in another."""
    return p.model_copy(update={"scenarios": [
        Scenario(name="Apply in February", planned_application_date=date(2027, 2, 1)),
        Scenario(name="Apply in May", planned_application_date=date(2027, 5, 1))]})


def test_apply_by_comes_first_when_the_earliest_route_closes():
    s = suggestions(engineer(36), TODAY)
    assert s[0].kind == "apply_before"
    said = Renderer("en").msg(s[0].says)
    assert said.startswith("Your earliest route (HSP 80 points, 1 year) is open now and closes on 1 Apr 2027")
    assert said.endswith("apply by 31 Mar 2027")
    assert "2027年3月31日までに申請してください" in Renderer("ja").msg(s[0].says)
    assert all(x.kind != "apply_before" for x in suggestions(engineer(60), TODAY))  # nothing closes


def test_a_planned_date_after_the_route_closes_is_said():
    p = engineer(36).model_copy(update={"planned_application_date": date(2027, 5, 1)})
    first = suggestions(p, TODAY)[0]
    assert first.kind == "apply_before"
    assert Renderer("en").msg(first.says).startswith(
        "Your planned date, 1 May 2027, falls after your earliest route (HSP 80 points, 1 year) closes on 1 Apr 2027")


def test_a_scenario_applying_after_the_route_closes_shows_it_closed():
    c = compare(with_plans(engineer(36)), TODAY)
    entered, february, may = c.columns
    assert february.closed == {} and february.usable()
    assert may.closed == {"hsp80": date(2027, 4, 1), "hsp70": date(2027, 4, 1)} and not may.usable()
    assert may.as_json()["closed"] == {"hsp80": "2027-04-01", "hsp70": "2027-04-01"}


def test_cli_says_the_scenario_route_closed(tmp_path, capsys, monkeypatch):
    from hsp_wizard import cli
    from hsp_wizard.storage import save_project
    from tests.answer.test_headlines import FrozenDate
    monkeypatch.setattr(cli, "date", FrozenDate)
    save_project(with_plans(engineer(36)), tmp_path / "p.hspw", backup=False)
    assert cli.main(["evaluate", str(tmp_path / "p.hspw")]) == 0
    out = capsys.readouterr().out
    assert ("Apply in May: earliest: HSP 80 points, 1 year on 3 Dec 2026, closed again from 1 Apr 2027, before the "
            "application date") in out
    assert "      HSP 80 points, 1 year: closed from 1 Apr 2027" in out
    lines = out.splitlines()
    first = lines[lines.index("  What would make permanent residence sooner (best first):") + 1]
    assert first.startswith("    Apply before the route closes: Your earliest route (HSP 80 points, 1 year)")


def test_a_new_salary_may_be_lower():
    from hsp_wizard.domain.scenarios import apply
    p = engineer(60)
    lower = Scenario(name="Part-time", changes=[ScenarioChange(kind="raise", start=date(2027, 1, 1),
                                                               amount_yen=4_000_000)])
    assert apply(p, lower).salary[-1].amount_yen == 4_000_000
    from hsp_wizard.presentation import CHANGE_KINDS
    assert dict(CHANGE_KINDS)["raise"] == "New annual salary"
