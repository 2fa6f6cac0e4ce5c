"""Autosaves for crash recovery, kept in the user's state folder, never beside the project.

Each open window owns one slot: `<id>.autosave` (written atomically, 0600, encrypted when the project is) and
`<id>.lock`, an OS lock held for the window's life. The OS releases the lock when the process dies, however it
dies, so an autosave whose lock can be taken belongs to nobody: the program that wrote it crashed or was killed.
Those are the ones offered for recovery (KDE's KAutoSaveFile works the same way). A live window's autosave is
never offered to a second window. A clean save or close deletes the slot.

An autosave file of an unprotected project::

    {"format": "hsp-wizard-autosave", "autosave_version": 1, "saved_at": "2026-11-22T15:40:00+09:00",
     "source": "/home/me/pr.hspw" | null, "encrypted": false, "project": { the project file as saved }}

and of a protected one (version 2: where the project came from and when are encrypted too, nothing is in
clear but the format)::

    {"format": "hsp-wizard-autosave", "autosave_version": 2, "encrypted": true,
     "sealed": { an encrypted envelope of {"saved_at": ..., "source": ..., "project": { the project file }} }}

`project` is the project file's document itself, so it is read by the same code, with the same limits and
checks, as a project file. (Version 1 also held protected projects, as an envelope in `project` with the
source and time in clear; such files are still read.)
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hsp_wizard.domain.explain import Msg, N_
from hsp_wizard.domain.project import Project
from hsp_wizard.storage.encryption import SealKey, is_sealed
from hsp_wizard.storage.project_file import (MAX_SEALED_BYTES, OpenedProject, ProjectFileError, check_depth,
                                             dumps_project, open_envelope, parse_project, read_regular,
                                             sweep_temp_files, write_private_atomic)

AUTOSAVE_FORMAT = "hsp-wizard-autosave"
AUTOSAVE_VERSION = 1         # an unprotected project's autosave
SEALED_AUTOSAVE_VERSION = 2  # a protected one's: everything but the format encrypted
SUFFIX = ".autosave"
LOCK_SUFFIX = ".lock"


class _Lock:
    """An exclusive OS lock on a small file (flock on POSIX, msvcrt on Windows), released when the process ends."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "nt":  # pragma: no cover - exercised on Windows only
                import msvcrt
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.fd = fd
        return True

    def release(self, delete: bool = False) -> None:
        if self.fd is None:
            return
        if delete:  # delete while still holding it, so no one else can take a lock on a file about to vanish
            try:
                self.path.unlink()
            except OSError:
                pass
        os.close(self.fd)
        self.fd = None


class AutosaveSlot:
    """This window's autosave. `write()` after changes, `discard()` on a clean save, close or new project."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.id = uuid.uuid4().hex
        self.path = self.folder / (self.id + SUFFIX)
        self._lock = _Lock(self.folder / (self.id + LOCK_SUFFIX))

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def write(self, project: Project, source: Path | None, key: SealKey | None, now: datetime) -> None:
        """Write the autosave atomically (encrypted with `key`); the lock is taken on the first write."""
        if self._lock.fd is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                os.chmod(self.folder, 0o700)
            except OSError:
                pass
            if not self._lock.acquire():
                raise OSError(f"cannot lock {self._lock.path}")
        document = json.loads(dumps_project(project))
        about = {"saved_at": now.isoformat(), "source": str(source) if source else None}
        if key is None:
            body = {"format": AUTOSAVE_FORMAT, "autosave_version": AUTOSAVE_VERSION, **about, "encrypted": False,
                    "project": document}
        else:
            inner = json.dumps({**about, "project": document}, ensure_ascii=False).encode("utf-8")
            body = {"format": AUTOSAVE_FORMAT, "autosave_version": SEALED_AUTOSAVE_VERSION, "encrypted": True,
                    "sealed": json.loads(key.seal(inner))}
        write_private_atomic(self.path, (json.dumps(body, ensure_ascii=False) + "\n").encode("utf-8"))

    def discard(self) -> None:
        """Delete the autosave and give up the lock (nothing is left to recover)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        self._lock.release(delete=True)


