"""Opening another project (or a new one) shows nothing of the last one: the timeline's day readout said the previous
person's points and lines in the next project, and in a new empty one (a fresh user's finding), and an opened "Why?"
stayed open in every project opened afterwards."""

from pathlib import Path

from PySide6.QtWidgets import QApplication

from hsp_wizard.ui.wizard import PageId

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def results_on_timeline(w, path):
    assert w.open_path(str(path), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    return page


def test_the_timeline_readout_and_open_explanations_do_not_follow_into_another_project(window):
    w = window
    page = results_on_timeline(w, EXAMPLES / "spouse-route.hspw")
    tl = page.timeline
    page.chart.select(tl.steps[len(tl.steps) // 2])
    said = page.day_text.text()
    assert said
    page.toggle_why("headline")
    assert page.expanded
    page = results_on_timeline(w, EXAMPLES / "household" / "family-b.hspw")
    assert page.day_text.text() in ("", page.chart.describe(page.chart.selected) if page.chart.selected else "")
    assert page.day_text.text() != said and not page.expanded
    w.new_project()
    QApplication.processEvents()
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert page.day_text.text() == ""
