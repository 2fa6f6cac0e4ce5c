"""What-if scenarios: each change applied as the docstring of `apply` says, and the side-by-side comparison on a
profile computed by hand (tests/domain/test_planner.py's engineer at 65 points)."""

from datetime import date

import pytest
from pydantic import ValidationError

from hsp_wizard.domain.project import EmployerFact, Project, SalaryEntry, Scenario, ScenarioChange
from hsp_wizard.domain.scenarios import apply, compare
from hsp_wizard.storage import dumps_project, loads_project
from tests.domain.test_planner import TODAY, engineer_at_65


def change(kind, start, **kw):
    return ScenarioChange(kind=kind, start=start, **kw)


def planned_engineer() -> Project:
    """engineer_at_65 planning to apply on 2029-06-01, with four scenarios. By hand, in (b):
    as entered: 65 (master 20, career 7-10 years 15, ¥6M at 30-34 20, age 30-34 10); 10 years of career on
    2029-04-01 (+5: 70); 35 on 2029-06-01 (age 35-39: 5, -5: 65). The general route opens 2029-04-01 (ten years
    from 2019-04-01).
    - "N1 in July": JLPT N1 on 2027-07-01, +15: 80 from then; the 80 route a year later, 2028-07-01.
    - "Raise, apply early": ¥9,000,000 from 2027-04-01 (9M at 30-34: 35, +15): 80; applying on 2028-04-01,
      which is exactly when the 80 route opens.
    - "Innovation employer": B1 from 2027-01-01, +10: 75; the 70 route needs three years: 2030-01-01, after the
      general route, so the earliest stays 2029-04-01.
    - "Long trip": 2027-02-01 to 2028-03-15, 408 days on a special re-entry permit (valid one year): the status
      ends, and no route opens within ten years."""
    p = engineer_at_65()
    p.planned_application_date = date(2029, 6, 1)
    p.scenarios = [
        Scenario(name="N1 in July", changes=[change("jlpt_n1", date(2027, 7, 1))]),
        Scenario(name="Raise, apply early", planned_application_date=date(2028, 4, 1),
                 changes=[change("raise", date(2027, 4, 1), amount_yen=9_000_000)]),
        Scenario(name="Innovation employer", changes=[change("employer_b1", date(2027, 1, 1))]),
        Scenario(name="Long trip", changes=[change("trip", date(2027, 2, 1), end=date(2028, 3, 15))]),
    ]
    return p


def test_scenarios_side_by_side_on_the_hand_computed_profile():
    c = compare(planned_engineer(), TODAY)
    assert [col.name for col in c.columns] == [None, "N1 in July", "Raise, apply early", "Innovation employer",
                                               "Long trip"]
    assert [(col.earliest) for col in c.columns] == [
        ("general", date(2029, 4, 1)), ("hsp80", date(2028, 7, 1)), ("hsp80", date(2028, 4, 1)),
        ("general", date(2029, 4, 1)), None]
    # today, and every side's checkpoints (3 and 1 year before its application date, and the date)
    assert c.days == [date(2025, 4, 1), date(2026, 6, 1), TODAY, date(2027, 4, 1), date(2028, 4, 1),
                      date(2028, 6, 1), date(2029, 6, 1)]
    points = {col.name: [col.points[d] for d in c.days] for col in c.columns}
    assert points == {None: [60, 65, 65, 65, 65, 65, 65],
                      "N1 in July": [60, 65, 65, 65, 80, 80, 80],
                      "Raise, apply early": [60, 65, 65, 80, 80, 80, 80],
                      "Innovation employer": [60, 65, 65, 75, 75, 75, 75],
                      "Long trip": [60, 65, 65, 65, 65, 65, 65]}
    assert c.columns[2].checkpoints() == [date(2025, 4, 1), date(2027, 4, 1), date(2028, 4, 1)]
    assert c.columns[3].opens["hsp70"] == date(2030, 1, 1) and c.columns[1].opens["hsp70"] == date(2030, 7, 1)
    assert c.routes == ["hsp80", "hsp70", "general"]  # routes open in no column are left out
    assert all(v is None for v in c.columns[4].opens.values())


def test_the_comparison_is_exactly_the_evaluation_of_each_scenario_applied():
    from hsp_wizard.domain.evaluate import evaluate
    from hsp_wizard.domain.suggest import earliest
    p = planned_engineer()
    c = compare(p, TODAY)
    for s, col in zip(p.scenarios, c.columns[1:]):
        ev = evaluate(apply(p, s), TODAY, today=TODAY)
        assert col.earliest == earliest(ev)
        assert {r: o.opens for r, o in ev.openings.items()} == {r: col.opens[r] for r in ev.openings}


def test_no_scenarios_and_no_category():
    p = engineer_at_65()
    c = compare(p, TODAY)
    assert len(c.columns) == 1 and c.days == [TODAY] and c.columns[0].points == {TODAY: 65}
    c = compare(p.model_copy(update={"category": None}), TODAY)
    assert c.columns[0].points is None and c.category is None


