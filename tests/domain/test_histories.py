"""Hand-made residence histories and the earliest date each route opens, computed by hand first.

Each test states the arithmetic in its docstring; the engine must agree to the day."""

from datetime import date

from hsp_wizard.domain.evaluate import Planner, evaluate
from hsp_wizard.domain.project import (CareerPeriod, Obligations, Penalty, SalaryEntry, Trip)
from hsp_wizard.domain.routes import Engine
from hsp_wizard.storage import load_project
from tests.domain.builders import CLEAN, degree, jlpt, profile, status


def opening(p, route, start, years=10):
    e = Engine(p, today=start)
    from hsp_wizard.domain.dates import years_after
    return Planner(e).opening(route, start, years_after(start, years))


def steady_90(**kw):
    """(b), over 40 (no age points), PhD 30 + ¥10M 40 + 10 years 20 = 90 on every date after 2016."""
    return profile("b", birth=date(1975, 1, 1), degrees=[degree("doctorate", awarded=date(2005, 3, 31))],
                   career=[CareerPeriod(kind="specialised", start=date(2006, 4, 1))], salary=10_000_000,
                   obligations=CLEAN, **kw)


def test_30th_birthday_closes_the_80_route():
    """Master 20 + ¥7.5M 25 + age<30 15 + N1 15 + career 3y 5 = 80 from 2023-01-01 (3 years of a career that
    ended 2022-12-31). The 1-year lookback reaches 2023-01-01 on 2024-01-01: the route opens then. On the 30th
    birthday, 2027-06-15, age points fall to 10 and the total to 75: the route closes that day."""
    p = profile("b", birth=date(1997, 6, 15), degrees=[degree("master", awarded=date(2019, 3, 31))],
                career=[CareerPeriod(kind="specialised", start=date(2020, 1, 1), end=date(2022, 12, 31))],
                salary=7_500_000, japanese=[jlpt("N1", date(2019, 12, 1))], obligations=CLEAN,
                residence=[status("engineer_humanities", date(2020, 1, 1))])
    o = opening(p, "hsp80", date(2023, 6, 1))
    assert o.opens == date(2024, 1, 1)
    assert [c.rule_id for c in o.binding] == ["pr.checkpoints"]
    assert o.closes == date(2027, 6, 15)
    assert [c.rule_id for c in o.closing] == ["pr.hsp80.points"]


def test_leaving_without_a_reentry_permit_restarts_the_count():
    """90 points throughout. Left 2024-03-01 with no re-entry permit, back 2024-05-01 on a new status: the
    count restarts 2024-05-01, so the 80 route opens 2025-05-01, the 70 route 2027-05-01, the general rule
    2034-05-01."""
    p = steady_90(residence=[status("engineer_humanities", date(2014, 4, 1), date(2024, 3, 1)),
                             status("engineer_humanities", date(2024, 5, 1))],
                  trips=[Trip(left=date(2024, 3, 1), returned=date(2024, 5, 1), reentry_permit="none")])
    start = date(2024, 6, 1)
    assert opening(p, "hsp80", start).opens == date(2025, 5, 1)
    assert opening(p, "hsp70", start).opens == date(2027, 5, 1)
    general = opening(p, "general", start)
    assert general.opens == date(2034, 5, 1)
    assert [c.rule_id for c in general.binding] == ["pr.general.years"]


def test_no_permit_trip_breaks_even_when_the_status_list_shows_no_gap():
    p = steady_90(residence=[status("engineer_humanities", date(2014, 4, 1))],
                  trips=[Trip(left=date(2024, 3, 1), returned=date(2024, 5, 1), reentry_permit="none")])
    o = opening(p, "hsp80", date(2024, 6, 1))
    assert o.opens == date(2025, 5, 1)
    assert "continuity.no_reentry_permit" in [b.rule_id for b in Engine(p).res.breaks]


