"""The 2023-2027 changes the law review of 2026-11-30 asked to encode, each on a hand-worked profile with the dates
that matter (the day before and the day of). Only the public API: evaluate(), compose() and the project model."""

from datetime import date

from hsp_wizard.domain.checklist import compose
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.domain.project import Business, CareerPeriod, Family, Obligations, Position, Trip
from tests.domain.builders import CLEAN, degree, jlpt, profile, status


def ev(p, on):
    return evaluate(p, on, find_dates=False)


def cond(route, rule_id):
    """The route's conditions citing `rule_id` (met True / False / None)."""
    return [c for c in route.conditions if c.rule_id == rule_id]


def blockers(route):
    return [c.rule_id for c in route.blockers]


def obligations(**kw):
    return Obligations(**{**CLEAN.model_dump(), **kw})


def engineer(**kw):
    """(b), over 40, PhD 30 + ¥10M 40 + 10 years 20 = 90; on 技術・人文知識・国際業務 (5 years) since 2010-04-01."""
    kw.setdefault("residence", [status("engineer_humanities", date(2010, 4, 1))])
    kw.setdefault("obligations", CLEAN)
    return profile("b", birth=date(1970, 1, 1), degrees=[degree("doctorate", awarded=date(2000, 3, 31))],
                   career=[CareerPeriod(kind="specialised", start=date(2000, 4, 1))], salary=10_000_000, **kw)


# ---------------------------------------------------------------- trips
def test_a_return_after_the_reentry_permits_expiry_breaks_continuity():
    """Ordinary re-entry permit valid until 2024-01-31. Back on 2024-01-31: no break. Back on 2024-02-01: the
    status ended abroad, the count restarts on 2024-02-01."""
    def trip(back):
        return engineer(trips=[Trip(left=date(2023, 6, 1), returned=back, reentry_permit="ordinary",
                                    permit_expires=date(2024, 1, 31))])
    assert ev(trip(date(2024, 1, 31)), date(2025, 1, 1)).breaks == []
    late = ev(trip(date(2024, 2, 1)), date(2025, 1, 1))
    assert [(b.rule_id, b.restart) for b in late.breaks] == [("continuity.reentry_permit_expiry", date(2024, 2, 1))]
    assert blockers(late.routes["general"]) == ["pr.general.years", "pr.general.work_years"]


def test_an_ordinary_permit_without_its_expiry_is_unknown_not_fine():
    p = engineer(trips=[Trip(left=date(2024, 3, 1), returned=date(2024, 9, 1), reentry_permit="ordinary")])
    general = ev(p, date(2025, 1, 1)).routes["general"]
    assert [c.met for c in cond(general, "continuity.reentry_permit_expiry")] == [None]


def test_an_absence_of_a_year_or_more_is_named_as_such():
    """On an ordinary permit valid to 2025-12-31: away 2023-01-10 to 2024-01-09 (under a year) is a 90-day risk;
    back 2024-01-10 (a year to the day) it is named an absence of a year or more."""
    def trip(back):
        return engineer(trips=[Trip(left=date(2023, 1, 10), returned=back, reentry_permit="ordinary",
                                    permit_expires=date(2025, 12, 31))])
    short = ev(trip(date(2024, 1, 9)), date(2024, 6, 1)).routes["general"]
    assert {c.rule_id for c in short.warnings} >= {"continuity.single_trip_days"}
    assert not cond(short, "continuity.long_absence")
    year = ev(trip(date(2024, 1, 10)), date(2024, 6, 1)).routes["general"]
    assert [c.met for c in cond(year, "continuity.long_absence")] == [False]
    assert not cond(year, "continuity.single_trip_days")


def test_a_special_reentry_permit_ends_with_the_status():
    """Left 2023-03-01 on a special re-entry permit; the period of stay expired 2023-06-30. Back 2023-06-30: no
    break. Back 2023-07-01: the status ended abroad (not a year yet, but past the status's expiry)."""
    def trip(back):
        return engineer(trips=[Trip(left=date(2023, 3, 1), returned=back, reentry_permit="special",
                                    status_expires=date(2023, 6, 30))])
    assert ev(trip(date(2023, 6, 30)), date(2024, 1, 1)).breaks == []
    assert [b.rule_id for b in ev(trip(date(2023, 7, 1)), date(2024, 1, 1)).breaks] == \
        ["continuity.special_reentry_status_cap"]


