"""Every kind of hostile file through the real CLI, in a child process with a time limit: a clear message on
stderr naming the file and the reason, exit code 2, no traceback, no hang, nothing written (issue 19)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import KINDS, PASSWORD, ROOT, ROOT_READS_ANYTHING, make, snapshot


# root reads a mode-000 file: the CLI then runs without the capabilities that let it (CAP_DAC_OVERRIDE and
# CAP_DAC_READ_SEARCH), so the refusal is seen for real, as an ordinary user sees it
NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def cli(*args, stdin: str = "", drop_root: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    prefix = NO_OVERRIDE if drop_root else []
    return subprocess.run([*prefix, sys.executable, "-m", "hsp_wizard.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)


@pytest.mark.parametrize("command", ["evaluate", "checklist"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_file_gets_a_clear_message_through_the_cli(kind, command, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    path, reason = make(kind, folder)
    if kind == "directory" and command == "evaluate":
        reason = "No project files"  # `evaluate` takes a folder of projects: this one holds none
    drop_root = kind == "unreadable" and ROOT_READS_ANYTHING
    if drop_root and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a mode-000 file is readable, nothing to refuse")
    before = snapshot(folder)
    out_pdf = tmp_path / "out.pdf"
    args = ["evaluate", str(path)] if command == "evaluate" else ["checklist", str(path), "-o", str(out_pdf)]
    try:
        done = cli(*args, "--password-stdin", stdin=PASSWORD + "\n", drop_root=drop_root)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{kind}: the CLI hung")
    assert done.returncode == 2, (kind, done.stdout[-500:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr and reason in done.stderr, done.stderr
    assert len(done.stderr) < 400  # short: no echo of a huge number, a path and one reason
    assert snapshot(folder) == before and not out_pdf.exists()


def test_a_folder_holding_a_pipe_and_a_loop_is_evaluated_without_hanging(tmp_path):
    """Folder mode skips what is not a regular file instead of blocking on it."""
    for kind in ("fifo", "link_loop"):
        make(kind, tmp_path)
    (tmp_path / "ok.hspw").write_bytes((ROOT / "examples" / "hsp-holder-b.hspw").read_bytes())
    done = cli("evaluate", str(tmp_path), "--on", "2026-10-01")
    assert done.returncode == 0 and "ok.hspw: evaluated on" in done.stdout and "Traceback" not in done.stderr
