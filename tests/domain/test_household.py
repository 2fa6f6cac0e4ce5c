"""The household, hand-worked: each member's own route beside the principal's, household income at the benefit
thresholds, a parent's stay when the child turns 7, and the household's documents in the checklist.

The principal is the example HSP(i)(b) holder (examples/hsp-holder-b.hspw): 90 points, HSP since 2023-10-01,
¥4,000,000 a year; the HSP 80 route is open on the application date 2026-10-01."""

from datetime import date
from pathlib import Path

import pytest

from hsp_wizard.domain.checklist import compose
from hsp_wizard.domain.evaluate import evaluate, first_route
from hsp_wizard.domain.household import benefits, evaluate_household, household_income, member_routes
from hsp_wizard.domain.project import (Answer, DomesticWorker, Household, HouseholdMember, ResidencePeriod, SalaryEntry)
from hsp_wizard.storage import load_project_versioned

ON = date(2026, 10, 1)
EXAMPLES = Path(__file__).parents[2] / "examples"
PAID = dict(taxes="on_time", pension="on_time", health_insurance="on_time")


def principal():
    """The example, with its one unanswered question (the landing criteria) answered: his own routes are then told
    (an unknown fact of his would leave his family's "with you" untold too; tested below)."""
    p, _ = load_project_versioned(EXAMPLES / "hsp-holder-b.hspw")
    return p.model_copy(update={"obligations": p.obligations.model_copy(update={"landing_criteria": Answer.YES})})


def with_members(*members, **household):
    p = principal()
    return p.model_copy(update={"household": Household(members=list(members), **household)})


def dependent(start: date, months: int = 60) -> ResidencePeriod:
    return ResidencePeriod(status="dependent", start=start, period_of_stay_months=months)


def wife(married: date, income: int | None = None, **kw) -> HouseholdMember:
    inc = [SalaryEntry(start=date(2020, 1, 1), amount_yen=income)] if income is not None else []
    return HouseholdMember(kind="spouse", birth_date=date(1995, 5, 5), nationality="foreign", marriage_date=married,
                           residence=[dependent(date(2023, 10, 1))], income=inc, **PAID, **kw)


def child(born: date, **kw) -> HouseholdMember:
    kw.setdefault("child_relation", "natural")
    return HouseholdMember(kind="child", birth_date=born, nationality="foreign", **PAID, **kw)


def routes_of(p, on=ON):
    ev = evaluate(p, on)
    first = first_route({k: o.opens for k, o in ev.openings.items()})
    assert first == ("hsp80", ON)  # the principal can apply on the day
    return member_routes(p, on, first)


def test_spouse_married_2_years_11_months_waits_for_the_third_anniversary():
    p = with_members(wife(married=date(2023, 11, 1)))
    (sp,) = routes_of(p)
    assert sp.route == "spouse"
    assert sp.on_date.open is False
    assert [c.rule_id for c in sp.on_date.blockers] == ["pr.spouse.marriage_years"]
    assert sp.together.opens == date(2026, 11, 1) and not sp.together.bound_by_principal
    assert [c.rule_id for c in sp.together.binding] == ["pr.spouse.marriage_years"]
    # conditional on the principal's grant, and said so (practice, 2+ sources)
    assert sp.certainty.rule_id == "family.joint_application" and sp.certainty.confidence == "two_plus"


def test_spouse_the_day_after_three_years_applies_with_the_principal():
    p = with_members(wife(married=date(2023, 9, 30)))  # 3 years complete on 2026-09-30
    (sp,) = routes_of(p)
    assert sp.on_date.open is True and sp.open_together is True
    assert sp.together.opens == ON
    # alone, on a family status the general rule never opens within ten years (no 5 years on a work status)
    assert sp.alone.route == "general" and sp.alone.opens is None


def test_child_born_in_japan_is_resident_since_birth():
    p = with_members(child(date(2025, 3, 10), born_in_japan=True), child(date(2026, 3, 1), born_in_japan=True))
    older, baby = routes_of(p)
    assert older.route == "child" and older.on_date.open is True and older.together.opens == ON
    assert baby.on_date.open is False and baby.together.opens == date(2027, 3, 1)
    assert [c.rule_id for c in baby.together.binding] == ["pr.child.years"]
    assert any("since birth" in n.text for n in baby.notes)  # the assumption is said


