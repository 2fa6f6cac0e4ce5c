"""Statuses typed as months back to back are one stay (a fresh user's finding): "To 2023-03" then "From 2023-04"
read as 1 March and 30 April, a gap the residence page reported, that broke the continuity of residence and moved
the HSP 80-point route a year and the general rule four years later than the same history typed with days."""

from datetime import date

from hsp_wizard.domain.project import ResidencePeriod
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, cell, choose, step
from tests.ui.test_app_behaves import new_project


def statuses(w, rows):
    new_project(w)
    step(w, PageId.RESIDENCE)
    ed = w.wizard.currentPage().editors["residence"]
    for i, (status, start, end) in enumerate(rows):
        add_row(ed)
        choose(ed, i, 0, status)
        cell(ed, i, 1, start)
        if end:
            cell(ed, i, 2, end)
    return ed


def test_months_back_to_back_are_one_stay_as_the_same_history_typed_with_days(window):
    w = window
    statuses(w, [("engineer_humanities", "2019-04", "2023-03"), ("hsp1b", "2023-04", "")])
    months = w.doc.project.residence
    assert [(r.start, r.end) for r in months] == [(date(2019, 4, 30), date(2023, 4, 29)), (date(2023, 4, 30), None)]
    problems = w.wizard.currentPage().problems.text()
    assert "No status of residence" not in problems and "2023" not in problems, problems
    general = general_rule(w)
    # the same history typed with days, the change of status on 1 April: the general rule's 10 years run from the
    # same first day, unbroken
    w.doc.update(residence=[months[0].model_copy(update={"end": date(2023, 3, 31)}),
                            months[1].model_copy(update={"start": date(2023, 4, 1)})])
    assert general_rule(w) == general
    assert general[1] == date(2029, 4, 30)


def general_rule(w):
    r = next(r for r in w.doc.plan(date(2026, 12, 3)).answer.routes if r.route == "general")
    return r.state, r.opens or r.since


def test_a_month_end_is_joined_only_to_a_status_starting_that_month_or_the_next():
    from hsp_wizard.ui.pages.residence import join_month_changeovers
    def period(start, end):
        return ResidencePeriod(status="engineer_humanities", start=start, end=end)
    first = period(date(2019, 4, 30), date(2023, 3, 1))  # "To 2023-03"
    same = join_month_changeovers([first, period(date(2023, 3, 31), None)], [True, False])
    assert same[0].end == date(2023, 3, 30)
    later = join_month_changeovers([first, period(date(2023, 5, 31), None)], [True, False])
    assert later[0].end == date(2023, 3, 1)  # two months on: a gap the person typed, said as one
    typed_day = join_month_changeovers([first, period(date(2023, 4, 30), None)], [False, False])
    assert typed_day[0].end == date(2023, 3, 1)  # a "To" typed with its day is as typed
    assert join_month_changeovers([first], [True]) == [first]
