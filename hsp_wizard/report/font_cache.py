"""The checklist's Japanese font without parsing it on every run.

reportlab reads a TrueType font by walking its character map and metrics in Python: for the IPAex font (12,239
glyphs) that is 60-230 ms, a quarter of `hsp-wizard checklist`. What the walk finds depends only on the font file
and reportlab's version, so it is done once, when the app is built (`python -m hsp_wizard.report.font_cache`,
`make font-cache`), and shipped beside the font (resources/fonts/ipaexg.metrics, marshal data: no code). At run
time the font file is still read whole (the PDF embeds a subset of its glyphs from it) and the cache is used only
when it was made from this very file by this reportlab: the file's size and its `head` table's checksum
adjustment (which makes the whole file sum to a constant, so it changes with any byte) and reportlab's version
must match. Otherwise the font is parsed as before: the same PDF, only slower (tests/report/test_font_cache.py
checks the shipped cache against the font, so a stale one fails the tests rather than slowing users down).
"""

from __future__ import annotations

import marshal
import struct
import sys
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version, rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

FORMAT = 1
NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # reportlab's TTFNameBytes
LEFT_OUT = ("_ttf_data", "_pdfScale", "filename")  # the file's bytes and path (given at load), a lambda (rebuilt)


def cache_path(font_file: Path) -> Path:
    return font_file.with_suffix(".metrics")


def identity(data: bytes) -> tuple:
    """What the cache must have been made from: this file (size, head.checkSumAdjustment) and this reportlab."""
    tables = struct.unpack(">H", data[4:6])[0]
    for i in range(tables):
        tag, _sum, offset, _length = struct.unpack(">4sLLL", data[12 + 16 * i:28 + 16 * i])
        if tag == b"head":
            return FORMAT, len(data), struct.unpack(">L", data[offset + 8:offset + 12])[0], Version
    return FORMAT, len(data), None, Version


def build(font_file: Path) -> bytes:
    """The cache for `font_file`: the state reportlab's parser leaves on a font face, as marshal data."""
    face = TTFontFace(str(font_file))
    state = {}
    for key, value in face.__dict__.items():
        if key in LEFT_OUT:
            continue
        if key in NAMES:
            value = ("names", value.ustr)
        marshal.dumps(value)  # fails loudly on anything marshal cannot hold
        state[key] = value
    return marshal.dumps({"identity": identity(face._ttf_data), "state": state})


def load_face(font_file: Path):
    """The reportlab face of `font_file`, from its cache when the cache was made from it, else parsed."""
    data = font_file.read_bytes()
    try:
        cached = marshal.loads(cache_path(font_file).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        cached = None
    if not isinstance(cached, dict) or cached.get("identity") != identity(data):
        return TTFontFace(str(font_file))
    face = TTFontFace.__new__(TTFontFace)
    state = cached["state"]
    for key in NAMES:
        if key in state:
            state[key] = TTFNameBytes(state[key][1].encode("utf8"))
    face.__dict__.update(state)
    face._ttf_data, face.filename = data, str(font_file)
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)
    return face


class CachedTTFont(TTFont):
    """reportlab's TTFont over the face `load_face` gives: the same object TTFont(name, file) makes
    (tests/report/test_font_cache.py compares them).

    It also remembers the widths it has measured: breaking a line of the checklist (reportlab's CJK wrapping)
    measures every character on its own, thousands of times the same few hundred, each a Python sum over the
    string. A width is reportlab's own figure for that text and size, computed once (at most WIDTHS_KEPT kept)."""

    WIDTHS_KEPT = 50_000

    def __init__(self, name: str, font_file: Path):  # TTFont.__init__ (reportlab 5.1), the face not parsed
        self.fontName = name
        self.face = load_face(font_file)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
        self._widths: dict = {}

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 - reportlab's name
        key = (text, size, encoding)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= self.WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key] = TTFont.stringWidth(self, text, size, encoding)
        return width


def main() -> int:
    from hsp_wizard.report.checklist_pdf import FONT_FILE
    out = cache_path(FONT_FILE)
    out.write_bytes(build(FONT_FILE))
    print(f"{out}: {out.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
