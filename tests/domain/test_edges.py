"""Every numeric edge at E-1, E, E+1: salary bands by age, ages 30/35/40, career years, the ¥3M floor."""

from datetime import date, timedelta

import pytest

from hsp_wizard.domain.points import points
from hsp_wizard.domain.project import JicaTraining, Investment
from tests.domain.builders import degree, employer, jlpt, profile

ON = date(2026, 6, 1)
ONE = timedelta(days=1)


def salary_pts(cat, salary, age):
    r = points(cat, profile(cat, age=age, on=ON, salary=salary), ON)
    return sum(ln.points for ln in r.lines if ln.item == "salary")


# (lower edge, points, youngest age the band is closed to (None: open to all))
AB_BANDS = [(4_000_000, 10, 30), (5_000_000, 15, 35), (6_000_000, 20, 40), (7_000_000, 25, 40),
            (8_000_000, 30, None), (9_000_000, 35, None), (10_000_000, 40, None)]


@pytest.mark.parametrize("cat", ["a", "b"])
@pytest.mark.parametrize("edge, pts, closed_from", AB_BANDS)
def test_ab_salary_band_edges_by_age(cat, edge, pts, closed_from):
    below = {e: p for e, p, _ in AB_BANDS}.get(edge - 1_000_000, 0)
    below_closed = {e: c for e, _, c in AB_BANDS}.get(edge - 1_000_000)
    for age in (25, 29, 30, 34, 35, 39, 40, 45):
        open_ = closed_from is None or age < closed_from
        assert salary_pts(cat, edge, age) == (pts if open_ else 0), (edge, age)
        assert salary_pts(cat, edge + 1, age) == (pts if open_ else 0), (edge + 1, age)
        below_open = below_closed is None or age < below_closed
        assert salary_pts(cat, edge - 1, age) == (below if below_open else 0), (edge - 1, age)


@pytest.mark.parametrize("edge, pts", [(10_000_000, 10), (15_000_000, 20), (20_000_000, 30), (25_000_000, 40),
                                       (30_000_000, 50)])
def test_c_salary_band_edges_ignore_age(edge, pts):
    for age in (25, 45):
        assert salary_pts("c", edge, age) == pts
        assert salary_pts("c", edge + 1, age) == pts
        assert salary_pts("c", edge - 1, age) == pts - 10 if pts > 10 else salary_pts("c", edge - 1, age) == 0


@pytest.mark.parametrize("birthday_age, before, on_day", [(30, 15, 10), (35, 10, 5), (40, 5, 0)])
def test_age_points_change_on_the_birthday_not_the_day_before(birthday_age, before, on_day):
    birth = date(1990, 7, 15)
    p = profile("b", birth=birth, salary=None)
    bday = date(1990 + birthday_age, 7, 15)

    def age_pts(d):
        return sum(ln.points for ln in points("b", p, d).lines if ln.item == "age")

    assert age_pts(bday - ONE) == before
    assert age_pts(bday) == on_day
    assert age_pts(bday + ONE) == on_day


def test_feb29_birth_turns_30_on_mar1_in_a_common_year():
    p = profile("b", birth=date(1996, 2, 29), salary=4_500_000)
    feb28 = points("b", p, date(2026, 2, 28))
    mar1 = points("b", p, date(2026, 3, 1))
    assert feb28.age == 29 and mar1.age == 30
    assert feb28.total - mar1.total == 15  # age 15 -> 10 and the 4M band closes (10 -> 0)


def test_application_on_feb29_looks_back_to_feb28():
    from hsp_wizard.domain.evaluate import evaluate
    p = profile("b", birth=date(1990, 1, 1), salary=9_000_000, degrees=[degree("master")])
    ev = evaluate(p, date(2028, 2, 29), find_dates=False)
    assert ev.checkpoints[1].on == date(2027, 2, 28)
    assert ev.checkpoints[3].on == date(2025, 2, 28)


