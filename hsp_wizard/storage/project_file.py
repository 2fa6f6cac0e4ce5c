"""Read and write project files: size limit before parsing, duplicate keys refused, newer versions refused
untouched, every rejection a message naming the file, the field and the reason."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from hsp_wizard.domain.explain import Msg, N_
from hsp_wizard.domain.project import FORMAT_NAME, SCHEMA_VERSION, Project, error_reason
from hsp_wizard.storage import migrations
from hsp_wizard.storage.encryption import (ENCRYPTED_FORMAT, EncryptionError, PasswordNeeded, SealKey, WrongPassword, is_sealed,
                                           unseal)

MAX_FILE_BYTES = 1024 * 1024  # a real project is a few KiB
MAX_SEALED_BYTES = 2 * MAX_FILE_BYTES  # an encrypted one: base64 of at most MAX_FILE_BYTES and a small header


class ProjectFileError(Exception):
    """A project file that cannot be used; `msg` is translatable, `str()` is English."""

    def __init__(self, path: str, msg: Msg):
        self.path = path
        self.msg = msg
        super().__init__(f"{path}: {msg.render()}")


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def _field(loc) -> str:
    return ".".join(str(p) for p in loc) or "(file)"


def loads_project(data: bytes, path: str = "<memory>") -> Project:
    """Parse and validate a project file's bytes (upgraded first if written by an older version)."""
    return loads_project_versioned(data, path)[0]


def loads_project_versioned(data: bytes, path: str = "<memory>") -> tuple[Project, int]:
    """The project and the schema version its file had (older versions are migrated in memory)."""
    opened = parse_project(data, path)
    return opened.project, opened.version


@dataclass
class OpenedProject:
    project: Project
    version: int                 # the schema version the file had
    key: SealKey | None = None   # the password's key when the file was encrypted: its saves are encrypted too


class ProjectPasswordError(ProjectFileError):
    """An encrypted project without its password (`wrong` False) or with a wrong one (`wrong` True)."""

    def __init__(self, path: str, msg: Msg, wrong: bool):
        self.wrong = wrong
        super().__init__(path, msg)


def parse_project(data: bytes, path: str = "<memory>", password: str | None = None,
                  key: SealKey | None = None) -> OpenedProject:
    """A project file's bytes, plain or encrypted, parsed and validated (older versions migrated in memory)."""
    raw, text = _parse_json(data, path, MAX_SEALED_BYTES if ENCRYPTED_FORMAT.encode() in data[:256]
                            else MAX_FILE_BYTES)
    sealed_with = None
    if is_sealed(raw):
        try:
            plaintext, sealed_with = unseal(raw, password, key)
        except (PasswordNeeded, WrongPassword) as exc:
            raise ProjectPasswordError(path, exc.msg, wrong=isinstance(exc, WrongPassword)) from None
        except EncryptionError as exc:
            raise ProjectFileError(path, exc.msg) from None
        raw, text = _parse_json(plaintext, path)
        if is_sealed(raw):
            raise ProjectFileError(path, Msg.of(N_("The encrypted file is damaged ({part})"), part="plaintext"))
    project, version = _validate(raw, text, path)
    return OpenedProject(project, version, sealed_with)


def _parse_json(data: bytes, path: str, limit: int = MAX_FILE_BYTES) -> tuple[object, str]:
    """The parsed document and its text."""
    if len(data) > limit:
        raise ProjectFileError(path, Msg.of(N_("The file is {size} bytes; a project file is at most {limit}"),
                                            size=len(data), limit=limit))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM from an editor is harmless
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, Msg.of(N_("Not a text file in UTF-8 (byte {pos})"), pos=exc.start)) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c))), text
    except _DuplicateKey as exc:
        raise ProjectFileError(path, Msg.of(N_("The key \"{key}\" appears twice in one object"),
                                            key=str(exc))) from None
    except RecursionError:
        raise ProjectFileError(path, Msg.of(N_("The file is nested too deeply"))) from None
    except json.JSONDecodeError as exc:
        raise ProjectFileError(path, Msg.of(N_("Not a valid JSON file (line {line}, column {column})"),
                                            line=exc.lineno, column=exc.colno)) from None
    except ValueError:  # NaN, Infinity
        raise ProjectFileError(path, Msg.of(N_("Not a valid JSON file (NaN and Infinity are not numbers)"))) from None


