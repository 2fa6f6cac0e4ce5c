"""Personal data stays on the machine: the whole flow opens no internet socket (seen by the kernel, not by
Python), works with no network at all, and writes the planted personal values only into the files the user
chose to save."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.privacy.flow import CANARY_FIELD, CANARY_NAME, CANARY_YEN

FLOW = Path(__file__).with_name("flow.py")
ROOT = Path(__file__).resolve().parents[2]


def run_flow(tmp_path: Path, prefix: list[str], platform: str = "offscreen",
             *args: str) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    out = tmp_path / "chosen"
    for d in (home, out, tmp_path / "tmp"):
        d.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp_path / "tmp"), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_STATE_HOME": str(home / ".local/state"), "QT_QPA_PLATFORM": platform}
    env.pop("HSP_WIZARD_CONFIG_DIR", None)
    env.pop("HSP_WIZARD_LOG_DIR", None)
    env.pop("HSP_WIZARD_STATE_DIR", None)
    done = subprocess.run([*prefix, sys.executable, str(FLOW), str(out), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.mark.skipif(shutil.which("strace") is None or shutil.which("xvfb-run") is None,
                    reason="strace and xvfb are installed by make debs")
def test_the_whole_flow_opens_no_internet_socket(tmp_path):
    """In a real X window (Xvfb), as a user runs it: only local sockets (X11, D-Bus), never AF_INET/AF_INET6."""
    log = tmp_path / "strace.log"
    run_flow(tmp_path, ["xvfb-run", "-a", "strace", "-f", "-e", "trace=socket,connect", "-o", str(log)], "xcb")
    calls = log.read_text()
    assert "socket(AF_UNIX" in calls  # strace saw the window talk to the X server
    assert re.findall(r"socket\(AF_INET6?\b.*", calls) == []
    assert re.findall(r"connect\(.*AF_INET6?\b.*", calls) == []


def test_the_whole_flow_works_with_no_network_at_all(tmp_path):
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare -n is not allowed here")
    run_flow(tmp_path, ["unshare", "-n"])
    assert (tmp_path / "chosen" / "checklist-ja.pdf").stat().st_size > 0


def test_personal_values_are_only_in_the_files_the_user_saved(tmp_path):
    run_flow(tmp_path, [])
    canaries = [CANARY_NAME.encode(), CANARY_FIELD.encode(), str(CANARY_YEN).encode()]
    found = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()
             and any(c in p.read_bytes() for c in canaries)}
    assert found == {"chosen/mine.hspw", "chosen/mine.hspw.bak"}  # PDF text is compressed; it is chosen too
    written = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert {p for p in written if not p.startswith("chosen/")} <= {"home/.config/HSP Wizard/HSP Wizard.ini"}


def test_a_protected_project_leaves_no_personal_value_anywhere_even_after_a_crash(tmp_path):
    """Saved with a password, saved again (a backup), edited and autosaved, then the process ends without
    closing: the project, its backup and the autosave left behind are all encrypted."""
    run_flow(tmp_path, [], "offscreen", "--password")
    canaries = [CANARY_NAME.encode(), CANARY_FIELD.encode(), str(CANARY_YEN).encode()]
    written = {str(p.relative_to(tmp_path)): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    autosaves = [p for p in written if p.endswith(".autosave")]
    assert len(autosaves) == 1 and autosaves[0].startswith("home/.local/state/HSP Wizard/autosave/")
    assert {"chosen/mine.hspw", "chosen/mine.hspw.bak"} <= set(written)
    assert [p for p, data in written.items() if any(c in data for c in canaries)] == []