# ---------------------------------------------------------------- refugee and child routes
def refugee(protection, recognised, **kw):
    return profile("b", birth=date(1985, 1, 1), salary=2_000_000, obligations=CLEAN,
                   family=Family(refugee_recognised=recognised, protection=protection),
                   residence=[status("long_term_resident", date(2020, 1, 1))], **kw)


def test_complementary_protection_holders_are_on_the_refugee_route_from_2023_12_01():
    """Granted complementary protection on 2023-12-01: covered from that day (not before: it did not exist);
    5 years of residence after the grant complete on 2028-12-01."""
    p = refugee("complementary", date(2023, 12, 1))
    assert [c.met for c in cond(ev(p, date(2023, 11, 30)).routes["refugee"], "pr.refugee.complementary")] == [False]
    assert [c.met for c in cond(ev(p, date(2023, 12, 1)).routes["refugee"], "pr.refugee.complementary")] == [True]
    assert not ev(p, date(2028, 11, 30)).routes["refugee"].open
    day = ev(p, date(2028, 12, 1)).routes["refugee"]
    assert day.open and not cond(day, "livelihood.guide_yen")  # exempt from livelihood on this route


def test_third_country_resettled_refugees_are_exempt_from_livelihood_from_2024_06_10():
    """Resettled 2014-01-01, ¥2M a year (under the ¥3M practice guide). On 2024-06-09 the general route warns
    about livelihood; from 2024-06-10 it does not. The 5-year refugee route is not theirs."""
    p = refugee("third_country_resettled", date(2014, 1, 1))
    p.residence = [status("long_term_resident", date(2014, 1, 1))]
    assert cond(ev(p, date(2024, 6, 9)).routes["general"], "livelihood.guide_yen")
    day = ev(p, date(2024, 6, 10))
    assert not cond(day.routes["general"], "livelihood.guide_yen")
    assert "pr.refugee.third_country_resettled" in blockers(day.routes["refugee"])


def child(kind):
    return profile("b", birth=date(1995, 1, 1), salary=4_000_000, obligations=CLEAN,
                   family=Family(parent_is="japanese", child_kind=kind),
                   residence=[status("spouse_of_japanese", date(2025, 1, 1))])


def test_the_child_routes_one_year_exception_is_for_natural_or_specially_adopted_children():
    for kind in ("natural", "special_adoption"):
        assert not ev(child(kind), date(2025, 12, 31)).routes["child"].open
        assert ev(child(kind), date(2026, 1, 1)).routes["child"].open
    ordinary = ev(child("ordinary_adoption"), date(2026, 1, 1)).routes["child"]
    assert blockers(ordinary) == ["pr.child.natural_or_special_adoption"]
    unknown = ev(child(None), date(2026, 1, 1)).routes["child"]
    assert [c.met for c in cond(unknown, "pr.child.natural_or_special_adoption")] == [None]


# ---------------------------------------------------------------- statuses
def test_ikusei_shuro_does_not_count_toward_the_five_years_on_a_work_status():
    """Student 2023-04-01 to 2027-03-31, 育成就労 2027-04-01 to 2030-03-31, 技人国 from 2030-04-01. Ten years of
    residence on 2033-04-01, but the work run is 技人国 alone: 5 years on 2035-04-01, not before."""
    p = engineer(residence=[status("student", date(2023, 4, 1), date(2027, 3, 31)),
                            status("ikusei_shuro", date(2027, 4, 1), date(2030, 3, 31), months=12),
                            status("engineer_humanities", date(2030, 4, 1))])
    assert blockers(ev(p, date(2035, 3, 31)).routes["general"]) == ["pr.general.work_years"]
    assert ev(p, date(2035, 4, 1)).routes["general"].open


def test_specified_skilled_worker_i_longest_stay_is_36_months_from_2025_09_30():
    p = engineer(residence=[status("specified_skilled_worker_i", date(2019, 4, 1), months=12)])
    assert [c.met for c in cond(ev(p, date(2025, 9, 29)).routes["general"], "stay.longest_period")] == [True]
    assert [c.met for c in cond(ev(p, date(2025, 9, 30)).routes["general"], "stay.longest_period")] == [False]


