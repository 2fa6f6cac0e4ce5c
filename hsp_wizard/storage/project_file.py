"""Read and write project files: size limit before parsing, duplicate keys refused, newer versions refused
untouched, every rejection a message naming the file, the field and the reason."""

from __future__ import annotations

import errno
import json
from itertools import accumulate, repeat
import os
import re
import stat
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
MAX_DEPTH = 32       # a project nests 5 levels (scenarios -> changes), an autosave 6: checked before parsing
MAX_INT_DIGITS = 30  # the longest number a project holds is 11 digits (¥10 billion)


class ProjectFileError(Exception):
    """A project file that cannot be used; `msg` is translatable, `str()` is English. `kind` says what a person
    is told first (the window words it; `msg` is the detail): "damaged" (a project file that is broken),
    "not_project", "newer" (saved by a newer version), "missing", "denied" (no permission) or "unreadable"."""

    def __init__(self, path: str, msg: Msg, kind: str = "damaged"):
        self.path = path
        self.msg = msg
        self.kind = kind
        super().__init__(f"{path}: {msg.render()}")


class FileRefused(OSError):
    """A file that will not be read or written as asked (not a regular file, read-only, a loop of links...):
    `msg` is translatable, `strerror` English; nothing was written."""

    def __init__(self, path, msg: Msg, err: int = errno.EACCES):
        super().__init__(err, msg.render(), str(path))
        self.msg = msg


class _DuplicateKey(ValueError):
    pass


class _NotANumber(ValueError):
    pass


