"""Cold start to the first frame (issue 21: within 1.5x a bare QWizard measured the same way): HSP Wizard started
through its real entry point (`hsp_wizard.app.main`, as `hsp-wizard` with no arguments does), against a bare
PySide6 QWizard with one empty page, each in a fresh process, alternating.

The method stops at the first frame, not later: every event Qt delivers goes through `QApplication.notify`; the
first frame is done when the outermost delivery during which the window (or a widget inside it) received its
first paint event returns, that is once the window is painted and flushed (the expose or update request that
caused the paint has been handled). The process then exits at once (`os._exit`): nothing queued after the frame
(the other pages, the sweep, the recovery check) is waited for. Both sides pay the same hook.

Timed two ways: from spawning the process (interpreter start-up included: what a user waits) and from the script's
first line. Offscreen unless QT_QPA_PLATFORM says otherwise (e.g. `QT_QPA_PLATFORM=xcb DISPLAY=:22` for a real X
server, where the frame waits for the server's expose). Bytecode is compiled first, as an installed app has it.

The frozen app is measured the same way by `bench/installer.py` (HSP_WIZARD_FIRST_FRAME=1: the app prints the
moment of its first frame and quits there).

`python bench/first_frame.py [RUNS]`"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AIM = 1.5
PROLOGUE = r"""
import time; t0 = time.perf_counter()
import os, sys
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget


class FirstFrame(QApplication):
    depth, painted = 0, False

    def notify(self, obj, ev):
        self.depth += 1
        try:
            if not self.painted and ev.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and obj.isVisible():
                self.painted = True
            return super().notify(obj, ev)
        finally:
            self.depth -= 1
            if self.painted and self.depth == 0:
                t = time.perf_counter()
                print(f"{t:.6f} {(t - t0) * 1000:.3f}", flush=True)
                os._exit(0)


app = FirstFrame([sys.argv[0]])
"""
BARE = PROLOGUE + r"""
from PySide6.QtWidgets import QWizard, QWizardPage
w = QWizard(); w.addPage(QWizardPage()); w.show()
app.exec()
"""
OURS = PROLOGUE + r"""
from hsp_wizard.app import main
main([])
"""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def once(code: str, env: dict) -> tuple[float, float]:
    """(ms from spawning the process, ms from the script's first line) to the first frame."""
    spawned = time.perf_counter()  # CLOCK_MONOTONIC: the child's perf_counter reads the same clock
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    frame, inside = out.stdout.split()[-2:]
    return (float(frame) - spawned) * 1000, float(inside)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    compileall.compile_dir(ROOT / "hsp_wizard", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HSP_WIZARD_CONFIG_DIR=f"{tmp}/config", HSP_WIZARD_STATE_DIR=f"{tmp}/state",
                   HSP_WIZARD_LOG_DIR=f"{tmp}/logs")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        print(f"cold start to the first frame, {runs} runs each, alternating, platform {env['QT_QPA_PLATFORM']} "
              f"(ms); load {load()}")
        bare, ours = [], []
        once(BARE, env), once(OURS, env)  # warm the page cache for both
        for _ in range(runs):
            bare.append(once(BARE, env))
            ours.append(once(OURS, env))
        for i, what in ((0, "from spawning the process"), (1, "from the script's first line")):
            b = sorted(r[i] for r in bare)
            o = sorted(r[i] for r in ours)
            ratio = statistics.median(o) / statistics.median(b)
            print(f"  {what}")
            print(f"    bare QWizard   min {b[0]:6.1f}  median {statistics.median(b):6.1f}  max {b[-1]:6.1f}")
            print(f"    HSP Wizard     min {o[0]:6.1f}  median {statistics.median(o):6.1f}  max {o[-1]:6.1f}   "
                  f"ratio of medians {ratio:.2f}x (aim: within {AIM}x: {'met' if ratio <= AIM else 'MISSED'})")
        print(f"  load after {load()}")


if __name__ == "__main__":
    main()
