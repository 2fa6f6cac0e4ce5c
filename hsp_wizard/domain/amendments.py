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
    from hsp_wizard.domain.project import Penalty, Project
    from hsp_wizard.domain.routes import Condition, Engine
    from hsp_wizard.rules import RuleSet

ROUTE_MARK_RULES = {"hsp80": "pr.hsp80.points", "hsp70": "pr.hsp70.points"}

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
    if p.obligations.points_notice and route in ROUTE_MARK_RULES and back is not None:
        grant = next((r for r in sorted(p.residence, key=lambda r: r.start, reverse=True)
                      if r.granted_as_hsp and r.covers(back)), None)
        mark_rule = ROUTE_MARK_RULES[route]
        mark = int((rules.rule_value(mark_rule, ev.on) or rules.rules[mark_rule].values[-1]).value)
        if grant is None or grant.hsp_points is None:
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

