"""The timeline chart: a legend entry for every kind of line and mark it draws, and no two labels overlapping at
any width the window allows (down to 900 px: the chart is then about 500 px wide; tried from 380 px); the table
beside it wraps "What changed" instead of cutting it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hsp_wizard.domain.timeline import timeline
from hsp_wizard.storage import load_project

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 3)


@pytest.mark.parametrize("example", ["hsp-holder-b", "researcher-a", "planning-b", "spouse-route"])
def test_legend_and_no_overlapping_labels(qtbot, example):
    from hsp_wizard.ui.widgets.timeline_chart import TimelineChart
    chart = TimelineChart()
    qtbot.addWidget(chart)
    tl = timeline(load_project(ROOT / "examples" / f"{example}.hspw"), TODAY)
    chart.set_timeline(tl)
    kinds = {k for k, _label in chart.legend()}
    assert {"cat:a", "cat:b", "cat:c", "mark:70", "mark:80", "today"} <= kinds
    assert ("planned" in kinds) == (tl.planned is not None)
    assert ("band" in kinds) == any(tl.windows.values())
    assert ("up" in kinds or "down" in kinds) == bool(tl.events)
    for width in range(380, 1301, 40):
        chart.resize(width, 420)
        chart.grab()  # paints
        labels = chart.labels
        clashes = [(a[0], b[0]) for i, a in enumerate(labels) for b in labels[i + 1:] if a[1].intersects(b[1])]
        assert clashes == [], (width, clashes)
        said = [words for words, _rect in labels]
        for _kind, label in chart.legend():  # the legend is always drawn in full
            assert label in said, (width, label)
        assert all(rect.right() <= width and rect.left() >= 0 for _w, rect in labels), width


def test_what_changed_wraps(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication
    from tests.ui.test_planner_ui import to_results
    w = window
    w.resize(930, 720)
    assert w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    page = to_results(w)
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    t = page.table
    assert t.horizontalScrollBar().maximum() == 0 or not t.horizontalScrollBar().isVisible()
    total = sum(t.columnWidth(c) for c in range(t.columnCount()))
    assert total <= t.viewport().width() + 1
    longest = max(range(t.rowCount()), key=lambda r: len(t.item(r, 4).text()))
    assert t.rowHeight(longest) > t.rowHeight(0)  # the longest "What changed" took more than one line