@pytest.mark.parametrize("cat, years, pts", [
    ("a", 3, 5), ("a", 5, 10), ("a", 7, 15), ("a", 10, 15),
    ("b", 3, 5), ("b", 5, 10), ("b", 7, 15), ("b", 10, 20),
    ("c", 3, 10), ("c", 5, 15), ("c", 7, 20), ("c", 10, 25),
])
def test_career_thresholds_exactly_at_the_anniversary(cat, years, pts):
    start = date(2010, 4, 1)
    kind = {"a": "research_education", "b": "specialised", "c": "business_management"}[cat]
    from hsp_wizard.domain.project import CareerPeriod
    p = profile(cat, birth=date(1985, 1, 1), career=[CareerPeriod(kind=kind, start=start)])
    lower = {3: 0, 5: {"a": 5, "b": 5, "c": 10}[cat], 7: {"a": 10, "b": 10, "c": 15}[cat],
             10: {"a": 15, "b": 15, "c": 20}[cat]}[years]

    def career_pts(d):
        return sum(ln.points for ln in points(cat, p, d).lines if ln.item == "career")

    edge = date(2010 + years, 4, 1)
    assert career_pts(edge - ONE) == lower
    assert career_pts(edge) == pts
    assert career_pts(edge + ONE) == pts


def test_career_ignores_other_kinds_and_merges_overlaps():
    from hsp_wizard.domain.project import CareerPeriod
    p = profile("b", birth=date(1985, 1, 1), career=[
        CareerPeriod(kind="specialised", start=date(2015, 1, 1), end=date(2017, 12, 31)),
        CareerPeriod(kind="specialised", start=date(2017, 1, 1), end=date(2018, 12, 31)),  # overlaps a year
        CareerPeriod(kind="business_management", start=date(2019, 1, 1), end=date(2022, 12, 31)),
    ])
    r = points("b", p, date(2026, 1, 1))
    assert r.career_months == 48  # 2015-01-01..2018-12-31 once
    assert {ln.rule_id: ln.points for ln in r.lines}["career.3y"] == 5
    assert any(ln.rule_id == "exclusion.category_scope" and ln.item == "career" for ln in r.withheld)


@pytest.mark.parametrize("cat", ["b", "c"])
@pytest.mark.parametrize("salary, ok", [(2_999_999, False), (3_000_000, True), (3_000_001, True)])
def test_salary_floor_b_and_c(cat, salary, ok):
    p = profile(cat, age=30, on=ON, salary=salary)
    floor = [g for g in points(cat, p, ON).gates if g.rule_id == "gate.salary_floor"]
    assert floor and floor[0].met is ok


def test_no_floor_in_a():
    p = profile("a", age=30, on=ON, salary=1_000_000)
    assert not [g for g in points("a", p, ON).gates if g.rule_id == "gate.salary_floor"]


def test_salary_history_takes_the_entry_in_effect_on_the_date():
    from hsp_wizard.domain.project import SalaryEntry
    p = profile("b", age=31, on=ON, salary_history=[SalaryEntry(start=date(2020, 1, 1), amount_yen=6_500_000),
                                                   SalaryEntry(start=date(2027, 4, 1), amount_yen=8_200_000)])
    assert points("b", p, date(2027, 3, 31)).salary_yen == 6_500_000
    assert points("b", p, date(2027, 4, 1)).salary_yen == 8_200_000


def test_foreign_sending_organisation_pay_is_added():
    from hsp_wizard.domain.project import SalaryEntry
    p = profile("b", age=31, on=ON, salary_history=[SalaryEntry(start=date(2020, 1, 1), amount_yen=5_000_000,
                                                               foreign_amount_yen=3_000_000)])
    r = points("b", p, ON)
    assert r.salary_yen == 8_000_000 and {ln.rule_id for ln in r.lines} >= {"salary.ab.8m"}


# ---------------------------------------------------------------- exclusions and scopes
def rule_points(cat, p, on=ON):
    return {ln.rule_id: ln.points for ln in points(cat, p, on).lines}