def test_special_reentry_permit_overstayed_breaks_continuity():
    """Left 2022-01-10 on a special re-entry permit (valid 1 year, to 2023-01-10), back 2023-02-01: status
    lost; the count restarts 2023-02-01 and the 80 route opens 2024-02-01."""
    p = steady_90(residence=[status("engineer_humanities", date(2015, 4, 1))],
                  trips=[Trip(left=date(2022, 1, 10), returned=date(2023, 2, 1), reentry_permit="special")])
    assert opening(p, "hsp80", date(2023, 3, 1)).opens == date(2024, 2, 1)


def test_special_reentry_permit_back_in_time_keeps_continuity_but_warns():
    """Back on the permit's last day (2023-01-10): no break. The trip of a year is a practice risk, named as an
    absence of a year or more (issue 16)."""
    p = steady_90(residence=[status("engineer_humanities", date(2015, 4, 1))],
                  trips=[Trip(left=date(2022, 1, 10), returned=date(2023, 1, 10), reentry_permit="special")])
    assert opening(p, "hsp80", date(2023, 3, 1)).opens == date(2023, 3, 1)
    r = Engine(p).route("hsp80", date(2023, 3, 1))
    assert r.open and {c.rule_id for c in r.warnings} >= {"continuity.long_absence", "continuity.yearly_days"}


def test_status_gap_restarts_the_count():
    """技人国 to 2020-03-31, next status from 2020-04-15: a 14-day gap. General rule: 10 years from 2020-04-15."""
    p = steady_90(residence=[status("engineer_humanities", date(2010, 4, 1), date(2020, 3, 31)),
                             status("engineer_humanities", date(2020, 4, 15))])
    o = opening(p, "general", date(2025, 1, 1))
    assert o.opens == date(2030, 4, 15)


def test_general_rule_waits_for_five_work_years():
    """Student 2014-04-01..2020-03-31, then 技人国: 10 years of residence on 2024-04-01, but 5 years on a work
    status only on 2025-04-01, which binds."""
    p = steady_90(residence=[status("student", date(2014, 4, 1), date(2020, 3, 31), months=51),
                             status("engineer_humanities", date(2020, 4, 1))])
    o = opening(p, "general", date(2024, 1, 1))
    assert o.opens == date(2025, 4, 1)
    assert [c.rule_id for c in o.binding] == ["pr.general.work_years"]


def test_student_years_count_toward_the_ten():
    p = steady_90(residence=[status("student", date(2014, 4, 1), date(2018, 3, 31), months=51),
                             status("engineer_humanities", date(2018, 4, 1))])
    o = opening(p, "general", date(2023, 1, 1))
    assert o.opens == date(2024, 4, 1)
    assert [c.rule_id for c in o.binding] == ["pr.general.years"]


def test_jskip_holder_opens_pr_and_hsp2_after_one_year():
    """J-Skip (b) granted 2024-01-10: ¥25M and a master's. The J-Skip PR route and HSP(ii) both need 1 year as
    a special HSP: 2025-01-10. The 80 route (90 points, granted with 90) opens the same day."""
    p = load_project("examples/jskip-b.hspw")
    start = date(2024, 6, 1)
    assert Engine(p).jskip_criteria(start).met
    assert opening(p, "jskip", start).opens == date(2025, 1, 10)
    assert opening(p, "hsp2", start).opens == date(2025, 1, 10)
    assert opening(p, "hsp80", start).opens == date(2025, 1, 10)


def test_hsp2_needs_three_years_without_jskip():
    p = load_project("examples/jskip-b.hspw")
    p.residence[0].special_hsp = False
    assert opening(p, "hsp2", date(2024, 6, 1)).opens == date(2027, 1, 10)


def test_hsp2_for_an_hsp_holder_three_years_after_the_grant():
    """HSP(i)(b) since 2023-10-01 with 80+ points: HSP(ii) opens 2026-10-01, bound by the 3 years."""
    p = load_project("examples/hsp-holder-b.hspw")
    o = opening(p, "hsp2", date(2026, 1, 1))
    assert o.opens == date(2026, 10, 1)
    assert [c.rule_id for c in o.binding] == ["hsp2.years_in_hsp1"]


