"""The Japanese font's parse shipped beside it (hsp_wizard/report/font_cache.py): made from this very font by this
reportlab, the same face and font reportlab makes itself, the same PDF to the byte, and a cache made from another
file is not used."""

import marshal
import shutil

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from hsp_wizard.report import checklist_pdf
from hsp_wizard.report.checklist_pdf import FONT, FONT_FILE
from hsp_wizard.report.font_cache import CachedTTFont, build, cache_path, identity, load_face
from tests.report.test_checklist_pdf import example, pdf, text

SAMPLES = (0, 1, 250, 1000, 2048, 12345)


def same_face(a, b) -> None:
    da = {k: v for k, v in a.__dict__.items() if k != "_pdfScale"}
    db = {k: v for k, v in b.__dict__.items() if k != "_pdfScale"}
    assert da.keys() == db.keys()
    for key in da:
        assert da[key] == db[key] and type(da[key]) is type(db[key]), key
    assert [a._pdfScale(x) for x in SAMPLES] == [b._pdfScale(x) for x in SAMPLES]


def test_the_shipped_cache_was_made_from_this_font_by_this_reportlab():
    """Fails when the font or reportlab changes without `make font-cache` (the app would parse the font again)."""
    shipped = marshal.loads(cache_path(FONT_FILE).read_bytes())
    assert shipped["identity"] == identity(FONT_FILE.read_bytes())
    assert shipped == marshal.loads(build(FONT_FILE))


def test_the_cached_face_and_font_are_the_ones_reportlab_makes():
    same_face(load_face(FONT_FILE), TTFontFace(str(FONT_FILE)))
    ours, theirs = CachedTTFont(FONT, FONT_FILE), TTFont(FONT, str(FONT_FILE))
    assert ours.__dict__.keys() - {"_widths"} == theirs.__dict__.keys()  # _widths: the widths measured so far
    for key in theirs.__dict__.keys() - {"face", "encoding", "state"}:
        assert ours.__dict__[key] == theirs.__dict__[key], key
    assert type(ours.encoding) is type(theirs.encoding) and dict(ours.state) == dict(theirs.state) == {}


def test_the_pdf_is_the_same_to_the_byte_with_the_font_parsed(tmp_path):
    p = example("hsp-holder-b")
    checklist_pdf._font()
    assert isinstance(pdfmetrics.getFont(FONT), CachedTTFont)
    cached = {lang: pdf(p, lang=lang) for lang in ("en", "ja")}
    try:
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))  # reportlab's own parse
        parsed = {lang: pdf(p, lang=lang) for lang in ("en", "ja")}
    finally:
        pdfmetrics.registerFont(CachedTTFont(FONT, FONT_FILE))
    assert cached == parsed
    assert "永住許可申請書" in text(cached["ja"], tmp_path)  # Japanese glyphs embedded and read back


def test_a_cache_made_from_another_file_is_not_used(tmp_path):
    font = tmp_path / "font.ttf"
    data = bytearray(FONT_FILE.read_bytes())
    font.write_bytes(bytes(data))
    shutil.copy(cache_path(FONT_FILE), cache_path(font))
    assert load_face(font).charWidths == TTFontFace(str(font)).charWidths
    stale = marshal.loads(cache_path(font).read_bytes())
    stale["state"]["charWidths"] = {}  # what a cache of another font would give
    stale["identity"] = (*stale["identity"][:2], stale["identity"][2] ^ 1, stale["identity"][3])
    cache_path(font).write_bytes(marshal.dumps(stale))
    same_face(load_face(font), TTFontFace(str(font)))  # parsed: the cache's widths were not used
    cache_path(font).write_bytes(b"not marshal data")
    same_face(load_face(font), TTFontFace(str(font)))


def test_widths_are_reportlabs_and_kept_within_bounds(monkeypatch):
    ours, theirs = CachedTTFont(FONT, FONT_FILE), TTFont(FONT, str(FONT_FILE))
    texts = ["永住許可申請書", "Permanent residence", "", " ", "✗", "ポイント", "¥7,200,000", "a", "永"]
    for size in (6, 7.5, 8.5, 9, 11, 16):
        for t in texts * 2:  # the second time from what was kept
            assert ours.stringWidth(t, size) == theirs.stringWidth(t, size), (t, size)
    assert ours.stringWidth("永".encode(), 9) == theirs.stringWidth("永".encode(), 9)
    monkeypatch.setattr(CachedTTFont, "WIDTHS_KEPT", 10)
    for i in range(100):
        assert ours.stringWidth(chr(0x4E00 + i), 9) == theirs.stringWidth(chr(0x4E00 + i), 9)
        assert len(ours._widths) <= 10