@dataclass
class Orphan:
    """An autosave whose window is gone (crashed or killed). Holds its lock while it is being decided on."""

    path: Path
    saved_at: datetime | None
    source: Path | None
    encrypted: bool
    _document: dict
    _lock: _Lock
    sealed: bool = False       # time and source are inside the encryption: known after open()
    modified: float = 0.0      # the file's own time, to order sealed autosaves before they are opened

    def open(self, password: str | None = None, key: SealKey | None = None) -> OpenedProject:
        """The project it holds (ProjectPasswordError when encrypted and no right password is given). A sealed
        autosave's time and source become known here, once the password has opened it."""
        if not self.sealed:
            data = json.dumps(self._document).encode("utf-8")
            return parse_project(data, str(self.path), password, key)
        plaintext, opened_with = open_envelope(self._document, str(self.path), password, key)
        damaged = ProjectFileError(str(self.path), Msg.of(N_("This autosave is damaged and cannot be restored")))
        try:
            text = plaintext.decode("utf-8")
            check_depth(text, str(self.path))
            inner = json.loads(text)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise damaged from None
        if not isinstance(inner, dict) or not isinstance(inner.get("project"), dict):
            raise damaged
        self.saved_at, self.source = _about(inner)
        opened = parse_project(json.dumps(inner["project"]).encode("utf-8"), str(self.path))
        opened.key = opened_with
        return opened

    def delete(self) -> None:
        """Throw it away (the user chose not to restore it, or restored it into a window that now owns it)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        self._lock.release(delete=True)

    def keep(self) -> None:
        """Leave it for the next start."""
        self._lock.release()


def orphans(folder: Path) -> tuple[list[Orphan], list[tuple[Path, Msg]]]:
    """The autosaves in `folder` that no running window owns, newest first, each locked for the caller; and
    the ones that cannot be read, with why (they are left where they are)."""
    found: list[Orphan] = []
    broken: list[tuple[Path, Msg]] = []
    sweep_temp_files(Path(folder))  # a write killed half-way: plaintext for an unprotected project
    try:
        candidates = sorted(Path(folder).glob("*" + SUFFIX))
    except OSError:
        return found, broken
    for path in candidates:
        lock = _Lock(path.with_suffix(LOCK_SUFFIX))
        try:
            if not lock.acquire():
                continue  # a live window's autosave
        except OSError:
            continue
        if not path.exists():  # its window discarded it while we were looking
            lock.release()
            continue
        try:
            found.append(_read(path, lock))
        except ProjectFileError as exc:
            lock.release()
            broken.append((path, exc.msg))
    found.sort(key=lambda o: o.saved_at.timestamp() if o.saved_at else o.modified, reverse=True)
    return found, broken


def _read(path: Path, lock: _Lock) -> Orphan:
    damaged = ProjectFileError(str(path), Msg.of(N_("This autosave is damaged and cannot be restored")))
    try:
        data = read_regular(path, MAX_SEALED_BYTES + 4096)
        if len(data) > MAX_SEALED_BYTES + 4096:
            raise damaged
        text = data.decode("utf-8")
        check_depth(text, str(path))
        raw = json.loads(text)
        modified = path.stat().st_mtime
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise damaged from None
    if not isinstance(raw, dict) or raw.get("format") != AUTOSAVE_FORMAT:
        raise damaged
    if raw.get("autosave_version") == SEALED_AUTOSAVE_VERSION and is_sealed(raw.get("sealed")):
        return Orphan(path, None, None, True, raw["sealed"], lock, sealed=True, modified=modified)
    if raw.get("autosave_version") != AUTOSAVE_VERSION or not isinstance(raw.get("project"), dict):
        raise damaged
    saved_at, source = _about(raw)
    return Orphan(path, saved_at, source, is_sealed(raw["project"]), raw["project"], lock, modified=modified)


def _about(raw: dict) -> tuple[datetime | None, Path | None]:
    """When an autosave was made and the project file it came from, as far as it says."""
    try:
        saved_at = datetime.fromisoformat(raw["saved_at"])
    except (KeyError, TypeError, ValueError):
        saved_at = None
    source = raw.get("source")
    return saved_at, Path(source) if isinstance(source, str) and source else None


def changed_parts(restored: Project, saved: Project | None) -> list[str]:
    """The project's top-level fields that differ between an autosave and the file it came from (all the
    non-empty ones when there is no saved file), in the order of the wizard."""
    empty = Project()
    names = [n for n in Project.model_fields if n not in ("format", "schema_version")]
    base = saved if saved is not None else empty
    return [n for n in names if getattr(restored, n) != getattr(base, n)]