class _LongNumber(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _LongNumber(len(text.lstrip("-")))
    return int(text)


def _not_a_number(text: str):
    raise _NotANumber(text)


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # a JSON string: up to the first quote not escaped
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


_OTHER_BYTES = bytes(range(256)).translate(None, b'"[]{}')  # every byte but a quote or a bracket
_PAIRED = re.compile(rb'"[^"]*"')  # a JSON string where no backslash is
_STEP_BYTE = {ord(k): v for k, v in _STEP.items()}


def nesting_depth(text: str) -> int:
    """How deeply the JSON text nests arrays and objects (strings skipped), without parsing it: the check that
    keeps every later step (the parser, a migration's copy, pydantic) away from recursion limits. The deepest
    running count of openings less closings (every file is read through here: counted without a Python loop)."""
    if "\\" not in text:  # no escape: a string runs to the next quote. Its UTF-8 bytes less all but quotes and
        # brackets (no other character's bytes hold one), strings taken out: the same count, 3x faster (issue 21)
        marks = _PAIRED.sub(b"", text.encode("utf-8", "surrogatepass").translate(None, _OTHER_BYTES))
        return max(0, max(accumulate(map(_STEP_BYTE.get, marks, repeat(0))), default=0))
    brackets = _NOT_BRACKETS.sub("", _STRING.sub("", text))
    return max(0, max(accumulate(map(_STEP.__getitem__, brackets)), default=0))


def check_depth(text: str, path: str) -> None:
    if nesting_depth(text) > MAX_DEPTH:
        raise ProjectFileError(path, Msg.of(N_("The file is nested too deeply: more than {limit} levels (a "
                                               "project file has at most 6)"), limit=MAX_DEPTH))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _surrogate_free(text: str, path: str) -> None:
    """A string written with half of a UTF-16 pair (a lone \\ud800) decodes to something that is not text:
    say so, rather than a vague 'not valid' later. Only the strings with such an escape are looked at."""
    if not _SURROGATE_ESCAPE.search(text):
        return
    for m in _STRING.finditer(text):
        literal = m.group()
        if _SURROGATE_ESCAPE.search(literal):
            try:
                json.loads(literal).encode("utf-8")
            except (UnicodeEncodeError, ValueError):
                raise ProjectFileError(path, Msg.of(N_("The file contains a broken character (half of a "
                                                       "UTF-16 surrogate pair)"))) from None


def _no_duplicates(pairs):
    out = dict(pairs)
    if len(out) != len(pairs):  # a key twice: the first to come again, as a loop checking each key finds it
        seen = set()
        for k, _ in pairs:
            if k in seen:
                raise _DuplicateKey(k)
            seen.add(k)
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
        plaintext, sealed_with = open_envelope(raw, path, password, key)
        try:
            raw, text = _parse_json(plaintext, path)
        except ProjectFileError as exc:
            exc.kind = "damaged"  # what was sealed as a project does not parse
            raise
        if is_sealed(raw):
            raise ProjectFileError(path, Msg.of(N_("The encrypted file is damaged ({part})"), part="plaintext"))
    project, version = _validate(raw, text, path)
    return OpenedProject(project, version, sealed_with)


def open_envelope(raw: dict, path: str, password: str | None = None,
                  key: SealKey | None = None) -> tuple[bytes, SealKey]:
    """The plaintext of a parsed encrypted envelope and the key that opened it; ProjectPasswordError when the
    password is missing or wrong, ProjectFileError when the envelope is damaged or changed."""
    try:
        return unseal(raw, password, key)
    except (PasswordNeeded, WrongPassword) as exc:
        raise ProjectPasswordError(path, exc.msg, wrong=isinstance(exc, WrongPassword)) from None
    except EncryptionError as exc:
        newer = "newer version" in exc.msg.text  # an envelope or key settings of a later version
        raise ProjectFileError(path, exc.msg, "newer" if newer else "damaged") from None


def _parse_json(data: bytes, path: str, limit: int = MAX_FILE_BYTES) -> tuple[object, str]:
    """The parsed document and its text; a file that does not parse is "damaged" when it names a project format
    or is empty (a copy or save cut short before its first byte), else "not_project" (another kind of file
    chosen)."""
    if len(data) <= limit and not data.strip():
        raise ProjectFileError(path, Msg.of(N_("The file is empty")), "damaged")
    try:
        return _parse_json_text(data, path, limit)
    except ProjectFileError as exc:
        if exc.kind == "damaged" and FORMAT_NAME.encode() not in data and ENCRYPTED_FORMAT.encode() not in data:
            exc.kind = "not_project"
        raise


def _parse_json_text(data: bytes, path: str, limit: int) -> tuple[object, str]:
    if len(data) > limit:
        raise ProjectFileError(path, Msg.of(N_("The file is {size} bytes; a project file is at most {limit}"),
                                            size=len(data), limit=limit), "not_project")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM from an editor is harmless
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, Msg.of(N_("Not a text file in UTF-8 (byte {pos})"), pos=exc.start)) from None
    check_depth(text, path)
    _surrogate_free(text, path)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_not_a_number,
                          parse_int=_bounded_int), text
    except _DuplicateKey as exc:
        raise ProjectFileError(path, Msg.of(N_("The key \"{key}\" appears twice in one object"),
                                            key=str(exc))) from None
    except RecursionError:
        raise ProjectFileError(path, Msg.of(N_("The file is nested too deeply"))) from None
    except json.JSONDecodeError as exc:
        raise ProjectFileError(path, Msg.of(N_("Not a valid JSON file (line {line}, column {column})"),
                                            line=exc.lineno, column=exc.colno)) from None
    except _LongNumber as exc:
        raise ProjectFileError(path, Msg.of(N_("A number in the file has {digits} digits; no number in a project "
                                               "has more than {limit}"), digits=exc.args[0],
                                            limit=MAX_INT_DIGITS)) from None
    except _NotANumber:  # NaN, Infinity
        raise ProjectFileError(path, Msg.of(N_("Not a valid JSON file (NaN and Infinity are not numbers)"))) from None
    except ValueError as exc:  # anything else the parser refuses: say what, not a traceback
        raise ProjectFileError(path, Msg.of(N_("Not a valid JSON file ({reason})"), reason=str(exc)[:80])) from None


def _validate(raw, text: str, path: str) -> tuple[Project, int]:
    if not isinstance(raw, dict):
        raise ProjectFileError(path, Msg.of(N_("Not an HSP Wizard project (the top level is not an object)")),
                               "not_project")
    if raw.get("format") != FORMAT_NAME:
        raise ProjectFileError(path, Msg.of(N_("Not an HSP Wizard project (format is not \"{name}\")"),
                                            name=FORMAT_NAME), "not_project")
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectFileError(path, Msg.of(N_("schema_version must be a whole number")))
    if version > SCHEMA_VERSION:
        raise ProjectFileError(path, Msg.of(N_("This project was saved by a newer version of HSP Wizard (file "
                                               "version {file}, this program reads up to {ours}); the file was "
                                               "not changed"), file=version, ours=SCHEMA_VERSION), "newer")
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
    return parse_project(read_regular(p, MAX_SEALED_BYTES), str(p), password, key)


