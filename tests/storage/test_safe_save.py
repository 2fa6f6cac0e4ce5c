"""Saving can fail or be killed at any moment: the file on disk is always the old or the new version, the old
one is kept as a backup, every file is private, and stray temporary files are swept."""

import errno
import os
import random
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from hsp_wizard.domain.project import Project
from hsp_wizard.storage import (BACKUP_SUFFIX, TEMP_PREFIX, dumps_project, load_project, save_project,
                                sweep_temp_files, write_private_atomic)
from hsp_wizard.storage import project_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_save_keeps_the_previous_version_as_a_private_backup(tmp_path):
    target = tmp_path / "p.hspw"
    first, second = load_project(EXAMPLE), Project(name="second")
    save_project(first, target)
    assert not (tmp_path / ("p.hspw" + BACKUP_SUFFIX)).exists()  # nothing to back up yet
    save_project(second, target)
    backup = tmp_path / ("p.hspw" + BACKUP_SUFFIX)
    assert backup.read_bytes() == dumps_project(first)
    assert target.read_bytes() == dumps_project(second)
    assert mode(target) == 0o600 and mode(backup) == 0o600
    assert list(tmp_path.glob(TEMP_PREFIX + "*")) == []


def test_files_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0o000)
    try:
        write_private_atomic(tmp_path / "x.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert mode(tmp_path / "x.pdf") == 0o600


def test_a_failing_writer_leaves_the_old_file_byte_identical(tmp_path, monkeypatch):
    target = tmp_path / "p.hspw"
    save_project(load_project(EXAMPLE), target, backup=False)
    before = target.read_bytes()
    calls = []

    def full_disk(fd, data):
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return min(len(data), 100)  # a short write first, as a full disk gives
    monkeypatch.setattr(project_file.os, "write", full_disk)
    with pytest.raises(OSError) as exc:
        save_project(Project(name="new"), target, backup=False)
    assert exc.value.errno == errno.ENOSPC
    assert target.read_bytes() == before
    assert list(tmp_path.glob(TEMP_PREFIX + "*")) == []


def test_a_full_disk_keeps_the_old_file(tmp_path):
    """A real full file system: a 64 KiB tmpfs (needs root and mount; CI runs as root)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here; the failing-writer test covers the logic")
    try:
        target = mnt / "p.hspw"
        save_project(load_project(EXAMPLE), target, backup=False)
        before = target.read_bytes()
        big = Project(name="x" * 500, degrees=[], career=[]).model_copy()
        with pytest.raises(OSError):
            write_private_atomic(target, dumps_project(big) + b" " * (200 * 1024))
        assert target.read_bytes() == before
        assert [p.name for p in mnt.iterdir()] == ["p.hspw"]
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_killed_saves_leave_the_old_or_the_new_file_and_the_sweep_cleans_up(tmp_path):
    """A child process saves two versions in turn and is SIGKILLed at 200 random moments."""
    target = tmp_path / "p.hspw"
    versions = [dumps_project(load_project(EXAMPLE)), dumps_project(Project(name="y" * 400))]
    write_private_atomic(target, versions[0])
    rng = random.Random(20261122)
    for _ in range(200):
        pid = os.fork()
        if pid == 0:  # the child: save, save, save...
            try:
                i = 0
                while True:
                    write_private_atomic(target, versions[i % 2])
                    i += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, 0.01))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert target.read_bytes() in versions
    sweep_temp_files(tmp_path)  # what the next start does
    assert [p.name for p in tmp_path.iterdir()] == ["p.hspw"]
    assert mode(target) == 0o600
