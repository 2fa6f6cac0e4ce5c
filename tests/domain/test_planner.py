"""The planner: the points timeline (steps, events and their reasons, route windows) and the suggestions, on
profiles computed by hand first."""

from datetime import date, timedelta
from pathlib import Path

from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.project import CareerPeriod, Degree, JapaneseResult, Project, ResidencePeriod, SalaryEntry
from hsp_wizard.domain.suggest import LEAD_DAYS, earliest, suggestions
from hsp_wizard.domain.timeline import timeline
from hsp_wizard.storage import load_project
from tests.domain.builders import CLEAN

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 22)


def engineer_at_65() -> Project:
    """(b), born 1994-06-01, master's 2019 (20), specialised work since 2019-04-01 (7 years on 2026-04-01: 15),
    ¥6,000,000 at 30-34 (20), age 30-34 (10): 65 points, short of 70. Engineer/Humanities since 2019-04-01 with
    5-year stays: the general route (10 years) opens on 2029-04-01 and nothing sooner."""
    return Project(category="b", birth_date=date(1994, 6, 1), obligations=CLEAN,
                   degrees=[Degree(level="master", awarded=date(2019, 3, 31))],
                   career=[CareerPeriod(kind="specialised", start=date(2019, 4, 1))],
                   salary=[SalaryEntry(start=date(2019, 4, 1), amount_yen=6_000_000)],
                   residence=[ResidencePeriod(status="engineer_humanities", start=date(2019, 4, 1),
                                              period_of_stay_months=60)])


def test_the_hand_made_profile_is_what_its_docstring_says():
    ev = evaluate(engineer_at_65(), TODAY, today=TODAY)
    assert ev.points.total == 65
    assert earliest(ev) == ("general", date(2029, 4, 1))


def test_timeline_steps_and_events_of_the_hsp_holder_example():
    """hsp-holder-b: (b), born 1998-03-15. Career passes 5 years on 2025-04-01 (+5: 85 -> 90) and 7 years on
    2027-04-01 (+5: 90 -> 95); turning 30 on 2028-03-15 costs the under-30 age points (15 -> 10) and the
    ¥4-5M salary band open only under 30 (10 -> 0): 95 -> 80."""
    tl = timeline(load_project(ROOT / "examples" / "hsp-holder-b.hspw"), TODAY)
    assert tl.start == date(2023, 11, 22) and tl.end == date(2031, 11, 22)
    assert [(e.on, e.kind, e.before, e.after) for e in tl.events][:3] == [
        (date(2025, 4, 1), "career", 85, 90), (date(2027, 4, 1), "career", 90, 95),
        (date(2028, 3, 15), "birthday", 95, 80)]
    birthday = tl.events[2]
    assert {(c.rule_id.split(".")[0], c.before, c.after) for c in birthday.changes} >= {("salary", 10, 0)}
    assert sum(c.after - c.before for c in birthday.changes) == -15
    # between steps the total is the step's; the day before a step is the old total
    assert tl.total("b", date(2028, 3, 14)) == 95 and tl.total("b", date(2028, 3, 15)) == 80
    assert tl.total("b", tl.start) == 85
    assert tl.breakdown(date(2028, 3, 15)).total == 80
    assert tl.planned == date(2026, 10, 1) and tl.checkpoints == [date(2025, 10, 1), date(2023, 10, 1)]


def test_every_step_is_a_change_and_every_event_matches_the_engine():
    for path in sorted((ROOT / "examples").glob("*.hspw")):
        project = load_project(path)
        tl = timeline(project, TODAY)
        for i in range(1, len(tl.steps)):
            assert any(tl.totals[c][i] != tl.totals[c][i - 1] for c in tl.totals), (path.name, tl.steps[i])
        for e in tl.events:
            assert tl.breakdown(e.on).total == e.after and tl.breakdown(e.on - timedelta(days=1)).total == e.before
            assert sum(c.after - c.before for c in e.changes) == e.after - e.before


def test_route_windows_open_on_the_earliest_date_the_engine_finds():
    n1 = engineer_at_65()
    n1.japanese = [JapaneseResult(test="jlpt", level="N1", passed=date(2027, 5, 24))]
    tl = timeline(n1, TODAY)
    # 80 points from 2027-05-24; the one-year checkpoint reaches 80 a year later
    assert tl.windows["hsp80"] == [(date(2028, 5, 24), None)]
    assert tl.windows["general"] == [(date(2029, 4, 1), None)]
    # 70 points needs its three-year checkpoint at 70 too: three years after 2027-05-24
    assert tl.windows["hsp70"] == [(date(2030, 5, 24), None)]
    assert tl.windows["spouse"] == [] and tl.windows["jskip"] == []


def test_suggestions_rank_the_changes_that_bring_the_earliest_route_forward():
    """N1 by today + 183 days (2027-05-24): 80 points, so the 80 route opens a year later, 2028-05-24: 312 days
    before 2029-04-01. The smallest raise that does the same is to ¥9,000,000 (the 9M band at 30-34: 35, +15).
    N2 (+10) or an innovation-supported employer (+10) reach 75: the 70 route would need three years of it,
    later than 2029-04-01, so they are not suggested."""
    found = suggestions(engineer_at_65(), TODAY)
    assert TODAY + timedelta(days=LEAD_DAYS) == date(2027, 5, 24)
    assert [(s.kind, s.gain_days, s.route, s.after, s.points_gain) for s in found] == [
        ("jlpt_n1", 312, "hsp80", date(2028, 5, 24), 15), ("raise", 312, "hsp80", date(2028, 5, 24), 15)]
    assert found[0].rule_id == "bonus.b7_n1" and found[1].rule_id.startswith("salary.")
    assert "Passing JLPT N1 by 2027-05-24 adds 15 points" in found[0].says.render()
    assert "from 2029-04-01 to 2028-05-24" in found[0].says.render()
    assert "¥9,000,000" in found[1].says.render()


