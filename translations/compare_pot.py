"""Compare two message templates by what matters: the messages, not the extraction tool's header.

Used by `make catalog-check`: a fresh extraction must hold the same messages (id, plural, context, translator
comments and flags) as the checked-in translations/hsp_wizard.pot. The header (Babel's version, creation date)
is ignored, so a newer Babel that writes a different `Generated-By` cannot fail the check.

Usage: python translations/compare_pot.py CHECKED_IN.pot FRESH.pot   (exit 1 and a list of differences)
"""

from __future__ import annotations

import sys

from babel.messages.pofile import read_po


def messages(path: str) -> dict[tuple, tuple]:
    with open(path, "rb") as f:
        catalog = read_po(f)
    out = {}
    for m in catalog:
        if not m.id:  # the header entry
            continue
        key = (m.context, m.id if isinstance(m.id, str) else tuple(m.id))
        out[key] = (tuple(m.auto_comments), tuple(sorted(m.flags - {"fuzzy"})))
    return out


def main(argv: list[str]) -> int:
    old, new = messages(argv[1]), messages(argv[2])
    missing = sorted(set(new) - set(old), key=repr)
    gone = sorted(set(old) - set(new), key=repr)
    changed = sorted((k for k in set(old) & set(new) if old[k] != new[k]), key=repr)
    for label, keys in (("new in the code", missing), ("no longer in the code", gone), ("comments changed", changed)):
        for k in keys[:20]:
            print(f"  {label}: {k[1]!r}" + (f" (context {k[0]!r})" if k[0] else ""))
        if len(keys) > 20:
            print(f"  ... and {len(keys) - 20} more {label}")
    return 1 if (missing or gone or changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
