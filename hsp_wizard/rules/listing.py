"""docs/rules.md, generated from the rule data: every rule, point row, status and dated checklist item with its
dates, sources and confidence, and first what changed in 2023-2027. Regenerate with
`python -m hsp_wizard.rules.listing > docs/rules.md` (a test fails while the file is stale)."""

from __future__ import annotations

from datetime import date

from hsp_wizard.rules.loader import RuleSet, load_rules

CHANGE_FROM, CHANGE_TO = date(2023, 1, 1), date(2027, 12, 31)
CONFIDENCE = {"official": "official text", "two_plus": "2+ sources", "one": "1 source",
              "unverified": "unverified"}


def _span(since: date, until: date | None) -> str:
    return f"{since} – {until} (exclusive)" if until else f"from {since}"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _changes(rules: RuleSet) -> list[tuple[date, str, str, str, str, str]]:
    """(date, what, id, label, sources, confidence) for every dated value that starts or ends in 2023-2027."""
    out = []

    def add(d, what, ident, label, v):
        if d is not None and CHANGE_FROM <= d <= CHANGE_TO:
            out.append((d, what, ident, label, ", ".join(v.sources), CONFIDENCE[v.confidence.value]))

    for r in rules.rules.values():
        for v in r.values:
            add(v.since, "in force" if len(r.values) == 1 else f"value {v.value}", r.id, r.label, v)
            add(v.until, "ends" if len(r.values) == 1 else f"value {v.value} ends", r.id, r.label, v)
    for row in rules.rows.values():
        for v in row.values:
            add(v.since, "row in force", row.id, row.label, v)
            add(v.until, "row ends", row.id, row.label, v)
    for s in rules.statuses.values():
        for lv in s.longest:
            add(lv.since, f"longest period {lv.months} months", s.id, s.label, lv)
        if s.since is not None and CHANGE_FROM <= s.since <= CHANGE_TO:
            out.append((s.since, "status exists", s.id, s.label, ", ".join(s.sources),
                        CONFIDENCE[s.confidence.value]))
    lists: dict[tuple[date, str, str], list[str]] = {}
    for cl in rules.checklists:
        for item in cl.items:
            for d, what in ((item.since, "listed"), (item.until, "no longer listed")):
                if d is not None and CHANGE_FROM <= d <= CHANGE_TO:
                    lists.setdefault((d, what, item.doc), []).append(cl.route)
    for (d, what, doc_id), routes in lists.items():
        doc = rules.documents[doc_id]
        out.append((d, f"{what} ({', '.join(sorted(routes))})", doc_id, doc.label, ", ".join(doc.sources),
                    CONFIDENCE[doc.confidence.value]))
    return sorted(set(out))


# What the law review of 2026-11-30 found wrong in the engine (not dated changes of the law): issue 16.
CORRECTIONS = (
    "Spouse and child routes: fines and prison sentences apply (only good conduct and livelihood are exempt): "
    "`conduct.fine_years`, `conduct.imprisonment_years`.",
    "A suspended sentence stops counting when the suspension ends: `conduct.suspended_sentence`.",
    "The points-result notice replaces the past points sheet only at the route's mark: `pr.points_notice`.",
    "No J-Skip criteria before 2023-04-21 (PR route and HSP(ii)): `jskip.start`.",
    "A (b)/(c) salary under ¥3M blocks the HSP 80/70 routes at each checkpoint: `gate.salary_floor`.",
    "Several career periods are laid end to end: `convention.career_months`.",
    "A salary under the lowest band cites that band's row (`salary.ab.4m`, `salary.c.10m`).",
    "Health-insurance cards: `health_insurance_status` and `nhi_status` from 2024-12-02.",
    "The J-Skip list asks for proof of the criteria, not points: `jskip_income_proof`, "
    "`jskip_degree_or_experience`, `special_hsp_certificate`.",
)