def test_designated_activities_is_a_warning_with_its_source_not_a_decision():
    p = engineer(residence=[status("designated_activities", date(2014, 4, 1), date(2019, 3, 31)),
                            status("engineer_humanities", date(2019, 4, 1))])
    general = ev(p, date(2025, 1, 1)).routes["general"]
    warn = cond(general, "pr.general.designated_activities")
    assert [(c.met, c.blocking, c.confidence) for c in warn] == [(False, False, "unverified")]
    assert warn[0].sources
    assert not cond(ev(engineer(), date(2025, 1, 1)).routes["general"], "pr.general.designated_activities")


# ---------------------------------------------------------------- dated notes and the fee
def test_the_three_year_allowance_says_its_basis_is_unconfirmed_where_it_decides():
    """技人国 with a 36-month period of stay (the status's longest is 60): the 3-year allowance decides. On
    2027-03-31 the route is open with the warning; on 2027-04-01 the longest period of stay blocks."""
    p = engineer(residence=[status("engineer_humanities", date(2010, 4, 1), months=36)])
    last = ev(p, date(2027, 3, 31)).routes["general"]
    note = cond(last, "stay.three_years_count")
    assert last.open and any("not confirmed" in c.why.text and "decided after" in c.why.text for c in note)
    assert "stay.three_years_count" in blockers(ev(p, date(2027, 4, 1)).routes["general"])
    full = ev(engineer(), date(2027, 3, 31)).routes["general"]  # a 60-month stay: the allowance decides nothing
    assert not [c for c in cond(full, "stay.three_years_count") if c.met is not True]


def test_every_result_carries_the_2027_revocation_note():
    for on in (date(2027, 3, 31), date(2027, 4, 1)):
        notes = ev(engineer(), on).notes
        assert [(c.rule_id, c.met, c.blocking) for c in notes] == [("revocation.law", None, False)]
        assert dict(notes[0].why.params)["date"] == date(2027, 4, 1)


def test_the_checklist_names_the_fee_in_force():
    p = engineer()
    for on, fee in ((date(2025, 3, 31), 8000), (date(2025, 4, 1), 10000)):
        msg, sources, _conf = compose(p, ev(p, on), "general").fee
        assert dict(msg.params)["fee"] == fee and sources


def test_late_payment_since_2024_11_18_is_a_warning_with_its_source():
    p = engineer(obligations=obligations(pension="late"))
    before = ev(p, date(2024, 11, 17)).routes["general"]
    assert [c.rule_id for c in before.warnings if "pension" in str(c.why.params)] == ["obligations.public_charges"]
    day = ev(p, date(2024, 11, 18)).routes["general"]
    late = cond(day, "obligations.late_payment")
    assert day.open and [(c.met, c.blocking) for c in late] == [(False, False)]
    assert "does not decide" in late[0].why.text


def test_the_landing_criteria_question_is_unknown_until_answered():
    on_before, on = date(2026, 2, 23), date(2026, 2, 24)
    p = engineer()
    assert not cond(ev(p, on_before).routes["general"], "stay.landing_criteria")
    assert [c.met for c in cond(ev(p, on).routes["general"], "stay.landing_criteria")] == [None]
    p = engineer(obligations=obligations(landing_criteria="no"))
    assert "stay.landing_criteria" in blockers(ev(p, on).routes["general"])
    p = engineer(obligations=obligations(landing_criteria="yes"))
    assert [c.met for c in cond(ev(p, on).routes["hsp80"], "stay.landing_criteria")] == [True]


# ---------------------------------------------------------------- the 2025-10-16 business-manager criteria
BM = ("bm.capital", "bm.full_time_staff", "bm.japanese_b2", "bm.experience_or_degree")


def manager(status_code="business_manager", category="c", **kw):
    """(c) representative director since 2014, master's 20 + 11 years 25 + ¥15M 20 + representative 10 = 75;
    経営・管理 (or HSP) since 2014-04-01."""
    kw.setdefault("business", Business())
    return profile(category, birth=date(1975, 1, 1), salary=15_000_000, obligations=CLEAN,
                   degrees=[degree("master")], positions=[Position(kind="representative", start=date(2014, 4, 1))],
                   career=[CareerPeriod(kind="business_management", start=date(2014, 4, 1))],
                   residence=[status(status_code, date(2014, 4, 1), granted_as_hsp=status_code.startswith("hsp"),
                                     hsp_points=80 if status_code.startswith("hsp") else None)], **kw)


