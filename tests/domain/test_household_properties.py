"""Properties over generated households beside the example HSP holder: a member's date with the principal is
never before the principal's own first date nor before the application date; 'can apply with you' needs both
sides; a benefit is met only when every condition is; the spouse's income never lowers the household's."""

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hsp_wizard.domain.evaluate import evaluate, first_route
from hsp_wizard.domain.household import household_income, household_of
from hsp_wizard.domain.project import Household, HouseholdMember, ResidencePeriod, SalaryEntry, Trip
from hsp_wizard.storage import load_project

ON = date(2026, 10, 1)
PRINCIPAL = load_project(Path(__file__).parents[2] / "examples" / "hsp-holder-b.hspw")
EV = evaluate(PRINCIPAL, ON)
FIRST = first_route({k: o.opens for k, o in EV.openings.items()})
past = st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 9, 30))
answers = st.sampled_from(["yes", "no", "unknown"])
payments = st.sampled_from(["on_time", "late", "unpaid", "unknown"])


@st.composite
def member(draw, kind):
    start = draw(past)
    fields = dict(kind=kind, birth_date=draw(st.none() | st.dates(min_value=date(1950, 1, 1),
                                                                    max_value=date(2026, 9, 1))),
                  nationality=draw(st.sampled_from([None, "foreign", "foreign", "permanent_resident", "japanese"])),
                  lives_together=draw(answers), taxes=draw(payments), pension=draw(payments),
                  health_insurance=draw(payments),
                  residence=draw(st.lists(st.just(ResidencePeriod(status="dependent", start=start,
                                                                  period_of_stay_months=60)), max_size=1)),
                  trips=draw(st.lists(st.builds(lambda d, n: Trip(left=d, returned=date.fromordinal(
                      min(d.toordinal() + n, date(2026, 9, 30).toordinal()))), past, st.integers(1, 200)),
                      max_size=2)),
                  income=draw(st.lists(st.builds(lambda a: SalaryEntry(start=date(2020, 1, 1), amount_yen=a),
                                                 st.integers(0, 12_000_000)), max_size=1)))
    if kind == "spouse":
        fields.update(marriage_date=draw(st.none() | past), work_qualifies=draw(answers))
    elif kind == "child":
        fields.update(child_relation=draw(st.sampled_from([None, "natural", "special_adopted", "adopted",
                                                           "stepchild"])), born_in_japan=draw(st.booleans()))
    else:
        fields.update(parent_of=draw(st.sampled_from([None, "principal", "spouse"])))
    return HouseholdMember(**fields)


@st.composite
def households(draw):
    members = draw(st.lists(member("child"), max_size=3)) + draw(st.lists(member("parent"), max_size=2))
    if draw(st.booleans()):
        members.insert(0, draw(member("spouse")))
    return Household(members=members, expecting_until=draw(st.none() | st.dates(min_value=date(2026, 1, 1),
                                                                                 max_value=date(2027, 6, 1))))


@settings(max_examples=25, deadline=None)
@given(households())
def test_household_invariants(hh):
    p = PRINCIPAL.model_copy(update={"household": hh})
    res = household_of(p, EV)
    if not hh.members:
        assert res is None
        return
    for m in res.members:
        if m.together is None:
            continue
        if m.together.opens is not None:
            assert m.together.opens >= ON and m.together.opens >= FIRST[1]
        if m.open_together:
            assert m.principal_open and m.on_date.open and m.together.opens == ON
    for b in res.benefits:
        mets = [c.met for c in b.conditions]
        assert (b.met is True) == all(x is True for x in mets)
        assert (b.met is False) == any(x is False for x in mets)
    income, complete = household_income(p, ON)
    assert income >= 4_000_000  # never less than the principal's own
