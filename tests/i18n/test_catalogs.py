"""The catalogs: compiled, complete, faithful to the placeholders and mnemonics, and in sync with the code."""

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from hsp_wizard import i18n
from hsp_wizard.i18n import _, has_catalog, pseudo, set_language, translate

ROOT = Path(__file__).resolve().parents[2]
JA_PO = ROOT / "translations" / "ja" / "LC_MESSAGES" / "hsp_wizard.po"
POT = ROOT / "translations" / "hsp_wizard.pot"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Messages that are the same in both languages: names and formats, never sentences.
# names, and messages that are only placeholders and punctuation (Japanese uses the full-width colon)
SAME_IN_BOTH = {"JICA", "J-Skip", "{column}: {reason}", "{date}: {what}", "{rule}: {before} → {after}",
                "{name}: {what}", "{route}: {date}", "{column}, {row}: {value}", "{column}, {row}: {value} ({note})",
                "{change}: {date}", "{change}: {date} to {end}", "HSP Wizard {version}", "{mark} {title}",
                "{title}: {state}", "{title}: {state}: {reason}", "“{name}”", "{route}: {state}", "{action}: {what}",
                "{why} ({sure})", "{rule} (×{count})", "{kind} ({site})"}


def ja_catalog():
    with open(JA_PO, "rb") as fh:
        return [m for m in read_po(fh, locale="ja") if m.id]


def fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)


def test_the_compiled_catalogs_are_installed():
    # `make` compiles translations/*.po into the package; without them every screen would be English
    assert has_catalog("ja"), "hsp_wizard/locale/ja is missing: run `make catalogs`"
    assert translate("Welcome to HSP Wizard", "ja") == "HSP Wizardへようこそ"


def test_no_japanese_entry_is_untranslated_or_fuzzy():
    bad = [m.id for m in ja_catalog() if not m.string or m.fuzzy]
    assert bad == []


def singular(text) -> str:
    """A message's text, or a plural message's first form (Japanese has one form for every count)."""
    return text[0] if isinstance(text, (tuple, list)) else text


def test_every_japanese_entry_is_japanese():
    english = [m.id for m in ja_catalog()
               if not JAPANESE.search(singular(m.string)) and m.id not in SAME_IN_BOTH]
    assert english == []


@pytest.mark.parametrize("msg", ja_catalog(), ids=lambda m: singular(m.id)[:40])
def test_translations_keep_placeholders_and_one_mnemonic(msg):
    ids = msg.id if isinstance(msg.id, (tuple, list)) else (msg.id,)
    for text in ids:  # every form of a plural message has the placeholders of its translation
        assert fields(singular(msg.string)) == fields(text)
    if re.search(r"&[^&\s]", singular(msg.id).replace("R&D", "")):
        assert len(re.findall(r"&[^&\s]", singular(msg.string))) == 1, \
            "the translation needs exactly one (&X) shortcut"


def source_messages() -> set[str]:
    """Every literal passed to _, N_ or ngettext in the package, including inside f-strings (which the
    extractor cannot see: a message used there would never be translated)."""
    found = set()
    for path in (ROOT / "hsp_wizard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_", "ngettext") and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def test_every_message_in_the_code_is_in_the_template():
    with open(POT, "rb") as fh:
        template = {singular(m.id) for m in read_po(fh) if m.id}
    assert source_messages() - template == set()


def test_empty_message_is_empty_not_the_catalog_header():
    set_language("ja")
    try:
        assert _("") == ""
    finally:
        set_language("en")


def test_a_translation_that_changes_a_placeholder_falls_back_to_english(monkeypatch):
    class Broken:
        def gettext(self, message):
            return "{wrong}の日付"
    monkeypatch.setitem(i18n._translations, "ja", Broken())
    assert translate("Earliest date: {date}", "ja").format(date="x") == "Earliest date: x"


def test_pseudo_localisation_stretches_by_half_and_keeps_what_code_needs():
    text = "Save &As… {count} rows"
    out = pseudo(text)
    assert len(out) >= 1.5 * len(text)
    assert "{count}" in out and out.count("&") == 1
    assert out.format(count=3)
