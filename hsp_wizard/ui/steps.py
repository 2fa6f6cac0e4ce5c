"""The steps of the wizard and the state of each (not started, done, needs attention), read from the project
alone: what the step list shows, where a reopened project lands, and what the results say is not counted.
No Qt here."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from hsp_wizard.i18n import N_, _


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


def missing_facts(project, step: Step) -> bool:
    """Whether the step lacks a fact it must hold: the category and birth date (every route reads them); a
    status of residence (every route's period of residence is read from them: without one nothing is judged); a
    salary unless the category is (a) (the ¥3,000,000 minimum is a condition of (b) and (c), hsp-rules §1.3; with
    no category chosen it may be)."""
    if step == Step.CATEGORY:
        return project.category is None or project.birth_date is None
    if step == Step.RESIDENCE:
        return not project.residence
    if step == Step.SALARY:
        return project.category != "a" and not project.salary
    return False


# the steps whose facts every result reads (`missing_facts`): the results are not done while one lacks them
RESULT_STEPS = (Step.CATEGORY, Step.SALARY, Step.RESIDENCE)


def results_lack(project) -> list[Step]:
    """The steps still lacking a fact the results need, in the step list's order."""
    return [s for s in RESULT_STEPS if missing_facts(project, s)]


def attention_reason(project, step: Step) -> str:
    """Why a step needs attention, in words (translated): its rows not counted, or the fact it lacks; '' if none."""
    lines = not_counted_lines(project, step)
    if lines:
        return "; ".join(lines)
    if step == Step.RESULTS:
        from babel.lists import format_list
        from hsp_wizard.i18n import current_language
        lack = results_lack(project)
        if not lack:  # rows kept as typed anywhere: the results leave them out
            return "; ".join(not_counted_lines(project))
        return _("not complete: facts still to enter on {steps}").format(
            steps=format_list([_(TITLES[s]) for s in lack], locale=current_language()))
    if not missing_facts(project, step):
        if step == Step.HOUSEHOLD and any(member_missing(m) for m in project.household.members):
            return _("a member's facts are still to enter")
        return ""
    return _({Step.CATEGORY: N_("the category and birth date are still to enter"),
              Step.RESIDENCE: N_("no status of residence entered yet"),
              Step.SALARY: N_("no salary entered yet")}[step])


def step_states(project, visited: set[int] = frozenset(), current: int | None = None) -> dict[Step, State]:
    """Each step's state. `visited`: the pages the person stopped on (not those a jump passed over); `current`: the
    page shown. Needs attention when it holds rows not counted, when a household member lacks facts, or when a
    step lacks what it must hold (`missing_facts`) once begun or left; done (✓) only when its facts are complete
    and it holds data or was stopped on and left (the results: seen, with the first step complete, and needing
    attention while another step lacks a fact they read); else not started: a page passed over, or just arrived
    at, says nothing yet."""
    incomplete = incomplete_counts(project)
    left = set(visited) - {current}
    basics = project.category is not None and project.birth_date is not None
    out = {}
    for step in STEPS:
        has_data = _has_data(project, step)
        if any(STEP_OF_LIST.get(name) == step for name in incomplete):
            out[step] = State.ATTENTION
        elif missing_facts(project, step):
            out[step] = State.ATTENTION if has_data or step in left else State.NOT_STARTED
        elif step == Step.HOUSEHOLD and any(member_missing(m) for m in project.household.members):
            out[step] = State.ATTENTION  # a member who "needs facts" (the step list says which)
        elif step == Step.RESULTS:  # seen: done only when no step lacks a fact the results read or holds a row
            # they leave out (kept as typed, not counted)
            if step not in visited or not basics:
                out[step] = State.NOT_STARTED
            else:
                out[step] = State.ATTENTION if results_lack(project) or incomplete else State.DONE
        else:
            out[step] = State.DONE if has_data or step in left else State.NOT_STARTED
    return out


def landing_step(project) -> Step:
    """Where a reopened project opens: the first step that needs attention, else the results when the project
    holds what they need (category and birth date), else the first step."""
    states = step_states(project, {Step.CATEGORY})
    for step, state in states.items():
        if state == State.ATTENTION:
            return step
    return Step.RESULTS


def not_counted_lines(project, step: Step | None = None) -> list[str]:
    """'2 rows of the salary history are incomplete and not counted', one line per list (of `step`'s lists when
    given), in page order, in the language of the moment (the words: hsp_wizard.wording.not_counted)."""
    if not any(project.incomplete_rows.values()):
        return []  # the usual case, asked on every edit: without loading the wording (and the answer's code)
    from hsp_wizard.presentation import Renderer
    from hsp_wizard.wording import not_counted
    return not_counted(Renderer(), project, None if step is None else LISTS.get(step, ()))


# ---------------------------------------------------------------------------------------------- household members
def member_missing(m) -> list[str]:
    """The facts a household member still needs before their own route or the parent benefit can be judged
    (message ids of the fields, as the member's dialog names them)."""
    from hsp_wizard.domain.project import MemberKind
    missing = []
    if m.kind == MemberKind.PARENT:
        if m.parent_of is None:
            missing.append(N_("Whose parent"))
        if m.lives_together.value == "unknown":
            missing.append(N_("Lives with me"))
        return missing
    if m.birth_date is None:
        missing.append(N_("Birth date"))
    if m.nationality is None:
        missing.append(N_("Nationality"))
    if m.kind == MemberKind.SPOUSE and m.marriage_date is None:
        missing.append(N_("Marriage date"))
    if m.kind == MemberKind.CHILD and m.child_relation is None:
        missing.append(N_("Relation"))
    return missing


def member_rows(project, hh=None) -> list[tuple[int, str, str, bool]]:
    """The step list's line for each household member: (index, text, its tooltip and accessible name, needs
    attention). A member missing facts "needs facts" (the tooltip names them); else, with the household worked
    out (`hh`, domain.household), when they can apply with you, or the parent benefit's state; without it, the
    member alone. The line names a member by their name when there is one (the list is narrow); the tooltip and
    accessible name by their kind and name ("Spouse: Mei: …")."""
    from hsp_wizard.domain.household import member_label
    from hsp_wizard.domain.project import MemberKind
    from hsp_wizard.presentation import Renderer
    r = Renderer()
    routes = {m.index: m for m in hh.members} if hh is not None else {}
    parent = next((b for b in hh.benefits if b.kind == "parent"), None) if hh is not None else None
    rows = []
    for i, m in enumerate(project.household.members):
        label = r.msg(member_label(project, i))  # "Spouse", "Child 2", "Spouse: Mei"
        missing = member_missing(m)
        if missing:
            def line(who: str) -> str:
                return _("{member}: needs facts").format(member=who)
            tip = _("{member}: still to enter: {facts}").format(member=label,
                                                                  facts="; ".join(_(f) for f in missing))
            rows.append((i, line(m.name or label), tip, True))
            continue
        if m.kind == MemberKind.PARENT:
            def line(who: str) -> str:
                if parent is None:
                    return who
                return {True: _("{member}: parent's stay: conditions met"),
                        False: _("{member}: parent's stay: conditions not met"),
                        None: _("{member}: parent's stay: cannot tell yet")}[parent.met].format(member=who)
        elif i not in routes:
            def line(who: str) -> str:
                return who
        else:
            mr = routes[i]

            def line(who: str) -> str:
                if mr.on_date is None:
                    return _("{name}: {what}").format(name=who, what=r.msg(mr.status))
                if not mr.sure:  # a fact the member's route or your own first route needs is unknown
                    return _("{member}: cannot tell yet").format(member=who)
                if mr.open_together:
                    return _("{member}: can apply with you on {date}").format(member=who, date=r.fmt(hh.on))
                if mr.together is not None and mr.together.opens is not None:
                    return _("{member}: can apply with you from {date}").format(member=who,
                                                                               date=r.fmt(mr.together.opens))
                return _("{member}: no date with you within the horizon").format(member=who)
        rows.append((i, line(m.name or label), line(label), False))
    return rows
