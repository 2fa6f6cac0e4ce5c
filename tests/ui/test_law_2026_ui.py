"""The facts of the law as of 2026-11-30 asked like a user: a trip's permit expiry on the residence page; the
child's kind, the protection, the landing criteria and the business-manager facts on the requirements page; the
results name what they decide, in English and Japanese."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hsp_wizard.ui.language import apply_language

from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, cell, choose, field, pick, to_page

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "manager-c.hspw"


def test_the_new_facts_are_asked_and_the_results_name_them(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    page = to_page(w, PageId.RESIDENCE)
    trips = page.editors["trips"]
    r = add_row(trips)
    cell(trips, r, 0, "2024-03-01")
    cell(trips, r, 1, "2024-09-01")
    choose(trips, r, 2, "ordinary")
    cell(trips, r, 3, "2024-08-31")
    [trip] = w.doc.project.trips
    assert (trip.reentry_permit, trip.permit_expires) == ("ordinary", date(2024, 8, 31))
    assert "re-entry permit's expiry" in page.problems.text()
    page = to_page(w, PageId.REQUIREMENTS)
    # nothing answered yet: unknown, not "no"
    assert page.landing.currentData() == "unknown" and page.child_kind.currentData() == ""
    field(w, page.capital, "20,000,000")
    pick(page.staff, "yes")
    pick(page.landing, "no")
    b = w.doc.project.business
    assert (b.capital_yen, b.full_time_staff, b.japanese_b2) == (20_000_000, "yes", "unknown")
    assert w.doc.project.obligations.landing_criteria == "no"
    results = to_page(w, PageId.RESULTS)
    text = results.view.toPlainText()
    assert "Capital ¥20,000,000 (needs ¥30,000,000)" in text
    assert "Not answered: the business's capital" not in text  # answered now (JLPT N2 entered: Japanese met)
    assert "no longer meets its landing criteria" in text
    assert "permanent residence can be revoked for wilful non-payment" in text
    w.set_language("ja")
    QApplication.processEvents()
    text = w.wizard.currentPage().view.toPlainText()
    assert "資本金等2,000万円（3,000万円以上が必要）" in text, text
    assert "永住許可が取り消されることがあります" in text
    apply_language("en")
