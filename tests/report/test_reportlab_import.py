"""reportlab imported for the checklist (hsp_wizard/report/reportlab_import.py) leaves exactly two unused patterns
uncompiled and Pillow's image module unexecuted until first use; the patterns then match as the compiled ones do,
the image module works when used, and re.compile is itself again after the import."""

import re
import subprocess
import sys
from pathlib import Path

from hsp_wizard.report.reportlab_import import LazyPattern, patterns_compiled_on_first_use

ROOT = Path(__file__).resolve().parents[2]

FRESH = r"""
import re, sys
real = re.compile
from hsp_wizard.app import main
main(["checklist", "examples/hsp-holder-b.hspw", "-o", sys.argv[1], "--lang", "ja"])  # the whole PDF built
import reportlab.platypus.paragraph as paragraph, reportlab.lib.textsplit as textsplit
assert re.compile is real, "re.compile not restored"
print(type(paragraph.uri_pat).__name__, paragraph.uri_pat._compiled is None,
      type(textsplit.rx).__name__, textsplit.rx._compiled is None,
      type(paragraph._hy_letters_pat).__name__, type(sys.modules["PIL.Image"]).__name__)
import reportlab.lib.utils as utils
print(utils.Image.new("RGB", (2, 1)).size, type(sys.modules["PIL.Image"]).__name__)  # works when used
"""


def test_the_checklist_leaves_the_unused_parts_for_first_use(tmp_path):
    out = subprocess.run([sys.executable, "-c", FRESH, str(tmp_path / "c.pdf")], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    # the two patterns and PIL.Image untouched by a whole checklist; other patterns compiled as usual
    assert out == ["LazyPattern", "True", "LazyPattern", "True", "Pattern", "_LazyModule", "(2,", "1)", "module"]
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")


URLS = ["https://example.com/a/b?x=1", "http://192.168.0.1:8080/", "ftp://user:pw@host.example.org/file",
        "www.example.com", "not a url", "https://例え.jp/パス", "HTTPS://EXAMPLE.COM/", "mailto:x@y.z", ""]


def test_lazy_patterns_match_as_the_real_ones():
    import reportlab.platypus.paragraph as paragraph
    import reportlab.lib.textsplit as textsplit
    for lazy in (paragraph.uri_pat, textsplit.rx):
        real = re.compile(lazy.pattern, lazy.flags)
        for text in [*URLS, "日本語とEnglish", "ａｂｃ　全角"]:
            a, b = lazy.match(text), real.match(text)
            assert (a and a.groups()) == (b and b.groups()), text
            assert lazy.sub(r"\1\0 ", text) == real.sub(r"\1\0 ", text)
    assert paragraph._uri_split_pairs("https://example.com/a/b") == \
        [("https://example.com/a/", "b"), ("https://example.com/", "a/b"), ("https://", "example.com/a/b")]


def test_only_the_two_patterns_are_deferred_and_compile_is_restored():
    real = re.compile
    with patterns_compiled_on_first_use():
        uri = re.compile("(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?x", re.I)
        cjk = re.compile("([\u2e80-\uffff])", re.UNICODE)
        other = re.compile("([\u2e80-\uffff])")  # same text, other flags: compiled now
        plain = re.compile("abc")
    assert re.compile is real
    assert isinstance(uri, LazyPattern) and isinstance(cjk, LazyPattern)
    assert isinstance(other, re.Pattern) and isinstance(plain, re.Pattern)
    assert uri.match("http://x") and not uri.match("x") and cjk._compiled is None
