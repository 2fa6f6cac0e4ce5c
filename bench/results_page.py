"""The results page rebuilt (evaluation, the routes and points as labels with their 'change' buttons, laid out and
painted), as on entering the page or switching the language: per example, median and worst of 15 (offscreen)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HSP_WIZARD_CONFIG_DIR", tempfile.mkdtemp(prefix="hsp-bench-"))
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

RUNS = 15


def main() -> int:
    app = QApplication([sys.argv[0]])
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    print(f"results page rebuilt, median/worst of {RUNS} (ms)")
    for example in ("hsp-holder-b", "planning-b", "manager-c", "researcher-a"):
        w = MainWindow()
        w.resize(1280, 720)
        w.show()
        w.open_path(str(ROOT / "examples" / f"{example}.hspw"), ask=False)
        while w.wizard.currentId() < PageId.RESULTS:
            w.wizard.next()
        page = w.wizard.currentPage()
        times = []
        for _ in range(RUNS):
            began = time.perf_counter()
            page.load(scenarios=False)
            app.processEvents()
            times.append((time.perf_counter() - began) * 1000)
        print(f"  {example:<14} median {statistics.median(times):6.1f}  worst {max(times):6.1f}  "
              f"({len(page.view.paragraphs)} paragraphs, {len(page.view.cells)} table cells, "
              f"{len(page.view.links)} buttons)")
        w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