def test_child_who_arrived_10_months_ago_opens_at_one_year_with_the_80_point_practice_warning():
    p = with_members(child(date(2018, 6, 1), residence=[dependent(date(2025, 12, 1))]))
    (c,) = routes_of(p)
    assert c.on_date.open is False
    assert c.together.opens == date(2026, 12, 1)
    warn = [w for w in c.warnings if w.rule_id == "family.hsp80_practice_years"]
    assert warn and warn[0].met is False and not warn[0].blocking and warn[0].confidence == "one"
    assert dict(warn[0].why.params)["date"] == date(2028, 12, 1)


def test_ready_before_the_principal_the_principal_binds():
    early = wife(married=date(2016, 1, 1)).model_copy(update={"residence": [dependent(date(2019, 1, 1))]})
    p = with_members(early)  # the spouse's own route is open from 2020-01-01
    later = date(2020, 6, 1)  # the principal's first route (80 points, variant イ) opens 2021-04-01
    ev = evaluate(p, later)
    first = first_route({k: o.opens for k, o in ev.openings.items()})
    (sp,) = member_routes(p, later, first)
    assert first[1] > later
    assert first == ("hsp80", date(2021, 4, 1))
    assert sp.on_date.open is True and sp.open_together is False  # ready on her side, not the principal
    assert sp.together.bound_by_principal and sp.together.opens == date(2021, 4, 1)


def test_an_ordinarily_adopted_child_needs_the_general_rule():
    p = with_members(child(date(2015, 1, 1), child_relation="adopted", residence=[dependent(date(2023, 10, 1))]))
    (c,) = routes_of(p)
    assert c.route == "general" and c.on_date.open is False


def test_japanese_and_pr_members_need_no_route():
    p = with_members(HouseholdMember(kind="spouse", nationality="japanese"),
                     HouseholdMember(kind="child", nationality="permanent_resident"))
    sp, c = routes_of(p)
    assert sp.route is None and sp.together is None and c.route is None
    assert "requirements page" in sp.notes[0].text  # the principal's own spouse route is answered there


# ---------------------------------------------------------------------------------------------- benefits
def parent_case(income_spouse: int, on: date, child_born: date = date(2019, 10, 15)):
    p = with_members(wife(date(2018, 1, 1), income=income_spouse, lives_together="yes"), child(child_born),
                     HouseholdMember(kind="parent", parent_of="principal", lives_together="yes"))
    return {b.kind: b for b in benefits(p, on)}


def test_parent_household_income_just_under_and_at_8_million():
    under = parent_case(3_999_999, ON)["parent"]  # ¥4,000,000 + ¥3,999,999
    at = parent_case(4_000_000, ON)["parent"]     # exactly ¥8,000,000
    assert under.met is False
    assert [c.rule_id for c in under.conditions if c.met is False] == ["benefit.parent.household_income_yen"]
    assert at.met is True


def test_parents_stay_when_the_child_turns_7():
    before = parent_case(4_000_000, date(2026, 10, 14))["parent"]
    birthday = parent_case(4_000_000, date(2026, 10, 15))["parent"]
    assert before.met is True and before.ends == date(2026, 10, 14)
    assert birthday.met is False
    assert [c.rule_id for c in birthday.conditions if c.met is False] == ["benefit.parent.child_age_below"]
    # what changes: continues at HSP(ii), ends at permanent residence
    assert before.at_hsp2.met is True and before.at_pr.met is False


def test_parent_pregnancy_keeps_the_reason_and_both_sides_fail():
    p = with_members(wife(date(2018, 1, 1), income=4_000_000, lives_together="yes"),
                     HouseholdMember(kind="parent", parent_of="principal", lives_together="yes"),
                     HouseholdMember(kind="parent", parent_of="spouse", lives_together="yes"),
                     expecting_until=date(2027, 2, 1))
    parent = {b.kind: b for b in benefits(p, ON)}["parent"]
    assert [c.rule_id for c in parent.conditions if c.met is False] == ["benefit.parent.one_side"]


def test_unknown_spouse_income_is_not_no():
    p = with_members(wife(date(2018, 1, 1), lives_together="yes"), child(date(2022, 1, 1)))
    assert household_income(p, ON) == (4_000_000, False)
    parent = {b.kind: b for b in benefits(p, ON)}["parent"]
    assert parent.met is None


