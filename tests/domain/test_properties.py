"""Properties over generated profiles: the total is the sum of its lines; more salary never costs salary
points at a fixed age; adding a bonus never lowers the total."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from hsp_wizard.domain.points import points
from hsp_wizard.domain.project import (CareerPeriod, Degree, EmployerFact, JapaneseResult, Project,
                                       SalaryEntry)

ON = date(2026, 6, 1)
cats = st.sampled_from(["a", "b", "c"])
days = st.dates(min_value=date(1960, 1, 1), max_value=date(2026, 6, 1))
degrees = st.builds(Degree, level=st.sampled_from(["bachelor", "master", "professional", "mba_mot", "doctorate"]),
                    field=st.sampled_from(["", "Law", "Physics", "CS"]), japanese_university=st.booleans(),
                    awarded=days, designated_university=st.booleans(), japanese_major=st.booleans())
careers = st.builds(CareerPeriod, kind=st.sampled_from(["research_education", "specialised", "business_management"]),
                    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 1, 1)), end=st.none())
salaries = st.integers(min_value=0, max_value=60_000_000)
facts = st.builds(EmployerFact, kind=st.sampled_from(["innovation_support", "sme", "local_government_support",
                                                       "rnd_over_3_percent", "growth_field_project",
                                                       "investment_management"]),
                  start=st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 6, 1)), end=st.none())
japanese = st.builds(JapaneseResult, test=st.just("jlpt"), level=st.sampled_from(["N1", "N2", "N3"]), passed=days)


@st.composite
def projects(draw):
    return Project(birth_date=draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2005, 1, 1))),
                   degrees=draw(st.lists(degrees, max_size=3)), career=draw(st.lists(careers, max_size=3)),
                   salary=[SalaryEntry(start=date(2000, 1, 1), amount_yen=draw(salaries))],
                   employer_facts=draw(st.lists(facts, max_size=4)), japanese=draw(st.lists(japanese, max_size=2)))


@settings(max_examples=300, deadline=None)
@given(projects(), cats, days)
def test_total_is_the_sum_of_the_lines_and_withheld_lines_score_nothing(p, cat, on):
    r = points(cat, p, on)
    assert r.total == sum(ln.points for ln in r.lines)
    assert all(ln.points == 0 and ln.withheld for ln in r.withheld)
    assert len({ln.item for ln in r.lines if ln.item in ("academic", "career", "salary", "age")}) == \
        len([ln for ln in r.lines if ln.item in ("academic", "career", "salary", "age")])  # one row per item


@settings(max_examples=300, deadline=None)
@given(projects(), cats, salaries, salaries)
def test_more_salary_never_lowers_salary_points_at_a_fixed_age(p, cat, s1, s2):
    lo, hi = sorted((s1, s2))

    def salary_points(s):
        q = p.model_copy(update={"salary": [SalaryEntry(start=date(2000, 1, 1), amount_yen=s)]})
        return sum(ln.points for ln in points(cat, q, ON).lines if ln.item == "salary")

    assert salary_points(hi) >= salary_points(lo)


@settings(max_examples=300, deadline=None)
@given(projects(), cats, facts)
def test_adding_a_bonus_fact_never_lowers_the_total(p, cat, fact):
    before = points(cat, p, ON).total
    q = p.model_copy(update={"employer_facts": [*p.employer_facts, fact]})
    assert points(cat, q, ON).total >= before


@settings(max_examples=200, deadline=None)
@given(projects(), cats, japanese)
def test_adding_a_japanese_result_never_lowers_the_total(p, cat, res):
    before = points(cat, p, ON).total
    q = p.model_copy(update={"japanese": [*p.japanese, res]})
    assert points(cat, q, ON).total >= before
