"""The answer (hsp_wizard.domain.answer) in words, in one language: the headline, one line per route, the
folded "other routes" line, the warnings once, the period-of-stay note and each route's "Why?" explanation.
The results page, the CLI's text and the PDF's first page all render this one wording."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.lists import format_list

from hsp_wizard.domain.answer import (ASK, CLOSES, EMPTY, OPEN, OPEN_NOW, OPENS, OPENS_LATER, UNKNOWN, Answer,
                                      Fact, RouteAnswer)
from hsp_wizard.domain.explain import Msg, N_, RouteRef, Term
from hsp_wizard.domain.routes import Condition
from hsp_wizard.presentation import ROUTE_NAMES, Renderer

# Each list's name in a sentence ("2 rows of the salary history are incomplete"), in the wizard's page order.
LIST_NAMES = {"degrees": N_("degrees"), "career": N_("periods of work"), "salary": N_("salary history"),
              "research": N_("research achievements"), "licences": N_("Japanese licences"),
              "positions": N_("positions"), "investments": N_("investments in the business"),
              "japanese": N_("Japanese tests"), "employer_facts": N_("employer facts"),
              "foreign_qualifications": N_("foreign qualifications and awards"),
              "jica_training": N_("JICA training"), "residence": N_("statuses of residence"),
              "trips": N_("trips abroad"), "penalties": N_("fines or imprisonment"),
              "insurance": N_("pension and health-insurance periods")}


def not_counted(r: Renderer, project, lists=None) -> list[str]:
    """'2 rows of the salary history are incomplete and not counted': one line per list with rows kept as typed but
    not counted (of `lists` when given), in page order, in `r`'s language (the results page, the panel, the PDF)."""
    from hsp_wizard.i18n import ngettext
    order = list(LIST_NAMES)
    counts = {name: len(rows) for name, rows in project.incomplete_rows.items()
              if rows and (lists is None or name in lists)}
    return [ngettext("{count} row of the {list} is incomplete and not counted",
                     "{count} rows of the {list} are incomplete and not counted", counts[name], r.lang)
            .format(count=counts[name], list=r.tr(LIST_NAMES.get(name, name)))
            for name in sorted(counts, key=lambda n: (order.index(n) if n in order else len(order), n))]


# How sure a value is, in words (the "Why?" explanation and the headline's deadline).
SURENESS = {"official": N_("official"), "two_plus": N_("reported by two or more sources, official text not seen"),
            "one": N_("reported by one source"), "unverified": N_("not verified")}

# The wizard pages, by the item names the answer uses: where a fact is entered.
ITEM_PAGES = {"category": N_("You and your category"), "residence": N_("Residence in Japan"),
              "requirements": N_("Other requirements"), "salary": N_("Salary")}

# A fact to enter, in a few words (a headline lists them); other facts use their condition's sentence.
FACT_NAMES = {"category": N_("your HSP category"), "stay.longest_period": N_("the period of stay granted"),
              "obligations.public_charges": N_("whether taxes and premiums were paid on time"),
              "guarantor.required": N_("whether you have a guarantor"),
              "stay.landing_criteria": N_("whether you still meet your current status's requirements"),
              "gate.salary_floor": N_("your salary"),  # the ¥3M floor, unknown without a salary
              # a route that cannot be judged before its question is answered (domain.answer._unanswered)
              "family.spouse_is": N_("whether you are married to a Japanese national or permanent resident"),
              "family.parent_is": N_("whether you are the child of a Japanese national or permanent resident")}

# Who the folded routes are for.
UNLESS = {"spouse": N_("you are married to a Japanese national or permanent resident"),
          "child": N_("you are the child of a Japanese national or permanent resident"),
          "long_term_resident": N_("you have held Long-term Resident status"),
          "refugee": N_("you are a recognised refugee"),
          "contribution": N_("your contribution to Japan has been recognised"),
          "regional": N_("you work under a regional revitalisation plan")}


@dataclass
class FactWords:
    text: str
    item: str   # the wizard item whose page holds the field
    page: str   # that page's title
    field: str | None = None  # the field itself (domain.answer.field_of)
    where: str = ""  # the fact and its page, as one sentence (the CLI and the PDF, which have no links)


@dataclass
class RouteWords:
    route: str
    name: str                     # the route's name; in English with the official Japanese beside it
    state: str                    # open / opens / unknown / closed
    says: str                     # the state in words
    facts: list[FactWords] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # the "Why?" explanation: rules, ids, sources, confidence
    line: str = ""                # "name: says", as one message (the CLI)


