"""The nine errors the law review of 2026-11-30 found, each on a hand-worked profile with the dates that matter
(the day before and the day of). Only the public API: evaluate() and the checklist's compose()."""

from datetime import date

from hsp_wizard.domain.checklist import compose
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.project import (CareerPeriod, EmployerFact, Family, InsurancePeriod, Obligations, Penalty,
                                       SalaryEntry)
from hsp_wizard.rules import load_rules
from tests.domain.builders import CLEAN, degree, jlpt, profile, status


def ev(p, on):
    return evaluate(p, on, find_dates=False)


def rules_of(route):
    return [c.rule_id for c in route.blockers]


def obligations(**kw):
    return Obligations(**{**CLEAN.model_dump(), **kw})


def spouse(**kw):
    """Spouse of a Japanese national since 2015-01-01, in Japan on a 5-year spouse status since then."""
    return profile("b", birth=date(1985, 1, 1), salary=4_000_000,
                   family=Family(spouse_is="japanese", marriage_date=date(2015, 1, 1)),
                   residence=[status("spouse_of_japanese", date(2015, 1, 1))], **kw)


# ---------------------------------------------------------------- 1. spouse and child routes: fines and prison
def test_a_prison_sentence_blocks_the_spouse_route_until_ten_years_after_it_ended():
    """Prison ended 2016-01-15: 10 years later is 2026-01-15. Spouses are exempt from good conduct, not from the
    national-interest item 「罰金刑や拘禁刑などを受けていないこと」."""
    p = spouse(obligations=obligations(penalties=[Penalty(kind="imprisonment", ended=date(2016, 1, 15))]))
    before = ev(p, date(2026, 1, 14)).routes["spouse"]
    assert not before.open and rules_of(before) == ["conduct.imprisonment_years"]
    assert ev(p, date(2026, 1, 15)).routes["spouse"].open


def test_a_fine_blocks_the_child_route_for_five_years_but_traffic_violations_do_not():
    p = profile("b", birth=date(1990, 1, 1), salary=4_000_000, family=Family(parent_is="permanent_resident"),
                residence=[status("spouse_of_pr", date(2018, 1, 1))],
                obligations=obligations(penalties=[Penalty(kind="fine", ended=date(2021, 3, 1))],
                                        repeated_traffic_violations=True))
    before = ev(p, date(2026, 2, 28)).routes["child"]
    assert rules_of(before) == ["conduct.fine_years"]
    day = ev(p, date(2026, 3, 1)).routes["child"]
    assert day.open and all(c.met is not False for c in day.conditions)  # no traffic warning for a child


# ---------------------------------------------------------------- 2. suspended sentences
def steady_hsp(**kw):
    """(b), PhD 30 + ¥10M 40 + 10 years 20 = 90, over 40; HSP(i)(b) granted with 90 since 2015-01-01."""
    return profile("b", birth=date(1970, 1, 1), degrees=[degree("doctorate", awarded=date(2000, 3, 31))],
                   career=[CareerPeriod(kind="specialised", start=date(2000, 4, 1))], salary=10_000_000,
                   residence=[status("hsp1b", date(2015, 1, 1), granted_as_hsp=True, hsp_points=90)], **kw)


def test_a_suspended_sentence_stops_counting_when_the_suspension_ends():
    """Suspension ended 2020-01-15 without revocation: it blocks the day before and no longer counts from that
    day (before the correction it blocked until 2030-01-15)."""
    p = steady_hsp(obligations=obligations(penalties=[Penalty(kind="imprisonment", ended=date(2020, 1, 15),
                                                              suspended=True)]))
    before = ev(p, date(2020, 1, 14))
    assert rules_of(before.routes["hsp80"]) == ["conduct.suspended_sentence"]
    assert rules_of(before.hsp2) == ["conduct.suspended_sentence"]
    day = ev(p, date(2020, 1, 15))
    assert day.routes["hsp80"].open and day.hsp2.open


# ---------------------------------------------------------------- 3. the points-result notice
def notice_profile(points):
    p = steady_hsp(obligations=obligations(points_notice=True))
    p.residence = [status("hsp1b", date(2015, 1, 1), granted_as_hsp=True, hsp_points=points)]
    return p


def doc_ids(cl):
    return [e.doc.id for e in cl.entries]


