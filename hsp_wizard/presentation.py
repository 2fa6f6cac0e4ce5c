"""Turn domain results into text in one language: messages, rule names, dates and yen (Babel)."""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from hsp_wizard.domain.dates import JAPANESE_ERAS
from hsp_wizard.domain.explain import CategoryRef, Money, Msg, RouteRef, RuleRef, StatusRef, Term
from hsp_wizard.domain.registry import RouteNames
from hsp_wizard.i18n import N_, current_language, pgettext, translate
from hsp_wizard.rules import load_rules

# Each route's name (an English message id, and the Japanese term used on ISA's lists), read from the route
# registry in use (hsp_wizard.domain.registry): a mapping, route -> (English, Japanese).
ROUTE_NAMES = RouteNames()

# A scenario's kinds of change (hsp_wizard.domain.project.ScenarioChangeKind), as the window and the PDF name them.
CHANGE_KINDS = [("jlpt_n1", N_("JLPT N1 passed")), ("jlpt_n2", N_("JLPT N2 passed")),
                ("raise", N_("New annual salary")),
                ("employer_b1", N_("Move to an employer with innovation support")),
                ("trip", N_("Trip abroad"))]

# the point sheet's bonus numbering in a rule's English label ("(B10)", "(B2, only with B1)"): ids, not words, left
# out wherever the label is shown (the rule's id, shown under "Why?", names it)
BONUS_CODE = re.compile(r"\s*[(（](?:B\d+|特別加算)[^)）]*[)）]")

CONFIDENCE = {"official": N_("official"), "two_plus": N_("2+ sources"), "one": N_("1 source"),
              "unverified": N_("unverified")}


def category_letter(category: str, lang: str | None = None) -> str:
    """An HSP category's letter as its language writes it: a, b, c in English (category (b)); イ, ロ, ハ in
    Japanese, where the messages around it say 1号ロ."""
    letters = {"a": pgettext("HSP category", "a", lang), "b": pgettext("HSP category", "b", lang),
               "c": pgettext("HSP category", "c", lang)}
    return letters[getattr(category, "value", category)]


