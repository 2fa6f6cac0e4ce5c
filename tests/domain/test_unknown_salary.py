"""No salary entered for a day is unknown, not ¥0 (found by a fresh user: a project without a salary was told
"J-Skip: not open, salary ¥0"). The J-Skip criteria and HSP(ii) then say "cannot tell yet" and name the salary
as the fact to enter, unless another part of the same criteria already fails on its own."""

from datetime import date

from hsp_wizard.domain.plan import make_plan
from hsp_wizard.domain.project import SalaryEntry
from hsp_wizard.domain.routes import Engine
from hsp_wizard.presentation import Renderer
from tests.domain.builders import CLEAN, career_ending, degree, profile, status

ON = date(2026, 12, 1)


def engineer(category="b", salary=(), **kw):
    """Resident as an engineer since 2020, taxes and the rest in order, the given salary rows only."""
    return profile(category, birth=date(1985, 1, 1), obligations=CLEAN, salary_history=list(salary),
                   residence=kw.pop("residence", [status("engineer_humanities", date(2020, 1, 1))]), **kw)


def jskip_answer(p):
    return make_plan(p, ON, on=ON).answer.route("jskip")


def test_no_salary_with_a_masters_degree_cannot_tell_the_jskip_criteria():
    p = engineer(degrees=[degree("master")])
    crit = Engine(p, today=ON).jskip_criteria(ON)
    assert crit.met is None
    said = Renderer().msg(crit.why)
    assert "no salary is entered" in said and "Salary page" in said and "¥0" not in said
    route = jskip_answer(p)
    assert route.state == "unknown"
    assert "salary" in {f.item for f in route.missing}


def test_no_salary_but_neither_a_degree_nor_ten_years_is_still_no():
    p = engineer(degrees=[degree("bachelor")], career=[career_ending("specialised", ON, 2)])
    assert Engine(p, today=ON).jskip_criteria(ON).met is False
    route = jskip_answer(p)
    assert route.state != "unknown" or "salary" not in {f.item for f in route.missing}


def test_category_c_without_a_salary_depends_on_its_years_of_management():
    short = engineer("c", career=[career_ending("business_management", ON, 2)])
    long = engineer("c", career=[career_ending("business_management", ON, 6)])
    assert Engine(short, today=ON).jskip_criteria(ON).met is False  # 2 of 5 years: no, whatever the salary
    assert Engine(long, today=ON).jskip_criteria(ON).met is None


def test_a_salary_entered_only_since_june_leaves_the_day_a_year_back_unknown():
    """¥25M from 2026-06-01: met on 2026-12-01; on 2025-12-01 (the route's earlier day) nothing is entered."""
    late = engineer(degrees=[degree("master")], salary=[SalaryEntry(start=date(2026, 6, 1), amount_yen=25_000_000)])
    e = Engine(late, today=ON)
    assert e.jskip_criteria(ON).met is True and e.jskip_criteria(date(2025, 12, 1)).met is None
    assert jskip_answer(late).state == "unknown"
    early = engineer(degrees=[degree("master")], salary=[SalaryEntry(start=date(2024, 1, 1), amount_yen=25_000_000)])
    route = jskip_answer(early)
    assert "salary" not in {f.item for f in route.missing}
    assert Engine(early, today=ON).jskip_criteria(date(2025, 12, 1)).met is True


def test_hsp2_without_a_salary_cannot_tell_and_with_one_under_the_floor_is_closed():
    """HSP(i)(b) since 2022 with a master's (20) at 41 (0): 20 points without salary points, under 70; HSP(ii)
    then rests on the J-Skip criteria (unknown without a salary) and the ¥3M floor (unknown without one)."""
    hsp = [status("hsp1b", date(2022, 1, 1), granted_as_hsp=True, hsp_points=70)]
    none = engineer(degrees=[degree("master")], residence=hsp)
    assert make_plan(none, ON, on=ON).answer.route("hsp2").state == "unknown"
    low = engineer(degrees=[degree("master")], residence=hsp,
                   salary=[SalaryEntry(start=date(2020, 1, 1), amount_yen=2_000_000)])
    assert make_plan(low, ON, on=ON).answer.route("hsp2").state == "closed"
