"""Cold start to the first page shown: HSP Wizard against a bare PySide6 QWizard, each in a fresh process,
alternating, offscreen. Prints medians in milliseconds and the ratio (aim: within 1.6x)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

RUNS = 9
# Both scripts time from their first line to the first paint of the window, then (ours) to all pages built.
PROLOGUE = r"""
import time; t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
class FirstPaint(QObject):
    t = None
    def eventFilter(self, obj, ev):
        if self.t is None and ev.type() == QEvent.Type.Paint:
            self.t = time.perf_counter()
        return False
app = QApplication([])
first = FirstPaint(); app.installEventFilter(first)
"""
BARE = PROLOGUE + r"""
from PySide6.QtWidgets import QWizard, QWizardPage
w = QWizard(); w.addPage(QWizardPage()); w.show()
while first.t is None: app.processEvents()
print((first.t - t0) * 1000, 0)
"""
OURS = PROLOGUE + r"""
from hsp_wizard.ui.main_window import MainWindow
w = MainWindow(); w.show()
while first.t is None: app.processEvents()
while not w.wizard.built: app.processEvents()
print((first.t - t0) * 1000, (time.perf_counter() - t0) * 1000)
"""


def once(code: str) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HSP_WIZARD_CONFIG_DIR=os.environ.get("TMPDIR", "/tmp"))
    t = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    a, b = t.stdout.strip().splitlines()[-1].split()
    return float(a), float(b)


def main() -> None:
    bare, ours, ready = [], [], []
    for _ in range(RUNS):
        bare.append(once(BARE)[0])
        first, built = once(OURS)
        ours.append(first)
        ready.append(built)
    b, o, r = statistics.median(bare), statistics.median(ours), statistics.median(ready)
    print(f"cold start, {RUNS} runs each, from the script's first line (interpreter start-up excluded)")
    print(f"  bare QWizard, first page painted   median {b:7.1f} ms")
    print(f"  HSP Wizard, first page painted     median {o:7.1f} ms   ratio {o / b:.2f}x (aim: 1.6x)")
    print(f"  HSP Wizard, every page built       median {r:7.1f} ms   ratio {r / b:.2f}x")


if __name__ == "__main__":
    main()