def format_yen(amount: int, lang: str) -> str:
    """¥7,200,000 in English; 720万円 in Japanese, exact to the yen (1億2,000万円; 7,253,000円). Babel formats
    the numbers; it has only rounded compact forms (1235億), so the 億/万 units are composed here."""
    if lang == "ja":
        def n(x: int) -> str:
            return format_decimal(x, locale="ja")
        if amount and amount % 10_000 == 0:
            oku, man = divmod(amount // 10_000, 10_000)
            if oku and man:
                return f"{n(oku)}億{n(man)}万円"
            return f"{n(oku)}億円" if oku else f"{n(man)}万円"
        return f"{n(amount)}円"
    return format_currency(amount, "JPY", locale="en")


def format_day(d: date, lang: str, era: bool = False) -> str:
    """1 Apr 2026 in English; 2026年4月1日 in Japanese, or 令和8年4月1日 with `era`."""
    if lang == "ja":
        if era:
            for name, _initial, start in JAPANESE_ERAS:  # Babel has no Japanese calendar; before 昭和: Western
                if d >= start:
                    n = d.year - start.year + 1
                    return f"{name}{'元' if n == 1 else n}年{d.month}月{d.day}日"
        return format_date(d, format="long", locale="ja")
    return format_date(d, format="d MMM y", locale="en")


# How a source is named to the person (the "Why?" explanations, the CLI, the PDF): never by an internal file name
# or path. HSP Wizard's own notes and decisions are said in words; in Japanese, a source whose title has no
# Japanese is said by its kind and its site.
OWN_SOURCES = {"decision": N_("HSP Wizard's own reading where the sources leave a choice (a project decision)"),
               "reference": N_("HSP Wizard's research notes, with the sources they name")}
SOURCE_KINDS = {"official": N_("An official text"), "law": N_("A law or ordinance"),
                "practitioner": N_("A practitioner's explanation"), "code": N_("Another program's code"),
                "news": N_("A news report"), "other": N_("Another source")}
INTERNAL_PATH = re.compile(r"\s*\([^()]*(?:\.\./|\.md\b)[^()]*\)")  # "(../shared/seeds/004)"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _sites(url: str) -> str:
    """The sites a source is on ("moj.go.jp"; a proxy's address gives way to the page it shows), once each."""
    from urllib.parse import urlparse
    hosts: list[str] = []
    for part in url.split(";"):
        inner = part[part.rfind("http"):].strip() if "http" in part else ""
        host = (urlparse(inner).hostname or "").removeprefix("www.") if inner else ""
        try:
            host = host.encode("ascii").decode("idna")  # a Japanese domain, as it reads
        except UnicodeError:
            pass
        if host and host not in hosts:
            hosts.append(host)
    return ", ".join(hosts)


def _mostly_japanese(text: str) -> bool:
    return len(JAPANESE.findall(text)) >= len(re.findall(r"[A-Za-z]", text))


class Renderer:
    """Everything a view needs to show domain output in `lang`."""

    def __init__(self, lang: str | None = None, era: bool = False):
        """`lang` defaults to the current language (the UI's); the CLI and the PDF pass theirs. `era`: Japanese
        dates with the era name (令和8年4月1日), for the printed checklist."""
        self.lang = lang or current_language()
        self.era = era
        self.rules = load_rules()

    def tr(self, text: str) -> str:
        return translate(text, self.lang)

    def fmt(self, value: object) -> str:
        if isinstance(value, Msg):
            return self.msg(value)
        if isinstance(value, Money):
            return format_yen(int(value), self.lang)
        if isinstance(value, date):
            return format_day(value, self.lang, self.era)
        if isinstance(value, Term):
            return self.tr(value)
        if isinstance(value, RuleRef):
            return self.rule_label(value)
        if isinstance(value, StatusRef):
            st = self.rules.statuses.get(value)
            return str(value) if st is None else status_label(st, self.lang)
        if isinstance(value, RouteRef):
            return self.route_name(value)
        if isinstance(value, CategoryRef):
            return category_letter(value, self.lang)
        return str(value)

    def route_name(self, route: str, *, official: bool = False) -> str:
        """A route's name in this language; with `official`, ISA's Japanese term in Japanese (the PDF's)."""
        if route not in ROUTE_NAMES:
            return str(route)
        en, ja = ROUTE_NAMES[route]
        return ja if official and self.lang == "ja" else self.tr(en)

    def msg(self, m: Msg) -> str:
        values = {k: self.fmt(v) for k, v in m.params}
        translated = self.tr(m.text)
        try:
            return translated.format(**values)
        except (KeyError, IndexError, ValueError):
            return m.text.format(**values)

    def rule_label(self, rule_id: str) -> str:
        """A rule's name: the official Japanese name in Japanese, the English label otherwise (without the point
        sheet's bonus number)."""
        item = self.rules.rows.get(rule_id) or self.rules.rules.get(rule_id)
        if item is None:
            return rule_id
        return item.official_ja if self.lang == "ja" else BONUS_CODE.sub("", item.label).strip()

    def official_term(self, rule_id: str) -> str:
        """The official Japanese name to show beside an English label ('' in Japanese, where it is the label)."""
        item = self.rules.rows.get(rule_id) or self.rules.rules.get(rule_id)
        return "" if item is None or self.lang == "ja" else item.official_ja

    def source_title(self, source_id: str) -> str:
        """A source as the person reads it: its title without internal paths; HSP Wizard's own notes in words; in
        Japanese, a title mostly in English (its notes) replaced by the source's kind and site."""
        src = self.rules.sources.get(source_id)
        if src is None:
            return source_id
        if src.kind in OWN_SOURCES:
            return self.tr(OWN_SOURCES[src.kind])
        title = INTERNAL_PATH.sub("", src.title).strip()
        if self.lang != "ja":
            return title
        head = title.split(" — ")[0].strip()
        if _mostly_japanese(head):
            return head
        kind, site = self.tr(SOURCE_KINDS.get(src.kind, SOURCE_KINDS["other"])), _sites(src.url)
        return self.msg(Msg.of(N_("{kind} ({site})"), kind=kind, site=site)) if site else kind

    def source_titles(self, source_ids) -> str:
        return "; ".join(self.source_title(s) for s in source_ids)

    def confidence(self, tag: str) -> str:
        return self.tr(CONFIDENCE.get(tag, tag))



def status_label(status, lang: str | None = None) -> str:
    """A status of residence as the forms name it: 技術・人文知識・国際業務 in Japanese; in English the
    English name with the Japanese term beside it."""
    if (lang or current_language()) == "ja":
        return status.official_ja
    return f"{status.label} — {status.official_ja}"