@dataclass
class Words:
    headline: str
    kind: str
    routes: list[RouteWords]
    others: str = ""              # "Other routes: not for you, unless …"
    warnings: list[str] = field(default_factory=list)  # shared by several routes, once
    stay: str = ""                # the period of stay ends before a decision is likely
    past: str = ""                # the planned application date has passed: the answer is for a day gone by
    why: list[str] = field(default_factory=list)  # the headline's "Why?": the best route's explanation
    facts: list[FactWords] = field(default_factory=list)  # the headline's facts to enter (empty / unknown)
    also: str = ""                # the heading of HSP(ii), listed last: not a route to permanent residence
    notes: list[str] = field(default_factory=list)  # notes on every result (the 2027 revocation law), once


def _names(route: str) -> tuple[str, str]:
    """A route's (English message, Japanese term) from the registry in use; a route no longer declared (an answer
    made under another registry) keeps its id."""
    return ROUTE_NAMES[route] if route in ROUTE_NAMES else (route, route)


def route_name(r: Renderer, name: str, official: bool = True) -> str:
    en, ja = _names(name)
    if r.lang == "ja":
        return ja
    return f"{r.tr(en)} ({ja})" if official else r.tr(en)


def fact_words(r: Renderer, f: Fact) -> FactWords:
    """A fact to enter, as a link's words: the condition's own sentence where it names the status (the period of
    stay), else the fact's short name."""
    if f.condition is not None and (f.rule_id == "stay.longest_period" or f.rule_id not in FACT_NAMES):
        text = r.msg(f.condition.why)
    else:
        text = r.tr(FACT_NAMES[f.rule_id])
    page = r.tr(ITEM_PAGES.get(f.item, ITEM_PAGES["category"]))
    return FactWords(text, f.item, page, f.field, r.msg(Msg.of(N_("{fact} (on the page “{page}”)"), fact=text,
                                                                page=page)))


def _short(r: Renderer, facts: tuple[Fact, ...]) -> str:
    names = []
    for f in facts:
        text = r.tr(FACT_NAMES[f.rule_id]) if f.rule_id in FACT_NAMES else r.rule_label(f.rule_id)
        if text not in names:
            names.append(text)
    return format_list(names, locale=r.lang)


def sources_said(r: Renderer, sources, confidence: str, rule_id: str) -> str:
    """A rule's sources by title, how sure, and its id last (behind a "Why?")."""
    titles = r.source_titles(sources)
    return r.msg(Msg.of(N_("Sources: {sources}. How sure: {sure}. (rule {id})"), sources=titles,
                        sure=Term(SURENESS.get(confidence, confidence)), id=rule_id))


def sure(r: Renderer, c: Condition) -> str:
    return r.tr(SURENESS.get(c.confidence, c.confidence))


def explain(r: Renderer, c: Condition) -> str:
    """One condition behind "Why?": its state, the rule by name, the reason, the sources by title, how sure, and the
    rule's id last (for someone checking the rule data)."""
    mark = "✓" if c.met else ("?" if c.met is None else ("✗" if c.blocking else "!"))
    titles = r.source_titles(c.sources)
    return r.msg(Msg.of(N_("{mark} {rule}: {why}. Sources: {sources}. How sure: {sure}. (rule {id})"), mark=mark,
                        rule=r.rule_label(c.rule_id), why=c.why, sources=titles, sure=sure(r, c), id=c.rule_id))


def route_says(r: Renderer, ra: RouteAnswer) -> str:
    if ra.state == OPEN:
        if ra.closes:
            return r.msg(Msg.of(N_("open since {since}, until {last}: apply by {last}"), since=ra.since,
                                last=ra.last_day))
        return r.msg(Msg.of(N_("open since {since}"), since=ra.since))
    if ra.state == UNKNOWN:
        if ra.since is not None and ra.closes:
            return r.msg(Msg.of(N_("cannot tell yet: enter {facts} (if all is in order: open since {since}, "
                                   "until {last})"), facts=_short(r, ra.missing), since=ra.since, last=ra.last_day))
        if ra.since is not None:
            return r.msg(Msg.of(N_("cannot tell yet: enter {facts} (if all is in order: open since {since})"),
                                facts=_short(r, ra.missing), since=ra.since))
        return r.msg(Msg.of(N_("cannot tell yet: enter {facts}"), facts=_short(r, ra.missing)))
    if ra.state == OPENS:
        if ra.waits_for is not None:
            return r.msg(Msg.of(N_("opens on {date}; it waits for this: {why}"), date=ra.opens,
                                why=ra.waits_for.why))
        return r.msg(Msg.of(N_("opens on {date}"), date=ra.opens))
    if ra.waits_for is not None:
        return r.msg(Msg.of(N_("not open: {why}"), why=ra.waits_for.why))
    return r.tr(N_("not open"))