def rules_markdown(rules: RuleSet | None = None) -> str:
    rules = rules or load_rules()
    md = ["# The rules HSP Wizard encodes",
          "",
          "Generated from `hsp_wizard/rules/data/*.toml` by `python -m hsp_wizard.rules.listing > docs/rules.md`;",
          "a test fails while this file is stale. Dates: `since` is the first day a value applies, `until` the",
          "first day it no longer does. Sources are the ids of the last section. Confidence: official text, 2+",
          "sources, 1 source, or unverified (the tool shows it beside every result that rests on the rule).",
          "",
          "## What changed in 2023-2027",
          "",
          "Every value, status or checklist item that starts or ends between 2023-01-01 and 2027-12-31.",
          "",
          "| Date | Change | Id | Rule | Sources | Confidence |",
          "|---|---|---|---|---|---|"]
    for d, what, ident, label, src, conf in _changes(rules):
        md.append(f"| {d} | {what} | `{ident}` | {_cell(label)} | {src} | {conf} |")
    md += ["", "Corrected after the law review of 2026-11-30 (errors in the engine, not changes of the law):", ""]
    md += [f"- {c}" for c in CORRECTIONS]
    md += ["", "## Rules (gates, routes, continuity, other requirements)", "",
           "| Id | Rule | 公式名 | Dates | Value | Sources | Confidence | Note |", "|---|---|---|---|---|---|---|---|"]
    for r in rules.rules.values():
        for v in r.values:
            md.append(f"| `{r.id}` | {_cell(r.label)} | {_cell(r.official_ja)} | {_span(v.since, v.until)} | "
                      f"{v.value} | {', '.join(v.sources)} | {CONFIDENCE[v.confidence.value]} | "
                      f"{_cell(v.note or '')} |")
    md += ["", "## Point rows", "", "| Id | Row | Dates | Points | Sources | Confidence |", "|---|---|---|---|---|---|"]
    for row in rules.rows.values():
        for v in row.values:
            pts = ", ".join(f"({k}) {p}" for k, p in v.points.items())
            md.append(f"| `{row.id}` | {_cell(row.label)} | {_span(v.since, v.until)} | {pts} | "
                      f"{', '.join(v.sources)} | {CONFIDENCE[v.confidence.value]} |")
    md += ["", "## Statuses of residence", "",
           "| Id | Status | 在留資格 | Class | Longest period of stay (months; 0 = indefinite) | Sources | Confidence |",
           "|---|---|---|---|---|---|---|"]
    for s in rules.statuses.values():
        longest = "; ".join(f"{lv.months} {_span(lv.since, lv.until)}" for lv in s.longest) or str(s.longest_months)
        exists = f" (exists from {s.since})" if s.since else ""
        md.append(f"| `{s.id}` | {_cell(s.label)}{exists} | {s.official_ja} | {s.kind} | {longest} | "
                  f"{', '.join(s.sources)} | {CONFIDENCE[s.confidence.value]} |")
    md += ["", "## Document lists (per route)", ""]
    for cl in rules.checklists:
        md.append(f"- **{cl.route}** ({_span(cl.since, cl.until)}; tax {cl.tax_years}, pension {cl.pension_years}, "
                  f"health {cl.health_years} years; {', '.join(cl.sources)}; {CONFIDENCE[cl.confidence.value]}): "
                  + ", ".join(f"`{i.doc}`" + (f" ({_span(i.since, i.until)})" if i.since or i.until else "")
                              for i in cl.items))
    md += ["", "## Household documents (household.toml: added to the principal's list per member)", "",
           "| Document | Member | Nationality | Routes | Years | Dates | Sources | Confidence | Note |",
           "|---|---|---|---|---|---|---|---|---|"]
    for h in rules.household_items:
        md.append(f"| `{h.doc}` | {h.member} | {', '.join(h.nationality)} | {', '.join(h.routes)} | "
                  f"{h.years or ''} | {_span(h.since, h.until)} | {', '.join(h.sources)} | "
                  f"{CONFIDENCE[h.confidence.value]} | {_cell(h.note or '')} |")
    md += ["", "## Sources", "", "| Id | Kind | Title | Where |", "|---|---|---|---|"]
    for s in rules.sources.values():
        md.append(f"| {s.id} | {s.kind} | {_cell(s.title)} | {_cell(s.url)} |")
    return "\n".join(md) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
