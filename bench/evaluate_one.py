"""One full evaluation (points, every route, HSP(ii), J-Skip, earliest and closing dates over 10 years),
per example project and for the planner bench's busy project. Prints min/median/max of repeated runs in
milliseconds, wall (perf_counter) and CPU (process_time: the machine is shared, wall time is noisy), beside the
aims of issue 21, and the load average."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._projects import ROOT  # noqa: E402
from bench.planner import busy  # noqa: E402
from hsp_wizard.domain.evaluate import evaluate  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402

ON = date(2026, 11, 22)
RUNS = 30
AIM_EXAMPLE, AIM_BUSY = 4.0, 8.0  # ms, median (issue 21)


def measure(p) -> tuple[list[float], list[float]]:
    evaluate(p, ON)  # warm the rule tables
    wall, cpu = [], []
    for _ in range(RUNS):
        t, c = time.perf_counter(), time.process_time()
        evaluate(p, ON)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu


def fmt(xs: list[float]) -> str:
    return f"{min(xs):6.2f} / {statistics.median(xs):6.2f} / {max(xs):6.2f}"


def main() -> None:
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"one full evaluation with earliest dates, 10-year horizon, {RUNS} runs each (ms, min / median / max)")
    rows = [(path.stem, load_project(path)) for path in sorted((ROOT / "examples").glob("*.hspw"))]
    rows.append(("busy (planner bench)", busy()))
    med_wall, med_cpu = [], []
    for name, p in rows:
        wall, cpu = measure(p)
        aim = AIM_BUSY if name.startswith("busy") else AIM_EXAMPLE
        ok = "met" if statistics.median(cpu) < aim else "MISSED"
        print(f"  {name:28s} wall {fmt(wall)}   cpu {fmt(cpu)}   (aim: median < {aim:.0f} ms; cpu {ok})")
        if not name.startswith("busy"):
            med_wall.append(statistics.median(wall))
            med_cpu.append(statistics.median(cpu))
    print(f"  {'examples, worst median':28s} wall {max(med_wall):6.2f}   cpu {max(med_cpu):6.2f}   "
          f"(aim: < {AIM_EXAMPLE:.0f} ms for every example)")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
