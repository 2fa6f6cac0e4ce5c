"""Time to build the checklist PDF for a typical project (the evaluation is done before timing), per
language; first build (font registration and subsetting warm-up) reported separately. Aim: under 500 ms."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hsp_wizard.domain.plan import make_plan  # noqa: E402
from hsp_wizard.report.checklist_pdf import build_checklist_pdf  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RUNS = 15


def main() -> None:
    p = load_project(ROOT / "examples" / "hsp-holder-b.hspw")
    on = p.planned_application_date

    def plan():  # a fresh plan each run: the build includes the timeline it draws, as before plans were cached
        return make_plan(p, on, on=on)
    t = time.perf_counter()
    build_checklist_pdf(plan(), lang="en")
    first = (time.perf_counter() - t) * 1000
    print(f"checklist PDF for examples/hsp-holder-b.hspw ({RUNS} runs per language)")
    print(f"  first build in the process  {first:7.1f} ms")
    for lang in ("en", "ja"):
        times, size = [], 0
        for _ in range(RUNS):
            t = time.perf_counter()
            size = len(build_checklist_pdf(plan(), lang=lang))
            times.append((time.perf_counter() - t) * 1000)
        print(f"  {lang}: median {statistics.median(times):7.1f} ms  max {max(times):7.1f} ms  "
              f"({size / 1024:.0f} KiB)  (aim: 500 ms)")


if __name__ == "__main__":
    main()