def test_a_notice_under_the_routes_mark_does_not_replace_the_past_points_sheet():
    """Notified at 79 (the 80 route's mark less one): the 1-year-back sheet and its evidence are still needed.
    At 80 the notice stands for that checkpoint."""
    on = date(2026, 6, 1)
    p = notice_profile(79)
    cl = compose(p, ev(p, on), "hsp80")
    assert "points_sheet_past" in doc_ids(cl) and "points_notice_copy" in doc_ids(cl)
    assert {x.on for x in cl.exhibits} == {on, date(2025, 6, 1)} and not cl.notice_covers
    p = notice_profile(80)
    cl = compose(p, ev(p, on), "hsp80")
    assert "points_sheet_past" not in doc_ids(cl)
    assert {x.on for x in cl.exhibits} == {on} and cl.notice_covers


def test_a_notice_at_72_covers_the_70_route_but_not_the_80_route():
    on = date(2026, 6, 1)
    p = notice_profile(72)
    assert compose(p, ev(p, on), "hsp70").notice_covers
    assert not compose(p, ev(p, on), "hsp80").notice_covers


# ---------------------------------------------------------------- 4. J-Skip before 2023-04-21
def test_jskip_criteria_cannot_count_before_the_system_started():
    """(b), over 40, master's 20 + ¥20M 40 = 60 points (under 70) but the J-Skip criteria (¥20M and a master's).
    HSP(i)(b) for 3 years since 2020-01-01. HSP(ii) needs 70 points or the J-Skip criteria: the J-Skip criteria
    cannot be met on 2023-04-20, they can on 2023-04-21."""
    p = profile("b", birth=date(1970, 1, 1), degrees=[degree("master")], salary=20_000_000, obligations=CLEAN,
                residence=[status("hsp1b", date(2020, 1, 1), granted_as_hsp=True, hsp_points=70)])
    before = ev(p, date(2023, 4, 20))
    assert before.points.total == 60
    assert before.jskip.met is False and before.jskip.rule_id == "jskip.start"
    assert not before.hsp2.open
    day = ev(p, date(2023, 4, 21))
    assert day.jskip.met is True and day.hsp2.open


# ---------------------------------------------------------------- 5. the ¥3M floor on the HSP PR routes
def test_a_salary_under_3m_at_the_past_checkpoint_blocks_the_80_route():
    """(b) doctorate 30 + age under 30 15 + N1 15 + one research item 15 + innovation support 10 = 85 points with
    no salary points. ¥2.9M until 2025-05-31, ¥3M from 2025-06-01. On 2026-05-31 the 1-year checkpoint
    (2025-05-31) is under ¥3M: not an HSP that day, blocked. On 2026-06-01 both checkpoints are at ¥3M: open."""
    from hsp_wizard.domain.project import ResearchAchievement
    p = profile("b", birth=date(2000, 1, 1), degrees=[degree("doctorate", awarded=date(2023, 3, 31))],
                japanese=[jlpt("N1", date(2022, 12, 1))],
                research=[ResearchAchievement(kind="papers", achieved=date(2023, 1, 1))],
                employer_facts=[EmployerFact(kind="innovation_support", start=date(2023, 4, 1))],
                salary_history=[SalaryEntry(start=date(2023, 4, 1), amount_yen=2_900_000),
                                SalaryEntry(start=date(2025, 6, 1), amount_yen=3_000_000)],
                obligations=CLEAN, residence=[status("engineer_humanities", date(2023, 4, 1))])
    before = ev(p, date(2026, 5, 31))
    assert before.points.total == 85
    assert "gate.salary_floor" in rules_of(before.routes["hsp80"])
    assert ev(p, date(2026, 6, 1)).routes["hsp80"].open


# ---------------------------------------------------------------- 6. career from several periods
def test_career_periods_are_laid_end_to_end_without_losing_partial_months():
    """2015-01-01 to 2017-12-20 is 2y11m20d (1,085 days); a second period runs from 2023-01-01. On 2025-01-12 it
    has 742 days: 1,827 in all, the days of the 5 years 2020-01-12 to 2025-01-12 (a leap day inside): 5 years,
    10 points. On 2025-01-11 there are 1,826 of 1,827: still the 3-year tier. (Truncating each period to whole
    months gave 2y11m + 2y0m = 4 years on both days.)"""
    p = profile("b", birth=date(1980, 1, 1), salary=5_000_000,
                career=[CareerPeriod(kind="specialised", start=date(2015, 1, 1), end=date(2017, 12, 20)),
                        CareerPeriod(kind="specialised", start=date(2023, 1, 1))])
    career = lambda on: [ln.rule_id for ln in ev(p, on).points.lines if ln.item == "career"]  # noqa: E731
    assert career(date(2025, 1, 11)) == ["career.3y"]
    assert career(date(2025, 1, 12)) == ["career.5y"]


