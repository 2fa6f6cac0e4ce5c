"""The plan of one project on one day: the date it is shown on, its evaluation there, its best route, and (on
demand, once) its timeline, its suggestions and its scenarios compared. The window, the CLI and the PDF all take
a `Plan`, so they cannot disagree about the date or the route.

The date shown (`plan_date`): a date the user gives (the CLI's --on), else the planned application date, else
the earliest date a route opens (on or after today, within the horizon), else today. The earliest date rather
than today: without a planned date the question is "when can I apply?", and a checklist for today would list the
documents of a route that cannot be filed today."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from hsp_wizard.domain.evaluate import Evaluation, best_route, evaluate, first_route
from hsp_wizard.domain.project import Project
from hsp_wizard.rules import RuleSet, load_rules

# Why the plan is shown on its date.
GIVEN, PLANNED, EARLIEST, TODAY = "given", "planned", "earliest", "today"


@dataclass
class Plan:
    """Everything shown for one project on `today`. The project must not change while the plan is used (the
    window makes a new plan after each edit)."""

    project: Project
    today: date
    on: date
    why_on: str                 # GIVEN, PLANNED, EARLIEST or TODAY
    evaluation: Evaluation
    best: str                   # the route a checklist is for when none is chosen
    horizon_years: int = 10
    rules: RuleSet = field(default_factory=load_rules, repr=False)

    @cached_property
    def earliest(self) -> tuple[str, date] | None:
        """The route that opens first on or after the evaluation's start, and its date."""
        return first_route({name: o.opens for name, o in self.evaluation.openings.items()})

    @cached_property
    def timeline(self):
        from hsp_wizard.domain.timeline import timeline
        return timeline(self.project, self.today, rules=self.rules)

    @cached_property
    def suggestions(self):
        from hsp_wizard.domain.suggest import suggestions
        return suggestions(self.project, self.today, rules=self.rules, horizon_years=self.horizon_years)

    def comparison(self, cache=None):
        """The project as entered and its scenarios, compared (None without scenarios)."""
        if not self.project.scenarios:
            return None
        if "_comparison" not in self.__dict__:
            from hsp_wizard.domain.scenarios import compare
            self.__dict__["_comparison"] = compare(self.project, self.today, rules=self.rules,
                                                   horizon_years=self.horizon_years, cache=cache)
        return self.__dict__["_comparison"]


def make_plan(project: Project, today: date, *, on: date | None = None, horizon_years: int = 10,
              rules: RuleSet | None = None) -> Plan:
    """The plan of `project` on `today`, shown on `on` if given, else on `plan_date`'s date (see the module)."""
    rules = rules or load_rules()
    if on is not None:
        why, ev = GIVEN, evaluate(project, on, rules=rules, horizon_years=horizon_years, today=today)
    elif project.planned_application_date is not None:
        on, why = project.planned_application_date, PLANNED
        ev = evaluate(project, on, rules=rules, horizon_years=horizon_years, today=today)
    else:  # find the earliest date first; evaluate again only if it is not today
        ev = evaluate(project, today, rules=rules, horizon_years=horizon_years, today=today)
        first = first_route({name: o.opens for name, o in ev.openings.items()})
        on, why = (first[1], EARLIEST) if first else (today, TODAY)
        if on != today:
            ev = evaluate(project, on, rules=rules, horizon_years=horizon_years, today=today)
    return Plan(project, today, on, why, ev, best_route(ev), horizon_years, rules)


__all__ = ["EARLIEST", "GIVEN", "PLANNED", "Plan", "TODAY", "make_plan"]
