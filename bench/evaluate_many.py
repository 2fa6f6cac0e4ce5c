"""1,000 project files evaluated from the CLI (`hsp-wizard evaluate FOLDER --json`), wall-clock seconds,
including interpreter start-up. The files are derived from the examples."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._projects import write_folder  # noqa: E402

N = 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "projects"
        write_folder(folder, N)
        exe = Path(sys.executable).with_name("hsp-wizard")
        for label, args in (("--json", ["--json"]), ("human", [])):
            t = time.perf_counter()
            r = subprocess.run([str(exe), "evaluate", str(folder), *args], capture_output=True)
            secs = time.perf_counter() - t
            if r.returncode != 0:
                raise SystemExit(f"CLI failed: {r.stderr.decode()[:500]}")
            print(f"{N} files, evaluate {label:7s}: {secs:5.2f} s  ({secs / N * 1000:.2f} ms per file, "
                  f"{len(r.stdout) / 1e6:.1f} MB output)")


if __name__ == "__main__":
    main()
