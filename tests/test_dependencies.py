"""The lock is the truth about what we install: it agrees with pyproject, holds nothing unneeded, and a fresh .venv
holds exactly what it lists (docs/dependencies.md)."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
LOCK_TOOLS = re.search(r"^LOCK_TOOLS\s*:=\s*(.*)$", MAKEFILE, re.M).group(1).split()
ENTRY = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked() -> list[tuple[str, Version, Marker | None, list[str], list[str]]]:
    """(name, version, marker, hashes, via) for every entry of the lock."""
    entries = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = ENTRY.match(line)
        if m:
            marker = Marker(m.group(3)) if m.group(3) else None
            entries.append((canonicalize_name(m.group(1)), Version(m.group(2)), marker, [], []))
        elif line.strip().startswith("--hash=sha256:"):
            entries[-1][3].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
        elif line.startswith("    # via") or line.startswith("    #   "):
            via = line.strip().removeprefix("# via").removeprefix("#").strip()
            if via:
                entries[-1][4].append(via)
    return entries


def applies(marker: Marker | None) -> bool:
    return marker is None or marker.evaluate()


def requirements() -> list[Requirement]:
    """What pyproject asks for: the app, the tests and installer build, the build backend, and the installer."""
    reqs = PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["test"]
    reqs += PYPROJECT["build-system"]["requires"]
    return [Requirement(r) for r in reqs + LOCK_TOOLS]


def test_every_entry_is_pinned_with_hashes():
    entries = locked()
    assert len(entries) > 20
    for name, _, _, hashes, _ in entries:
        assert hashes and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), name


def test_the_lock_satisfies_every_requirement_of_pyproject():
    entries = locked()
    for req in requirements():
        versions = [v for n, v, _, _, _ in entries if n == canonicalize_name(req.name)]
        assert versions, f"{req.name} is required by pyproject but not in the lock: run make lock"
        for v in versions:
            assert req.specifier.contains(v, prereleases=True), \
                f"the lock has {req.name} {v}, pyproject asks for {req.specifier}: run make lock"


def test_the_lock_holds_nothing_that_nothing_needs():
    entries = locked()
    names = {n for n, *_ in entries}
    tools = {canonicalize_name(Requirement(t).name) for t in LOCK_TOOLS}  # given to uv on standard input: no "via"
    for name, _, _, _, via in entries:
        assert via or name in tools, f"{name}: the lock does not say what needs it"
        for v in via:
            assert v.startswith(("hsp-wizard (pyproject.toml)", "-r ")) or canonicalize_name(v) in names, \
                f"{name} is needed by {v}, which is not in the lock: run make lock"


def test_pyside6_and_its_binding_generator_are_one_release():
    """A PySide6 with another release's shiboken6 crashes at import; both move together, on purpose only."""
    entries = {n: v for n, v, *_ in locked()}
    assert entries["pyside6-essentials"] == entries["shiboken6"]


def test_the_python_floor_is_stated_once_and_ci_runs_on_it():
    floor = re.search(r"^PY_FLOOR\s*:=\s*(\S+)$", MAKEFILE, re.M).group(1)
    ceiling = re.search(r"^PY_CEILING\s*:=\s*(\S+)$", MAKEFILE, re.M).group(1)
    assert PYPROJECT["project"]["requires-python"] == f">={floor},<3.{int(ceiling.split('.')[1]) + 1}"
    assert f"--python-version $(PY_FLOOR)" in MAKEFILE, "the lock is resolved from the floor up"
    if os.environ.get("CI"):
        assert sys.version_info[:2] == tuple(int(x) for x in floor.split(".")), \
            "CI must run on the oldest Python we support, so that the floor is what is tested"


@pytest.mark.skipif(Path(sys.prefix).resolve() != (ROOT / ".venv").resolve() and not os.environ.get("CI"),
                    reason="checks the project's own .venv (made by make run / make test)")
def test_the_installed_environment_equals_the_lock():
    assert Path(sys.prefix).resolve() == (ROOT / ".venv").resolve(), "CI must test inside the .venv make test made"
    want = {n: v for n, v, marker, _, _ in locked() if applies(marker)}
    have = {}
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name != "hsp-wizard":
            have[name] = Version(dist.version)
    assert have == want, (f"installed but not locked: {sorted(set(have) - set(want))}; "
                          f"locked but not installed: {sorted(set(want) - set(have))}; "
                          f"other versions: {sorted(n for n in set(have) & set(want) if have[n] != want[n])}")
