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


def test_japanese_family_tab_uses_the_reviewed_terms(window, qtbot):
    from hsp_wizard.ui.wizard import PageId
    w = window
    w.language_actions["ja"].trigger()
    qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    assert w.open_path(str(ROOT / "examples" / "household" / "family-b.hspw"), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.family))  # filled when shown
    lines = page.family.toPlainText().splitlines()
    assert "配偶者：「日本人・永住者・特別永住者の配偶者」の類型で申請 根拠" in lines  # full-width colon, 類型; its Why? link
    assert "配偶者の就労：満たしています 根拠" in lines
    assert "単独（原則（引き続き10年））：計算期間内に該当日なし" in lines