def test_domestic_worker_at_and_under_10_million():
    def case(spouse_income):
        p = with_members(wife(date(2018, 1, 1), income=spouse_income, lives_together="yes"), child(date(2016, 1, 1)),
                         domestic_worker=DomesticWorker(birth_date=date(1990, 1, 1), monthly_pay_yen=200_000,
                                                        other_domestic_worker="no"))
        return {b.kind: b for b in benefits(p, ON)}["domestic_worker"]
    assert case(5_999_999).met is False
    ok = case(6_000_000)
    assert ok.met is True and ok.ends == date(2028, 12, 31)  # the child turns 13 on 2029-01-01


def test_spouse_work_needs_the_principal_on_hsp():
    p = with_members(wife(date(2018, 1, 1), lives_together="yes", work_qualifies="yes"))
    assert {b.kind: b for b in benefits(p, ON)}["spouse_work"].met is True
    before_hsp = {b.kind: b for b in benefits(p, date(2023, 1, 1))}["spouse_work"]
    assert before_hsp.met is False  # on engineer_humanities then


# ---------------------------------------------------------------------------------------------- principal's side
def test_livelihood_counts_the_household():
    one_earner = with_members(wife(date(2018, 1, 1), income=0), child(date(2020, 1, 1)), child(date(2022, 1, 1)))
    ev = evaluate(one_earner, ON, find_dates=False)
    warn = [c for c in ev.routes["hsp80"].conditions if c.rule_id == "livelihood.household_per_dependant_yen"]
    assert warn and warn[0].met is False and not warn[0].blocking  # ¥4.0M < ¥3M + 3 x ¥0.7M
    two_earners = with_members(wife(date(2018, 1, 1), income=2_000_000), child(date(2020, 1, 1)),
                               child(date(2022, 1, 1)))
    ev = evaluate(two_earners, ON, find_dates=False)
    assert not [c for c in ev.routes["hsp80"].conditions if c.rule_id.startswith("livelihood")]


def test_checklist_gains_the_household_documents_numbered_after_the_evidence():
    p = with_members(wife(date(2018, 1, 1)), child(date(2020, 1, 1)),
                     HouseholdMember(kind="child", nationality="japanese"))
    cl = compose(p, evaluate(p, ON), "hsp80")
    ids = [h.doc.id for h in cl.household]
    assert ids == ["spouse_pension_record", "spouse_health_insurance_record", "marriage_certificate",
                   "birth_certificate", "family_register_member"]
    assert [h.number for h in cl.household] == list(range(len(cl.exhibits) + 1, len(cl.exhibits) + 6))
    assert cl.household[0].years == cl.pension_years == 1
    single = principal()
    assert compose(single, evaluate(single, ON), "hsp80").household == []
    assert evaluate_household(single, ON, ("hsp80", ON)) is None


@pytest.mark.parametrize("kind,field,value", [("child", "marriage_date", date(2020, 1, 1)),
                                              ("spouse", "child_relation", "natural"),
                                              ("spouse", "parent_of", "principal")])
def test_fields_of_another_kind_are_refused(kind, field, value):
    with pytest.raises(ValueError):
        HouseholdMember(kind=kind, **{field: value})


def test_one_spouse_only():
    with pytest.raises(ValueError):
        Household(members=[HouseholdMember(kind="spouse"), HouseholdMember(kind="spouse")])


def test_a_scenario_moves_the_familys_date_with_the_principals():
    from hsp_wizard.domain.household import household_of
    from hsp_wizard.domain.project import Scenario
    from hsp_wizard.domain.scenarios import apply
    p = with_members(wife(married=date(2023, 11, 1)))
    moved = apply(p, Scenario(name="Apply in November", planned_application_date=date(2026, 11, 1)))
    on = moved.planned_application_date
    (sp,) = household_of(moved, evaluate(moved, on)).members
    assert on == date(2026, 11, 1) and sp.open_together is True  # her third anniversary: both can apply
    (sp,) = household_of(p, evaluate(p, p.planned_application_date)).members
    assert sp.open_together is False


def test_a_spouses_fine_binds_her_route_with_the_principal():
    from hsp_wizard.domain.project import Penalty
    fined = wife(married=date(2018, 1, 1)).model_copy(update={"penalties": [Penalty(kind="fine",
                                                                                    ended=date(2025, 1, 1))]})
    (sp,) = routes_of(with_members(fined))
    assert sp.on_date.open is False
    assert any(c.rule_id.startswith("conduct") for c in sp.on_date.blockers)
    assert sp.together.opens == date(2030, 1, 1)  # five years after the fine was paid


