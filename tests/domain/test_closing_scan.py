"""The planner's scans checked against a scan that checks every candidate day in full (issue 21).

Once a route is open, `Planner.windows` checks only the days on which a blocking condition can stop holding
(`Planner._moves`) and, for a route that reads an earlier day (`RouteSpec.looks_back`), the days on which what it
reads there changes; while it looks for an opening it skips the days a route's quick test (`RouteSpec.closed`)
rules out. Both shortcuts must give exactly the windows (first open day, closing day and the blockers on it) of
the plain scan, on projects whose routes open and close again: salaries that fall, statuses that change, trips
that end a status, penalties, marriages that end, ages that cost points."""

import random
from bisect import bisect_right
from datetime import date, timedelta
from pathlib import Path

import pytest

from hsp_wizard.domain.dates import years_after
from hsp_wizard.domain.evaluate import Planner, Window
from hsp_wizard.domain.project import (EmployerFact, Family, Penalty, ResidencePeriod, SalaryEntry, Trip)
from hsp_wizard.domain.registry import STUCK, current
from hsp_wizard.domain.routes import Engine
from hsp_wizard.rules import load_rules
from hsp_wizard.storage import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.hspw"))
TODAY = date(2026, 12, 1)
STATUSES = ("engineer_humanities", "specified_skilled_worker_i", "hsp1b", "hsp1a", "hsp1c", "business_manager", "student",
            "long_term_resident", "designated_activities", "spouse_of_japanese", "hsp2")


