"""The hostile-file corpus: every odd kind of file the audit (issue 19) tried, made on demand in a folder, each
with the words its refusal must contain (the file is named in every message as well). Used by the CLI tests
and by the window's Open tests, so both are held to the same messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hsp_wizard.domain.project import MAX_ITEMS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"
PASSWORD = "a long enough password"


def _doc(**over) -> dict:
    d = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    d.update(over)
    return d


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _sealed(plaintext: bytes) -> bytes:
    from hsp_wizard.storage.encryption import KdfParams, SealKey
    key = SealKey.from_password(PASSWORD, KdfParams(os.urandom(32), 19 * 1024, 1, 1))  # cheap, still accepted
    return key.seal(plaintext)


def make(kind: str, folder: Path) -> tuple[Path, str]:
    """The hostile file of `kind` in `folder`, and a fragment its refusal must contain (English)."""
    p = folder / f"{kind}.hspw"
    if kind == "fifo":
        os.mkfifo(p)
        return p, "not an ordinary file"
    if kind == "device_link":
        p.symlink_to("/dev/zero")
        return p, "not an ordinary file"
    if kind == "dangling_link":
        p.symlink_to(folder / "gone.hspw")
        return p, "link to a file that does not exist"
    if kind == "link_loop":
        other = folder / "loop-b.hspw"
        p.symlink_to(other)
        other.symlink_to(p)
        return p, "loop of links"
    if kind == "directory":
        p.mkdir()
        return p, "folder, not a project file"
    if kind == "unreadable":
        _write(p, EXAMPLE.read_bytes())
        p.chmod(0)
        return p, "Permission denied"
    if kind == "deep_v1":  # a version-1 file nested 500 levels deep (the migration copied it recursively)
        doc = _doc(schema_version=1)
        doc.pop("scenarios", None)
        return _write(p, json.dumps(doc)[:-1] + ', "x": ' + _deep(500) + "}"), "nested too deeply"
    if kind == "deep_list":  # deeper than pydantic's own limit of 201
        return _write(p, '{"format": "hsp-wizard-project", "schema_version": 2, "degrees": ' + _deep(250) + "}"), \
            "nested too deeply"
    if kind == "deep_in_envelope":
        inner = ('{"format": "hsp-wizard-project", "schema_version": 1, "name": ' + _deep(500) + "}").encode()
        return _write(p, _sealed(inner)), "nested too deeply"
    if kind == "huge_integer":
        return _write(p, json.dumps(_doc())[:-1] + ', "birth_date": ' + "9" * 5000 + "}"), "5000 digits"
    if kind == "huge_version":
        return _write(p, '{"format": "hsp-wizard-project", "schema_version": ' + "7" * 4000 + "}"), "4000 digits"
    if kind == "lone_surrogate":
        return _write(p, json.dumps(_doc(name="\\ud800 x")).replace("\\\\ud800", "\\ud800")), "broken character"
    if kind == "envelope_no_version":
        env = json.loads(_sealed(EXAMPLE.read_bytes()))
        del env["envelope_version"]
        return _write(p, json.dumps(env)), "damaged (envelope_version)"
    if kind == "too_many_rows":  # one row past the model's limit
        rows = [{"start": "2020-01-01", "amount_yen": 5_000_000}] * (MAX_ITEMS + 1)
        return _write(p, json.dumps(_doc(salary=rows))), f"at most {MAX_ITEMS} entries"
    if kind == "future_birth":
        return _write(p, json.dumps(_doc(birth_date="2199-01-01"))), "cannot be in the future"
    raise ValueError(kind)


KINDS = ["fifo", "device_link", "dangling_link", "link_loop", "directory", "unreadable", "deep_v1", "deep_list",
         "deep_in_envelope", "huge_integer", "huge_version", "lone_surrogate", "envelope_no_version",
         "too_many_rows", "future_birth"]
ROOT_READS_ANYTHING = os.name != "nt" and os.geteuid() == 0  # mode 000 does not stop root


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry in `folder` (links not followed) with its size and time: to show nothing was written."""
    out = {}
    for entry in os.scandir(folder):
        st = entry.stat(follow_symlinks=False)
        out[entry.name] = (st.st_size, st.st_mtime_ns)
    return out
