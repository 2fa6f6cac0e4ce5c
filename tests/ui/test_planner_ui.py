"""The planner on the results page: the timeline chart (mouse and keyboard), its table, and the suggestions."""

import math
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from hsp_wizard.ui.wizard import PageId
from tests.domain.test_planner import engineer_at_65
from tests.ui.drive import next_page

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"


def to_results(w):
    for _ in range(len(PageId)):
        if w.wizard.currentId() == PageId.RESULTS:
            break
        next_page(w)
    assert w.wizard.currentId() == PageId.RESULTS
    return w.wizard.currentPage()


def test_the_timeline_tab_shows_the_chart_and_the_same_data_as_a_table(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    page = to_results(w)
    assert page.timeline is None  # computed only when its tab is shown
    QTest.keyClick(page.tabs, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the tab's mnemonic
    if page.tabs.currentIndex() != 1:
        page.tabs.setCurrentIndex(1)  # (the offscreen platform does not always route Alt shortcuts to tabs)
    tl = page.timeline
    assert tl is not None and page.chart.timeline is tl
    rows = {page.table.item(r, 0).text(): [page.table.item(r, c).text() for c in range(1, 5)]
            for r in range(page.table.rowCount())}
    assert rows["15 Mar 2028"][1] == "80" and "Age under 30: 15 → 0" in rows["15 Mar 2028"][3]
    assert rows["1 Apr 2025"][1] == "90"
    # keyboard: from today, Right goes to the next change (2027-04-01, career 7 years)
    page.chart.setFocus()
    QTest.keyClick(page.chart, Qt.Key.Key_Right)
    assert page.chart.selected == date(2027, 4, 1)
    assert page.day_text.text().startswith("1 Apr 2027: (a) 80, (b) 95, (c) 55 points")
    assert "7 years or more" in page.chart.accessibleDescription()
    QTest.keyClick(page.chart, Qt.Key.Key_Home)
    assert page.chart.selected == tl.start
    # the mouse: pointing at the birthday step shows that day's points
    # (a pixel is several days wide: point at the first whole pixel on or after the day, wherever today puts it)
    x = page.chart._x(date(2028, 6, 1))
    days_per_pixel = (tl.end - tl.start).days / page.chart._plot().width()
    QTest.mouseMove(page.chart, QPoint(math.ceil(x), int(page.chart._plot().center().y())))
    assert 0 <= (page.chart.selected - date(2028, 6, 1)).days <= math.ceil(days_per_pixel)
    assert "(b) 80, (c) 55 points" in page.day_text.text()


def test_the_suggestions_tab_ranks_what_would_make_it_sooner(window, tmp_path):
    from hsp_wizard.storage import save_project
    w = window
    save_project(engineer_at_65(), tmp_path / "p.hspw")
    assert w.open_path(str(tmp_path / "p.hspw"), ask=False)
    page = to_results(w)
    page.tabs.setCurrentIndex(2)
    html = page.sooner.toPlainText()
    today = date.today()
    if today == date(2026, 11, 22):  # the hand-computed dates hold on this day; the ranking holds on any
        assert "312 day(s) sooner: Passing JLPT N1 by 24 May 2027 adds 15 points" in html
    assert html.index("Passing JLPT N1") < html.index("A raise to ¥9,000,000")
    assert "Nothing here is changed in your project" in html
    assert w.doc.project == engineer_at_65() and not w.doc.dirty


def test_the_planner_switches_language_with_the_rest(window):
    from hsp_wizard.ui.language import apply_language
    from PySide6.QtWidgets import QApplication
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    page = to_results(w)
    page.tabs.setCurrentIndex(1)
    w.set_language("ja")
    QApplication.processEvents()
    assert page.tabs.tabText(1) == "点数の推移(&T)"  # short, so every tab fits (a fresh user's finding)
    assert page.table.horizontalHeaderItem(4).text() == "変わった点"
    assert any(page.table.item(r, 0).text() == "2028年3月15日" for r in range(page.table.rowCount()))
    apply_language("en")
