"""The results page says a planned application date that has passed right under the headline, on every tab, with a
button that goes to the planned date and puts the cursor in it (a fresh user's findings: first it was said inside
the first tab only, below its other lines, and its button left the cursor nowhere; the words:
tests/answer/test_past_planned_date.py)."""

from pathlib import Path

from PySide6.QtWidgets import QApplication

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"  # planned 1 Oct 2026


def test_the_results_page_says_it_under_the_headline_and_its_button_goes_to_the_date(window, qtbot):
    """In the window (today is later than 1 Oct 2026 on every day this test runs)."""
    from hsp_wizard.ui.wizard import PageId
    w = window
    assert w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert page.past.isVisible() and page.past_link.isVisible()
    assert page.past.text().startswith("Your planned application date, 1 Oct 2026, has passed")
    assert "has passed" not in page.view.toPlainText()  # said once
    assert page.past_link.accessibleName() == "Change: Planned application date"
    page.past_link.click()
    qtbot.waitUntil(lambda: w.wizard.currentId() == PageId.CATEGORY, timeout=2000)
    qtbot.waitUntil(lambda: w.wizard.currentPage().planned.hasFocus(), timeout=2000)


def test_nothing_is_said_for_a_date_ahead(window):
    from datetime import date

    from hsp_wizard.ui.wizard import PageId
    from tests.ui.drive import field
    w = window
    assert w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(PageId.CATEGORY)
    field(w, w.wizard.currentPage().planned, "2030-04-01")  # typed, as a person does
    assert w.doc.project.planned_application_date == date(2030, 4, 1)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    QApplication.processEvents()
    assert page.answer.text() and not page.past.isVisible() and not page.past_link.isVisible()
