"""What a person types into a date or amount field, read the same way everywhere (no Qt)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from hsp_wizard.domain.dates import JAPANESE_ERAS
from hsp_wizard.domain.explain import Msg, N_
from hsp_wizard.domain.project import MAX_DATE, MAX_YEN, MIN_DATE

# Japanese eras by name and by initial: the first day of each
ERAS = {key: start for name, initial, start in JAPANESE_ERAS for key in (name, initial)}


class ParseError(ValueError):
    """Input that is not a date or an amount; `msg` says why, translatably."""

    def __init__(self, msg: Msg):
        self.msg = msg
        super().__init__(msg.render())


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_JA = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ISO_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_JA_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月$")
_ERA = re.compile(r"^(令和|平成|昭和|[RHS])\s*(\d{1,2}|元)[年.](\d{1,2})[月.](\d{1,2})日?$", re.IGNORECASE)


def parse_whole(text: str) -> int | None:
    """'' -> None; a whole number, in any width of digits (１２ -> 12) -> int; else ParseError."""
    t = _normal(text).replace(",", "")
    if not t:
        return None
    if not t.isdigit() or not t.isascii():
        raise ParseError(Msg.of(N_("Enter a whole number, for example 36")))
    return int(t)


def is_month_only(text: str) -> bool:
    """Whether `text` is a year and month without a day (2018-03, 2018/3, 2018年3月)."""
    t = _normal(text)
    return bool(_ISO_MONTH.match(t) or _JA_MONTH.match(t))


def parse_date(text: str, month: str | None = None) -> date | None:
    """'' -> None; 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日, R8.4.1 -> date; else ParseError.

    With `month` ("first" or "last"), a year and month without a day (2018-03, 2018/3, 2018年3月) is that
    month's first or last day: the field says which, chosen so that a point is never given before it is earned
    (a degree awarded "2018-03" counts from 2018-03-31)."""
    t = _normal(text)
    if not t:
        return None
    ym = (_ISO_MONTH.match(t) or _JA_MONTH.match(t)) if month in ("first", "last") else None
    if ym:
        y, mo = int(ym.group(1)), int(ym.group(2))
        if not 1 <= mo <= 12:
            raise ParseError(Msg.of(N_("There is no such day")))
        out = date(y, mo, 1 if month == "first" else calendar.monthrange(y, mo)[1])
        if not MIN_DATE <= out <= MAX_DATE:
            raise ParseError(Msg.of(N_("Enter a date between {start} and {end}"), start=MIN_DATE, end=MAX_DATE))
        return out
    m = _ISO.match(t) or _JA.match(t)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _ERA.match(t)
        if not m:
            raise ParseError(Msg.of(N_("Enter a date as YYYY-MM-DD (for example 2026-04-01)")))
        era, ey, mo, d = m.group(1).upper() if len(m.group(1)) == 1 else m.group(1), m.group(2), \
            int(m.group(3)), int(m.group(4))
        n = 1 if ey == "元" else int(ey)
        y = ERAS[era].year + n - 1
    try:
        out = date(y, mo, d)
    except ValueError:
        raise ParseError(Msg.of(N_("There is no such day"))) from None
    if m.re is _ERA:
        start = ERAS[m.group(1).upper() if len(m.group(1)) == 1 else m.group(1)]
        if out < start:
            raise ParseError(Msg.of(N_("That era had not begun on that day")))
    if not MIN_DATE <= out <= MAX_DATE:
        raise ParseError(Msg.of(N_("Enter a date between {start} and {end}"), start=MIN_DATE, end=MAX_DATE))
    return out


_YEN = re.compile(r"^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万|千|[mMkK])?\s*(?:円|yen)?$",
                  re.IGNORECASE)
_UNITS = {"万": 10_000, "千": 1_000, "m": 1_000_000, "k": 1_000}


def parse_yen(text: str) -> int | None:
    """'' -> None; 4000000, 4,000,000, ¥4,000,000, 400万, 400万円, 6.5M, 650k, full-width digits -> int; else
    ParseError. A decimal point needs a unit (6.5M, 6.5万), and the result must be whole yen."""
    t = _normal(text)
    if not t:
        return None
    if t.startswith("-"):
        raise ParseError(Msg.of(N_("An amount cannot be negative")))
    m = _YEN.match(t)
    if not m or (m.group(2) and not m.group(3)):
        raise ParseError(Msg.of(N_("Enter whole yen, for example 4,000,000, 400万 or 6.5M")))
    whole, frac, unit = m.group(1).replace(",", ""), m.group(2) or "", m.group(3)
    scale = _UNITS[unit.lower()] if unit else 1
    digits = int(whole + frac)
    n, rest = divmod(digits * scale, 10 ** len(frac))
    if rest:
        raise ParseError(Msg.of(N_("Enter whole yen, for example 4,000,000, 400万 or 6.5M")))
    if n > MAX_YEN:
        raise ParseError(Msg.of(N_("That is more than {limit}: check the number of digits"), limit=MAX_YEN))
    return n


def format_yen_input(n: int | None) -> str:
    """How an amount is shown back in its field: 4,000,000 (digits only, any language)."""
    return "" if n is None else f"{n:,}"
