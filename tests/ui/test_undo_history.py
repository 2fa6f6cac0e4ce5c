"""The undo history on its own: a day of edits keeps a bounded number of projects alive, typing merges into one step,
and the saved state is told the way the window's Save and title read it."""

import gc

import pytest

from hsp_wizard.domain.project import Project, Trip
from hsp_wizard.ui import undo
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.undo import UNDO_LIMIT, UndoHistory


@pytest.fixture
def doc(qapp):
    d = ProjectDocument(Project())
    history = UndoHistory(d)
    history.reset()
    d.history = history
    return d


def live_projects() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is Project)


def type_name(doc, text: str) -> None:
    for i in range(1, len(text) + 1):
        doc.update(name=text[:i])


def test_a_day_of_typing_and_rows_keeps_a_bounded_history(doc):
    """Found by the soak test: every merged keystroke (and every step past the limit) kept its two projects alive.
    The history holds at most UNDO_LIMIT steps of two projects each, however long the day."""
    type_name(doc, "Ada Lovelace-Byron " * 5)
    for n in range(UNDO_LIMIT + 20):  # list edits never merge: each is a step, the oldest fall off
        doc.update(trips=[Trip(left=f"2020-01-{n % 28 + 1:02d}", returned=f"2020-02-{n % 28 + 1:02d}")] * (n % 3))
    start = live_projects()
    for _ in range(20):
        type_name(doc, "Ada Lovelace-Byron " * 5)
        doc.update(name=None)
    for n in range(300):
        doc.update(trips=[Trip(left="2021-03-01", returned="2021-03-0%d" % (n % 8 + 2))])
    assert doc.history.count() == UNDO_LIMIT
    assert live_projects() - start <= 4  # the same bounded set, give or take the current one and its copies


def test_typing_in_one_field_is_one_step_and_a_pause_starts_another(doc, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(undo.time, "monotonic", lambda: clock[0])
    type_name(doc, "Ana")
    clock[0] += undo.MERGE_SECONDS + 1
    type_name(doc, "Ana Example")
    assert doc.history.count() == 2
    doc.history.undo()
    assert doc.project.name == "Ana"
    doc.history.undo()
    assert doc.project.name is None and not doc.history.can_undo()
    doc.history.redo()
    doc.history.redo()
    assert doc.project.name == "Ana Example" and not doc.history.can_redo()


def test_undo_back_to_the_saved_state_is_saved_and_typing_after_a_save_is_a_new_step(doc):
    type_name(doc, "Ana")
    doc.history.mark_saved()
    doc.set_dirty(False)
    type_name(doc, "Ana Example")  # straight after saving: must not merge into the saved step
    assert doc.dirty and doc.history.count() == 2
    doc.history.undo()
    assert doc.project.name == "Ana" and not doc.dirty
    doc.history.redo()
    assert doc.project.name == "Ana Example" and doc.dirty


def test_the_saved_step_falling_off_the_history_leaves_no_clean_state(doc):
    doc.update(trips=[Trip(left="2020-01-01", returned="2020-01-05")])
    doc.history.mark_saved()
    doc.set_dirty(False)
    for n in range(UNDO_LIMIT + 1):
        doc.update(trips=[Trip(left="2020-01-01", returned="2020-01-05")] * (n % 2 + 2))
    while doc.history.can_undo():
        doc.history.undo()
    assert doc.dirty  # the saved file is no longer anywhere in the history: never claim it is saved


def test_undo_after_undo_then_an_edit_drops_what_could_be_redone(doc):
    doc.update(trips=[Trip(left="2020-01-01", returned="2020-01-05")])
    doc.update(trips=[])
    doc.history.undo()
    doc.update(name="New")
    assert not doc.history.can_redo()
    doc.history.undo()
    assert doc.project.trips and doc.project.name is None
