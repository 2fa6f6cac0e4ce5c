"""No salary entered for a day is unknown, not ¥0 (found by a fresh user: a project without a salary was told
"J-Skip: not open, salary ¥0"). The J-Skip criteria and HSP(ii) then say "cannot tell yet" and name the salary
as the fact to enter, unless another part of the same criteria already fails on its own."""

from datetime import date

from hsp_wizard.domain.plan import make_plan
from hsp_wizard.domain.project import SalaryEntry
from hsp_wizard.domain.routes import Engine
from hsp_wizard.presentation import Renderer
from tests.domain.builders import CLEAN, career_ending, degree, jlpt, profile, status

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


# ---------------------------------------------------------------- the 80 and 70 point routes
def hsp_holder(salary=(), degrees=("doctorate",), n1=True, birth=date(1990, 1, 1), granted=True):
    """HSP(i)(b) since 2021-01-01 (granted at 80) with the given degrees and salary rows: a doctorate (30), age 36
    (5) and JLPT N1 (15) are 50 points without salary points; at 36 the highest salary band adds 40."""
    return profile("b", birth=birth, degrees=[degree(d) for d in degrees], japanese=[jlpt("N1")] if n1 else [],
                   obligations=CLEAN.model_copy(update={"landing_criteria": "yes"}), salary_history=list(salary),
                   residence=[status("hsp1b", date(2021, 1, 1), granted_as_hsp=True, hsp_points=80) if granted else
                              status("engineer_humanities", date(2021, 1, 1))])


def test_no_salary_where_a_salary_could_reach_80_cannot_tell_and_names_the_salary():
    p = hsp_holder()
    route = make_plan(p, ON, on=ON).answer.route("hsp80")
    assert route.state == "unknown"
    assert "salary" in {f.item for f in route.missing}
    said = [Renderer().msg(f.condition.why) for f in route.missing if f.item == "salary"]
    assert any("without salary points" in s and "could add as many as 40 points" in s for s in said), said


def test_no_salary_where_even_the_highest_band_falls_short_is_still_closed():
    """A bachelor's (10) at 36 (5): 15 points; the highest band adds 40: 55, under 70 and 80."""
    p = hsp_holder(degrees=("bachelor",), n1=False)
    plan = make_plan(p, ON, on=ON)
    assert plan.answer.route("hsp80").state == "closed"
    assert plan.answer.route("hsp70").state == "closed"


def test_a_salary_entered_only_since_2025_leaves_the_3_year_checkpoint_untold_until_said():
    """An engineer since 2021 (not recognised as an HSP: the route needs its checkpoint, variant イ). ¥10M from 2025-01-01: 90 points on the day; the 70-point route's checkpoint (2023-12-01, age 33: 55 points
    without salary points) has no salary. Saying what was paid then (¥4M from 2021: no points at 33) decides it."""
    late = hsp_holder(salary=[SalaryEntry(start=date(2025, 1, 1), amount_yen=10_000_000)], granted=False)
    ev = make_plan(late, ON, on=ON).evaluation
    back = [c for c in ev.routes["hsp70"].conditions if c.rule_id == "points.salary_unknown"]
    assert back and back[0].met is None and dict(back[0].why.params)["date"] == date(2023, 12, 1)
    said = late.model_copy(update={"salary": [SalaryEntry(start=date(2021, 1, 1), amount_yen=4_000_000),
                                              *late.salary]})
    ev = make_plan(said, ON, on=ON).evaluation
    assert not [c for c in ev.routes["hsp70"].conditions if c.rule_id == "points.salary_unknown"]
    assert next(c for c in ev.routes["hsp70"].conditions if c.rule_id == "pr.checkpoints").met is False


def test_the_headline_asks_for_the_salary_in_words():
    """The headline named the missing salary by the ¥3M floor's rule label ("enter (b) and (c) need annual
    remuneration of ¥3,000,000 or more"); it asks for "your salary", on the Salary page, in both languages."""
    from hsp_wizard.wording import words
    p = hsp_holder()
    a = make_plan(p, ON, on=ON).answer
    en, ja = words(Renderer("en"), a), words(Renderer("ja"), a)
    assert en.headline.startswith("Cannot tell yet: enter your salary first.") and "remuneration" not in en.headline
    assert "年収を入力してください" in ja.headline
    assert {(f.text, f.page) for f in en.facts} == {("your salary", "Salary")}
