"""The planner's cost per example: the points timeline (three years back, five ahead, with route windows) and
the ranked suggestions (each change tried with a full evaluation), 5 runs each, median."""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hsp_wizard.domain.suggest import suggestions  # noqa: E402
from hsp_wizard.domain.timeline import timeline  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402

TODAY = date(2026, 11, 22)


def median_ms(fn, n: int = 5) -> float:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def main() -> None:
    print(f"planner per example on {TODAY} (median of 5; the UI computes each only when its tab is shown)")
    for path in sorted((ROOT / "examples").glob("*.hspw")):
        p = load_project(path)
        tl = median_ms(lambda: timeline(p, TODAY))
        sg = median_ms(lambda: suggestions(p, TODAY))
        print(f"  {path.stem:28} timeline {tl:6.1f} ms   suggestions {sg:6.1f} ms")


if __name__ == "__main__":
    main()
