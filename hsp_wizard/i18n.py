"""The one owner of `_`, `N_`, `ngettext` and the current language. Catalogs are compiled from translations/
into hsp_wizard/locale/ by the build. Never installs into builtins."""

from __future__ import annotations

import gettext
import string
from importlib import resources
from pathlib import Path

DOMAIN = "hsp_wizard"
LANGUAGES = ("en", "ja")
_current = "en"
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
    return out if _same_fields(message, out) else message


def _(message: str) -> str:
    return translate(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    lang = _current
    try:
        out = catalog(lang).ngettext(singular, plural, n)
    except OSError:
        return singular if n == 1 else plural
    src = singular if n == 1 else plural
    return out if _same_fields(src, out) else src


def _fields(text: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}
    except ValueError:
        return {"<malformed>"}


def _same_fields(source: str, translated: str) -> bool:
    """A translation that changes a {placeholder} falls back to English instead of crashing."""
    return _fields(source) == _fields(translated)
