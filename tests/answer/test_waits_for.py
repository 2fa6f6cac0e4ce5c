"""What a route waits for is said as it stands on the day the answer is about. The condition that bound an opening
day is checked on the day before it, so a count of years read "9 of 10 year(s)" on every example, whatever the
count was (a fresh user: "since 30 Apr 2023: 9 of 10", on 3 Dec 2026). Said on the evaluation date when it is the
same wait; a stay a later trip restarts is said as the planner found it."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from hsp_wizard.domain.answer import OPENS, answer_for
from hsp_wizard.domain.dates import completed_years
from hsp_wizard.domain.project import Trip
from hsp_wizard.storage import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.hspw"))
TODAY = date(2026, 12, 3)


def counts(a) -> list[tuple[str, date, int, int]]:
    """(route, start, the count said, years) of every opening route that waits for a count of years."""
    out = []
    for r in a.routes:
        if r.state == OPENS and r.waits_for is not None:
            params = dict(r.waits_for.why.params)
            if "have" in params and isinstance(params.get("start"), date):
                out.append((r.route, params["start"], params["have"], params["years"]))
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_count_of_years_waited_for_is_the_count_on_the_day_answered(path):
    p = load_project(path)
    a = answer_for(p, TODAY)
    on = p.planned_application_date or TODAY
    for route, start, have, years in counts(a):
        assert have == max(completed_years(start, on), 0), (route, start, have, on)
        assert have < years


def test_the_examples_wait_for_counts_that_are_not_all_one_short():
    said = [c for path in EXAMPLES for c in counts(answer_for(load_project(path), TODAY))]
    assert len(said) >= 3  # the examples do wait for counts of years
    assert any(have != years - 1 for _route, _start, have, years in said)


def test_a_stay_restarted_by_a_later_trip_is_said_from_its_new_start():
    """More than a year abroad from 20 Dec 2026 restarts the continuous stay: the 3-year route waits for a stay that starts
    on the return, which the evaluation date's condition (counted from the old start) does not describe."""
    p = load_project(next(x for x in EXAMPLES if x.stem == "jskip-b"))
    left = date(2026, 12, 20)  # after the answer's day (15 Dec 2026), before the route opened (10 Jan 2027)
    p = p.model_copy(update={"trips": [*p.trips, Trip(left=left, returned=left + timedelta(days=400))]})
    said = counts(answer_for(p, TODAY))
    assert said and all(start > left for _route, start, _have, _years in said), said
