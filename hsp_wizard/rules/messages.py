"""Babel extractor for the rule data: the document names, places and notes the checklist shows are messages
too, so the Japanese catalog translates them like any other. Named in pyproject.toml's [tool.babel]."""

from __future__ import annotations

import tomllib
from typing import BinaryIO, Iterator

# Per table: the fields a user reads. Row and rule labels are not here: in Japanese the views show the
# official Japanese name (`official_ja`) instead, which the data carries itself.
FIELDS = {
    "document": ("label", "where", "note"),
    "checklist": ("note",),
}


def extract_rule_data(fileobj: BinaryIO, keywords, comment_tags, options) -> Iterator[tuple]:
    raw = fileobj.read()
    text = raw.decode("utf-8")
    data = tomllib.loads(text)
    lines = text.splitlines()
    for table, fields in FIELDS.items():
        for entry in data.get(table, []):
            for field in fields:
                value = entry.get(field)
                if value:
                    comment = f"{table} {entry.get('id') or entry.get('route')}: {field}"
                    yield _line_of(lines, field, value), "", value, [comment]


def _line_of(lines: list[str], field: str, value: str) -> int:
    """The 1-based line where `field = "value"` is written (TOML keeps no positions)."""
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith(field) and value.replace('"', '\\"') in line:
            return n
    return 0