def test_a_raise_replaces_an_entry_of_the_same_day_and_keeps_the_others():
    p = engineer_at_65()
    p.salary = [*p.salary, SalaryEntry(start=date(2027, 4, 1), amount_yen=6_500_000, foreign_amount_yen=1)]
    got = apply(p, Scenario(name="x", changes=[change("raise", date(2027, 4, 1), amount_yen=9_000_000)]))
    assert [(s.start, s.total_yen) for s in got.salary] == [(date(2019, 4, 1), 6_000_000),
                                                          (date(2027, 4, 1), 9_000_000)]
    assert p.salary[1].total_yen == 6_500_001  # the project itself is not changed


def test_moving_employer_ends_the_old_employers_facts():
    p = engineer_at_65()
    p.employer_facts = [EmployerFact(kind="sme", start=date(2020, 1, 1)),                         # in force
                        EmployerFact(kind="growth_field_project", start=date(2020, 1, 1), end=date(2021, 1, 1)),
                        EmployerFact(kind="local_government_support", start=date(2028, 1, 1))]  # later: dropped
    got = apply(p, Scenario(name="x", changes=[change("employer_b1", date(2027, 1, 1))]))
    assert [(f.kind.value, f.start, f.end) for f in got.employer_facts] == [
        ("sme", date(2020, 1, 1), date(2026, 12, 31)),
        ("growth_field_project", date(2020, 1, 1), date(2021, 1, 1)),
        ("innovation_support", date(2027, 1, 1), None)]


def test_the_scenarios_application_date_and_trips_and_its_own_scenarios():
    p = planned_engineer()
    got = apply(p, p.scenarios[1])
    assert got.planned_application_date == date(2028, 4, 1) and got.scenarios == []
    got = apply(p, p.scenarios[3])
    assert got.planned_application_date == date(2029, 6, 1)
    assert [(t.left, t.returned, t.reentry_permit.value) for t in got.trips] == [
        (date(2027, 2, 1), date(2028, 3, 15), "special")]


def test_scenarios_survive_a_save_and_load():
    p = planned_engineer()
    assert loads_project(dumps_project(p)) == p


@pytest.mark.parametrize("kw, fragment", [
    ({"kind": "raise", "start": date(2027, 1, 1)}, "A new annual salary needs the amount"),
    ({"kind": "jlpt_n1", "start": date(2027, 1, 1), "amount_yen": 5}, "Only a new annual salary has an amount"),
    ({"kind": "raise", "start": date(2027, 1, 1), "amount_yen": 5, "end": date(2027, 2, 1)},
     "Only a trip has a return date"),
    ({"kind": "trip", "start": date(2027, 1, 1), "end": date(2026, 1, 1)}, "return date is before"),
    ({"kind": "promotion", "start": date(2027, 1, 1)}, "kind"),
])
def test_a_change_that_makes_no_sense_is_refused(kw, fragment):
    with pytest.raises(ValidationError, match=fragment):
        ScenarioChange(**kw)


def test_scenario_names():
    assert Scenario(name="  N1   in July ").name == "N1 in July"
    with pytest.raises(ValidationError, match="needs a name"):
        Scenario(name="   ")
    with pytest.raises(ValidationError, match="same name"):
        Project(scenarios=[Scenario(name="Plan A"), Scenario(name="plan a")])
    with pytest.raises(ValidationError):
        Project(scenarios=[Scenario(name=f"s{i}") for i in range(21)])


def test_every_suggested_change_tried_as_a_scenario_opens_what_the_suggestion_says():
    """Including a move to an innovation-supported employer, for someone at an SME (whose facts end with the
    move) with N2 since 2026-01-01 (75 points: the 70 route opens 2029-01-01): a move to B1 gives 85, the 80
    route a year after the move."""
    from hsp_wizard.domain.suggest import suggestions
    at_sme = planned_engineer()
    at_sme.employer_facts = [EmployerFact(kind="sme", start=date(2019, 4, 1))]
    at_sme.japanese = [__import__("hsp_wizard.domain.project", fromlist=["JapaneseResult"]).JapaneseResult(
        test="jlpt", level="N2", passed=date(2026, 1, 1))]
    kinds = set()
    for p in (planned_engineer(), at_sme):
        p.scenarios = []
        found = suggestions(p, TODAY)
        for s in found:
            if s.change is not None:
                kinds.add(s.kind)
                p.scenarios = [Scenario(name=s.kind, changes=[s.change])]
                assert compare(p, TODAY).columns[1].earliest == (s.route, s.after), s.kind
    assert kinds == {"jlpt_n1", "raise", "employer_b1"}


def test_a_cache_gives_the_same_comparison_and_reevaluates_only_what_changed(monkeypatch):
    from hsp_wizard.domain import scenarios
    from hsp_wizard.domain.scenarios import CompareCache
    calls = []
    real = scenarios.first_openings
    monkeypatch.setattr(scenarios, "first_openings", lambda p, *a, **k: calls.append(p) or real(p, *a, **k))
    p, cache = planned_engineer(), CompareCache()
    assert compare(p, TODAY, cache=cache) == compare(p, TODAY) and len(calls) == 10
    calls.clear()
    assert compare(p, TODAY, cache=cache) == compare(p, TODAY, cache=cache) and calls == []
    p.scenarios[0] = p.scenarios[0].model_copy(update={"changes": [change("jlpt_n1", date(2027, 12, 1))]})
    fresh = compare(p, TODAY)
    calls.clear()
    assert compare(p, TODAY, cache=cache) == fresh and len(calls) == 1
    assert fresh.columns[1].earliest == ("hsp80", date(2028, 12, 1))
