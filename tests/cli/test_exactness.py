"""Exactness guard (issue 21): the CLI's `evaluate --json` output, byte for byte, against goldens recorded from the
code before the engine's speed work (tests/cli/exactness.py records them, with today pinned). Any changed result
fails here; a change of result that is intended (a rule or law change) re-records the goldens in its own commit."""

import json

import pytest

from tests.cli.exactness import (FAST, GENERATED, GOLDENS, ROOT, RUNS, cli_hashes, generated_folder,
                                 planned_folder)

GOLD = json.loads(GOLDENS.read_text())


def _run(name):
    return next(r for r in RUNS if r[0] == name)


def _check(name, folder, first=None, parallel=False):
    _, args, _ = _run(name)
    assert GOLD[name]["args"] == args
    want = GOLD[name]["sha256"]
    if first is not None:
        want = dict(sorted(want.items())[:first])
    got = cli_hashes(folder, args, parallel=parallel)
    changed = sorted(k for k in want if got.get(k) != want[k])
    assert set(got) == set(want), "a different set of files was evaluated"
    assert not changed, f"{len(changed)} of {len(want)} results changed, e.g. {changed[:5]}"


def test_goldens_are_varied():
    """The goldens tell results apart (distinct files give distinct bytes): a guard over one repeated output
    could not fail."""
    for name, *_ in RUNS:
        hashes = GOLD[name]["sha256"]
        assert len(set(hashes.values())) == len(hashes)


@pytest.mark.parametrize("name", ["examples_plan", "examples_plan_on"])
def test_every_example_with_the_plan_is_byte_identical(name):
    _check(name, ROOT / "examples")


def test_generated_projects_are_byte_identical(tmp_path):
    gen = generated_folder(tmp_path, FAST)
    _check("generated", gen, first=FAST)
    _check("generated_plan", planned_folder(gen))


@pytest.mark.slow
def test_a_thousand_generated_projects_are_byte_identical_through_the_workers(tmp_path):
    _check("generated", generated_folder(tmp_path, GENERATED), parallel=True)
