"""A link to a fact to enter goes to its field and brings it into sight: the landing-criteria question lies below
the fold of the requirements page at 1280x720, and a fresh user followed the link to a page showing its top."""

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from hsp_wizard.ui.wizard import PageId

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"  # landing criteria unanswered


def in_sight(widget) -> bool:
    """Whether the widget lies inside its window's visible part (not scrolled out of its page)."""
    area = widget.parentWidget()
    while area is not None and not hasattr(area, "viewport"):
        area = area.parentWidget()
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return QRect(QPoint(0, 0), viewport.size()).contains(QRect(top_left, widget.size()))


def test_the_landing_criteria_link_brings_the_question_into_sight(window, qtbot):
    w = window
    w.resize(1180, 680)
    assert w.open_path(str(EXAMPLE), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    QApplication.processEvents()
    page = w.wizard.currentPage()
    link = next(b for b in page.view.links if b.accessibleName().startswith("Enter: whether"))
    link.click()
    qtbot.waitUntil(lambda: w.wizard.currentId() == PageId.REQUIREMENTS, timeout=2000)
    question = w.wizard.currentPage().landing
    qtbot.waitUntil(question.hasFocus, timeout=2000)
    QApplication.processEvents()
    assert in_sight(question)