def test_spouse_route_opens_after_three_years_of_marriage_and_closes_with_the_three_year_allowance():
    """Married 2021-09-10; on a spouse visa (3 years granted) since 2022-03-01. Marriage 3 years: 2024-09-10;
    residence 1 year: 2023-03-01. Opens 2024-09-10. From 2027-04-01 a 3-year period of stay no longer counts
    as the longest (reported 2026 revision): the route closes then."""
    p = load_project("examples/spouse-route.hspw")
    o = opening(p, "spouse", date(2024, 1, 1))
    assert o.opens == date(2024, 9, 10)
    assert [c.rule_id for c in o.binding] == ["pr.spouse.marriage_years"]
    assert o.closes == date(2027, 4, 1)
    assert [c.rule_id for c in o.closing] == ["stay.three_years_count"]


def test_a_fine_holds_the_route_for_five_years_after_it_is_paid():
    """90 points, resident since 2015, but a fine paid 2022-05-01: good conduct from 2027-05-01."""
    ob = CLEAN.model_copy(update={"penalties": [Penalty(kind="fine", ended=date(2022, 5, 1))]})
    p = steady_90(residence=[status("engineer_humanities", date(2015, 4, 1))])
    p.obligations = ob
    o = opening(p, "hsp80", date(2025, 1, 1))
    assert o.opens == date(2027, 5, 1)
    assert [c.rule_id for c in o.binding] == ["conduct.fine_years"]


def test_points_route_without_hsp_status_uses_points_three_years_before():
    """Example 1's engineer on 技人国: on 2026-10-01, 3 years before (2023-10-01) age 27 (15), career 3y (5),
    salary ¥6M (20), master 20, N1 15 = 75 >= 70; resident since 2018: the 70 route is open (variant イ)."""
    p = load_project("examples/gijinkoku-points-route-b.hspw")
    r = Engine(p).route("hsp70", date(2026, 10, 1))
    assert r.open and r.variant == "i"
    ev = evaluate(p, date(2026, 10, 1), find_dates=False)
    assert ev.checkpoints[3].total == 75


def test_unpaid_tax_blocks_every_route_and_unknown_answers_only_warn():
    p = steady_90(residence=[status("engineer_humanities", date(2010, 4, 1))])
    p.obligations = Obligations(taxes="unpaid")
    r = Engine(p).route("general", date(2026, 1, 1))
    assert not r.open and [c.rule_id for c in r.blockers] == ["obligations.public_charges"]
    p.obligations = Obligations()
    r = Engine(p).route("general", date(2026, 1, 1))
    assert r.open and r.warnings


def test_late_payment_is_a_warning_citing_the_2024_note():
    p = steady_90(residence=[status("engineer_humanities", date(2010, 4, 1))])
    p.obligations = CLEAN.model_copy(update={"pension": "late"})
    r = Engine(p).route("general", date(2026, 1, 1))
    assert r.open and "obligations.late_payment" in {c.rule_id for c in r.warnings}


def test_long_trip_in_the_window_is_a_risk_not_a_break():
    p = load_project("examples/researcher-a.hspw")
    r = Engine(p).route("hsp70", date(2026, 12, 1))
    assert "continuity.single_trip_days" in {c.rule_id for c in r.warnings}
    assert "continuity.single_trip_days" not in {c.rule_id for c in r.blockers}


def test_dip_between_checkpoints_is_a_warning_not_a_refusal():
    """90 on both checkpoints (2024-12-01 and 2025-12-01); from 2025-01-01 to 2025-05-31 the salary is ¥5M,
    a band closed over 35, so the total is 50. The route stays open with a dip warning naming 2025-01-01."""
    p = steady_90(residence=[status("engineer_humanities", date(2015, 4, 1))])
    p.salary = [SalaryEntry(start=date(2016, 1, 1), amount_yen=10_000_000),
                SalaryEntry(start=date(2025, 1, 1), amount_yen=5_000_000),
                SalaryEntry(start=date(2025, 6, 1), amount_yen=10_000_000)]
    ev = evaluate(p, date(2025, 12, 1), find_dates=False)
    r = ev.routes["hsp80"]
    assert r.open
    dips = [c for c in r.warnings if c.rule_id == "pr.checkpoints"]
    assert len(dips) == 1 and dict(dips[0].why.params)["date"] == date(2025, 1, 1)
    assert dict(dips[0].why.params)["total"] == 50