def _validate(raw, text: str, path: str) -> tuple[Project, int]:
    if not isinstance(raw, dict):
        raise ProjectFileError(path, Msg.of(N_("Not an HSP Wizard project (the top level is not an object)")))
    if raw.get("format") != FORMAT_NAME:
        raise ProjectFileError(path, Msg.of(N_("Not an HSP Wizard project (format is not \"{name}\")"),
                                            name=FORMAT_NAME))
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectFileError(path, Msg.of(N_("schema_version must be a whole number")))
    if version > SCHEMA_VERSION:
        raise ProjectFileError(path, Msg.of(N_("This project was saved by a newer version of HSP Wizard (file "
                                               "version {file}, this program reads up to {ours}); the file was "
                                               "not changed"), file=version, ours=SCHEMA_VERSION))
    if version not in migrations.SHIPPED:
        raise ProjectFileError(path, Msg.of(N_("Unknown schema_version {file}"), file=version))
    if version < SCHEMA_VERSION:
        text = json.dumps(migrations.migrate(raw))
    try:
        return Project.model_validate_json(text, strict=True), version
    except ValidationError as exc:
        err = exc.errors()[0]
        more = exc.error_count() - 1
        reason = error_reason(err)
        if more:
            raise ProjectFileError(path, Msg.of(N_("Field {field}: {reason} (and {more} more problem(s))"),
                                                field=_field(err["loc"]), reason=reason, more=more)) from None
        raise ProjectFileError(path, Msg.of(N_("Field {field}: {reason}"), field=_field(err["loc"]),
                                            reason=reason)) from None


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file, refusing anything too large before reading it whole."""
    return load_project_versioned(path)[0]


def load_project_versioned(path: str | os.PathLike) -> tuple[Project, int]:
    """Read a project file: the project and the schema version the file had."""
    opened = read_project(path)
    return opened.project, opened.version


def read_project(path: str | os.PathLike, password: str | None = None, key: SealKey | None = None) -> OpenedProject:
    """Read a project file, plain or encrypted (ProjectPasswordError: ask for the password and call again)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_SEALED_BYTES:
            raise ProjectFileError(str(p), Msg.of(N_("The file is {size} bytes; a project file is at most {limit}"),
                                                  size=size, limit=MAX_FILE_BYTES))
        with open(p, "rb") as fh:
            data = fh.read(MAX_SEALED_BYTES + 1)
    except ProjectFileError:
        raise
    except IsADirectoryError:
        raise ProjectFileError(str(p), Msg.of(N_("This is a folder, not a project file"))) from None
    except FileNotFoundError:
        raise ProjectFileError(str(p), Msg.of(N_("No such file"))) from None
    except PermissionError:
        raise ProjectFileError(str(p), Msg.of(N_("Permission denied"))) from None
    except OSError as exc:
        raise ProjectFileError(str(p), Msg.of(N_("Cannot read the file: {reason}"),
                                              reason=exc.strerror or str(exc))) from None
    return parse_project(data, str(p), password, key)


def dumps_project(project: Project) -> bytes:
    """The file's bytes: stable key order, two-space indent, UTF-8, a final newline."""
    return (project.model_dump_json(indent=2) + "\n").encode("utf-8")


TEMP_PREFIX = ".tmp-hspw-"  # our temporary files: swept at start-up where a killed save left one
BACKUP_SUFFIX = ".bak"      # project.hspw.bak: the version before the last save


def project_bytes(project: Project, key: SealKey | None = None) -> bytes:
    """What a save writes: the project's JSON, encrypted when a password's key is given."""
    data = dumps_project(project)
    return key.seal(data) if key is not None else data


def save_project(project: Project, path: str | os.PathLike, backup: bool = True,
                 migrated_from: int | None = None, key: SealKey | None = None) -> None:
    """Write atomically (see write_private_atomic), keeping the file's previous version as `<name>.bak`; a
    file first saved after a migration from version N is also kept as `<name>.vN.bak`, never overwritten.
    With `key` the project is encrypted, and so is a backup of a previous unencrypted version."""
    target = Path(path)
    if migrated_from is not None and migrated_from < SCHEMA_VERSION:
        keep_backup(target, f".v{migrated_from}{BACKUP_SUFFIX}", replace=False, key=key)
    if backup:
        keep_backup(target, key=key)
    write_private_atomic(target, project_bytes(project, key))


def keep_backup(target: Path, suffix: str = BACKUP_SUFFIX, replace: bool = True,
                key: SealKey | None = None) -> None:
    """Copy the current file (if any) to `<name><suffix>`, privately and atomically, before it is replaced
    (encrypted with `key` when the project is being protected and the old file was not)."""
    backup = target.with_name(target.name + suffix)
    if not replace and backup.exists():
        return
    try:
        old = target.read_bytes()
    except FileNotFoundError:
        return
    if key is not None and ENCRYPTED_FORMAT.encode() not in old[:256]:
        old = key.seal(old)
    write_private_atomic(backup, old)


def write_private_atomic(target: Path, data: bytes) -> None:
    """Any file the user keeps (projects, backups, autosaves, PDFs): a 0600 temporary file in the same folder,
    every byte written (a short write is retried, an error raised), fsync, os.replace over the old file, then
    fsync of the folder. On any failure the old file is untouched and the temporary file removed."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=folder)
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            if n <= 0:
                raise OSError(errno.EIO, "short write")
            view = view[n:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened (Windows) there is nothing to do."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove the temporary files a save killed half-way left behind in `folder`; returns what was removed."""
    removed = []
    try:
        candidates = list(Path(folder).glob(TEMP_PREFIX + "*.part"))
    except OSError:
        return removed
    for p in candidates:
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            pass
    return removed
