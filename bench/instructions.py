"""Work per evaluation counted in machine instructions (valgrind's cachegrind, no cache simulation): unlike CPU time,
the count does not move with the load of this shared machine, so a change is judged by it and the timings are read
beside it. Each figure is (instructions of a run doing the work N times) - (the same run doing it 0 times), / N.

    python bench/instructions.py [--tree PATH]     (PATH: another checkout of the project to count, e.g. a
                                                    `git archive` of an older commit; default: this one)

Counted: one full evaluation (`bench/evaluate_one.py`'s, on the same date) per example and for the planner bench's
busy project; and the CLI worker's path for one generated file (`evaluate FOLDER --json`: read and validate the
file, evaluate, build and serialise the JSON), over 40 files of `bench/_projects.write_folder`. Slow: about a
minute per line under valgrind. Needs valgrind."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = 40
RUNS = 10

ONE = """
import sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2])
from datetime import date
from pathlib import Path
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.storage import load_project
if sys.argv[3] == "busy":
    from bench.planner import busy
    p = busy()
else:
    p = load_project(Path(sys.argv[1]) / "examples" / (sys.argv[3] + ".hspw"))
on = date(2026, 11, 22)
evaluate(p, on)
for _ in range(int(sys.argv[4])):
    evaluate(p, on)
"""

FILE = """
import sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2])
from datetime import date
from pathlib import Path
from hsp_wizard import cli
from hsp_wizard.rules import load_rules
import hsp_wizard.domain.household, hsp_wizard.presentation  # imported once per worker: not per file
load_rules()
files = sorted(Path(sys.argv[3]).iterdir())[:int(sys.argv[4])]
for f in files:
    cli._evaluate_one((str(f), None, 10, date(2026, 12, 1), True, "en", None, False, False))
"""


def count(code: str, args: list[str]) -> int:
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stderr
    line = next(ln for ln in out.splitlines() if "I" in ln and "refs:" in ln)
    return int(line.split()[-1].replace(",", ""))


def per_run(code: str, args: list[str], n: int) -> float:
    return (count(code, [*args, str(n)]) - count(code, [*args, "0"])) / n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose hsp_wizard is counted")
    tree = str(ap.parse_args().tree.resolve())
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed")
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (counts do not depend on it)")
    print(f"instructions (millions), {tree}")
    names = [p.stem for p in sorted((ROOT / "examples").glob("*.hspw"))] + ["busy"]
    for name in names:
        print(f"  one evaluation, {name:26s} {per_run(ONE, [tree, str(ROOT), name], RUNS) / 1e6:7.2f}", flush=True)
    sys.path.insert(0, str(ROOT))
    from bench._projects import write_folder
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "projects"
        write_folder(folder, FILES)
        print(f"  CLI worker, one generated file    {per_run(FILE, [tree, str(ROOT), str(folder)], FILES) / 1e6:7.2f}")


if __name__ == "__main__":
    main()
