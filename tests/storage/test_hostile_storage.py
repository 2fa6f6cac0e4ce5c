"""The storage defects a reliability audit found (issue 19), each held at its mechanism."""

import json
import os
import stat
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from hsp_wizard.domain.project import MAX_ITEMS, Project, SalaryEntry
from hsp_wizard.storage import (BACKUP_SUFFIX, FileRefused, ProjectFileError, load_project, loads_project,
                                read_project, save_project, sweep_temp_files, write_private_atomic)
from hsp_wizard.storage.autosave import AutosaveSlot, orphans
from hsp_wizard.storage.encryption import ENCRYPTED_FORMAT, KdfParams, SealKey
from tests.hostile import EXAMPLE, PASSWORD, make

GOLDEN_V1 = Path(__file__).resolve().parent / "golden" / "v1.hspw"


def cheap_key() -> SealKey:
    return SealKey.from_password(PASSWORD, KdfParams(os.urandom(32), 19 * 1024, 1, 1))


# ---------------------------------------------------------------- 3: no plaintext backup of a protected project
def test_saving_an_old_version_with_a_password_leaves_no_plaintext_backup_of_any_kind(tmp_path):
    target = tmp_path / "p.hspw"
    target.write_bytes(GOLDEN_V1.read_bytes())
    opened = read_project(target)
    assert opened.version == 1
    save_project(opened.project, target, migrated_from=1)          # an ordinary save first: v1.bak, .bak
    project = opened.project.model_copy(update={"name": "Now Protected"})
    save_project(project, target, key=cheap_key())                  # then "Save with password"
    backups = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(BACKUP_SUFFIX))
    assert backups == ["p.hspw.bak", "p.hspw.v1.bak"]
    for name in backups:
        data = (tmp_path / name).read_bytes()
        assert ENCRYPTED_FORMAT.encode() in data[:256], f"{name} is plaintext"
        assert b"birth_date" not in data and b"amount_yen" not in data


def test_a_first_protected_save_of_an_old_file_seals_its_version_backup(tmp_path):
    target = tmp_path / "p.hspw"
    target.write_bytes(GOLDEN_V1.read_bytes())
    opened = read_project(target)
    save_project(opened.project, target, migrated_from=1, key=cheap_key())
    for b in (tmp_path / "p.hspw.v1.bak", tmp_path / "p.hspw.bak"):
        assert ENCRYPTED_FORMAT.encode() in b.read_bytes()[:256]


# ---------------------------------------------------------------- 5 and 10: deep, long, broken inside the file
@pytest.mark.parametrize("kind", ["deep_v1", "deep_list", "huge_integer", "huge_version", "lone_surrogate",
                                  "envelope_no_version", "deep_in_envelope"])
def test_hostile_contents_are_refused_with_a_message_that_says_why(kind, tmp_path):
    path, reason = make(kind, tmp_path)
    with pytest.raises(ProjectFileError) as info:
        read_project(path, PASSWORD)
    text = str(info.value)
    assert reason in text and str(path) in text and len(text) < 300


# ---------------------------------------------------------------- 4 and 8: odd files, links, read-only files
def test_a_pipe_is_refused_before_it_is_opened(tmp_path):
    path, _reason = make("fifo", tmp_path)
    t = time.perf_counter()
    with pytest.raises(ProjectFileError, match="not an ordinary file"):
        read_project(path)
    assert time.perf_counter() - t < 1


