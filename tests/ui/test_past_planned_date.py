"""The results page says a planned application date that has passed under the headline, with a button to the page
of the planned date (a fresh user's finding; the words: tests/answer/test_past_planned_date.py)."""

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"  # planned 1 Oct 2026


def test_the_results_page_says_it_with_a_link_to_the_date(window):
    """In the window (today is later than 1 Oct 2026 on every day this test runs): the line under the headline, and
    a button beside it to the page of the planned date."""
    from hsp_wizard.ui.wizard import PageId
    w = window
    assert w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    text = page.view.toPlainText()
    assert "Your planned application date, 1 Oct 2026, has passed" in text
    assert text.index("has passed") < text.index("Routes to permanent residence")
    assert any(b.accessibleName().startswith("Change: You and your category") for b in page.view.links), \
        [b.accessibleName() for b in page.view.links]
