"""Autosaves: private, owned by a live window through an OS lock, offered only once their window is gone
(however it died), encrypted when the project is."""

import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from hsp_wizard.storage import ProjectPasswordError, load_project
from hsp_wizard.storage.autosave import AutosaveSlot, changed_parts, orphans
from hsp_wizard.storage.encryption import KdfParams, SealKey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"
CANARY = "Canary Autosave Wxyq"
NOW = datetime(2026, 11, 22, 10, 30).astimezone()

# A child process that autosaves an edited example, says so, and waits to be killed.
CHILD = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from pathlib import Path
    from hsp_wizard.storage import load_project
    from hsp_wizard.storage.autosave import AutosaveSlot
    project = load_project(sys.argv[2]).model_copy(update={"name": sys.argv[3]})
    slot = AutosaveSlot(Path(sys.argv[1]))
    slot.write(project, Path(sys.argv[2]), None, datetime.now().astimezone())
    print("autosaved", flush=True)
    time.sleep(120)
""")


def edited():
    return load_project(EXAMPLE).model_copy(update={"name": CANARY})


def start_child(folder: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(EXAMPLE), CANARY], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "autosaved"
    return child


def test_an_autosave_is_private_and_never_offered_while_its_window_lives(tmp_path):
    folder = tmp_path / "autosave"
    slot = AutosaveSlot(folder)
    slot.write(edited(), EXAMPLE, None, NOW)
    assert (slot.path.stat().st_mode & 0o777) == 0o600 and (folder.stat().st_mode & 0o777) == 0o700
    assert orphans(folder) == ([], [])  # the lock is held (even another open in this process cannot take it)
    slot.discard()
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_after_the_window_dies_its_autosave_is_offered_with_what_it_holds(tmp_path, how):
    folder = tmp_path / "autosave"
    child = start_child(folder)
    try:
        assert orphans(folder) == ([], []), "a live process's autosave was offered"
    finally:
        child.send_signal(how)
        child.wait(10)
    found, broken = orphans(folder)
    assert broken == [] and len(found) == 1
    orphan = found[0]
    assert orphan.source == EXAMPLE and not orphan.encrypted
    assert abs((datetime.now().astimezone() - orphan.saved_at).total_seconds()) < 60
    assert orphan.open().project == edited()
    assert orphans(folder) == ([], [])  # the caller holds it while deciding: not offered twice
    orphan.keep()
    again, _broken = orphans(folder)
    assert len(again) == 1, "Later must keep it for the next start"
    again[0].delete()
    assert list(folder.iterdir()) == []


def test_a_protected_projects_autosave_is_encrypted(tmp_path):
    folder = tmp_path / "autosave"
    key = SealKey.from_password("long password", KdfParams(os.urandom(32), 19 * 1024, 1, 1))
    slot = AutosaveSlot(folder)
    slot.write(edited(), tmp_path / "p.hspw", key, NOW)
    data = slot.path.read_bytes()
    assert CANARY.encode() not in data and b"birth_date" not in data
    slot._lock.release()  # as if the window had died
    [orphan], _ = orphans(folder)
    assert orphan.encrypted
    with pytest.raises(ProjectPasswordError):
        orphan.open()
    with pytest.raises(ProjectPasswordError) as wrong:
        orphan.open("not the password")
    assert wrong.value.wrong
    assert orphan.open("long password").project == edited()
    orphan.delete()


def test_a_damaged_autosave_is_reported_and_left_alone(tmp_path):
    folder = tmp_path / "autosave"
    folder.mkdir()
    bad = folder / "0123.autosave"
    bad.write_text('{"format": "hsp-wizard-autosave", "autosave_version": 1, "project": ')
    found, broken = orphans(folder)
    assert found == [] and [p for p, _m in broken] == [bad] and "damaged" in broken[0][1].render()
    assert bad.exists()


def test_autosaves_are_offered_newest_first(tmp_path):
    folder = tmp_path / "autosave"
    for hour in (9, 11, 10):
        slot = AutosaveSlot(folder)
        slot.write(edited(), None, None, NOW.replace(hour=hour))
        slot._lock.release()
    found, _ = orphans(folder)
    assert [o.saved_at.hour for o in found] == [11, 10, 9]
    for o in found:
        o.keep()


def test_changed_parts_name_what_differs_from_the_saved_file_in_wizard_order():
    from datetime import date
    from hsp_wizard.domain.project import Trip
    saved = load_project(EXAMPLE)
    assert len(saved.salary) == 2 and saved.trips == []
    restored = saved.model_copy(update={"trips": [Trip(left=date(2026, 1, 5), returned=date(2026, 1, 20))],
                                        "name": "Other", "salary": saved.salary[:1]})
    assert changed_parts(restored, saved) == ["name", "salary", "trips"]
    assert changed_parts(saved, saved) == []
    assert "name" in changed_parts(saved, None) and "degrees" in changed_parts(saved, None)