def test_saving_through_a_link_writes_the_linked_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "real" / "p.hspw"
    real.parent.mkdir()
    save_project(load_project(EXAMPLE), real)
    link = tmp_path / "link.hspw"
    link.symlink_to(real)
    save_project(load_project(EXAMPLE).model_copy(update={"name": "Through The Link"}), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_project(real).name == "Through The Link"
    assert not list(tmp_path.glob(".tmp-hspw-*")) and not list(real.parent.glob(".tmp-hspw-*"))


def test_a_read_only_project_is_not_overwritten(tmp_path):
    target = tmp_path / "p.hspw"
    save_project(load_project(EXAMPLE), target)
    target.chmod(0o444)
    before = target.read_bytes()
    with pytest.raises(FileRefused) as info:
        save_project(load_project(EXAMPLE).model_copy(update={"name": "Changed"}), target)
    assert "read-only" in info.value.strerror and info.value.filename == str(target)
    assert target.read_bytes() == before and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.hspw"]  # not even a backup


@pytest.mark.parametrize("kind", ["fifo", "directory", "link_loop", "device_link"])
def test_saving_onto_an_odd_file_is_refused_and_writes_nothing(kind, tmp_path):
    path, reason = make(kind, tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    t = time.perf_counter()
    with pytest.raises(FileRefused) as info:
        save_project(load_project(EXAMPLE), path)
    assert time.perf_counter() - t < 1 and reason in info.value.strerror
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# ---------------------------------------------------------------- 9: temporary files in the autosave folder
def test_temporary_files_left_in_the_autosave_folder_are_swept(tmp_path):
    folder = tmp_path / "autosave"
    folder.mkdir()
    stray = folder / ".tmp-hspw-abc123.part"           # an older name, without the writer's process
    stray.write_bytes(b'{"name": "plaintext left by a killed write"}')
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)                                  # a process that has ended
    dead = folder / f".tmp-hspw-{pid}-xyz.part"
    dead.write_bytes(b"{}")
    live = folder / f".tmp-hspw-{os.getppid()}-live.part"  # a running process (this one's parent) is writing
    live.write_bytes(b"{}")
    orphans(folder)                                     # what every start does
    assert not stray.exists() and not dead.exists() and live.exists()


def test_a_save_names_its_temporary_file_after_its_process(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: seen.append(Path(a).name) or real_replace(a, b))
    write_private_atomic(tmp_path / "x", b"data")
    assert seen[0].startswith(f".tmp-hspw-{os.getpid()}-")
    assert sweep_temp_files(tmp_path) == []


# ---------------------------------------------------------------- 11: autosave, birth date, list limits
def test_an_encrypted_autosave_keeps_no_path_or_time_in_clear(tmp_path):
    slot = AutosaveSlot(tmp_path)
    source = tmp_path / "Very Private Folder" / "tax-2026.hspw"
    key = cheap_key()
    slot.write(load_project(EXAMPLE), source, key, datetime(2026, 11, 22, 10, 30).astimezone())
    data = slot.path.read_bytes()
    assert b"Very Private Folder" not in data and b"tax-2026" not in data and b"2026-11-22" not in data
    assert set(json.loads(data)) == {"format", "autosave_version", "encrypted", "sealed"}
    slot._lock.release()
    [orphan], broken = orphans(tmp_path)
    assert not broken and orphan.encrypted and orphan.source is None and orphan.saved_at is None
    opened = orphan.open(PASSWORD)
    assert opened.project == load_project(EXAMPLE) and opened.key is not None
    assert orphan.source == source and orphan.saved_at.hour == 10
    orphan.delete()


def test_a_future_birth_date_is_refused_by_the_model_and_the_file():
    tomorrow = date.today() + timedelta(days=2)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        Project(birth_date=tomorrow)
    p = Project()
    with pytest.raises(ValidationError, match="cannot be in the future"):
        p.birth_date = tomorrow
    doc = json.loads(EXAMPLE.read_text())
    doc["birth_date"] = tomorrow.isoformat()
    with pytest.raises(ProjectFileError, match="birth_date: A birth date cannot be in the future"):
        loads_project(json.dumps(doc).encode())
    assert Project(birth_date=date.today()).birth_date == date.today()  # born today is not the future


def test_a_list_appended_past_its_limit_is_never_written(tmp_path):
    p = load_project(EXAMPLE)
    while len(p.salary) <= MAX_ITEMS:
        p.salary.append(SalaryEntry(start=date(2020, 1, 1), amount_yen=1))  # append() is not validated
    target = tmp_path / "p.hspw"
    with pytest.raises(FileRefused) as info:
        save_project(p, target)
    assert f"salary: must have at most {MAX_ITEMS} entries" in info.value.strerror
    assert info.value.filename == str(target) and list(tmp_path.iterdir()) == []
    slot = AutosaveSlot(tmp_path / "auto")
    with pytest.raises(FileRefused):
        slot.write(p, None, None, datetime.now().astimezone())
    assert not slot.path.exists()


def test_a_project_too_large_for_a_file_is_refused_at_save_not_at_the_next_open(tmp_path):
    """Texts at their 500-character limit in every row make a file over the reader's 1 MiB: the save says so
    and writes nothing, instead of writing a file that cannot be opened again."""
    from hsp_wizard.domain.project import CareerPeriod, Degree, ForeignQualification, Licence
    on = date(2020, 1, 1)
    p = Project(career=[CareerPeriod(kind="specialised", start=on, employer="社" * 500)] * MAX_ITEMS,
                licences=[Licence(name="資" * 500, obtained=on)] * MAX_ITEMS,
                foreign_qualifications=[ForeignQualification(name="格" * 500, obtained=on)] * MAX_ITEMS,
                degrees=[Degree(level="master", field="学" * 500, awarded=on)] * MAX_ITEMS)
    target = tmp_path / "p.hspw"
    with pytest.raises(FileRefused) as info:
        save_project(p, target)
    assert "cannot be saved" in info.value.strerror and "at most 1048576" in info.value.strerror
    assert list(tmp_path.iterdir()) == []
