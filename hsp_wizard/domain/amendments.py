"""Rules corrected or added by the law review of 2026-11-30 (issue 16): one small, self-contained function per
rule, each called from one line of the route or requirement it belongs to. Every function cites its rule in the
rule data (rules.toml), which holds the dates, sources and confidence."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from hsp_wizard.domain.dates import month_add
from hsp_wizard.domain.explain import Msg, N_, Term

if TYPE_CHECKING:  # the engine and its conditions; imported for types only (routes imports this module)
    from hsp_wizard.domain.evaluate import Evaluation
    from hsp_wizard.domain.project import Penalty, Project, Trip
    from hsp_wizard.domain.residence import Break, Risk
    from hsp_wizard.domain.routes import Condition, Engine, RouteResult
    from hsp_wizard.rules import RuleSet
    from hsp_wizard.rules.schema import Status


SUSPENDED_NAMES = {"fine": N_("suspended fine"), "imprisonment": N_("suspended prison sentence")}


# ---------------------------------------------------------------- errors corrected
def career_months_end_to_end(days: int, on: date) -> int:
    """convention.career_months: several career periods are laid end to end, so `days` of experience are as
    many whole months as the calendar months ending on `on` that they fill (2y11m20d + 2y0m15d is 5 years)."""
    if days <= 0:
        return 0
    months = max(days * 12 // 366 - 1, 0)
    while months and (on - month_add(on, -months)).days > days:
        months -= 1
    while (on - month_add(on, -(months + 1))).days <= days:
        months += 1
    return months


def suspended_sentence(e: "Engine", pen: "Penalty", on: date) -> "Condition":
    """conduct.suspended_sentence: a suspended sentence blocks while the suspension runs; once it has ended
    without revocation (`pen.ended`) it no longer counts, with no further 5 or 10 years."""
    kind = Term(SUSPENDED_NAMES[pen.kind])
    if on < pen.ended:
        why = Msg.of(N_("A {kind} whose suspension runs until {ended}: it counts against you until then"),
                     kind=kind, ended=pen.ended)
    else:
        why = Msg.of(N_("A {kind} whose suspension ended {ended} without revocation no longer counts (some "
                        "practitioners advise waiting longer)"), kind=kind, ended=pen.ended)
    return e.cond("conduct.suspended_sentence", on >= pen.ended, why, on)


def jskip_before_start(e: "Engine", on: date, first: date) -> "Condition":
    """jskip.start: the J-Skip criteria cannot be met on a date before the system started."""
    return e.cond("jskip.start", False, Msg.of(N_("J-Skip did not exist on {date}: it started on {start}"),
                                               date=on, start=first), first)


def notice_covers(p: "Project", ev: "Evaluation", route: str, have: set[str], notes: list[Msg],
                  rules: "RuleSet") -> bool:
    """pr.points_notice: the points-result notice replaces the earlier checkpoint's points sheet and evidence
    only when it shows at least the route's mark (80 or 70) for that checkpoint: the score recognised on the
    HSP grant held on the checkpoint date. Sets the checklist's `points_notice` / `no_points_notice` situation
    (no notice that covers the checkpoint: file the sheet) and says what it assumed."""
    back = ev.routes[route].checkpoint
    covered = False
    from hsp_wizard.domain.registry import current as current_registry  # the registry imports the engine
    mark_rule = current_registry()[route].mark_rule
    if p.obligations.points_notice and mark_rule is not None and back is not None:
        grant = next((r for r in sorted(p.residence, key=lambda r: r.start, reverse=True)
                      if r.granted_as_hsp and r.covers(back)), None)
        mark = int((rules.rule_value(mark_rule, ev.on) or rules.rules[mark_rule].values[-1]).value)
        if grant is None:
            notes.append(Msg.of(N_("No HSP grant entered covers {date}, so your points-result notice does not stand "
                                   "for that date: the points sheet for it is listed."), date=back))
        elif grant.hsp_points is None:
            notes.append(Msg.of(N_("The points shown on your points-result notice for {date} are not entered: "
                                   "the points sheet for that date is listed. Enter the points recognised on "
                                   "your HSP grant."), date=back))
        else:
            covered = grant.hsp_points >= mark
            if not covered:
                notes.append(Msg.of(N_("Your points-result notice shows {points} points, under this route's "
                                       "{mark}: it does not replace the points sheet for {date}."),
                                    points=grant.hsp_points, mark=mark, date=back))
    if not covered:
        have.add("no_points_notice")
    return covered



# ---------------------------------------------------------------- trips (continuity)
def permit_expiry_break(t: "Trip") -> "Break | None":
    """continuity.reentry_permit_expiry: coming back after an ordinary re-entry permit expired (or not yet back
    when it expired) ends the status abroad; the count restarts on return."""
    from hsp_wizard.domain.residence import Break
    if t.reentry_permit != "ordinary" or t.permit_expires is None:
        return None
    if t.returned is not None and t.returned <= t.permit_expires:
        return None
    return Break(t.returned or date.max, "continuity.reentry_permit_expiry",
                 Msg.of(N_("Stayed abroad past the re-entry permit's expiry ({expires}); the status ended"),
                        expires=t.permit_expires))


def special_permit_limit(t: "Trip", limit: date) -> date:
    """continuity.special_reentry_status_cap: a special re-entry permit's year is cut short by the status's
    expiry date where that comes first (`limit` is the year's end)."""
    return min(limit, t.status_expires) if t.status_expires is not None else limit


def long_absence(rules: "RuleSet", t: "Trip", back: date, end: date) -> "Risk | None":
    """continuity.long_absence: an absence of a year or more is named as such (practice treats it as a clear
    break), rather than as one more trip over the 90-day threshold."""
    from hsp_wizard.domain.dates import years_after
    from hsp_wizard.domain.residence import Risk
    years = int((rules.rule_value("continuity.long_absence", t.left) or
                 rules.rules["continuity.long_absence"].values[-1]).value)
    if back < years_after(t.left, years):
        return None
    return Risk("continuity.long_absence",
                Msg.of(N_("An absence of a year or more ({left} to {back}): in practice a clear break of "
                          "continuity"), left=t.left, back=t.returned or end), t.left, back)


def permit_expiry_unknown(e: "Engine", on: date, years: int) -> list["Condition"]:
    """continuity.reentry_permit_expiry, not answered: a trip on an ordinary re-entry permit inside the route's
    window whose expiry is not entered cannot be checked (unknown, not "fine")."""
    from hsp_wizard.domain.dates import years_before
    start = years_before(on, years)
    return [e.cond("continuity.reentry_permit_expiry", None,
                   Msg.of(N_("Enter the expiry of the re-entry permit used for the trip of {left}: a return after "
                             "it ends the status"), left=t.left), on, blocking=False)
            for t in e.p.trips if t.reentry_permit == "ordinary" and t.permit_expires is None
            and t.left <= on and (t.returned is None or t.returned >= start)]


# ---------------------------------------------------------------- refugee and child routes
def refugee_protection(e: "Engine", on: date) -> "Condition | None":
    """pr.refugee.complementary / pr.refugee.third_country_resettled: who the 5-year refugee route covers.
    None for a recognised refugee (the route's own conditions apply)."""
    f = e.p.family
    if f.protection == "complementary":
        since = e.rules.rules["pr.refugee.complementary"].values[0].since
        return e.cond("pr.refugee.complementary", on >= since,
                      Msg.of(N_("Complementary protection holders are on this route from {since}"), since=since),
                      on)
    if f.protection == "third_country_resettled":
        return e.cond("pr.refugee.third_country_resettled", False,
                      Msg.of(N_("The 5-year refugee route is for recognised refugees and complementary protection "
                                "holders; as a third-country resettled refugee you are exempt from the livelihood "
                                "requirement on the other routes")), on)
    return None


def livelihood_exempt(e: "Engine", on: date) -> bool:
    """pr.refugee.third_country_resettled: third-country resettled refugees need not show independent
    livelihood from 2024-06-10 (recognised refugees and complementary protection holders never did on their
    own route)."""
    f = e.p.family
    return (f.protection == "third_country_resettled" and f.refugee_recognised is not None
            and e.rules.rule_value("pr.refugee.third_country_resettled", on) is not None)


def child_exception(e: "Engine", on: date) -> "Condition":
    """pr.child.natural_or_special_adoption: the child route's 1-year exception is for a natural or specially
    adopted child; unknown until answered."""
    kind = e.p.family.child_kind
    if kind is None:
        return e.cond("pr.child.natural_or_special_adoption", None,
                      Msg.of(N_("Not answered: are you a natural, specially adopted or ordinarily adopted "
                                "child?")), on)
    ok = kind in ("natural", "special_adoption")
    why = (Msg.of(N_("A natural or specially adopted child: the 1-year exception applies")) if ok else
           Msg.of(N_("An ordinarily adopted child is outside the 1-year exception: the 10-year rule applies, "
                     "without the good-conduct and livelihood requirements")))
    return e.cond("pr.child.natural_or_special_adoption", ok, why, on)


# ---------------------------------------------------------------- statuses
def longest_months(status: "Status", on: date) -> int:
    """The status's longest period of stay on `on` (dated where it changed: 特定技能1号 12 → 36 months)."""
    return status.longest_on(on)


def designated_activities_warning(e: "Engine", start: date, on: date) -> list["Condition"]:
    """pr.general.designated_activities: time on 特定活動 is not counted as a work status; the guideline is
    silent on work-type 特定活動, so this is shown as a warning with its source, not decided."""
    if not any(r.status == "designated_activities" and r.start <= on and (r.end is None or r.end >= start)
               for r in e.p.residence):
        return []
    return [e.cond("pr.general.designated_activities", False,
                   Msg.of(N_("Time on Designated Activities (特定活動) is not counted here as a work status; some "
                             "特定活動 are work (e.g. No. 46) and the guideline does not say: ask the immigration "
                             "office")), on, blocking=False)]


# ---------------------------------------------------------------- other requirements
def late_payment(e: "Engine", what: Term, on: date) -> "Condition":
    """obligations.late_payment: from 2024-11-18 late payment is negatively evaluated in principle;
    practice treats it as close to a refusal. A warning with its source; the tool does not decide."""
    if e.rules.rule_value("obligations.late_payment", on) is None:
        return e.cond("obligations.public_charges", False,
                      Msg.of(N_("Late payment of {what} is negatively evaluated"), what=what), on, blocking=False)
    return e.cond("obligations.late_payment", False,
                  Msg.of(N_("Late payment of {what}: since 2024-11-18 the guideline evaluates it negatively in "
                            "principle, even if paid before applying, and practitioners report it close to a "
                            "refusal. This tool does not decide it."), what=what), on, blocking=False)


def landing_criteria(e: "Engine", on: date) -> list["Condition"]:
    """stay.landing_criteria (reported 2026-02-24): the current status must still meet its landing criteria; a
    question the person answers, unknown until answered."""
    if e.rules.rule_value("stay.landing_criteria", on) is None:
        return []
    ans = e.p.obligations.landing_criteria
    if ans == "unknown":
        return [e.cond("stay.landing_criteria", None,
                       Msg.of(N_("Not answered: does your current status still meet its landing criteria "
                                 "(上陸許可基準)?")), on)]
    return [e.cond("stay.landing_criteria", ans == "yes",
                   Msg.of(N_("Your current status still meets its landing criteria (上陸許可基準)") if ans == "yes"
                          else N_("Your current status no longer meets its landing criteria (上陸許可基準)")), on)]


def revocation_note(e: "Engine", on: date) -> "Condition":
    """revocation.law: shown on every result about permanent residence, before and after it takes effect."""
    since = e.rules.rules["revocation.law"].values[0].since
    return e.cond("revocation.law", None,
                  Msg.of(N_("Note: from {date}, permanent residence can be revoked for wilful non-payment of "
                            "taxes or social-insurance charges and for certain prison sentences"), date=since), on,
                  blocking=False)


def pr_fee(rules: "RuleSet", on: date) -> "tuple[Msg, tuple[str, ...], str]":
    """fee.pr_grant: the fee paid in revenue stamps when permanent residence is granted, on `on`."""
    v = rules.rule_value("fee.pr_grant", on) or rules.rules["fee.pr_grant"].values[-1]
    from hsp_wizard.domain.explain import Money
    return (Msg.of(N_("Permission fee: {fee} in revenue stamps (収入印紙), paid when permanent residence is "
                      "granted"), fee=Money(int(v.value))), tuple(v.sources), v.confidence.value)


# ---------------------------------------------------------------- business manager (2025-10-16)
BM_STATUSES = {"business_manager", "hsp1c"}


def business_manager_applies(e: "Engine", on: date) -> bool:
    """The 2025-10-16 business-manager criteria bind a PR application from 経営・管理, from HSP(i)(c) or from a
    management-based HSP(ii) (category (c)), on or after that day."""
    if e.rules.rule_value("bm.capital", on) is None:
        return False
    st = e.res.status_on(on)
    if st is None:
        return False
    return st.status in BM_STATUSES or (st.status == "hsp2" and e.p.category == "c")


def business_manager(e: "Engine", on: date, change: bool = False) -> list["Condition"]:
    """bm.*: each 2025-10-16 criterion met, not met, or unknown (a fact not entered is never met). With
    `change`, for the HSP(i)(c) → (ii) change (the status held is HSP(i)(c)). Worked out once per day (every
    route checked that day, in either view, asks the same; issue 21); a fresh list each call."""
    key = ("business_manager", on, change)
    found = e._day.get(key)
    if found is None:
        found = e._day[key] = _business_manager(e, on, change)
    return list(found)


def _business_manager(e: "Engine", on: date, change: bool) -> list["Condition"]:
    if change:
        st = e.res.status_on(on)
        if e.rules.rule_value("bm.capital", on) is None or st is None or st.status != "hsp1c":
            return []
    elif not business_manager_applies(e, on):
        return []
    from hsp_wizard.domain import facts as F
    from hsp_wizard.domain.explain import Money
    b = e.p.business
    out = []
    need = e.num("bm.capital", on)
    if b.capital_yen is None:
        out.append(e.cond("bm.capital", None,
                          lambda: Msg.of(N_("Not answered: the business's capital (needs {need})"), need=Money(need)),
                          on))
    else:
        out.append(e.cond("bm.capital", b.capital_yen >= need,
                          lambda: Msg.of(N_("Capital {have} (needs {need})"), have=Money(b.capital_yen),
                                         need=Money(need)), on))
    out.append(_answered(e, "bm.full_time_staff", b.full_time_staff, on,
                         N_("At least one full-time employee who is Japanese, a permanent resident or the like"),
                         N_("No full-time employee who is Japanese, a permanent resident or the like"),
                         N_("Not answered: does the business employ a full-time Japanese or permanent-resident "
                            "employee?")))
    n1, n2 = F.japanese_levels_on(e.p, on, 480, 400)
    if n1 or n2:
        out.append(e.cond("bm.japanese_b2", True, Msg.of(N_("Your Japanese is at N2 level or above")), on))
    else:
        out.append(_answered(e, "bm.japanese_b2", b.japanese_b2, on,
                             N_("You or a full-time employee have Japanese at B2 level"),
                             N_("Neither you nor a full-time employee has Japanese at B2 level"),
                             N_("Not answered: do you or a full-time employee have Japanese at B2 level (JLPT N2)?")))
    years = e.num("bm.experience_or_degree", on)
    months = F.career_months(e.p, "business_management", on)
    if months >= years * 12:
        out.append(e.cond("bm.experience_or_degree", True,
                          lambda: Msg.of(N_("{have} years of business-management experience (needs {years})"),
                                         have=months // 12, years=years), on))
    else:
        out.append(_answered(e, "bm.experience_or_degree", b.relevant_degree, on,
                             N_("A master's or higher degree in management or the business's field"),
                             N_("Under 3 years of business-management experience and no relevant master's or "
                                "higher degree"),
                             N_("Not answered: under 3 years of business-management experience entered; do you "
                                "hold a master's or higher degree in management or the business's field?")))
    return out


def _answered(e: "Engine", rule_id: str, ans: str, on: date, yes: str, no: str, unknown: str) -> "Condition":
    if ans == "unknown":
        return e.cond(rule_id, None, lambda: Msg.of(unknown), on)
    return e.cond(rule_id, ans == "yes", lambda: Msg.of(yes if ans == "yes" else no), on)


QUESTIONS = ("stay.landing_criteria", "bm.")


def unasked_on_closed_route(e: "Engine", name: str, res: "RouteResult") -> "RouteResult":
    """Leave the unanswered landing-criteria and business-manager questions off a route the person can never
    take (the spouse route without a spouse...): asked there they would only repeat what the open routes ask."""
    if e.blocking_only or e.never(name) is None:
        return res
    # `dataclasses.replace(res, conditions=...)`, made directly
    return type(res)(res.route, res.on, tuple(c for c in res.conditions
                                              if not (c.met is None and c.rule_id.startswith(QUESTIONS))),
                     res.variant, res.checkpoint)