# ---------------------------------------------------------------- 7. withheld salary lines cite their own rule
def test_a_salary_below_the_lowest_band_cites_the_lowest_bands_rule():
    rules = load_rules()
    p = profile("b", birth=date(1990, 1, 1), salary=3_999_999)
    withheld = [ln for ln in ev(p, date(2026, 1, 1)).points.withheld if ln.item == "salary"]
    assert [ln.rule_id for ln in withheld] == ["salary.ab.4m"]
    assert list(withheld[0].sources) == rules.rows["salary.ab.4m"].values[0].sources
    p = profile("c", salary=9_999_999)
    withheld = [ln for ln in ev(p, date(2026, 1, 1)).points.withheld if ln.item == "salary"]
    assert [ln.rule_id for ln in withheld] == ["salary.c.10m"]


# ---------------------------------------------------------------- 8. health-insurance cards
def test_health_insurance_documents_follow_the_end_of_the_cards():
    """New cards stopped on 2024-12-02: a list for 2024-12-01 asks for the card, one for 2024-12-02 for the
    資格確認書 / 資格情報のお知らせ / マイナポータル screen (employees' and national insurance alike)."""
    for kind, old, new in (("employees_health", "health_insurance_card", "health_insurance_status"),
                           ("national_health", "nhi_card", "nhi_status")):
        p = steady_hsp(obligations=obligations(insurance=[InsurancePeriod(kind=kind, start=date(2015, 1, 1))]))
        for route in ("hsp80", "hsp70", "jskip", "general", "spouse", "child"):
            before = doc_ids(compose(p, ev(p, date(2024, 12, 1)), route))
            day = doc_ids(compose(p, ev(p, date(2024, 12, 2)), route))
            assert old in before and new not in before, (route, before)
            assert new in day and old not in day, (route, day)


# ---------------------------------------------------------------- 9. the J-Skip document list
def test_the_jskip_list_asks_for_proof_of_the_criteria_not_points():
    p = steady_hsp(obligations=CLEAN)
    p.residence = [status("hsp1b", date(2023, 5, 1), granted_as_hsp=True, hsp_points=90, special_hsp=True)]
    p.salary = [SalaryEntry(start=date(2020, 1, 1), amount_yen=25_000_000)]
    cl = compose(p, ev(p, date(2025, 6, 1)), "jskip")
    ids = doc_ids(cl)
    assert {"jskip_income_proof", "jskip_degree_or_experience", "special_hsp_certificate"} <= set(ids)
    assert not {"points_evidence", "points_sheet_now", "points_sheet_past"} & set(ids)
    assert cl.exhibits == []
    p.residence = [status("engineer_humanities", date(2023, 5, 1))]
    assert "special_hsp_certificate" not in doc_ids(compose(p, ev(p, date(2025, 6, 1)), "jskip"))


def test_no_salary_entered_at_a_checkpoint_is_unknown_not_a_refusal():
    """The same (b) profile with no salary before 2025-06-01: the 1-year checkpoint's floor is unknown (enter the
    salary), not a blocker; the route is not refused on a missing fact."""
    from hsp_wizard.domain.project import ResearchAchievement
    p = profile("b", birth=date(2000, 1, 1), degrees=[degree("doctorate", awarded=date(2023, 3, 31))],
                japanese=[jlpt("N1", date(2022, 12, 1))],
                research=[ResearchAchievement(kind="papers", achieved=date(2023, 1, 1))],
                employer_facts=[EmployerFact(kind="innovation_support", start=date(2023, 4, 1))],
                salary_history=[SalaryEntry(start=date(2025, 6, 1), amount_yen=3_000_000)],
                obligations=CLEAN, residence=[status("engineer_humanities", date(2023, 4, 1))])
    route = ev(p, date(2026, 5, 31)).routes["hsp80"]
    assert [c.met for c in route.conditions if c.rule_id == "gate.salary_floor"] == [None]
    assert "gate.salary_floor" not in rules_of(route)


def test_a_notice_from_a_later_grant_does_not_stand_for_an_earlier_checkpoint():
    """HSP granted with 85 on 2025-09-01; applying on 2026-06-01, the 1-year checkpoint (2025-06-01) was before
    the grant: the sheet for that date is still listed, and the checklist says why."""
    p = steady_hsp(obligations=obligations(points_notice=True))
    p.residence = [status("engineer_humanities", date(2015, 1, 1), date(2025, 8, 31)),
                   status("hsp1b", date(2025, 9, 1), granted_as_hsp=True, hsp_points=85)]
    cl = compose(p, ev(p, date(2026, 6, 1)), "hsp80")
    assert "points_sheet_past" in doc_ids(cl) and not cl.notice_covers
    assert any("No HSP grant entered covers" in m.text for m in cl.assumptions)