def test_an_older_table_in_force_at_the_checkpoint_counts_where_it_gives_the_mark(tmp_path):
    """Project decision (seed 004, item 8(3)): the past checkpoint is scored with the current table, but the
    table in force then also counts where it gives the mark, and the result says which table was used.
    With a made-up older table in which a master's scored 30 until 2021-07-30, a checkpoint in 2021 reaches 80
    only under that table."""
    import re
    import shutil
    from importlib import resources
    from pathlib import Path
    from hsp_wizard.rules.loader import DATA_FILES, load_rules_from
    src = Path(str(resources.files("hsp_wizard.rules"))) / "data"
    for name in DATA_FILES:
        shutil.copy(src / name, tmp_path / name)
    pts = (tmp_path / "points.toml").read_text(encoding="utf-8")
    pts = pts.replace("since = 2021-07-30", "since = 2015-04-01")
    pts = re.sub(r'(id = "academic.master"\n(?:.*\n){4})values = \[\{ since = 2015-04-01, ',
                 r'\1values = [{ since = 2015-04-01, until = 2021-07-30, points = { a = 30, b = 30, c = 30 }, '
                 r'sources = ["S1"], confidence = "unverified" }, { since = 2021-07-30, ', pts)
    (tmp_path / "points.toml").write_text(pts, encoding="utf-8")
    old_rules = load_rules_from(tmp_path)
    assert old_rules.row_value("academic.master", date(2021, 1, 1)).points["b"] == 30
    # master 20 (30 before 2021-07-30) + ¥10M 40 + age 35-39 5 + career 10y 20 - 5 y. = 75 now, 85 then
    p = profile("b", birth=date(1985, 1, 1), degrees=[degree("master", awarded=date(2008, 3, 31))],
                career=[CareerPeriod(kind="specialised", start=date(2010, 4, 1))], salary=10_000_000,
                obligations=CLEAN, residence=[status("engineer_humanities", date(2015, 4, 1))])
    on = date(2022, 1, 10)  # age 37: 20 + 40 + 5 + 20 = 85 now; a year before (2021-01-10): 20+40+5+20
    e_cur, e_old = Engine(p), Engine(p, old_rules)
    assert e_cur.points(on).total == 85 and e_old.points(on).total == 85
    p.degrees[0].level = "master"
    # make the current checkpoint fail: drop the salary a year before to ¥9M (35) -> 80 current, 90 old
    p.salary = [SalaryEntry(start=date(2000, 1, 1), amount_yen=8_500_000),
                SalaryEntry(start=date(2021, 6, 1), amount_yen=10_000_000)]
    e_cur, e_old = Engine(p), Engine(p, old_rules)
    back = date(2021, 1, 10)
    assert e_cur.points(back).total == 75  # 20 + 30 + 5 + 20
    assert e_old.points(back).total == 85 and e_old.points(back).table_date == date(2015, 4, 1)
    assert not e_cur.route("hsp80", on).open
    r = e_old.route("hsp80", on)
    assert r.open and r.variant == "i"
    cp = [c for c in r.conditions if c.rule_id == "pr.checkpoints"][0]
    assert dict(cp.why.params)["table"] == date(2015, 4, 1)


def test_three_year_period_of_stay_warns_before_the_allowance_ends():
    """A spouse visa of 36 months passes the longest-stay condition on 2026-12-01 only thanks to the 3-year
    allowance (until 2027-03-31): a warning says so; with 60 months there is no such warning."""
    p = load_project("examples/spouse-route.hspw")
    r = Engine(p).route("spouse", date(2026, 12, 1))
    warn = [c for c in r.warnings if c.rule_id == "stay.three_years_count"]
    assert r.open and len(warn) == 1 and dict(warn[0].why.params)["end"] == date(2027, 3, 31)
    p.residence[0].period_of_stay_months = 60
    assert not [c for c in Engine(p).route("spouse", date(2026, 12, 1)).warnings
                if c.rule_id == "stay.three_years_count"]
