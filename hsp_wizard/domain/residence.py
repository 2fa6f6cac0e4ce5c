"""Continuity of residence: hard breaks restart the count; practice-only thresholds are risks, not breaks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hsp_wizard.domain.amendments import long_absence, permit_expiry_break, special_permit_limit
from hsp_wizard.domain.dates import ONE_DAY, years_after
from hsp_wizard.domain.explain import Msg, N_
from hsp_wizard.domain.project import Project, ReentryPermit, ResidencePeriod
from hsp_wizard.rules import RuleSet


@dataclass(frozen=True)
class Break:
    """Continuity restarts on `restart` (the count runs again from that day)."""

    restart: date
    rule_id: str
    why: Msg


@dataclass(frozen=True)
class Risk:
    """A practice-only threshold crossed inside a window; shown as a warning with its source."""

    rule_id: str
    why: Msg
    start: date
    end: date


class Residence:
    """The residence history of one project, prepared once for many date queries."""

    def __init__(self, project: Project, rules: RuleSet, on: date | None = None):
        self.p = project
        self.rules = rules
        self.periods: list[ResidencePeriod] = sorted(project.residence, key=lambda r: r.start)
        on = on or date.today()
        self.breaks: list[Break] = self._hard_breaks(on)
        # the trips that ended the status, as [left, back) (what `abroad_without_status` reads), and the answers
        # of the per-day queries, kept: every route asks them of the same days (issue 21)
        self._away: tuple[tuple[date, date], ...] = tuple(
            (t.left, back) for b in self.breaks if b.rule_id != "continuity.status_gap"
            for t in self.p.trips if (back := t.returned or date.max) == b.restart)
        self._status: dict[date, ResidencePeriod | None] = {}
        self._since: dict[date, date | None] = {}

    # ------------------------------------------------------------------ hard breaks
    def _hard_breaks(self, on: date) -> list[Break]:
        out: list[Break] = []
        special_years = int(self.rules.value("continuity.special_reentry_days", on))
        for t in self.p.trips:
            if t.reentry_permit == ReentryPermit.NONE:
                out.append(Break(t.returned or date.max, "continuity.no_reentry_permit",
                                 Msg.of(N_("Left Japan on {left} without a re-entry permit: the status ended and "
                                           "the count restarts on return"), left=t.left)))
            elif t.reentry_permit == ReentryPermit.SPECIAL:
                limit = special_permit_limit(t, years_after(t.left, special_years))
                if t.returned is None or t.returned > limit:
                    capped = limit < years_after(t.left, special_years)
                    out.append(Break(t.returned or date.max, "continuity.special_reentry_status_cap" if capped
                                     else "continuity.special_reentry_days",
                                     Msg.of(N_("Stayed abroad past the special re-entry permit's limit ({limit}); "
                                               "the status ended"), limit=limit)))
            elif (late := permit_expiry_break(t)) is not None:
                out.append(late)
        for prev, nxt in zip(self.periods, self.periods[1:]):
            if prev.end is not None and nxt.start > prev.end + ONE_DAY:
                out.append(Break(nxt.start, "continuity.status_gap",
                                 Msg.of(N_("No status of residence from {start} to {end}"),
                                        start=prev.end + ONE_DAY, end=nxt.start - ONE_DAY)))
        return sorted(out, key=lambda b: b.restart)

    # ------------------------------------------------------------------ queries
    def overlaps(self) -> list[tuple[ResidencePeriod, ResidencePeriod]]:
        """Statuses entered as held at the same time (each with the next one, in order of start): a slip of
        typing, since one person holds one status at a time."""
        return [(a, b) for a, b in zip(self.periods, self.periods[1:]) if a.end is None or b.start <= a.end]

    def status_on(self, on: date) -> ResidencePeriod | None:
        """The status held on `on` (the latest-starting period that covers it)."""
        try:
            return self._status[on]
        except KeyError:
            pass
        found = None
        for r in self.periods:
            if r.covers(on):
                found = r
        self._status[on] = found
        return found

    def abroad_without_status(self, on: date) -> bool:
        """Abroad on `on` on a trip that ended the status (no permit, or past the special permit's year): a trip
        whose return is the restart of such a break, left on or before `on` and not yet back."""
        return any(left <= on < back for left, back in self._away)

    def continuous_since(self, on: date) -> date | None:
        """Start of the unbroken residence that includes `on`, or None if not resident on a status then."""
        try:
            return self._since[on]
        except KeyError:
            pass
        if self.status_on(on) is None or self.abroad_without_status(on):
            start = None
        else:
            start = self.periods[0].start
            for b in self.breaks:
                if b.restart <= on:
                    start = max(start, b.restart)
        self._since[on] = start
        return start

    def chain_since(self, on: date, ok) -> date | None:
        """Start of the contiguous run of statuses satisfying `ok` that covers `on`, within continuity."""
        cont = self.continuous_since(on)
        if cont is None:
            return None
        cur = self.status_on(on)
        if cur is None or not ok(cur):
            return None
        start = cur.start
        for r in reversed(self.periods):
            if r.start >= start or r.end is None:
                continue
            if r.end + ONE_DAY >= start and ok(r):
                start = min(start, r.start)
            elif r.end + ONE_DAY >= start:
                break
        return max(start, cont)

    def risks(self, start: date, end: date, single_days: int, yearly_days: int) -> list[Risk]:
        """Practice thresholds crossed by trips inside [start, end]."""
        out: list[Risk] = []
        spans: list[tuple[date, date]] = []  # nights abroad: [left, returned)
        for t in self.p.trips:
            back = t.returned or end + ONE_DAY
            s, e = max(t.left, start), min(back, end + ONE_DAY)
            if e <= s:
                continue
            spans.append((s, e))
            days = (back - t.left).days
            if (year_away := long_absence(self.rules, t, back, end)) is not None:
                out.append(year_away)
            elif days >= single_days:
                out.append(Risk("continuity.single_trip_days",
                                Msg.of(N_("A trip of {days} days abroad ({left} to {back}); {limit} or more may be "
                                          "treated as breaking continuity"), days=days, left=t.left,
                                       back=t.returned or end, limit=single_days), t.left, back))
        year = timedelta(days=365)
        worst, worst_at = 0, None
        for s, _ in spans:
            w_end = s + year
            total = sum((min(e, w_end) - max(a, s)).days for a, e in spans if e > s and a < w_end)
            if total > worst:
                worst, worst_at = total, s
        if worst_at is not None and worst >= yearly_days:
            out.append(Risk("continuity.yearly_days",
                            Msg.of(N_("{days} days abroad in the 365 days from {start}; {limit} or more may be "
                                      "treated as breaking continuity"), days=worst, start=worst_at,
                                   limit=yearly_days), worst_at, worst_at + year))
        return out

    def event_dates(self) -> set[date]:
        out: set[date] = set()
        for r in self.periods:
            out.add(r.start)
            if r.end is not None:
                out.add(r.end + ONE_DAY)
        for t in self.p.trips:
            out.add(t.left)
            if t.returned is not None:
                out.add(t.returned)
        for b in self.breaks:
            if b.restart != date.max:
                out.add(b.restart)
        return out