def test_only_the_highest_degree_counts():
    p = profile("b", age=30, on=ON, degrees=[degree("doctorate", field="Chemistry"), degree("master", field="Chemistry")])
    pts = rule_points("b", p)
    assert pts.get("academic.doctorate") == 30 and "academic.master" not in pts
    assert "academic.multiple_fields" not in pts  # same field


def test_two_bachelors_do_not_make_the_multiple_field_bonus():
    p = profile("b", age=30, on=ON, degrees=[degree("bachelor", field="Law"), degree("bachelor", field="Physics")])
    assert "academic.multiple_fields" not in rule_points("b", p)


def test_doctorate_is_20_in_c_and_mba_is_20_in_a():
    assert rule_points("c", profile("c", age=30, on=ON, degrees=[degree("doctorate")]))["academic.doctorate"] == 20
    pts_a = rule_points("a", profile("a", age=30, on=ON, degrees=[degree("mba_mot")]))
    assert pts_a == {"academic.master": 20, "age.30to34": 10}


def test_degree_awarded_after_the_date_does_not_count():
    p = profile("b", age=30, on=ON, degrees=[degree("master", awarded=ON + ONE)])
    assert "academic.master" not in rule_points("b", p)
    assert rule_points("b", p, ON + ONE)["academic.master"] == 20


def test_jlpt_counts_from_the_result_date():
    p = profile("b", age=30, on=ON, japanese=[jlpt("N1", passed=ON)])
    assert "bonus.b7_n1" not in rule_points("b", p, ON - ONE)
    assert rule_points("b", p, ON)["bonus.b7_n1"] == 15


@pytest.mark.parametrize("score, rule", [(399, None), (400, "bonus.b8_n2"), (479, "bonus.b8_n2"),
                                         (480, "bonus.b7_n1")])
def test_bjt_score_edges(score, rule):
    from hsp_wizard.domain.project import JapaneseResult
    p = profile("b", age=30, on=ON, japanese=[JapaneseResult(test="bjt", score=score, passed=date(2020, 1, 1))])
    pts = rule_points("b", p)
    bonus = {k for k in pts if k in ("bonus.b7_n1", "bonus.b8_n2")}
    assert bonus == ({rule} if rule else set())


def test_n2_counts_without_japanese_degree_or_n1():
    assert rule_points("b", profile("b", age=30, on=ON, japanese=[jlpt("N2")]))["bonus.b8_n2"] == 10


def test_designated_university_bonus_is_at_most_10():
    p = profile("b", age=30, on=ON, degrees=[degree("master", designated_university=True, field="A"),
                                             degree("bachelor", designated_university=True, field="B")])
    assert rule_points("b", p)["bonus.b10_designated_university"] == 10


def test_top_university_japanese_degree_and_n1_make_35():
    p = profile("b", age=30, on=ON, degrees=[degree("bachelor", japanese_university=True,
                                                    designated_university=True)], japanese=[jlpt("N1")])
    pts = rule_points("b", p)
    assert pts["bonus.b6_japanese_university"] + pts["bonus.b7_n1"] + pts["bonus.b10_designated_university"] == 35


def test_jica_excluded_with_japanese_degree_when_taught_in_japanese_university_classes():
    jica = JicaTraining(start=date(2018, 4, 1), completed=date(2019, 3, 31), used_japanese_university_classes=True)
    with_degree = profile("b", age=30, on=ON, degrees=[degree("master", japanese_university=True)],
                          jica_training=[jica])
    pts = rule_points("b", with_degree)
    assert "bonus.b11_jica" not in pts
    plain = profile("b", age=30, on=ON, degrees=[degree("master")], jica_training=[jica])
    assert rule_points("b", plain)["bonus.b11_jica"] == 5


def test_jica_under_a_year_does_not_count():
    short = JicaTraining(start=date(2018, 4, 1), completed=date(2019, 3, 30))
    assert "bonus.b11_jica" not in rule_points("b", profile("b", age=30, on=ON, jica_training=[short]))