def bm_states(route):
    return {rid: [c.met for c in cond(route, rid)] for rid in BM}


def test_pr_from_business_manager_meets_the_2025_criteria_condition_by_condition():
    """Nothing answered: from 2025-10-16 capital, staff and Japanese are unknown (never met); the 11 years of
    management meet the experience condition. The day before, none of them applies."""
    p = manager()
    assert bm_states(ev(p, date(2025, 10, 15)).routes["general"]) == {rid: [] for rid in BM}
    assert bm_states(ev(p, date(2025, 10, 16)).routes["general"]) == {
        "bm.capital": [None], "bm.full_time_staff": [None], "bm.japanese_b2": [None],
        "bm.experience_or_degree": [True]}
    p = manager(business=Business(capital_yen=29_999_999, full_time_staff="no", japanese_b2="no"))
    assert set(blockers(ev(p, date(2025, 10, 16)).routes["general"])) == {"bm.capital", "bm.full_time_staff",
                                                                          "bm.japanese_b2"}
    p = manager(business=Business(capital_yen=30_000_000, full_time_staff="yes"),
                japanese=[jlpt("N2", date(2020, 12, 1))])
    assert bm_states(ev(p, date(2025, 10, 16)).routes["general"]) == {rid: [True] for rid in BM}


def test_experience_under_three_years_needs_the_degree_answer():
    p = manager(business=Business(capital_yen=30_000_000, full_time_staff="yes", japanese_b2="yes"))
    p.career = [CareerPeriod(kind="business_management", start=date(2023, 4, 1))]
    assert bm_states(ev(p, date(2025, 10, 16)).routes["general"])["bm.experience_or_degree"] == [None]
    p.business = Business(capital_yen=30_000_000, full_time_staff="yes", japanese_b2="yes", relevant_degree="no")
    assert "bm.experience_or_degree" in blockers(ev(p, date(2025, 10, 16)).routes["general"])
    p.business = Business(capital_yen=30_000_000, full_time_staff="yes", japanese_b2="yes", relevant_degree="yes")
    assert bm_states(ev(p, date(2025, 10, 16)).routes["general"])["bm.experience_or_degree"] == [True]


def test_the_criteria_bind_pr_from_hsp_i_c_and_management_based_hsp_ii_only():
    on = date(2025, 10, 16)
    low = Business(capital_yen=10_000_000, full_time_staff="yes", japanese_b2="yes")
    assert "bm.capital" in blockers(ev(manager("hsp1c", business=low), on).routes["hsp80"])
    assert "bm.capital" in blockers(ev(manager("hsp2", business=low), on).routes["hsp70"])
    b = manager("hsp2", category="b", business=low)
    assert not cond(ev(b, on).routes["hsp70"], "bm.capital")   # an HSP(ii) that is not management-based
    e = manager("engineer_humanities", business=low)
    assert not cond(ev(e, on).routes["general"], "bm.capital")  # not 経営・管理


def test_the_change_from_hsp_i_c_to_hsp_ii_meets_the_2025_criteria():
    low = Business(capital_yen=10_000_000, full_time_staff="yes", japanese_b2="yes")
    p = manager("hsp1c", business=low)
    assert ev(p, date(2025, 10, 15)).hsp2.open
    day = ev(p, date(2025, 10, 16)).hsp2
    assert blockers(day) == ["bm.capital"]
    p.business = Business(capital_yen=30_000_000, full_time_staff="yes", japanese_b2="yes")
    assert ev(p, date(2025, 10, 16)).hsp2.open


def test_unanswered_questions_are_not_repeated_on_routes_the_person_cannot_take():
    p = manager()
    day = ev(p, date(2026, 3, 1))
    assert [c.met for c in cond(day.routes["general"], "stay.landing_criteria")] == [None]
    assert not cond(day.routes["spouse"], "stay.landing_criteria") and not cond(day.routes["spouse"], "bm.capital")
    p.business = Business(capital_yen=1_000_000)
    assert "bm.capital" in blockers(ev(p, date(2026, 3, 1)).routes["spouse"])  # an answer that fails still shows
