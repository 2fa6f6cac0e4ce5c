"""Keystroke to updated total: a project with 20 periods in every list, one salary amount typed into its
cell, timed from the commit of the edit to the points panel showing the new total (offscreen)."""

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


def main() -> None:
    app = QApplication([])
    from hsp_wizard.ui.document import ProjectDocument
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    w = MainWindow(ProjectDocument(busy()))
    w.show()
    while w.wizard.currentId() != PageId.SALARY:
        w.wizard.next()
    settle = time.perf_counter() + 0.3  # let the start-up work queued after the first paint (sweep, recovery) run
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.01)
    editor = w.wizard.currentPage().editors["salary"]
    times = []
    for i in range(40):
        item = editor.table.item(N - 1, 1)
        t = time.perf_counter()
        item.setText(f"{6_000_000 + (i % 2) * 3_000_000:,}")  # what the delegate does on commit
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
        expected = "9,000,000" if i % 2 else "6,000,000"
        assert item.text() == expected
    print(f"edit to updated total, {N} rows in every list, {len(times)} edits (ms)")
    print(f"  median {statistics.median(times):6.2f}  p90 {sorted(times)[int(len(times) * 0.9)]:6.2f}  "
          f"max {max(times):6.2f}  (aim: within one frame, 16 ms)")
    print(f"  panel shows: {w.wizard.panel.total.text()}")
    if os.environ.get("BENCH_VERBOSE"):
        print("  per edit:", " ".join(f"{t:.1f}" for t in times))


if __name__ == "__main__":
    main()
