"""Edit to updated results: a project with 20 rows in every list and 20 scenarios, the window on the results page
(routes, points, and the scenarios tab showing its comparison), one salary amount changed as the salary page's
editor commits it, timed until every widget shows the edit (the points panel, the routes page, the scenarios
comparison); and how many times the project was evaluated (`evaluate` called) per edit. Offscreen.

`--no-planned`: the same without a planned application date. Runs against any version of the app (it only drives the window), so the same script measures before and after."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.ui_update import N, busy  # noqa: E402

EDITS = 10


def with_scenarios(n: int = 20):
    from hsp_wizard.domain.project import Scenario, ScenarioChange
    p = busy()
    start = date(2027, 4, 1)
    p.scenarios = [Scenario(name=f"S{i}", changes=[ScenarioChange(kind="raise", start=start + timedelta(days=30 * i),
                                                                  amount_yen=8_000_000 + 100_000 * i)])
                   for i in range(n)]
    return p


def count_evaluations() -> list[int]:
    """Wrap every module's `evaluate` (the whole evaluation of a project on a date) with a counter."""
    import hsp_wizard.domain.evaluate as ev_mod
    real = ev_mod.evaluate
    calls = [0]

    def counted(*a, **k):
        calls[0] += 1
        return real(*a, **k)
    for name, mod in list(sys.modules.items()):
        if name.startswith("hsp_wizard") and getattr(mod, "evaluate", None) is real:
            mod.evaluate = counted
    return calls


def settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    app = QApplication([])
    from hsp_wizard.ui.document import ProjectDocument
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    project = with_scenarios()
    if "--no-planned" in sys.argv:  # the date shown is then the earliest date found
        project.planned_application_date = None
    w = MainWindow(ProjectDocument(project))
    w.resize(1280, 720)
    w.show()
    w.wizard.build()
    import hsp_wizard.ui.pages.results  # noqa: F401  (imported before the counter wraps `evaluate`)
    import hsp_wizard.ui.widgets.points_panel  # noqa: F401
    calls = count_evaluations()
    from hsp_wizard.domain.routes import Engine
    engines = [0]
    real_init = Engine.__init__

    def counted_init(self, *a, **k):
        engines[0] += 1
        real_init(self, *a, **k)
    Engine.__init__ = counted_init
    while w.wizard.currentId() != PageId.SALARY:
        w.wizard.next()
    settle(app, 0.5)
    salary = w.wizard.page(PageId.SALARY).editors["salary"]
    while w.wizard.currentId() != PageId.RESULTS:
        w.wizard.next()
    results = w.wizard.page(PageId.RESULTS)
    results.tabs.setCurrentWidget(results.scenarios)
    settle(app, 2.0)
    times, per_edit, plans, made = [], [], [], []
    for i in range(EDITS):
        amount = 6_000_000 + (i % 2) * 3_000_000
        before, plans_before, engines_before = calls[0], getattr(w.doc, "plans_made", 0), engines[0]
        t = time.perf_counter()
        salary.table.item(N - 1, 1).setText(f"{amount:,}")  # what the delegate does on commit
        app.processEvents()
        results.load()  # what the results page does when it is shown again after the edit
        # wait until every widget shows the edit: the scenarios' comparison recomputes after a pause
        shown = f"{w.wizard.panel.total.text()}"
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            app.processEvents()
            if not _pending(results):
                break
            time.sleep(0.001)
        times.append((time.perf_counter() - t) * 1000)
        settle(app, 0.4)  # anything the edit scheduled runs before the count is read
        per_edit.append(calls[0] - before)
        plans.append(getattr(w.doc, "plans_made", 0) - plans_before)
        made.append(engines[0] - engines_before)
        assert shown
    print(f"edit to updated results, {N} rows in every list and {len(w.doc.project.scenarios)} scenarios, "
          f"{'no planned date' if '--no-planned' in sys.argv else 'a planned date'}, {EDITS} edits (ms)")
    print(f"  median {statistics.median(times):7.1f}  max {max(times):7.1f}")
    print(f"  evaluations of the project (`evaluate` calls) per edit: {per_edit}")
    print(f"  engines made per edit (each evaluates the project on some days; the scenario comparison makes one "
          f"per edited column): {made}")
    if hasattr(w.doc, "plans_made"):
        print(f"  plans made per edit (ProjectDocument.plan): {plans}")


def _pending(results) -> bool:
    """Whether the scenarios panel still has a recomputation queued or running."""
    panel = results.scenarios
    timer = getattr(panel, "timer", None) or getattr(panel, "_timer", None)
    return bool(timer is not None and timer.isActive())


if __name__ == "__main__":
    main()
