"""The reliability table of docs/reliability.md, measured: each row tries many hostile or failing cases and
counts the outcomes a user cares about. Run all rows, or some: `python bench/reliability.py fuzz kill`.

  cases     tried
  clear     ended in a clear message (ProjectFileError/FileRefused/OSError with a reason) or a correct result
  traceback any other exception (a crash the user would see as "Something went wrong")
  hang      one case took more than 1 s (10 s through the CLI, which starts Python)
  lost      the user's file changed or was damaged when it should not have been (or a tampered file opened)

Needs root for the disk-full and read-only-folder rows (tmpfs mounts); the others run anywhere."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hsp_wizard.domain.project import Project  # noqa: E402
from hsp_wizard.storage import (FileRefused, ProjectFileError, dumps_project, load_project, loads_project,  # noqa: E402
                                parse_project, save_project, sweep_temp_files, write_private_atomic)

EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"


def row(name: str, cases: int, clear: int, tracebacks: int, hangs: int, lost: int, command: str) -> None:
    print(f"| {name} | {cases:,} | {clear:,} | {tracebacks} | {hangs} | {lost} | `{command}` |", flush=True)


def _timed_load(data: bytes, **kw) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        parse_project(data, "case.hspw", **kw)
        outcome = "ok"
    except ProjectFileError as exc:
        outcome = "clear" if exc.msg.render() else "traceback"
    except Exception:  # noqa: BLE001
        outcome = "traceback"
    return outcome, time.perf_counter() - start


def fuzz(n: int = 10_000) -> None:
    """Mutated examples and generated documents through the loader (the test suite's generators)."""
    from tests.storage.test_fuzz import FIELDS, mutate, random_value
    from hsp_wizard.domain.project import SCHEMA_VERSION
    seeds = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.hspw"))]
    rng = random.Random(1122)
    docs = [mutate(rng.choice(seeds), rng) for _ in range(n)]
    rng = random.Random(2211)
    for _ in range(n):
        doc = {k: random_value(rng) for k in rng.sample(FIELDS, rng.randint(0, 8))}
        if rng.random() < 0.8:
            doc = {**doc, "format": "hsp-wizard-project", "schema_version": SCHEMA_VERSION}
        docs.append(json.dumps(doc).encode())
    counts = {"ok": 0, "clear": 0, "traceback": 0}
    hangs = 0
    for d in docs:
        outcome, took = _timed_load(d)
        counts[outcome] += 1
        hangs += took > 1.0
    row(f"fuzz: {n:,} mutated examples + {n:,} generated documents", len(docs), counts["ok"] + counts["clear"],
        counts["traceback"], hangs, 0, f"python bench/reliability.py fuzz")


def kill(n: int = 300) -> None:
    """A child saves two versions in turn and is SIGKILLed at a random moment, n times."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        target = folder / "p.hspw"
        versions = [dumps_project(load_project(EXAMPLE)), dumps_project(Project(name="y" * 400))]
        write_private_atomic(target, versions[0])
        rng = random.Random(20261203)
        lost = 0
        for _ in range(n):
            pid = os.fork()
            if pid == 0:
                try:
                    i = 0
                    while True:
                        save_project(Project.model_validate_json(versions[i % 2]), target)
                        i += 1
                finally:
                    os._exit(0)
            time.sleep(rng.uniform(0, 0.05))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lost += target.read_bytes() not in versions
        strays = len(sweep_temp_files(folder))
        left = sorted(p.name for p in folder.iterdir())
    row(f"kill -9 during save ({n} kills; {strays} stray temp files swept after)", n, n - lost, 0, 0, lost,
        "python bench/reliability.py kill")
    assert left == ["p.hspw", "p.hspw.bak"], left


def _mount(folder: Path, size: str, *extra: str) -> bool:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}" + "".join(f",{e}" for e in extra), "tmpfs",
                           str(folder)], capture_output=True).returncode == 0


def disk_full(n: int = 50) -> None:
    """Saves of growing projects into a 64 KiB tmpfs that fills up: the old file must stay byte-identical."""
    with tempfile.TemporaryDirectory() as tmp:
        mnt = Path(tmp)
        if not _mount(mnt, "64k"):
            print("| disk full | (not run: mounting a tmpfs needs root) | | | | | |")
            return
        try:
            target = mnt / "p.hspw"
            save_project(load_project(EXAMPLE), target, backup=False)
            before = target.read_bytes()
            clear = tracebacks = lost = 0
            for i in range(n):
                big = Project(name="x" * 500, scenarios=[]).model_dump_json()
                try:
                    write_private_atomic(target, big.encode() + b" " * (60 * 1024 + 1024 * i))
                    lost += 1  # it fit: not a full-disk case, and the old file was replaced
                except OSError:
                    clear += 1
                except Exception:  # noqa: BLE001
                    tracebacks += 1
                lost += target.read_bytes() != before
            strays = [p.name for p in mnt.iterdir() if p.name != "p.hspw"]
        finally:
            subprocess.run(["umount", str(mnt)], check=False)
    row(f"disk full (64 KiB tmpfs; {len(strays)} temp files left)", n, clear, tracebacks, 0, lost,
        "python bench/reliability.py disk_full")


def read_only(n: int = 20) -> None:
    """Saves onto a read-only (0444) project and into a read-only file system: refused, the file unchanged."""
    clear = tracebacks = lost = 0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "p.hspw"
        save_project(load_project(EXAMPLE), target)
        target.chmod(0o444)
        before = target.read_bytes()
        for i in range(n):
            try:
                save_project(Project(name=f"change {i}"), target)
            except FileRefused:
                clear += 1
            except Exception:  # noqa: BLE001
                tracebacks += 1
            lost += target.read_bytes() != before
        cases = n
        mnt = Path(tmp) / "ro"
        mnt.mkdir()
        if _mount(mnt, "1m"):
            try:
                ro_target = mnt / "p.hspw"
                save_project(load_project(EXAMPLE), ro_target)
                ro_before = ro_target.read_bytes()
                subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
                for i in range(n):
                    cases += 1
                    try:
                        save_project(Project(name=f"change {i}"), ro_target)
                    except OSError:
                        clear += 1
                    except Exception:  # noqa: BLE001
                        tracebacks += 1
                    lost += ro_target.read_bytes() != ro_before
            finally:
                subprocess.run(["umount", str(mnt)], check=False)
    row(f"read-only: a 0444 project ({n} saves) and a read-only file system ({cases - n} saves)", cases, clear,
        tracebacks, 0, lost, "python bench/reliability.py read_only")


def tamper() -> None:
    """Every byte of an encrypted example changed in turn (each of its bits flipped once across the run):
    never opened, always a clear message."""
    from hsp_wizard.storage.encryption import KdfParams, SealKey
    password = "a long enough password"
    key = SealKey.from_password(password, KdfParams(os.urandom(32), 19 * 1024, 1, 1))
    data = key.seal(EXAMPLE.read_bytes())
    clear = tracebacks = opened = hangs = 0
    for i in range(len(data)):
        b = bytearray(data)
        b[i] ^= 1 << (i % 8)
        start = time.perf_counter()
        try:
            parse_project(bytes(b), "tampered.hspw", password, key)
            opened += bytes(b) != data
        except ProjectFileError:
            clear += 1
        except Exception:  # noqa: BLE001
            tracebacks += 1
        hangs += time.perf_counter() - start > 1.0
    # a flipped bit in JSON white space or in a key's letter case can leave an equivalent document: only a
    # changed project counts as lost
    row(f"encryption tampering: one bit flipped in each of the {len(data):,} bytes", len(data), clear + opened,
        tracebacks, hangs, 0 if opened == 0 else opened, "python bench/reliability.py tamper")


def hostile() -> None:
    """The hostile-file corpus (tests/hostile.py) through the real CLI, `evaluate` and `checklist`."""
    from tests.hostile import KINDS, PASSWORD, make, snapshot
    clear = tracebacks = hangs = lost = cases = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in KINDS:
            for command in ("evaluate", "checklist"):
                folder = Path(tmp) / f"{kind}-{command}"
                folder.mkdir()
                path, reason = make(kind, folder)
                if kind == "directory" and command == "evaluate":
                    reason = "No project files"
                before = snapshot(folder)
                prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] \
                    if kind == "unreadable" and os.geteuid() == 0 and shutil.which("setpriv") else []
                args = ["evaluate", str(path)] if command == "evaluate" else \
                    ["checklist", str(path), "-o", str(Path(tmp) / "out.pdf")]
                cases += 1
                try:
                    done = subprocess.run([*prefix, sys.executable, "-m", "hsp_wizard.cli", *args, "--password-stdin"],
                                          input=PASSWORD + "\n", capture_output=True, text=True, timeout=10,
                                          cwd=ROOT, env=env)
                except subprocess.TimeoutExpired:
                    hangs += 1
                    continue
                if "Traceback" in done.stderr:
                    tracebacks += 1
                elif done.returncode == 2 and reason in done.stderr and str(path) in done.stderr:
                    clear += 1
                else:
                    print(f"  unclear: {kind} {command}: {done.stderr.strip()[:200]}")
                lost += snapshot(folder) != before or (Path(tmp) / "out.pdf").exists()
    row(f"hostile files through the CLI ({len(KINDS)} kinds x evaluate/checklist)", cases, clear, tracebacks, hangs,
        lost, "python bench/reliability.py hostile")


ROWS = {"fuzz": fuzz, "kill": kill, "disk_full": disk_full, "read_only": read_only, "tamper": tamper,
        "hostile": hostile}


def main(names: list[str]) -> None:
    print("| Run | Cases tried | Clear errors (or a correct result) | Tracebacks | Hangs (> 1 s) | Data lost | "
          "Reproduce |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in names or ROWS:
        ROWS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
