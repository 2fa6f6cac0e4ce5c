"""One full evaluation (points, every route, HSP(ii), J-Skip, earliest and closing dates over 10 years),
per example project. Prints the median and the worst of repeated runs in milliseconds."""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._projects import ROOT  # noqa: E402
from hsp_wizard.domain.evaluate import evaluate  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402

ON = date(2026, 11, 22)
RUNS = 30


def main() -> None:
    print(f"one full evaluation with earliest dates, 10-year horizon, {RUNS} runs each (ms)")
    medians = []
    for path in sorted((ROOT / "examples").glob("*.hspw")):
        p = load_project(path)
        evaluate(p, ON)  # warm the rule tables
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            evaluate(p, ON)
            times.append((time.perf_counter() - t) * 1000)
        med = statistics.median(times)
        medians.append(med)
        print(f"  {path.stem:28s} median {med:6.2f}  max {max(times):6.2f}")
    print(f"  {'all examples':28s} median {statistics.median(medians):6.2f}  worst median {max(medians):6.2f}")


if __name__ == "__main__":
    main()
