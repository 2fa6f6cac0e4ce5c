"""Password-protected projects: what is written can only be read with the password, a wrong password is a
clear and quick answer, and any change to the file is refused."""

import json
import os
from pathlib import Path

import pytest

from hsp_wizard.storage import (ProjectFileError, ProjectPasswordError, dumps_project, load_project, parse_project,
                                project_bytes, read_project, save_project)
from hsp_wizard.storage.encryption import ITERATIONS, LANES, MEMORY_KIB, KdfParams, SealKey, password_problem

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"
CANARY = "Canary Qzvx"
PASSWORD = "correct horse battery"


def example():
    return load_project(EXAMPLE).model_copy(update={"name": CANARY})


def fast_key(password=PASSWORD):
    """A key with the smallest settings a file may state (19 MiB, 1 pass), so that tests run many times."""
    return SealKey.from_password(password, KdfParams(os.urandom(32), 19 * 1024, 1, 1))


def test_a_protected_file_holds_nothing_readable_and_opens_with_its_password(tmp_path):
    target = tmp_path / "p.hspw"
    key = SealKey.from_password(PASSWORD)  # the real settings
    save_project(example(), target, key=key)
    data = target.read_bytes()
    plain = dumps_project(example())
    assert CANARY.encode() not in data and b"birth_date" not in data and b"salary" not in data
    assert json.loads(data)["kdf"]["memory_kib"] >= 64 * 1024  # never below what we chose
    opened = read_project(target, PASSWORD)
    assert opened.project == example() and opened.key is not None
    assert dumps_project(opened.project) == plain
    assert (target.stat().st_mode & 0o777) == 0o600


def test_without_a_password_it_asks_and_a_wrong_one_is_told_quickly(tmp_path, monkeypatch):
    """Quickly: a wrong password costs one key derivation at our own cost settings (about 0.3 s here, measured by
    bench/autosave.py), not a timed assertion that a busy machine would fail."""
    target = tmp_path / "p.hspw"
    save_project(example(), target, key=SealKey.from_password(PASSWORD))
    with pytest.raises(ProjectPasswordError) as none:
        read_project(target)
    assert not none.value.wrong and "protected by a password" in str(none.value)
    derivations = []
    real = KdfParams.derive
    monkeypatch.setattr(KdfParams, "derive", lambda self, pw: derivations.append(
        (self.memory_kib, self.iterations, self.lanes)) or real(self, pw))
    with pytest.raises(ProjectPasswordError) as wrong:
        read_project(target, "correct horse battery staple")
    assert wrong.value.wrong and "password is not right" in str(wrong.value)
    assert derivations == [(MEMORY_KIB, ITERATIONS, LANES)]


def test_the_key_opens_its_own_saves_without_the_kdf_and_each_save_has_a_new_nonce():
    key = fast_key()
    a, b = project_bytes(example(), key), project_bytes(example(), key)
    assert json.loads(a)["nonce"] != json.loads(b)["nonce"] and a != b
    assert parse_project(a, key=key).project == example()
    assert parse_project(b, key=key).project == example()
    other = fast_key()  # the same password, another salt: a different key, so the password is needed
    with pytest.raises(ProjectPasswordError):
        parse_project(a, key=other)


def test_every_single_changed_byte_is_refused():
    key = fast_key()
    data = bytearray(project_bytes(example(), key))
    assert len(data) > 4000
    refused = 0
    for i in range(len(data)):
        changed = bytearray(data)
        changed[i] ^= 0x01
        with pytest.raises(ProjectFileError) as exc:
            parse_project(bytes(changed), password=PASSWORD, key=key)
        assert str(exc.value).strip()
        refused += 1
    assert refused == len(data)


def test_a_changed_ciphertext_says_the_file_was_changed_not_the_password():
    key = fast_key()
    raw = json.loads(project_bytes(example(), key))
    body = bytearray(__import__("base64").b64decode(raw["ciphertext"]))
    body[10] ^= 0x80
    raw["ciphertext"] = __import__("base64").b64encode(bytes(body)).decode()
    with pytest.raises(ProjectFileError) as exc:
        parse_project(json.dumps(raw).encode(), password=PASSWORD)
    assert not isinstance(exc.value, ProjectPasswordError) and "changed or damaged" in str(exc.value)


@pytest.mark.parametrize("memory,iterations", [(4 * 1024 * 1024, 1), (64 * 1024, 10_000), (1024, 1)])
def test_a_file_asking_for_huge_or_tiny_key_settings_is_refused_without_deriving(memory, iterations, monkeypatch):
    raw = json.loads(project_bytes(example(), fast_key()))
    raw["kdf"]["memory_kib"], raw["kdf"]["iterations"] = memory, iterations
    derivations = []
    monkeypatch.setattr(KdfParams, "derive", lambda self, pw: derivations.append(self) or (b"", b""))
    with pytest.raises(ProjectFileError) as exc:
        parse_project(json.dumps(raw).encode(), password=PASSWORD)
    assert derivations == [], "refused before any key derivation"
    assert not isinstance(exc.value, ProjectPasswordError) and "key settings" in str(exc.value)


def test_a_newer_envelope_is_refused_with_both_versions_named():
    raw = json.loads(project_bytes(example(), fast_key()))
    raw["envelope_version"] = 2
    with pytest.raises(ProjectFileError, match="newer version.*envelope version 2"):
        parse_project(json.dumps(raw).encode(), password=PASSWORD)


def test_protecting_a_plain_file_encrypts_its_backup_too(tmp_path):
    target = tmp_path / "p.hspw"
    save_project(example(), target)  # first saved without a password
    key = fast_key()
    save_project(example().model_copy(update={"name": "Second"}), target, key=key)
    for f in tmp_path.iterdir():
        assert CANARY.encode() not in f.read_bytes(), f"{f.name} still holds the plain project"
    assert read_project(tmp_path / "p.hspw.bak", PASSWORD).project.name == CANARY
    assert read_project(target, PASSWORD).project.name == "Second"


def test_a_new_password_must_be_long_enough_and_typed_the_same_twice():
    assert "at least 8" in password_problem("short", "short").render()
    assert "not the same" in password_problem("long enough", "long enougH").render()
    assert password_problem("long enough", "long enough") is None
    assert repr(fast_key()) == "SealKey(argon2id)"  # a key never shows itself in a log or a traceback