def test_each_suggestion_is_true_when_tried():
    project = engineer_at_65()
    for s in suggestions(project, TODAY):
        if s.kind == "jlpt_n1":
            variant = project.model_copy(update={"japanese": [JapaneseResult(test="jlpt", level="N1",
                                                                             passed=date(2027, 5, 24))]})
        else:
            variant = project.model_copy(update={"salary": [*project.salary, SalaryEntry(
                start=date(2027, 5, 24), amount_yen=9_000_000)]})
        assert earliest(evaluate(variant, TODAY, today=TODAY)) == (s.route, s.after)


def test_nothing_is_suggested_when_a_route_is_already_open_except_applying_earlier():
    project = load_project(ROOT / "examples" / "jskip-b.hspw")  # open today, planned for 2026-12-15
    found = suggestions(project, TODAY)
    assert [(s.kind, s.gain_days, s.after) for s in found] == [("apply_earlier", 23, TODAY)]
    assert not suggestions(project.model_copy(update={"planned_application_date": None}), TODAY)


def test_a_planned_trip_that_would_end_the_status_is_suggested_shorter():
    """Away 2027-02-01 to 2028-03-15 (408 days) on a special re-entry permit (1 year): the status ends, so no
    route opens within ten years (to 2036-11-22). Back after 89 days, the general route opens on 2029-04-01
    again: 2,792 days sooner. N1 then gives 80 points and the 80 route a year after the return, 2029-03-15
    (2,809 days), and the raise to ¥9,000,000 the same; N2, the employer bonus and a raise to ¥7,000,000 give 70
    or 75 points: the 70 route three years after the return, 2031-03-15 (2,079 days)."""
    from hsp_wizard.domain.project import Trip
    project = engineer_at_65()
    project.trips = [Trip(left=date(2027, 2, 1), returned=date(2028, 3, 15), reentry_permit="special")]
    assert earliest(evaluate(project, TODAY, today=TODAY)) is None
    found = suggestions(project, TODAY)
    assert [(s.kind, s.gain_days, s.after) for s in found] == [
        ("jlpt_n1", 2809, date(2029, 3, 15)), ("raise", 2809, date(2029, 3, 15)),
        ("shorten_trip", 2792, date(2029, 4, 1)), ("employer_b1", 2079, date(2031, 3, 15)),
        ("jlpt_n2", 2079, date(2031, 3, 15)), ("raise", 2079, date(2031, 3, 15))]
    trip = found[2]
    assert trip.before is None and trip.rule_id == "continuity.single_trip_days"
    assert "after 89 days instead of 408" in trip.says.render()
    assert "from no date within the horizon to 2029-04-01" in trip.says.render()
    assert {s.says.params[0][1] for s in found if s.kind == "raise"} == {9_000_000, 7_000_000}


def test_when_nothing_is_suggested_the_reason_is_given():
    open_today = load_project(ROOT / "examples" / "hsp-holder-b.hspw")  # the 80 route is open now
    found = suggestions(open_today, TODAY)
    assert found == []
    assert found.none_reason.render() == "A route is open already today (hsp80): nothing can make it sooner."
    closed = engineer_at_65().model_copy(update={"category": None})  # no category: no points, nothing to try
    assert suggestions(closed, TODAY).none_reason.render() == "No change tried brings your earliest route forward."


def test_the_quick_earliest_search_agrees_with_the_full_evaluation():
    """`earliest_opening` (what the suggestions use) is `earliest(evaluate(...))`, and with `before` it answers
    only when that answer is earlier: on every example, from several days, and on changed copies."""
    from hsp_wizard.domain.evaluate import earliest_opening
    from hsp_wizard.domain.project import Trip
    projects = [load_project(p) for p in sorted((ROOT / "examples").glob("*.hspw"))] + [engineer_at_65()]
    long_trip = engineer_at_65()
    long_trip.trips = [Trip(left=date(2027, 2, 1), returned=date(2028, 3, 15))]
    projects.append(long_trip)
    for p in projects:
        for start in (date(2020, 1, 1), TODAY, date(2029, 4, 1)):
            full = earliest(evaluate(p, start, today=start))
            assert earliest_opening(p, start, today=start) == full, (p.name, start)
            for before in (start, start + timedelta(days=400), date(2031, 1, 1)):
                quick = earliest_opening(p, start, today=start, before=before)
                assert quick == (full if full is not None and full[1] < before else None), (p.name, start, before)


def test_a_planned_date_before_any_route_opens_is_said_first():
    """Planning to apply on 2028-01-01, when the general route opens on 2029-04-01 (and nothing sooner): that plan
    would be refused, so it comes first, with the date to move to; the changes that help follow as before."""
    p = engineer_at_65()
    p.planned_application_date = date(2028, 1, 1)
    found = suggestions(p, TODAY)
    assert [(s.kind, s.gain_days, s.before, s.after) for s in found][0] == (
        "apply_later", 0, date(2028, 1, 1), date(2029, 4, 1))
    assert found[0].rule_id == "pr.general.years"
    assert "On your planned date, 2028-01-01, no route is open yet" in found[0].says.render()
    assert [s.kind for s in found[1:]] == ["jlpt_n1", "raise"]
    past = p.model_copy(update={"planned_application_date": date(2026, 1, 1)})  # a date gone by: not a plan
    assert [s.kind for s in suggestions(past, TODAY)] == ["jlpt_n1", "raise"]