def test_investment_bonus_only_in_c():
    inv = [Investment(amount_yen=100_000_000, made=date(2020, 1, 1))]
    assert rule_points("c", profile("c", age=30, on=ON, investments=inv))["bonus.b12_investment"] == 5
    assert "bonus.b12_investment" not in rule_points("b", profile("b", age=30, on=ON, investments=inv))
    low = [Investment(amount_yen=99_999_999, made=date(2020, 1, 1))]
    assert "bonus.b12_investment" not in rule_points("c", profile("c", age=30, on=ON, investments=low))


def test_investment_management_only_in_b_and_c():
    facts = [employer("investment_management")]
    assert rule_points("b", profile("b", age=30, on=ON, employer_facts=facts))["bonus.b13_investment_management"] == 10
    assert rule_points("c", profile("c", age=30, on=ON, employer_facts=facts))["bonus.b13_investment_management"] == 10
    r = points("a", profile("a", age=30, on=ON, employer_facts=facts), ON)
    assert "bonus.b13_investment_management" in {ln.rule_id for ln in r.withheld}


def test_rnd_bonus_needs_an_sme():
    assert "bonus.b4_rnd_ratio" not in rule_points("b", profile("b", age=30, on=ON,
                                                                employer_facts=[employer("rnd_over_3_percent")]))
    pts = rule_points("b", profile("b", age=30, on=ON, employer_facts=[employer("rnd_over_3_percent"),
                                                                      employer("sme")]))
    assert pts["bonus.b4_rnd_ratio"] == 5


def test_local_government_support_stacks_with_b1_b2():
    facts = [employer("innovation_support"), employer("sme"), employer("local_government_support")]
    pts = rule_points("b", profile("b", age=30, on=ON, employer_facts=facts))
    assert pts["bonus.b1_innovation"] + pts["bonus.b2_sme"] + pts["bonus.b3_local_government"] == 30


def test_employer_fact_counts_only_inside_its_dates():
    facts = [employer("growth_field_project", start=date(2025, 1, 1), end=date(2025, 12, 31))]
    p = profile("b", age=30, on=ON, employer_facts=facts)
    assert rule_points("b", p, date(2025, 12, 31))["bonus.b9_growth_field"] == 10
    assert "bonus.b9_growth_field" not in rule_points("b", p, date(2026, 1, 1))


def test_research_b_is_15_for_two_and_c_has_none():
    from hsp_wizard.domain.project import ResearchAchievement
    res = [ResearchAchievement(kind="patent", achieved=date(2015, 1, 1)),
           ResearchAchievement(kind="papers", achieved=date(2016, 1, 1))]
    assert rule_points("b", profile("b", age=30, on=ON, research=res))["research.one"] == 15
    r = points("c", profile("c", age=30, on=ON, research=res), ON)
    assert not [ln for ln in r.lines if ln.item == "research"]
    assert [ln for ln in r.withheld if ln.item == "research"]


def test_two_patents_are_one_research_item():
    from hsp_wizard.domain.project import ResearchAchievement
    res = [ResearchAchievement(kind="patent", achieved=date(2015, 1, 1)),
           ResearchAchievement(kind="patent", achieved=date(2016, 1, 1))]
    assert rule_points("a", profile("a", age=30, on=ON, research=res))["research.one"] == 20


def test_licences_only_in_b():
    from hsp_wizard.domain.project import Licence
    one = [Licence(obtained=date(2015, 1, 1))]
    assert rule_points("b", profile("b", age=30, on=ON, licences=one))["licence.one"] == 5
    assert not [k for k in rule_points("a", profile("a", age=30, on=ON, licences=one)) if k.startswith("licence")]


def test_every_line_names_a_rule_and_a_source():
    p = profile("b", age=30, on=ON, degrees=[degree("master", japanese_university=True)], career_years=4,
                salary=7_500_000, japanese=[jlpt("N1"), jlpt("N2")], employer_facts=[employer("sme")])
    r = points("b", p, ON)
    for ln in (*r.lines, *r.withheld):
        assert ln.rule_id and ln.sources and ln.confidence