def headline(r: Renderer, a: Answer, horizon_years: int = 10) -> str:
    b = a.best
    if a.kind == EMPTY:
        return r.msg(Msg.of(N_("Nothing can be judged yet: start with your statuses of residence on the page "
                               "“{page}” (each status, when it started and the period of stay granted)."),
                            page=Term(ITEM_PAGES["residence"])))
    route = Term(_names(b.route)[0]) if r.lang != "ja" else _names(b.route)[1]
    if a.kind in (OPEN_NOW, CLOSES):
        if a.on == a.today:
            text = N_("You can apply now via {route}, open since {since}.")
        elif a.planned:
            text = N_("On your planned date, {date}, you can apply via {route}, open since {since}.")
        else:
            text = N_("On {date}, you can apply via {route}, open since {since}.")
        first = Msg.of(text, date=a.on, route=route, since=b.since)
        if a.kind == OPEN_NOW:
            return r.msg(first)
        why = b.closing.why if b.closing else Msg.of(N_("a condition stops being met"))
        sureness = Term(SURENESS.get(b.closing.confidence, "unverified")) if b.closing else Term(SURENESS["unverified"])
        return r.msg(Msg.of(N_("{first} Apply by {last}: from {closes} this route closes ({why}; {sure})."),
                            first=first, last=b.last_day, closes=b.closes, why=why, sure=sureness))
    if a.kind == ASK:
        facts = _short(r, b.missing)
        if b.since is not None and b.closes:
            return r.msg(Msg.of(N_("Cannot tell yet: enter {facts} first. If all is in order, you can apply via "
                                   "{route}, open since {since}, until {last}: apply by {last}."), facts=facts,
                                route=route, since=b.since, last=b.last_day))
        if b.since is not None:
            return r.msg(Msg.of(N_("Cannot tell yet: enter {facts} first. If all is in order, you can apply via "
                                   "{route}, open since {since}."), facts=facts, route=route, since=b.since))
        return r.msg(Msg.of(N_("Cannot tell yet: enter {facts} first; then {route} can be judged."), facts=facts,
                            route=route))
    if a.kind == OPENS_LATER:
        why = b.waits_for.why if b.waits_for else Msg.of(N_("a condition to be met"))
        if a.on != a.today:
            text = N_("No route is open on your planned date, {planned}. The first to open is {route}, on {date}; "
                      "it waits for this: {why}.") if a.planned else \
                N_("No route is open on {planned}. The first to open is {route}, on {date}; it waits for this: {why}.")
            return r.msg(Msg.of(text, planned=a.on, route=route, date=b.opens, why=why))
        return r.msg(Msg.of(N_("No route is open yet. The first to open is {route}, on {date}; it waits for this: "
                               "{why}."), route=route, date=b.opens, why=why))
    # NOTHING
    general = a.route("general")
    reason = (general or b).waits_for if (general or b) is not None else None
    if reason is None:
        return r.msg(Msg.of(N_("No route to permanent residence opens within the next {years} years with what you "
                               "entered."), years=horizon_years))
    return r.msg(Msg.of(N_("No route to permanent residence opens within the next {years} years with what you "
                           "entered. The main reason: {why}."), years=horizon_years, why=reason.why))


def past_planned(r: Renderer, a: Answer) -> str:
    """A planned application date gone by, said under the headline ("" otherwise): a date in the past answers what
    could have been, not what can be."""
    if not (a.planned and a.on < a.today):
        return ""
    return r.msg(Msg.of(N_("Your planned application date, {date}, has passed: this answer is for that day. Enter a "
                           "new date on the page “{page}”, or leave it empty for today's answer."),
                        date=a.on, page=Term(ITEM_PAGES["category"])))


def sooner_none(r: Renderer, sug, a: Answer | None) -> str:
    """Why nothing is suggested, said as the answer stands: a route open today on the conditions known is "open
    already" only when nothing it needs is missing; while the answer asks for a fact first, it may be open (the
    tab said "open already today" under a headline saying "cannot tell yet": a fresh user's finding)."""
    if a is not None and a.kind == ASK and sug.base is not None and sug.base[1] <= sug.today:
        return r.msg(Msg.of(N_("A route may be open already today ({route}), if all is in order: first enter what the "
                               "answer asks for. Nothing tried would make it sooner."), route=RouteRef(sug.base[0])))
    return r.msg(sug.none_reason)


