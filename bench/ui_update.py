"""Keystroke or cell commit to updated results (issue 21's aim: p99 under 10 ms): a project with 20 rows in every
list and 20 scenarios, the window at 1280x720; one salary amount committed into its cell on the salary page, then
one letter typed into the name field of the first page, each timed from the commit or key press until every event
it caused has been handled (the views updated and repainted), min/p50/p90/p99/max beside the aim, with the share
of the window repainted (offscreen). The window is made as `hsp-wizard` makes it, with the start-up heap frozen
as its `run` does two seconds after start (`--no-freeze`: without, as before issue 21)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QRegion  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hsp_wizard.domain.project import (CareerPeriod, Degree, EmployerFact, JapaneseResult, Project,  # noqa: E402
                                       ResearchAchievement, ResidencePeriod, SalaryEntry, Trip)

N = 20


def busy() -> Project:
    d0 = date(2005, 1, 1)
    step = timedelta(days=200)
    return Project(
        category="b", birth_date=date(1985, 5, 5), planned_application_date=date(2027, 1, 1),
        degrees=[Degree(level="master", field=f"F{i}", awarded=d0 + i * step) for i in range(N)],
        career=[CareerPeriod(kind="specialised", start=d0 + i * step, end=d0 + i * step + timedelta(days=150))
                for i in range(N)],
        salary=[SalaryEntry(start=d0 + i * step, amount_yen=4_000_000 + i * 100_000) for i in range(N)],
        research=[ResearchAchievement(kind="papers", achieved=d0 + i * step) for i in range(N)],
        japanese=[JapaneseResult(test="jlpt", level="N2", passed=d0 + i * step) for i in range(N)],
        employer_facts=[EmployerFact(kind="sme", start=d0 + i * step, end=d0 + i * step + timedelta(days=100))
                        for i in range(N)],
        residence=[ResidencePeriod(status="engineer_humanities", start=d0 + i * step,
                                   end=d0 + (i + 1) * step - timedelta(days=1), period_of_stay_months=60)
                   for i in range(N)],
        trips=[Trip(left=d0 + i * step + timedelta(days=10), returned=d0 + i * step + timedelta(days=20))
               for i in range(N)])


EDITS = 200  # per kind of edit; p99 is the second-worst of them
AIM_MS = 10.0  # issue 21: a keystroke or cell commit to the updated results, p99


def _settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


class _Painted(QObject):
    """The share of the window repainted by an edit: the union of every paint event's region inside it; and how
    many events were delivered while it listens (to tell when the edit's work is over)."""

    def __init__(self, window):
        super().__init__()
        self.window, self.region, self.on, self.events = window, QRegion(), False, 0

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 (Qt's name)
        if self.on:
            self.events += 1
            if ev.type() == QEvent.Type.Paint and obj.isWidgetType() and \
                    (obj is self.window or self.window.isAncestorOf(obj)):
                self.region = self.region.united(ev.region().translated(obj.mapTo(self.window, QPoint(0, 0))))
        return False

    @property
    def area(self) -> int:
        return sum(r.width() * r.height() for r in self.region)


PASSES = 50  # at most this many rounds of the event loop for one edit (in practice 2 or 3)


def _drain(app, painted) -> None:
    """Run the event loop until a round delivers no event: work an edit causes can post more work (a list view
    lays its items out on a zero timer, and the layout then asks for a repaint), which one `processEvents` call
    leaves for the next round."""
    for _ in range(PASSES):
        before = painted.events
        app.processEvents()
        if painted.events == before:
            return


def _timed(app, painted, edit, check) -> tuple[float, float, float]:
    """One edit, timed from its commit until every event it caused is handled (the views updated and
    repainted: the event loop run until a round of it finds nothing to do); (wall ms, CPU ms of this process, share of the window repainted). On this shared machine the
    CPU time is the steadier figure: the wall time also holds the waits for a core."""
    painted.region, painted.on = QRegion(), True
    c, t = time.process_time(), time.perf_counter()
    edit()
    _drain(app, painted)
    ms, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
    painted.on = False
    check()
    size = painted.window.size()
    return ms, cpu, painted.area / (size.width() * size.height())


def _report(what: str, runs: list[tuple[float, float, float]]) -> None:
    share = statistics.median(a for _t, _c, a in runs)
    for label, times in (("wall", sorted(t for t, _c, _a in runs)), ("CPU", sorted(c for _t, c, _a in runs))):
        q = lambda p: times[min(len(times) - 1, int(len(times) * p))]  # noqa: E731
        verdict = "met" if q(0.99) < AIM_MS else "MISSED"
        print(f"  {what:<31} {label:>4}  min {times[0]:6.2f}  p50 {q(0.5):6.2f}  p90 {q(0.9):6.2f}  "
              f"p99 {q(0.99):6.2f}  max {times[-1]:6.2f}   aim p99 < {AIM_MS:.0f} ms: {verdict}")
    print(f"  {'':<31} repainted per edit (median): {share:.1%} of the window")
    if os.environ.get("BENCH_VERBOSE"):
        print("    per edit (wall):", " ".join(f"{t:.1f}" for t, _c, _a in runs))


def main() -> None:
    app = QApplication([])
    from bench.edit_to_results import with_scenarios
    from hsp_wizard.ui.document import ProjectDocument
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    w = MainWindow(ProjectDocument(with_scenarios(20)))
    w.resize(1280, 720)
    w.show()
    painted = _Painted(w)
    app.installEventFilter(painted)
    print(f"edit to updated results, {N} rows in every list, {len(w.doc.project.scenarios)} scenarios, window "
          f"{w.width()}x{w.height()}, {EDITS} edits each (ms)")

    # a cell committed: the salary table's last amount, a different amount each time (no cache can answer it)
    w.wizard.jump_to(PageId.SALARY)
    _settle(app, 0.3)  # the start-up work queued after the first paint (sweep, recovery) runs first
    if "--no-freeze" not in sys.argv:
        try:
            from hsp_wizard.ui.startup import freeze_startup_heap
        except ImportError:  # a version from before issue 21 (the bench runs against any)
            freeze_startup_heap = None
        if freeze_startup_heap is not None:
            freeze_startup_heap()  # what `hsp-wizard` does once start-up is over (ui/startup.py's run)
    editor = w.wizard.currentPage().editors["salary"]
    runs = []
    for i in range(EDITS):
        amount = 6_000_000 + (i % 2) * 3_000_000 + i * 1_000
        item = editor.table.item(N - 1, 1)
        runs.append(_timed(app, painted, lambda: item.setText(f"{amount:,}"),  # what the delegate does on commit
                           lambda: _expect(w.doc.project.salary[-1].amount_yen, amount)))
        _settle(app, 0.004)
    _report("salary cell (salary page)", runs)
    print(f"    panel shows: {w.wizard.panel.total.text()}")

    # a key typed: a letter into the name field of the first page (the panel and the category comparison
    # update; the points do not change)
    w.wizard.jump_to(PageId.CATEGORY)
    _settle(app, 0.1)
    field = w.wizard.currentPage().name
    field.setFocus()
    field.end(False)
    runs = []
    for i in range(EDITS):
        key = Qt.Key(Qt.Key.Key_A + i % 26)
        before = field.text()
        runs.append(_timed(app, painted, lambda: QTest.keyClick(field, key),
                           lambda: _expect(w.doc.project.name, (before + chr(ord("a") + i % 26)).strip())))
        _settle(app, 0.004)
    _report("key typed (name field)", runs)


def _expect(got, want) -> None:
    assert got == want, (got, want)


if __name__ == "__main__":
    main()
