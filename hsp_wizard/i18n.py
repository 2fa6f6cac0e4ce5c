"""The one owner of `_`, `N_`, `ngettext` and the current language. Catalogs are compiled from translations/
into hsp_wizard/locale/ by the build. Never installs into builtins."""

from __future__ import annotations

import gettext
import string
from importlib import resources
from pathlib import Path

DOMAIN = "hsp_wizard"
LANGUAGES = ("en", "ja")
LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}  # each in its own language, for the language menus
_current = "en"
_pseudo = False
_translations: dict[str, gettext.NullTranslations] = {}


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def locale_dir() -> Path:
    return Path(str(resources.files("hsp_wizard"))) / "locale"


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog for `lang`; English is the source language and needs none."""
    if lang not in _translations:
        if lang == "en":
            _translations[lang] = gettext.NullTranslations()
        else:
            _translations[lang] = gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[lang])
    return _translations[lang]


def has_catalog(lang: str) -> bool:
    if lang == "en":
        return True
    try:
        catalog(lang)
        return True
    except OSError:
        return False


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    global _current
    _current = lang


def current_language() -> str:
    return _current


def set_pseudo(on: bool) -> None:
    """Pseudo-localisation: every message stretched by half and accented, so layouts that cannot grow and
    strings that bypass the catalog show up on screen (HSP_WIZARD_PSEUDO=1)."""
    global _pseudo
    _pseudo = on


def pseudo(text: str) -> str:
    """`text` with its letters accented and half its length added; placeholders, mnemonics and line breaks
    kept, so the result still formats and its shortcut still works."""
    out = []
    for literal, field, spec, conv in string.Formatter().parse(text):
        out.append(literal.translate(_ACCENTED))
        if field is not None:
            out.append("{" + field + ("!" + conv if conv else "") + (":" + spec if spec else "") + "}")
    body = "".join(out)
    pad = "·" * max(1, len(text) // 2)
    return f"⟦{body} {pad}⟧"


_ACCENTED = str.maketrans("AEIOUYaeiouycnsCNS", "ÅÉÎÖÜÝåéîöüýçñšÇÑŠ")


def translate(message: str, lang: str | None = None) -> str:
    """Translate in `lang` (default: current). `_("")` is `""`, not the catalog header."""
    if not message:
        return ""
    lang = lang or _current
    try:
        cat = catalog(lang)
    except OSError:
        return message
    out = cat.gettext(message)
    out = out if _same_fields(message, out) else message
    return pseudo(out) if _pseudo else out


def _(message: str) -> str:
    return translate(message)


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """Translate `message` in `context` (a msgctxt: one English text with two meanings, or a short term
    such as a category letter), in `lang` (default: current)."""
    lang = lang or _current
    try:
        out = catalog(lang).pgettext(context, message)
    except OSError:
        return message
    out = out if _same_fields(message, out) else message
    return pseudo(out) if _pseudo else out


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    lang = lang or _current
    try:
        out = catalog(lang).ngettext(singular, plural, n)
    except OSError:
        return singular if n == 1 else plural
    src = singular if n == 1 else plural
    out = out if _same_fields(src, out) else src
    return pseudo(out) if _pseudo else out


def _fields(text: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}
    except ValueError:
        return {"<malformed>"}


def _same_fields(source: str, translated: str) -> bool:
    """A translation that changes a {placeholder} falls back to English instead of crashing."""
    return _fields(source) == _fields(translated)