def words(r: Renderer, a: Answer, horizon_years: int = 10, why: bool = True) -> Words:
    """The whole answer worded in `r`'s language; the "Why?" explanations only with `why` (they cost most)."""
    out = Words(headline(r, a, horizon_years), a.kind, [])
    out.past = past_planned(r, a)
    out.also = r.tr(N_("Also: a change of status to HSP(ii) (not permanent residence)"))
    if a.kind == EMPTY:  # the sentence names the page; the window adds a link to it
        out.facts = [FactWords(r.tr(N_("Go to that page")), a.first_fact.item,
                               r.tr(ITEM_PAGES[a.first_fact.item]))]
        return out
    for ra in a.routes:
        rw = RouteWords(ra.route, route_name(r, ra.route), ra.state, route_says(r, ra))
        rw.line = r.msg(Msg.of(N_("{route}: {state}"), route=rw.name, state=rw.says))
        if ra.state == UNKNOWN:
            rw.facts = _unique([fact_words(r, f) for f in ra.missing])
        rw.warnings = _dedup([r.msg(c.why) for c in ra.warnings])
        if ra.result is not None and why:
            rw.why = [explain(r, c) for c in ra.result.conditions]
            if ra.closing is not None and why:
                rw.why.append(r.msg(Msg.of(N_("It closes on {date}: {why}"), date=ra.closes,
                                           why=explain(r, ra.closing))))
            if ra.state == OPENS and ra.waits_for is not None and why:
                rw.why.append(r.msg(Msg.of(N_("It opens on {date}; until then: {why}"), date=ra.opens,
                                           why=explain(r, ra.waits_for))))
        out.routes.append(rw)
    if a.best is not None:
        best = next(rw for rw in out.routes if rw.route == a.best.route)
        out.why = best.why
        if a.kind == ASK:
            out.facts = best.facts
    if a.folded:
        unless = format_list([r.tr(UNLESS[name]) for name in a.folded], style="or", locale=r.lang)
        out.others = r.msg(Msg.of(N_("Other routes: not for you, unless {conditions}."), conditions=unless))
    out.warnings = _dedup([r.msg(c.why) for c in a.warnings])
    out.notes = [x for x in _dedup([r.msg(c.why) for c in a.notes]) if x not in out.warnings]
    if why:
        out.why = [*out.why, *(explain(r, c) for c in a.notes)]
    if a.stay is not None:
        s = a.stay
        out.stay = r.msg(Msg.of(N_("Your period of stay ends on {expires}, before a decision is likely (about {decision}, "
                                   "at ISA's average of {days} days from an application on {applied}). A pending "
                                   "permanent-residence application does not extend it: apply to extend your period "
                                   "of stay (在留期間更新許可申請) from {extend_from}, before {expires}."),
                                expires=s.expires, decision=s.decision, days=s.days, applied=s.applied,
                                extend_from=s.extend_from))
        if why:
            out.why = [*out.why, explain(r, s.processing), explain(r, s.extension)]
    return out


def _dedup(items: list[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _unique(facts: list[FactWords]) -> list[FactWords]:
    out: list[FactWords] = []
    for f in facts:
        if all(f.text != o.text for o in out):
            out.append(f)
    return out


def plain_text(w: Words, indent: str = "  ", why: bool = False) -> list[str]:
    """The worded answer as plain lines (the CLI): the headline first; the "Why?" explanations only with `why`."""
    r_lines = [indent + w.headline]
    if w.past:
        r_lines.append(indent + w.past)
    if w.stay:
        r_lines.append(indent + w.stay)
    def route_lines(rw: RouteWords) -> None:
        r_lines.append(f"{indent}  {rw.line}")
        for f in rw.facts:
            r_lines.append(f"{indent}      → {f.where}")
        for text in rw.warnings:
            r_lines.append(f"{indent}      ! {text}")

    for rw in w.routes:
        if rw.route != "hsp2":
            route_lines(rw)
    if w.others:
        r_lines.append(indent + "  " + w.others)
    for rw in w.routes:
        if rw.route == "hsp2":
            r_lines.append(f"{indent}  {w.also}")
            route_lines(rw)
    for text in (*w.warnings, *w.notes):
        r_lines.append(f"{indent}  ! {text}")
    return r_lines


__all__ = ["FactWords", "ITEM_PAGES", "RouteWords", "SURENESS", "Words", "explain", "headline", "plain_text", "route_name",
           "words"]
