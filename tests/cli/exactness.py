"""The exactness guard's harness (issue 21): the CLI's `evaluate --json` bytes, one sha256 per file, for the examples
and for generated projects, with the calendar pinned (today and, for some runs, --on) so the goldens never drift.

    python -m tests.cli.exactness      rewrites tests/cli/data/exactness.json from the current code

Rewrite the goldens only when a change of result is intended (a rule or law change), and say so in the commit."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDENS = Path(__file__).with_name("data") / "exactness.json"
TODAY = date(2026, 12, 1)  # the CLI's `date.today()`, pinned
SEED = 21
GENERATED = 1000  # the slow test checks all; the quick one the first FAST (the same files: one random sequence)
FAST = 300
PLANNED = 40  # generated files also run with --plan (timeline, suggestions, scenarios)
# (name, arguments after `evaluate .`, which files)
RUNS = (("examples_plan", ["--json", "--plan"], "examples"),
        ("examples_plan_on", ["--json", "--plan", "--on", "2027-06-01"], "examples"),
        ("generated", ["--json"], "generated"),
        ("generated_plan", ["--json", "--plan"], "generated_planned"))


class _PinnedDate(date):
    @classmethod
    def today(cls):
        return TODAY


@contextlib.contextmanager
def pinned(cwd: Path, parallel: bool):
    """`date.today()` pinned wherever the engine may call it; the working folder set so file names are relative."""
    from hsp_wizard import cli
    from hsp_wizard.domain import residence, routes
    saved = [(m, m.date) for m in (cli, residence, routes)]
    saved_parallel = cli.PARALLEL_FROM
    old = os.getcwd()
    try:
        for m, _ in saved:
            m.date = _PinnedDate
        if not parallel:
            cli.PARALLEL_FROM = 10 ** 9
        os.chdir(cwd)
        yield
    finally:
        os.chdir(old)
        cli.PARALLEL_FROM = saved_parallel
        for m, d in saved:
            m.date = d


def cli_hashes(folder: Path, args: list[str], parallel: bool = False) -> dict[str, str]:
    """Run `hsp-wizard evaluate . ARGS` in `folder`; the sha256 of each result's exact bytes, by file name. The
    envelope around the results is checked here too."""
    from hsp_wizard import cli
    buf = io.StringIO()
    with pinned(folder, parallel), contextlib.redirect_stdout(buf):
        code = cli.main(["evaluate", ".", *args])
    out = buf.getvalue()
    head = '{"format":"hsp-wizard-evaluation","version":1,"results":['
    tail = '],"errors":[]}\n'
    assert code == 0 and out.startswith(head) and out.endswith(tail), out[:200]
    # results are joined by ",\n"; a result never holds a raw newline (JSON escapes it)
    lines = out[len(head):-len(tail)].split(",\n")
    hashes = {}
    for line in lines:
        name = json.loads(line)["file"]
        hashes[name] = hashlib.sha256(line.encode()).hexdigest()[:24]
    return hashes


def generated_folder(tmp: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench._projects import write_folder
    folder = tmp / "generated"
    write_folder(folder, n, seed=SEED)
    return folder


def planned_folder(generated: Path) -> Path:
    folder = generated.parent / "planned"
    folder.mkdir(exist_ok=True)
    for p in sorted(generated.iterdir())[:PLANNED]:
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def record() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        gen = generated_folder(Path(tmp), GENERATED)
        folders = {"examples": ROOT / "examples", "generated": gen, "generated_planned": planned_folder(gen)}
        out = {"today": TODAY.isoformat(), "seed": SEED}
        for name, args, which in RUNS:
            out[name] = {"args": args, "sha256": cli_hashes(folders[which], args)}
    return out


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = record()
    GOLDENS.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n")
    print(f"wrote {GOLDENS}: " + ", ".join(f"{k} {len(v['sha256'])}" for k, v in data.items() if isinstance(v, dict)))
