"""Project files evaluated from the CLI (`hsp-wizard evaluate FOLDER --json`): wall-clock seconds including
interpreter start-up, and the peak memory of the largest process (the CLI or one of its workers). The files are
derived from the examples.

    python bench/evaluate_many.py [N ...]      (default: 1000 and 10000)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._projects import write_folder  # noqa: E402

AIMS = {1000: (3.0, None), 10000: (30.0, 250)}  # seconds, MiB (issue 21)


def run(exe: Path, folder: Path, args: list[str]) -> tuple[float, int, float, float]:
    """Seconds, bytes written, peak MiB of the largest process, CPU seconds of the CLI and its workers (user +
    system: what the run costs whatever else the shared machine does), for one run in a fresh child."""
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
            "s = time.perf_counter() - t\n"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(r.returncode, s, len(r.stdout), u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n")
    # the output is read into the measuring child, not the CLI: the CLI's own memory is what is measured
    out = subprocess.run([sys.executable, "-c", code, str(exe), "evaluate", str(folder), *args],
                         capture_output=True, text=True, check=True).stdout.split()
    if out[0] != "0":
        raise SystemExit(f"CLI failed on {folder}")
    return float(out[1]), int(out[2]), float(out[3]), float(out[4])


def main(sizes: list[int]) -> None:
    exe = Path(sys.executable).with_name("hsp-wizard")
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in __import__('os').getloadavg())}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "projects"
            write_folder(folder, n)
            for label, args in (("--json", ["--json"]), ("human", [])):
                secs, size, peak, cpu = run(exe, folder, args)
                aim_s, aim_mib = AIMS.get(n, (None, None)) if label == "--json" else (None, None)
                aim = f"  (aims: {aim_s} s" + (f", {aim_mib} MiB" if aim_mib else "") + ")" if aim_s else ""
                print(f"{n} files, evaluate {label:7s}: {secs:6.2f} s  ({secs / n * 1000:.2f} ms per file, "
                      f"{size / 1e6:.1f} MB output, peak {peak:.0f} MiB, CPU {cpu:.2f} s over 2 cores){aim}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in __import__('os').getloadavg())}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