def read_regular(p: Path, limit: int) -> bytes:
    """The bytes of the regular file at `p` (a link is followed), at most `limit` of them; anything else (a
    folder, a pipe, a device, a socket, a loop of links, a missing or unreadable file) is a ProjectFileError
    naming the file and why, raised before anything is opened that could block."""
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise ProjectFileError(str(p), Msg.of(N_("This is a link to a file that does not exist")),
                                   "missing") from None
        raise ProjectFileError(str(p), Msg.of(N_("No such file")), "missing") from None
    except OSError as exc:
        raise _read_error(p, exc) from None
    _check_regular(p, st.st_mode)
    if st.st_size > limit:
        raise ProjectFileError(str(p), Msg.of(N_("The file is {size} bytes; a project file is at most {limit}"),
                                              size=st.st_size, limit=MAX_FILE_BYTES), "not_project")
    try:  # O_NONBLOCK: were the file swapped for a pipe after the check, opening it still cannot hang
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) |
                     getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _read_error(p, exc) from None
    try:
        st = os.fstat(fd)
        _check_regular(p, st.st_mode)
        want = limit + 1  # at most this much, as one read of the file's size (a file that grows is read on)
        data = os.read(fd, min(want, st.st_size + 1))
        while data and len(data) < want:
            more = os.read(fd, want - len(data))
            if not more:
                break
            data += more
        return data
    except OSError as exc:
        raise _read_error(p, exc) from None
    finally:
        os.close(fd)


