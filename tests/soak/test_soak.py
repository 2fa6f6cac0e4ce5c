"""A day of typing does not bring the window down: 50,000 keystrokes into a text field and 200 trips added and edited
through the Residence page's list editor (each edited twice), in the real window, in a process of its own.

PySide6 6.12.0 on CPython 3.11 lowers the reference count of None on every Qt call that returns nothing; the window
then aborts with "Fatal Python error: none_dealloc" after about 9,500 keystrokes. This test fails on that release
(seen: see docs/dependencies.md) and passes on the pinned one. On Python 3.12 and newer None is immortal (PEP 683):
its reference count is a fixed sentinel and says nothing, so there only the abort is checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hsp_wizard.ui.undo import UNDO_LIMIT

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("soak_child.py")
KEYSTROKES = 50_000
TRIPS = 200
# Typing into a cleared field holds no new reference to None (typing merges into one undo step), nor does editing
# rows once the undo history is full; a handful may come and go with Qt's caches. The leak this guards against loses one per Qt call: tens of thousands in this run.
SLACK = 50
NONE_IS_IMMORTAL = sys.version_info >= (3, 12)


@pytest.fixture(scope="module")
def soak(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("soak")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HSP_WIZARD_CONFIG_DIR=str(tmp / "config"),
               HSP_WIZARD_LOG_DIR=str(tmp / "logs"), HSP_WIZARD_STATE_DIR=str(tmp / "state"))
    run = subprocess.run([sys.executable, str(CHILD), str(KEYSTROKES), str(TRIPS)], env=env, capture_output=True,
                         text=True, timeout=900)
    return run


def result(run) -> dict:
    assert "Fatal Python error" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 0, f"the window died (exit {run.returncode}):\n{run.stderr[-2000:]}"
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_window_survives_a_day_of_typing(soak):
    r = result(soak)
    assert r["keystrokes"] == KEYSTROKES
    assert r["name_after"] == ""  # the last line was erased, as typed
    assert r["trips"] == TRIPS, "every trip added through the list editor is in the project"
    assert r["trip_days"] == [7], "every trip's edits reached the project"


@pytest.mark.skipif(NONE_IS_IMMORTAL, reason="None is immortal on Python 3.12+ (PEP 683): its count means nothing")
def test_the_reference_count_of_none_does_not_drift(soak):
    samples = result(soak)["none_refcount"]
    start = samples[0][2]
    typing = [count for phase, _, count in samples if phase in {"typing", "typed"}]
    assert max(abs(c - start) for c in typing) <= SLACK, f"typing moved None's count: {samples}"
    # The undo history keeps its last UNDO_LIMIT steps; an edited row's step keeps that row as it was (unchanged
    # rows are shared, not copied). The first round of edits fills it: at most a few references per step. The
    # second round replaces those steps: the count must not move.
    added = next(count for phase, n, count in samples if phase == "trips added" and n == TRIPS)
    full = next(count for phase, n, count in samples if phase == "trips edited" and n == TRIPS)
    assert full - added <= 4 * min(TRIPS, UNDO_LIMIT), f"each edit kept more than its own row: {samples}"
    again = [count for phase, _, count in samples if phase in {"trips edited again", "end"}]
    assert max(abs(c - full) for c in again) <= SLACK, f"editing rows moved None's count: {samples}"
    assert min(count for _, _, count in samples) >= start - SLACK, f"None's count fell: {samples}"
