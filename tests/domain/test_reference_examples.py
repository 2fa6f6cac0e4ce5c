"""The worked examples of hsp-rules.md section 7, line by line, and their variants."""

from datetime import date

from hsp_wizard.domain.points import points
from hsp_wizard.domain.project import (ForeignQualification, Licence, Position, Investment, ResearchAchievement)
from tests.domain.builders import degree, employer, jlpt, profile

ON = date(2026, 5, 10)


def lines(result):
    return {ln.rule_id: ln.points for ln in result.lines}


def withheld(result):
    return {ln.rule_id for ln in result.withheld}


def example1(salary=6_000_000):
    return profile("b", birth=date(1996, 5, 10), on=ON, degrees=[degree("master", field="CS")], career_years=6,
                   salary=salary, japanese=[jlpt("N1")])


def test_example1_engineer_exactly_30():
    r = points("b", example1(), ON)
    assert lines(r) == {"academic.master": 20, "career.5y": 10, "salary.ab.6m": 20, "age.30to34": 10,
                        "bonus.b7_n1": 15}
    assert r.total == 75 and r.eligible


def test_example1_day_before_birthday_is_80():
    r = points("b", example1(), date(2026, 5, 9))
    assert r.age == 29 and r.total == 80


def test_example1_salary_one_yen_under_the_edge_is_70():
    r = points("b", example1(5_999_999), ON)
    assert lines(r)["salary.ab.5m"] == 15 and r.total == 70


def example2(**over):
    on = date(2026, 10, 1)
    kw = dict(age=28, on=on, degrees=[degree("bachelor", japanese_university=True)], career_years=3,
              salary=4_000_000, japanese=[jlpt("N1"), jlpt("N2")],
              employer_facts=[employer("sme"), employer("innovation_support")])
    kw.update(over)
    return on, profile("b", **kw)


def test_example2_n1_and_japanese_degree_stack_n2_excluded():
    on, p = example2()
    r = points("b", p, on)
    assert lines(r) == {"academic.bachelor": 10, "career.3y": 5, "salary.ab.4m": 10, "age.under30": 15,
                        "bonus.b6_japanese_university": 10, "bonus.b7_n1": 15, "bonus.b1_innovation": 10,
                        "bonus.b2_sme": 10}
    assert r.total == 85
    assert "exclusion.b8_with_b6_b7" in withheld(r)


def test_example2_n2_only_is_still_excluded_by_the_japanese_degree():
    on, p = example2(japanese=[jlpt("N2")])
    r = points("b", p, on)
    assert r.total == 70 and "bonus.b8_n2" not in lines(r)
    assert "exclusion.b8_with_b6_b7" in withheld(r)


def test_example2_sme_without_innovation_support_gets_neither():
    on, p = example2(employer_facts=[employer("sme")])
    r = points("b", p, on)
    assert r.total == 65 and not r.eligible
    assert "exclusion.b2_requires_b1" in withheld(r)


def example3(salary=7_990_000):
    on = date(2026, 6, 1)
    return on, profile("a", age=41, on=on, degrees=[degree("doctorate")], career_years=8, salary=salary,
                       research=[ResearchAchievement(kind="papers", achieved=date(2015, 1, 1)),
                                 ResearchAchievement(kind="foreign_grants", achieved=date(2016, 1, 1))])


def test_example3_researcher_band_closed_over_40():
    on, p = example3()
    r = points("a", p, on)
    assert lines(r) == {"academic.doctorate": 30, "career.7y": 15, "research.two_or_more": 25}
    assert r.total == 70 and r.eligible
    closed = [ln for ln in r.withheld if ln.rule_id == "salary.ab.7m"]
    assert closed and "closed from age" in closed[0].why.text


def test_example3_salary_8m_is_open_to_all_ages():
    on, p = example3(8_000_000)
    assert points("a", p, on).total == 100


def example4(position="director"):
    on = date(2026, 6, 1)
    return on, profile("c", age=38, on=on, degrees=[degree("bachelor")], career_years=7, salary=15_000_000,
                       positions=[Position(kind=position, start=date(2020, 1, 1))], japanese=[jlpt("N2")],
                       investments=[Investment(amount_yen=100_000_000, made=date(2020, 1, 1))])


def test_example4_manager_exactly_70():
    on, p = example4()
    r = points("c", p, on)
    assert lines(r) == {"academic.bachelor": 10, "career.7y": 20, "salary.c.15m": 20, "position.director": 5,
                        "bonus.b8_n2": 10, "bonus.b12_investment": 5}
    assert r.total == 70 and r.eligible


def test_example4_representative_director_is_75_and_both_positions_still_75():
    on, p = example4("representative")
    assert points("c", p, on).total == 75
    p.positions.append(Position(kind="director", start=date(2020, 1, 1)))
    r = points("c", p, on)
    assert r.total == 75 and "exclusion.position_single" in withheld(r)


def test_example4_is_not_jskip():
    from hsp_wizard.domain.routes import Engine
    on, p = example4()
    assert Engine(p).jskip_criteria(on).met is False


def example5():
    on = date(2026, 6, 1)
    return on, profile("b", age=27, on=on, degrees=[degree("doctorate", japanese_university=True,
                                                           designated_university=True)],
                       salary=2_900_000, japanese=[jlpt("N1")])


def test_example5_80_points_but_below_the_floor_in_b():
    on, p = example5()
    r = points("b", p, on)
    assert r.total == 80 and not r.eligible
    assert [g.rule_id for g in r.gates if not g.met] == ["gate.salary_floor"]


def test_example5_same_person_in_a_has_no_floor():
    on, p = example5()
    r = points("a", p, on)
    assert r.total == 80 and r.eligible


def example6(age=35):
    on = date(2026, 6, 1)
    return on, profile("b", age=age, on=on,
                       degrees=[degree("mba_mot", field="Business administration"),
                                degree("master", field="Computer science")],
                       career_years=10, salary=5_500_000,
                       licences=[Licence(obtained=date(2015, 1, 1)), Licence(obtained=date(2016, 1, 1))],
                       foreign_qualifications=[ForeignQualification(obtained=date(2017, 1, 1))])


def test_example6_age_35_closes_salary_band_and_drops_age_points():
    on, p = example6()
    r = points("b", p, on)
    assert lines(r) == {"academic.mba_mot": 25, "academic.multiple_fields": 5, "career.10y": 20, "age.35to39": 5,
                        "licence.two_or_more": 10, "bonus.b5_foreign_qualification": 5}
    assert r.total == 70


def test_example6_at_34_is_90():
    on, p = example6(34)
    assert points("b", p, on).total == 90


def test_supplement_example2_one_year_before():
    """Supplement to Example 2: on 2025-10-01 age 27, career 2 years -> 0; total 80."""
    on, p = example2()
    r = points("b", p, date(2025, 10, 1))
    assert r.age == 27 and "career.3y" not in lines(r)
    assert r.total == 80
