"""The steps of the wizard and the state of each (not started, done, needs attention), read from the project
alone: what the step list shows, where a reopened project lands, and what the results say is not counted.
No Qt here."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from hsp_wizard.i18n import N_, _, ngettext


class PageId(IntEnum):
    """The wizard's pages, by their page id (the steps are the pages after Welcome)."""

    WELCOME = 0
    CATEGORY = 1
    EDUCATION = 2
    CAREER = 3
    SALARY = 4
    ACHIEVEMENTS = 5
    BONUSES = 6
    RESIDENCE = 7
    REQUIREMENTS = 8
    HOUSEHOLD = 9
    RESULTS = 10


Step = PageId
STEPS = tuple(p for p in PageId if p is not PageId.WELCOME)


class State(StrEnum):
    NOT_STARTED = "not_started"
    DONE = "done"
    ATTENTION = "attention"


TITLES = {Step.CATEGORY: N_("You and your category"), Step.EDUCATION: N_("Education"), Step.CAREER: N_("Career"),
          Step.SALARY: N_("Salary"), Step.ACHIEVEMENTS: N_("Research, licences, position"),
          Step.BONUSES: N_("Japanese and bonuses"), Step.RESIDENCE: N_("Residence in Japan"),
          Step.REQUIREMENTS: N_("Other requirements"), Step.HOUSEHOLD: N_("Your household"),
          Step.RESULTS: N_("Results")}
STATE_NAMES = {State.NOT_STARTED: N_("not started"), State.DONE: N_("done"), State.ATTENTION: N_("needs attention")}

# the project's lists on each step; incomplete rows are kept under these names (penalties: obligations.penalties)
LISTS = {Step.EDUCATION: ("degrees",), Step.CAREER: ("career",), Step.SALARY: ("salary",),
         Step.ACHIEVEMENTS: ("research", "licences", "positions", "investments"),
         Step.BONUSES: ("japanese", "employer_facts", "foreign_qualifications", "jica_training"),
         Step.RESIDENCE: ("residence", "trips"), Step.REQUIREMENTS: ("penalties", "insurance")}
STEP_OF_LIST = {name: step for step, names in LISTS.items() for name in names}
# each list's name in a sentence ("2 rows of the salary history are incomplete")
LIST_NAMES = {"degrees": N_("degrees"), "career": N_("periods of work"), "salary": N_("salary history"),
              "research": N_("research achievements"), "licences": N_("Japanese licences"),
              "positions": N_("positions"), "investments": N_("investments in the business"),
              "japanese": N_("Japanese tests"), "employer_facts": N_("employer facts"),
              "foreign_qualifications": N_("foreign qualifications and awards"),
              "jica_training": N_("JICA training"), "residence": N_("statuses of residence"),
              "trips": N_("trips abroad"), "penalties": N_("fines or imprisonment"),
              "insurance": N_("pension and health-insurance periods")}


def _has_data(project, step: Step) -> bool:
    if step == Step.CATEGORY:
        return any(v is not None for v in (project.name, project.birth_date, project.category,
                                           project.planned_application_date))
    if step == Step.REQUIREMENTS:
        from hsp_wizard.domain.project import Family, Obligations
        return project.obligations != Obligations() or project.family != Family()
    if step == Step.HOUSEHOLD:
        from hsp_wizard.domain.project import Household
        return project.household != Household()
    if step == Step.RESULTS:
        return False
    return any(getattr(project, name) for name in LISTS[step] if name not in ("penalties", "insurance"))


def incomplete_counts(project) -> dict[str, int]:
    """How many rows of each list are kept as typed but not counted."""
    return {name: len(rows) for name, rows in project.incomplete_rows.items() if rows}


def step_states(project, visited: set[int] = frozenset()) -> dict[Step, State]:
    """Each step's state: needs attention when it holds rows not counted or lacks what every route needs (the
    category and birth date); done when visited or holding data; else not started."""
    incomplete = incomplete_counts(project)
    out = {}
    for step in STEPS:
        touched = step in visited or _has_data(project, step)
        if any(STEP_OF_LIST.get(name) == step for name in incomplete):
            out[step] = State.ATTENTION
        elif step == Step.CATEGORY and touched and (project.category is None or project.birth_date is None):
            out[step] = State.ATTENTION
        elif step == Step.RESULTS:
            out[step] = State.DONE if step in visited else State.NOT_STARTED
        else:
            out[step] = State.DONE if touched else State.NOT_STARTED
    return out


def landing_step(project) -> Step:
    """Where a reopened project opens: the first step that needs attention, else the results when the project
    holds what they need (category and birth date), else the first step."""
    states = step_states(project, {Step.CATEGORY})
    for step, state in states.items():
        if state == State.ATTENTION:
            return step
    return Step.RESULTS


def not_counted_lines(project) -> list[str]:
    """'2 rows of the salary history are incomplete and not counted', one line per list, in page order."""
    counts = incomplete_counts(project)
    lines = []
    for name in sorted(counts, key=lambda n: (STEP_OF_LIST.get(n, 99), n)):
        n = counts[name]
        lines.append(ngettext("{count} row of the {list} is incomplete and not counted",
                              "{count} rows of the {list} are incomplete and not counted", n)
                     .format(count=n, list=_(LIST_NAMES.get(name, name))))
    return lines
