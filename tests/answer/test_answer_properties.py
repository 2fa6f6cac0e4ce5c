"""Properties of the answer over generated profiles (a residence history of one to three statuses, with or
without a period of stay, a category or not, obligations answered or not, a planned date or not): it always
answers; the headline agrees with the best route's state; a route said open is open on the date and was open
since the day it says; no internal id reaches the words; the empty project lists no route."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hsp_wizard.domain.answer import LOOK_BACK_YEARS, answer_for
from hsp_wizard.domain.dates import ONE_DAY, years_before
from hsp_wizard.domain.project import Obligations, Project, ResidencePeriod
from hsp_wizard.domain.routes import Engine
from hsp_wizard.presentation import Renderer
from hsp_wizard.wording import plain_text, words
from tests.answer.idscan import internal_ids
from tests.domain.test_properties import projects

TODAY = date(2026, 12, 3)
STATUSES = ["engineer_humanities", "engineer_humanities", "hsp1b", "hsp1b", "student", "spouse_of_japanese",
            "long_term_resident", "designated"]
payment = st.sampled_from(["on_time"] * 8 + ["late", "unpaid", "unknown"])  # mostly in order: routes open
answer_ = st.sampled_from(["yes"] * 8 + ["no", "unknown"])


@st.composite
def residents(draw):
    p = draw(projects())
    starts = sorted(draw(st.lists(st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 11, 1)), min_size=1,
                                  max_size=3, unique=True)))
    periods = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - ONE_DAY if i + 1 < len(starts) else None
        periods.append(ResidencePeriod(status=draw(st.sampled_from(STATUSES)), start=start, end=end,
                                       period_of_stay_months=draw(st.sampled_from([None, 12, 36, 60, 60, 60])),
                                       granted_as_hsp=draw(st.booleans()), hsp_points=draw(st.sampled_from([None, 70, 80]))))
    obligations = Obligations(taxes=draw(payment), pension=draw(payment), health_insurance=draw(payment),
                              notifications=draw(answer_), guarantor=draw(answer_),
                              landing_criteria=draw(answer_))
    planned = draw(st.one_of(st.none(), st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31))))
    return p.model_copy(update={"residence": periods, "obligations": obligations,
                                "category": draw(st.sampled_from([None, "a", "b", "c"])),
                                "planned_application_date": planned})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(residents())
def test_the_answer_agrees_with_the_engine(p):
    a = answer_for(p, TODAY)
    assert a.kind in {"open", "closes", "unknown", "opens_later", "nothing"}
    engine = Engine(p, today=TODAY)
    engine.blocking_only = True
    for ra in a.routes:
        check = engine.hsp2 if ra.route == "hsp2" else (lambda d, n=ra.route: engine.route(n, d))
        if ra.state == "open":
            assert check(a.on).open and check(ra.since).open and ra.since <= a.on
            if ra.since > years_before(a.on, LOOK_BACK_YEARS):  # the day before it opened, it was closed
                assert not check(ra.since - ONE_DAY).open
            if ra.closes:
                assert not check(ra.closes).open and check(ra.last_day).open
        elif ra.state == "opens":
            assert ra.opens > a.on and check(ra.opens).open and not check(a.on).open
        elif ra.state == "closed":
            assert not check(a.on).open
    b = a.best
    if a.kind in ("open", "closes"):
        assert b.state == "open" and (a.kind == "closes") == (b.closes is not None)
    if a.kind == "opens_later":
        assert b.state == "opens" and all(r.state not in ("open", "unknown") for r in a.routes if r.route != "hsp2")
    for lang in ("en", "ja"):
        text = "\n".join(plain_text(words(Renderer(lang), a)))
        assert internal_ids(text) == [], text


def test_the_empty_project_lists_no_route():
    a = answer_for(Project(), TODAY)
    assert a.kind == "empty" and a.routes == [] and a.best is None
