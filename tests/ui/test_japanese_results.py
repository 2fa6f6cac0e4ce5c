"""The results page in Japanese writes a category as ISA does (1号ロ, never 区分（b）) and its headings with
Japanese punctuation (the 2026-11-30 translation review)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_japanese_results_say_1go_ro_and_use_full_width_punctuation(window, qtbot):
    from hsp_wizard.ui.wizard import PageId
    w = window
    w.language_actions["ja"].trigger()
    qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    assert w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    assert w.wizard.panel.heading.text() == "1号ロ・申請予定日（2026年10月1日）時点"
    page.tabs.setCurrentIndex(1)  # the timeline: its table's column heads
    heads = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert heads == ["日付", "1号イ", "1号ロ", "1号ハ", "変わった点"]
    page.tabs.setCurrentIndex(0)
    lines = page.view.toPlainText().splitlines()
    assert "申請予定日（2026年10月1日）：90点" in lines  # not 申請予定日 (2026年10月1日): 90
    assert "1年前（2025年10月1日）：90点" in lines
    text = "\n".join([w.wizard.panel.heading.text(), page.answer.text(), *lines, *heads])
    assert "区分（" not in text and "(b)" not in text and "（b）" not in text
