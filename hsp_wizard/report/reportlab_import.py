"""reportlab, imported for the checklist without the work the checklist never uses.

- Importing `reportlab.platypus` compiles, at module level, a URL pattern for hyphenating links
  (`reportlab.platypus.paragraph.uri_pat`, used only when a paragraph style asks for `uriWasteReduce`) and a CJK
  pattern for `reportlab.lib.textsplit.cjkwrap`: with their ranges up to U+FFFF and case folding, the two take
  20-50 ms, a tenth of `hsp-wizard checklist` (issue 21). While platypus is imported, `re.compile` hands back, for
  exactly these two patterns, an object that compiles the same pattern on its first use; every other pattern
  compiles as usual, and `re.compile` is restored when the import is done.
- `reportlab.lib.utils` imports Pillow's `PIL.Image` for pictures; the checklist has none. `PIL.Image` is set up
  with the standard library's `importlib.util.LazyLoader`: the real module, executed the first time anything reads
  from it (5-10 ms otherwise).

tests/report/test_reportlab_import.py checks both, and that the patterns match as the compiled ones do."""

from __future__ import annotations

import importlib.util
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


def _pillow_image_lazily() -> None:
    if "PIL.Image" in sys.modules:
        return
    spec = importlib.util.find_spec("PIL.Image")  # imports the small PIL package itself
    if spec is None or spec.loader is None:
        return  # reportlab's own import then says what is missing
    try:
        lazy = importlib.util.LazyLoader(spec.loader)
    except TypeError:  # a loader LazyLoader cannot wrap (one without exec_module): imported as usual, only slower
        return
    spec.loader = lazy
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    spec.loader.exec_module(module)
    setattr(sys.modules["PIL"], "Image", module)  # `from PIL import Image` finds it without touching it


def import_reportlab() -> None:
    """Import reportlab's modules the checklist uses (once per process), leaving the unused work for first use.
    Call it before anything else imports reportlab."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    _pillow_image_lazily()
    with patterns_compiled_on_first_use():
        import reportlab.platypus  # noqa: F401
