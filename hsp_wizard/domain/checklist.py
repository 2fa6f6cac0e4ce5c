"""The personalised checklist: the documents a route files with, chosen by the person's situation, and the
evidence for every point claimed, numbered as exhibits. Data only; the PDF is built from it elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hsp_wizard.domain.amendments import notice_covers, pr_fee
from hsp_wizard.domain.dates import completed_years, years_before
from hsp_wizard.domain.evaluate import Evaluation, best_route
from hsp_wizard.domain.explain import Msg, N_, Term
from hsp_wizard.domain.household import HouseholdDocument, household_documents
from hsp_wizard.domain.points import PointsResult
from hsp_wizard.domain.project import InsuranceKind, Occupation, Project, Relation
from hsp_wizard.domain.registry import current as current_registry
from hsp_wizard.domain.routes import Condition, checklist_route
from hsp_wizard.rules import RuleSet, load_rules
from hsp_wizard.rules.schema import Document

@dataclass(frozen=True)
class ChecklistEntry:
    """One document to bring."""

    doc: Document
    years: int | None = None  # how many years of certificates or records


@dataclass(frozen=True)
class Exhibit:
    """A document proving a point item at a checkpoint, numbered so an officer can cross-check."""

    number: int
    doc: Document
    rule_id: str
    points: int
    on: date


@dataclass
class Checklist:
    """Everything the printout lists for one route."""

    route: str
    on: date
    tax_years: int
    pension_years: int
    health_years: int
    entries: list[ChecklistEntry]
    exhibits: list[Exhibit]
    points: list[PointsResult]
    warnings: list[Condition]
    assumptions: list[Msg] = field(default_factory=list)
    sources: tuple[str, ...] = ()
    confidence: str = ""
    note: str | None = None
    notice_covers: bool = False  # the points-result notice stands for the earlier checkpoint
    fee: tuple[Msg, tuple[str, ...], str] | None = None  # what to pay on grant, its sources and confidence
    household: list[HouseholdDocument] = field(default_factory=list)  # numbered after the exhibits


def _overlaps(p: Project, kind: InsuranceKind, start: date, end: date) -> bool:
    return any(i.kind == kind and i.start <= end and (i.end is None or i.end >= start)
               for i in p.obligations.insurance)


def situation(p: Project, on: date, pension_years: int, health_years: int) -> tuple[set[str], list[Msg]]:
    """The conditions of ChecklistItem.when that hold for this person on `on`, and what was assumed."""
    o, f = p.obligations, p.family
    s = {"always"}
    notes: list[Msg] = []
    if p.birth_date is None or completed_years(p.birth_date, on) >= 16:
        s.add("age16_or_over")
    occ = {Occupation.EMPLOYEE: "employee", Occupation.COMPANY_REPRESENTATIVE: "employee",
           Occupation.SELF_EMPLOYED: "self_employed", Occupation.OTHER: "other_occupation",
           None: "employee"}[o.occupation]
    s.add(occ)
    if o.occupation is None:  # not answered: said, not silently taken as answered
        notes.append(Msg.of(N_("Your occupation was not answered: the documents listed are an employee's. Answer "
                               "it on the page “{page}” to be precise."), page=Term(N_("Other requirements"))))
    if o.occupation == Occupation.COMPANY_REPRESENTATIVE:
        s.add("company_representative")
    if not o.resident_tax_withheld:  # not withheld, or not answered: the proof of paying it is listed
        s.add("resident_tax_not_withheld")
    if o.resident_tax_withheld is None:
        notes.append(Msg.of(N_("Whether resident tax was withheld from your salary was not answered: the list "
                               "includes proof of paying it on time, needed when it was not withheld. Answer it "
                               "on the page “{page}” to be precise."), page=Term(N_("Other requirements"))))
    if o.social_insurance_employer:
        s.add("social_insurance_employer")
    s.add("points_notice" if o.points_notice else "no_points_notice")
    if f.spouse_is == Relation.JAPANESE:
        s.add("spouse_of_japanese")
    elif f.spouse_is not in (None, Relation.NONE):
        s.add("spouse_of_pr")
    if f.parent_is == Relation.JAPANESE:
        s.add("child_of_japanese")
    elif f.parent_is not in (None, Relation.NONE):
        s.add("child_of_pr")
    if f.contribution_recognised:
        s.add("contribution")
    if any(r.special_hsp and r.covers(on) for r in p.residence):
        s.add("special_hsp")
    if o.insurance:
        pen_from, health_from = years_before(on, pension_years), years_before(on, health_years)
        if _overlaps(p, InsuranceKind.EMPLOYEES_PENSION, pen_from, on):
            s.add("employees_pension")
        if _overlaps(p, InsuranceKind.NATIONAL_PENSION, pen_from, on):
            s.add("national_pension_period")
        if _overlaps(p, InsuranceKind.EMPLOYEES_HEALTH, on, on):
            s.add("employees_health_insurance")
        if _overlaps(p, InsuranceKind.NATIONAL_HEALTH, on, on):
            s.add("national_health_insurance")
        if _overlaps(p, InsuranceKind.NATIONAL_HEALTH, health_from, on):
            s.add("national_health_insurance_period")
    else:
        employed = occ == "employee"
        s |= ({"employees_pension", "employees_health_insurance"} if employed else
              {"national_pension_period", "national_health_insurance", "national_health_insurance_period"})
        notes.append(Msg.of(N_("No pension or health-insurance periods were entered: the insurance documents "
                               "assume {kind} throughout. Enter your periods to be precise."),
                            kind=Term(N_("employees' insurance") if employed else N_("national insurance"))))
    return s, notes


def compose(p: Project, ev: Evaluation, route: str | None = None, rules: RuleSet | None = None) -> Checklist:
    """The checklist for `route` (default: the best route) on the evaluation's date."""
    rules = rules or load_rules()
    reg = current_registry()
    route = route or best_route(ev)
    if route not in reg.routes:
        raise ValueError(f"unknown route {route!r}")
    on = ev.on
    cl = rules.checklist(checklist_route(route), on) or rules.checklist(checklist_route(route), date.max)
    have, assumptions = situation(p, on, cl.pension_years, cl.health_years)
    covers = reg[route].mark_rule is not None and notice_covers(p, ev, route, have, assumptions, rules)
    entries: list[ChecklistEntry] = []
    seen: set[str] = set()
    years_of = {"resident_tax_certificates": cl.tax_years, "resident_tax_payment_proof": cl.tax_years,
                "pension_record": cl.pension_years, "national_pension_receipts": cl.pension_years,
                "nhi_payment_certificate": cl.health_years, "nhi_receipts": cl.health_years,
                "employer_insurance_receipts": cl.pension_years}
    for item in cl.items:
        if item.doc in seen or not (set(item.when) & have) or not item.listed_on(on):
            continue
        seen.add(item.doc)
        entries.append(ChecklistEntry(rules.documents[item.doc], item.years or years_of.get(item.doc)))
    points_at: list[PointsResult] = []
    exhibits: list[Exhibit] = []
    back = reg.checkpoint_years(route, rules, on)
    if back is not None and reg[route].mark_rule is not None and ev.points is not None:  # J-Skip uses no points
        points_at = [ev.points, ev.checkpoints.get(back) or ev.points]
        if covers:
            points_at = points_at[:1]  # the notice stands for the earlier checkpoint (seed 004, items 8(2), 8(3))
        n = 0
        for pr in points_at:
            for ln in pr.lines:
                for doc_id in rules.rows[ln.rule_id].evidence:
                    n += 1
                    exhibits.append(Exhibit(n, rules.documents[doc_id], ln.rule_id, ln.points, pr.on))
    res = ev.routes[route]
    warnings = [c for c in res.conditions if c.met is not True]
    household = household_documents(p, route, on, {"tax": cl.tax_years, "pension": cl.pension_years,
                                                   "health": cl.health_years}, len(exhibits) + 1, rules=rules)
    return Checklist(route, on, cl.tax_years, cl.pension_years, cl.health_years, entries, exhibits, points_at,
                     warnings, assumptions, tuple(cl.sources), cl.confidence.value, cl.note, covers,
                     pr_fee(rules, on), household)