def _day(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def varied(p, rng: random.Random):
    """The example with another history: salaries that rise and fall, statuses that change (with gaps), trips on
    every kind of permit, penalties, a marriage that may end, a refugee recognition, employer facts that end."""
    q = p.model_copy(deep=True)
    shift = timedelta(days=rng.randint(-2000, 2000))
    if q.birth_date and rng.random() < 0.9:
        q.birth_date = q.birth_date + shift
    if rng.random() < 0.8:
        q.salary = [SalaryEntry(start=_day(rng, date(2014, 1, 1), date(2034, 1, 1)),
                                amount_yen=rng.choice([3_000_000, 5_000_000, 7_000_000, 8_000_000, 10_000_000,
                                                       14_000_000, 20_000_000, 30_000_000]))
                    for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.6:
        start = _day(rng, date(2008, 1, 1), date(2020, 1, 1))
        periods = []
        for _ in range(rng.randint(1, 5)):
            length = rng.randint(200, 2500)
            end = start + timedelta(days=length) if rng.random() < 0.8 else None
            status = rng.choice(STATUSES)
            periods.append(ResidencePeriod(status=status, start=start, end=end,
                                           period_of_stay_months=rng.choice([None, 12, 36, 60, 0]),
                                           granted_as_hsp=status.startswith("hsp") and rng.random() < 0.7,
                                           hsp_points=rng.choice([None, 70, 80, 90]),
                                           special_hsp=status.startswith("hsp") and rng.random() < 0.2))
            if end is None:
                break
            start = end + timedelta(days=1 if rng.random() < 0.8 else rng.randint(2, 90))
        q.residence = periods
    if rng.random() < 0.7:
        trips, d = [], _day(rng, date(2012, 1, 1), date(2022, 1, 1))
        for _ in range(rng.randint(1, 6)):
            d = d + timedelta(days=rng.randint(30, 500))
            permit = rng.choice(["special", "ordinary", "none", "special"])
            back = d + timedelta(days=rng.choice([5, 40, 200, 380, 500])) if rng.random() < 0.9 else None
            trips.append(Trip(left=d, returned=back, reentry_permit=permit,
                              permit_expires=(d + timedelta(days=rng.choice([100, 700])))
                              if permit == "ordinary" and rng.random() < 0.7 else None))
            d = back or d
            if back is None:
                break
        q.trips = trips
    if rng.random() < 0.3:
        q.obligations.penalties = [Penalty(kind=rng.choice(["fine", "imprisonment"]),
                                           ended=_day(rng, date(2015, 1, 1), date(2030, 1, 1)),
                                           suspended=rng.random() < 0.4)]
    if rng.random() < 0.3:
        married = _day(rng, date(2010, 1, 1), date(2028, 1, 1))
        q.family = Family(spouse_is=rng.choice(["japanese", "permanent_resident"]), marriage_date=married,
                          marriage_ended=married + timedelta(days=rng.randint(300, 4000))
                          if rng.random() < 0.5 else None,
                          parent_is=rng.choice(["none", "japanese"]),
                          child_kind=rng.choice([None, "natural", "ordinary_adoption"]),
                          refugee_recognised=_day(rng, date(2012, 1, 1), date(2028, 1, 1))
                          if rng.random() < 0.3 else None,
                          protection=rng.choice(["refugee", "complementary", "third_country_resettled"]))
    if rng.random() < 0.5:
        q.employer_facts = [EmployerFact(kind=rng.choice(["innovation_support", "sme", "rnd_over_3_percent"]),
                                         start=_day(rng, date(2012, 1, 1), date(2026, 1, 1)),
                                         end=_day(rng, date(2026, 1, 2), date(2032, 1, 1)))]
    if rng.random() < 0.3:
        q.category = rng.choice(["a", "b", "c"])
    return q


def projects(n: int, seed: int):
    rng = random.Random(seed)
    base = [load_project(p) for p in EXAMPLES]
    return [varied(base[i % len(base)], rng) for i in range(n)]


def plain_windows(planner: Planner, name: str, start: date, end: date) -> list[Window]:
    """Every candidate day checked in full: the reference."""
    if planner.e.never(name) is not None:
        return []
    out, opened = [], None
    for d in planner.route_days(name, start, end):
        r = planner.check(name, d)
        if r.open and opened is None:
            opened = d
        elif not r.open and opened is not None:
            out.append(Window(opened, d, r.blockers))
            opened = None
    if opened is not None:
        out.append(Window(opened, None))
    return out


def _closings(found):
    return [(w.opens, w.closed, [(c.rule_id, c.met, c.why.as_json()) for c in w.closing]) for w in found]


def test_windows_are_those_of_a_scan_of_every_candidate_day():
    rules = load_rules()
    closes = lookback_closes = 0
    for p in projects(160, 0):
        for start in (date(2020, 6, 1), TODAY):
            end = years_after(start, 10)
            fast = Planner(Engine(p, rules, today=TODAY))
            plain = Planner(Engine(p, rules, today=TODAY))
            for name in current().all:
                want = plain_windows(plain, name, start, end)
                assert _closings(fast.windows(name, start, end)) == _closings(want), (name, start)
                first = fast.windows(name, start, end, limit=1)
                assert _closings(first) == _closings(want[:1]), (name, start)
                days, moves = plain.route_days(name, start, end), fast._moves()
                for w in want:
                    if w.closed is not None:
                        closes += 1
                        before = days[days.index(w.closed) - 1]
                        lookback_closes += bisect_right(moves, before) == bisect_right(moves, w.closed)
    # the projects make routes close, some on a day only the moving checkpoint changes (else this could not fail)
    assert closes >= 20 and lookback_closes >= 1, (closes, lookback_closes)


def _quick_tests(n: int, seed: int):
    """(the blockers-only engine, its planner, a route, the route's quick closed-day test) for every route that has
    one, on `n` varied projects."""
    rules = load_rules()
    for p in projects(n, seed):
        engine = Engine(p, rules, today=TODAY).blockers_only()
        planner = Planner(engine)
        for name in current().all:
            if current()[name].closed is not None:
                yield engine, planner, name, current()[name].closed


@pytest.mark.parametrize("seed", range(2))
def test_quick_closed_day_tests_agree_with_the_full_check(seed):
    """A route's quick test says "closed" only on a day its full check finds a blocking condition unmet."""
    rules = load_rules()
    rng = random.Random(100 + seed)
    ruled_out = {}
    for p in projects(40, 50 + seed):
        engine = Engine(p, rules, today=TODAY).blockers_only()
        planner = Planner(engine)
        days = planner.candidates(date(2015, 1, 1), date(2038, 1, 1))
        days = sorted(set(rng.sample(days, min(len(days), 40)))
                      | {_day(rng, date(2015, 1, 1), date(2038, 1, 1)) for _ in range(20)})
        for name in current().all:
            quick = current()[name].closed
            if quick is None:
                continue
            for d in days:
                if quick(engine, d):
                    ruled_out[name] = ruled_out.get(name, 0) + 1
                    assert not engine.route(name, d).open, (name, d)
    # every quick test rules days out on these projects (a test that never fires proves nothing)
    assert set(ruled_out) == {n for n in current().all if current()[n].closed is not None}, ruled_out


@pytest.mark.parametrize("seed", range(2))
def test_a_day_closed_until_the_next_move_stays_closed_until_then(seed):
    """A quick test's STUCK (closed by a condition that only a move day can change) holds on every candidate day
    of the route up to the next move day: the planner skips those days untested while it looks for an opening."""
    rng = random.Random(200 + seed)
    stuck = {}
    for engine, planner, name, quick in _quick_tests(40, 70 + seed):
        if engine.never(name) is not None:
            continue
        moves, days = planner._moves(), planner.route_days(name, date(2015, 1, 1), date(2038, 1, 1))
        for i in sorted(rng.sample(range(len(days)), min(len(days), 12))):
            if quick(engine, days[i]) is not STUCK:
                continue
            stuck[name] = stuck.get(name, 0) + 1
            at = bisect_right(moves, days[i])
            for d in days[i:]:
                if bisect_right(moves, d) != at:
                    break
                assert not engine.route(name, d).open, (name, days[i], d)
    # the projects make the general rule, the points routes and HSP(ii) stuck (else this could not fail)
    assert {"general", "hsp80", "hsp70", "hsp2"} <= set(stuck), stuck


def test_a_check_with_warnings_opens_and_blocks_as_the_blockers_only_view():
    """The planner takes a route's check with warnings for the blockers-only view's check of the same day
    (`Engine.checked`): the two must agree on `open` and on every blocker, on every route and varied days (a
    condition the view leaves out must never block)."""
    rules = load_rules()
    rng = random.Random(300)
    compared = blocked = 0
    for p in projects(40, 90):
        engine = Engine(p, rules, today=TODAY)
        view = Engine(p, rules, today=TODAY).blockers_only()
        planner = Planner(engine)
        days = planner.candidates(date(2015, 1, 1), date(2038, 1, 1))
        for d in sorted(set(rng.sample(days, min(len(days), 15)))):
            for name in current().all:
                full, bare = engine.route(name, d), view.route(name, d)
                assert full.open == bare.open, (name, d)
                assert [c.as_json() for c in full.blockers] == [c.as_json() for c in bare.blockers], (name, d)
                compared += 1
                blocked += bool(full.blockers)
    assert compared > 1000 and blocked > 100, (compared, blocked)
