"""The rule files as parsed, kept beside them so a fresh process need not parse TOML again.

Python's TOML parser takes 20-50 ms for the six rule files, a twentieth of `hsp-wizard checklist` (issue 21). What
it returns depends only on the files' bytes, so `make` (the `catalogs` target, like the message catalogs; and so
`make run`, `make test`, `make package`) stores it once in `data/parsed.cache`: build output, never committed. It is
used only when made from these very bytes: its key is the SHA-256 of every file's name and bytes, checked against
the files read at each start, so an edited file is parsed as before (the same rules, only slower), never answered
from a stale cache. The pydantic validation and every cross-check of the loader run on its content as on the
parse's (tests/rules/test_parsed_cache.py). Pickled, but read back by an unpickler that builds nothing but the
parser's own types (dict, list, str, int, float, bool) and dates.

`make catalogs` writes it (`main()` below)."""

from __future__ import annotations

import hashlib
import io
import pickle
import tomllib
from datetime import date
from pathlib import Path

FORMAT = b"hsp-wizard parsed rule data 1"
CACHE_NAME = "parsed.cache"


def key(raws: dict[str, bytes]) -> bytes:
    """What a cache must have been made from: every file, by name, byte for byte."""
    h = hashlib.sha256(FORMAT)
    for name, raw in raws.items():
        h.update(b"\0%s\0%d\0" % (name.encode(), len(raw)))
        h.update(raw)
    return h.digest()


def build(raws: dict[str, bytes]) -> bytes:
    """The cache for these files (name -> bytes): their key and what tomllib makes of each."""
    parsed = {name: tomllib.loads(raw.decode("utf-8")) for name, raw in raws.items()}
    return pickle.dumps({"key": key(raws), "parsed": parsed}, protocol=5)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) == ("datetime", "date"):
            return date
        raise pickle.UnpicklingError(f"{module}.{name} is not rule data")


def read(cache: bytes | None, raws: dict[str, bytes]) -> dict[str, dict] | None:
    """Each file's parse from `cache` (its bytes) when it was made from exactly `raws`, else None."""
    if not cache:
        return None
    try:
        stored = _Unpickler(io.BytesIO(cache)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError,
            OverflowError, MemoryError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key(raws):
        return None
    parsed = stored.get("parsed")
    if not isinstance(parsed, dict) or list(parsed) != list(raws):
        return None
    return parsed


def main() -> int:
    from hsp_wizard.rules.loader import DATA_FILES
    data = Path(__file__).with_name("data")
    out, part = data / CACHE_NAME, data / (CACHE_NAME + ".part")
    part.write_bytes(build({name: (data / name).read_bytes() for name in DATA_FILES}))
    part.replace(out)
    print(f"{out}: {out.stat().st_size / 1024:.0f} KiB")
    return 0

