"""reportlab's platypus, imported without compiling two regular expressions the checklist never uses.

Importing `reportlab.platypus` compiles, at module level, a URL pattern for hyphenating links
(`reportlab.platypus.paragraph.uri_pat`, used only when a paragraph style asks for `uriWasteReduce`) and a CJK
pattern for `reportlab.lib.textsplit.cjkwrap`: with their ranges up to U+FFFF and case folding, the two take
20-50 ms, a tenth of `hsp-wizard checklist`. While platypus is imported, `re.compile` hands back, for exactly these
two patterns, an object that compiles the same pattern on its first use; every other pattern compiles as usual, and
`re.compile` is restored when the import is done (tests/report/test_lazy_patterns.py)."""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

# the two patterns, as reportlab 5.1 writes them (another pattern, or a changed one, is compiled as usual)
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?"
CJK_PATTERN = "([\u2e80-\uffff])"


class LazyPattern:
    """A compiled pattern made on first use: every attribute (match, sub, pattern, ...) is the real one's."""

    def __init__(self, pattern: str, flags: int, compile_):
        self._args = (pattern, flags)
        self._compile = compile_
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = self._compile(*self._args)
        return getattr(self._compiled, name)


def _lazy(pattern, flags: int) -> bool:
    if not isinstance(pattern, str):
        return False
    return (pattern == CJK_PATTERN and flags == re.UNICODE) or \
        (pattern.startswith(URI_PATTERN_START) and flags == re.IGNORECASE)


@contextmanager
def patterns_compiled_on_first_use():
    real = re.compile

    def compile_(pattern, flags=0):
        if _lazy(pattern, flags):
            return LazyPattern(pattern, flags, real)
        return real(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = real


def import_platypus() -> None:
    """Import reportlab.platypus (once per process) with the two patterns left for first use."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    with patterns_compiled_on_first_use():
        import reportlab.platypus  # noqa: F401
