"""The Linux installer and the frozen app (build them first with `make package`): the .deb's size, what it
installs, and the frozen app's start-up, spawn to the first frame of the window (offscreen; the app reports the
moment its first paint returned and exits there, as bench/first_frame.py measures the unfrozen one), with the page cache
dropped before each cold run where the machine allows it (root), and warm runs after."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "hsp-wizard" / "hsp-wizard"
RUNS = 7


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_once(env: dict) -> float:
    """Spawn to the first frame: the app prints the moment its window's first paint returned (CLOCK_MONOTONIC)
    and exits there, without building the other pages (the method of bench/first_frame.py)."""
    t = time.monotonic()
    done = subprocess.run([str(APP)], env=env, capture_output=True, timeout=60)
    if done.returncode != 0:
        sys.exit(f"the frozen app failed: {done.stderr.decode()[-500:]}")
    frame = [line for line in done.stdout.decode().splitlines() if line.startswith("first frame at ")]
    if not frame:
        sys.exit("the frozen app did not report its first frame (a build from before issue 21?)")
    return (float(frame[-1].split()[-1]) - t) * 1000


def main() -> int:
    debs = sorted((ROOT / "dist").glob("hsp-wizard_*.deb"))
    if not debs or not APP.exists():
        sys.exit("build the installer first: make package")
    deb = debs[-1]
    installed = int(subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True,
                                   text=True, check=True).stdout.strip())
    print(f"installer {deb.name}: {deb.stat().st_size / 1e6:.1f} MB (aim: under 70 MB)")
    print(f"installed: {installed / 1024:.0f} MiB (Installed-Size)")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HSP_WIZARD_QUIT_AFTER_FIRST_PAINT": "1",
               "HSP_WIZARD_CONFIG_DIR": f"{tmp}/config", "HSP_WIZARD_STATE_DIR": f"{tmp}/state",
               "HSP_WIZARD_LOG_DIR": f"{tmp}/logs"}
        cold = []
        for _ in range(RUNS):
            if not drop_caches():
                break
            cold.append(start_once(env))
        warm = [start_once(env) for _ in range(RUNS)]
        version = [(lambda t: (subprocess.run([str(APP), "--version"], capture_output=True, check=True),
                               (time.perf_counter() - t) * 1000)[1])(time.perf_counter()) for _ in range(RUNS)]
    if cold:
        print(f"frozen cold start to the first frame: median {statistics.median(cold):.0f} ms, worst {max(cold):.0f} ms "
              f"({len(cold)} runs, page cache dropped before each; aim: under 2 s)")
    else:
        print("frozen cold start: not measured (dropping the page cache needs root)")
    print(f"frozen warm start to the first frame: median {statistics.median(warm):.0f} ms, worst {max(warm):.0f} ms")
    print(f"frozen --version (CLI, no Qt): median {statistics.median(version):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
