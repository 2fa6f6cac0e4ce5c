"""reportlab's platypus imported for the checklist leaves exactly two unused patterns uncompiled until first use, and
they then match as the real patterns do; re.compile is itself again after the import."""

import re
import subprocess
import sys

from hsp_wizard.report.lazy_patterns import LazyPattern, patterns_compiled_on_first_use

FRESH = r"""
import re
real = re.compile
import hsp_wizard.report.checklist_pdf
import reportlab.platypus.paragraph as paragraph, reportlab.lib.textsplit as textsplit
assert re.compile is real, "re.compile not restored"
print(type(paragraph.uri_pat).__name__, paragraph.uri_pat._compiled is None,
      type(textsplit.rx).__name__, textsplit.rx._compiled is None,
      type(paragraph._hy_letters_pat).__name__)
"""


def test_the_checklist_import_leaves_the_two_patterns_for_first_use():
    out = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["LazyPattern", "True", "LazyPattern", "True", "Pattern"]  # others compiled as usual


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