def _check_regular(p: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ProjectFileError(str(p), Msg.of(N_("This is a folder, not a project file")), "not_project")
    if not stat.S_ISREG(mode):
        raise ProjectFileError(str(p), Msg.of(N_("This is not an ordinary file (it is a pipe, a device or a "
                                                  "socket), so it cannot be a project file")), "not_project")


def _read_error(p: Path, exc: OSError) -> ProjectFileError:
    if exc.errno == errno.ELOOP:
        return ProjectFileError(str(p), Msg.of(N_("This is a link that leads back to itself (a loop of links)")),
                                "unreadable")
    if exc.errno == errno.ENOENT:
        return ProjectFileError(str(p), Msg.of(N_("No such file")), "missing")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ProjectFileError(str(p), Msg.of(N_("Permission denied: you may not read this file")), "denied")
    if exc.errno == errno.ENOTDIR:
        return ProjectFileError(str(p), Msg.of(N_("No such file (a part of the path is not a folder)")), "missing")
    return ProjectFileError(str(p), Msg.of(N_("Cannot read the file: {reason}"), reason=exc.strerror or str(exc)),
                            "unreadable")



def dumps_project(project: Project) -> bytes:
    """The file's bytes: stable key order, two-space indent, UTF-8, a final newline. The text is validated
    exactly as reading it back will be, so a project changed past the model's limits in memory (a list
    appended to beyond its maximum, which pydantic does not see) is refused here, never written as a file that
    cannot be reopened (FileRefused, with the field and the reason)."""
    text = project.model_dump_json(indent=2)
    try:
        Project.model_validate_json(text, strict=True)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise FileRefused("", Msg.of(N_("The project cannot be saved: field {field}: {reason}"),
                                     field=_field(err["loc"]), reason=error_reason(err)),
                          errno.EINVAL) from None
    data = (text + "\n").encode("utf-8")
    if len(data) > MAX_FILE_BYTES:  # the reader's limit: what is written can always be read back
        raise FileRefused("", Msg.of(N_("The project cannot be saved: it is {size} bytes and a project file is at "
                                        "most {limit}; shorten some texts"), size=len(data), limit=MAX_FILE_BYTES),
                          errno.EFBIG)
    return data


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
    With `key` the project is encrypted, and so is every backup of it that was not (no plaintext copy of a
    protected project is left beside it). A read-only file, a folder or a pipe is refused before anything is
    written (FileRefused)."""
    target = Path(path)
    try:
        data = project_bytes(project, key)  # refused before any backup is touched
    except FileRefused as exc:
        raise FileRefused(target, exc.msg, exc.errno) from None
    writable_target(target)
    if migrated_from is not None and migrated_from < SCHEMA_VERSION:
        keep_backup(target, f".v{migrated_from}{BACKUP_SUFFIX}", replace=False, key=key)
    if backup:
        keep_backup(target, key=key)
    if key is not None:
        seal_backups(target, key)
    write_private_atomic(target, data)


def backups_of(target: Path) -> list[Path]:
    """The backups beside `target`: `<name>.bak` and every `<name>.v<N>.bak`."""
    target = Path(target)
    found = [target.with_name(target.name + BACKUP_SUFFIX)]
    try:
        found += sorted(target.parent.glob(_glob_escape(target.name) + ".v*" + BACKUP_SUFFIX))
    except OSError:
        pass
    return [b for b in found if b.is_file()]


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def seal_backups(target: Path, key: SealKey) -> None:
    """Encrypt, in place and atomically, every backup of `target` that is still plaintext."""
    for b in backups_of(target):
        try:
            old = read_regular(b, MAX_SEALED_BYTES)
        except ProjectFileError:
            continue
        if ENCRYPTED_FORMAT.encode() not in old[:256]:
            write_private_atomic(b, key.seal(old))


def keep_backup(target: Path, suffix: str = BACKUP_SUFFIX, replace: bool = True,
                key: SealKey | None = None) -> None:
    """Copy the current file (if any) to `<name><suffix>`, privately and atomically, before it is replaced
    (encrypted with `key` when the project is being protected and the old file was not)."""
    backup = target.with_name(target.name + suffix)
    if not replace and backup.exists():
        return
    if not target.exists():
        return
    try:
        old = read_regular(target, MAX_SEALED_BYTES)
    except ProjectFileError as exc:
        raise FileRefused(target, exc.msg) from None
    if key is not None and ENCRYPTED_FORMAT.encode() not in old[:256]:
        old = key.seal(old)
    write_private_atomic(backup, old)


def writable_target(target: Path) -> Path:
    """Where a save of `target` really goes: the file itself, or the file a link points to (the link is kept).
    Refused (FileRefused, nothing written): a folder, a pipe, a device, a loop of links, and a file that is
    read-only (its write permission removed: the user meant it not to change)."""
    target = Path(target)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return Path(os.path.realpath(target)) if os.path.islink(target) else target
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileRefused(target, Msg.of(N_("This is a link that leads back to itself (a loop of links)")),
                              errno.ELOOP) from None
        raise
    if stat.S_ISDIR(st.st_mode):
        raise FileRefused(target, Msg.of(N_("This is a folder, not a project file")), errno.EISDIR)
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(target, Msg.of(N_("This is not an ordinary file (it is a pipe, a device or a socket), "
                                            "so it cannot be a project file")))
    if not st.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise FileRefused(target, Msg.of(N_("The file is read-only, so it was not changed; save under another "
                                            "name, or make it writable first")))
    return Path(os.path.realpath(target))


def write_private_atomic(target: Path, data: bytes) -> None:
    """Any file the user keeps (projects, backups, autosaves, PDFs): a 0600 temporary file in the same folder,
    every byte written (a short write is retried, an error raised), fsync, os.replace over the old file, then
    fsync of the folder. On any failure the old file is untouched and the temporary file removed. Through a
    link, the file it points to is replaced and the link stays; a read-only file, a folder or a pipe is refused
    (see writable_target)."""
    target = writable_target(Path(target))
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".part", dir=folder)
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
    """Remove the temporary files a save killed half-way left behind in `folder` (projects' folders and the
    autosave folder); returns what was removed. A temporary file names the process writing it: one of a
    process still running (another window saving right now) is left alone."""
    removed = []
    try:
        candidates = list(Path(folder).glob(TEMP_PREFIX + "*.part"))
    except OSError:
        return removed
    for p in candidates:
        if _writer_alive(p.name):
            continue
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            pass
    return removed


def _writer_alive(name: str) -> bool:
    m = re.match(re.escape(TEMP_PREFIX) + r"(\d+)-", name)
    if m is None or os.name == "nt":  # an older name without a process, or Windows (os.kill would end it)
        return False
    pid = int(m.group(1))
    if pid == os.getpid():
        return False  # this process saves on its own thread: nothing of ours is half-written while we sweep
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's): leave its file
    return True