def test_what_changes_at_hsp2_and_pr_is_dated_with_the_principals_earliest_days():
    from hsp_wizard.domain.household import household_of
    p = with_members(wife(date(2018, 1, 1), income=4_000_000, lives_together="yes"), child(date(2022, 1, 1)))
    hh = household_of(p, evaluate(p, ON))
    parent = {b.kind: b for b in hh.benefits}["parent"]
    # HSP since 2023-10-01: HSP(ii) after three years; the 80 route is open on the day
    assert dict(parent.at_hsp2.why.params)["date"] == date(2026, 10, 1) and parent.at_hsp2.met is True
    assert dict(parent.at_pr.why.params)["date"] == ON and parent.at_pr.met is False


def test_the_scenario_comparison_moves_the_familys_date_with_the_principals():
    """By hand: the principal can apply from 2026-10-01 (HSP 80). The wife married 2023-11-01 has her 3 years on
    2026-11-01; the child who arrived 2025-12-01 has 1 year on 2026-12-01. As entered (2026-10-01) the family
    waits for each: her 2026-11-01, the child's 2026-12-01. Applying on 2026-11-15 she can come that day, the
    child still on 2026-12-01; applying in 2028 both come on the family's day, 2028-04-01."""
    from hsp_wizard.domain.project import Scenario
    from hsp_wizard.domain.scenarios import compare
    arrived = child(date(2018, 6, 1), residence=[dependent(date(2025, 12, 1))])
    p = with_members(wife(married=date(2023, 11, 1)), arrived,
                     HouseholdMember(kind="child", nationality="japanese", birth_date=date(2020, 1, 1)))
    p = p.model_copy(update={"scenarios": [
        Scenario(name="Mid-November", planned_application_date=date(2026, 11, 15)),
        Scenario(name="2028", planned_application_date=date(2028, 4, 1))]})
    c = compare(p, date(2026, 9, 1))
    as_entered, november, later = c.columns
    assert as_entered.family == ((0, date(2026, 11, 1)), (1, date(2026, 12, 1)))  # the Japanese child needs none
    assert november.family == ((0, date(2026, 11, 15)), (1, date(2026, 12, 1)))
    assert later.family == ((0, date(2028, 4, 1)), (1, date(2028, 4, 1)))
    assert later.as_json()["family"] == [{"member": 0, "with_you": "2028-04-01"}, {"member": 1,
                                                                                 "with_you": "2028-04-01"}]
    # the results page's "with you, earliest" on the scenario's own date agrees with its column
    from hsp_wizard.domain.household import household_of
    from hsp_wizard.domain.scenarios import apply
    moved = apply(p, p.scenarios[0])
    hh = household_of(moved, evaluate(moved, moved.planned_application_date))
    assert [(m.index, m.together.opens) for m in hh.members if m.together] == list(november.family)


def test_a_household_of_one_adds_nothing_to_the_comparison():
    from hsp_wizard.domain.project import Scenario
    from hsp_wizard.domain.scenarios import compare
    p = principal().model_copy(update={"scenarios": [Scenario(name="Later", planned_application_date=date(2027, 4, 1))]})
    c = compare(p, date(2026, 9, 1))
    assert all(col.family == () and "family" not in col.as_json() for col in c.columns)


def test_with_his_own_route_untold_her_route_with_him_is_untold_too():
    """Unknown is not "yes": the day after her third anniversary she is ready, but his landing criteria are not
    answered, so whether she can apply with him cannot be told yet, and she is told why."""
    from hsp_wizard.domain.household import household_of
    p = with_members(wife(married=date(2023, 9, 30)))
    p = p.model_copy(update={"obligations": p.obligations.model_copy(update={"landing_criteria": Answer.UNKNOWN})})
    (sp,) = household_of(p, evaluate(p, ON)).members
    assert sp.on_date.open and sp.principal_open and not sp.principal_sure
    assert sp.open_together is None and sp.together_state == "cannot tell yet"
    assert any("cannot be told until your own routes" in n.text for n in sp.notes)
    answered = with_members(wife(married=date(2023, 9, 30)))
    (sp,) = household_of(answered, evaluate(answered, ON)).members
    assert sp.open_together is True and sp.together_state == "can apply with you"
