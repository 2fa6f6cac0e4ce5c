"""The results page of every example, in both languages: no internal id (snake_case words, rule ids, source
numbers) in the routes and points, the timeline's table or the suggestions, until "Why?" is opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.answer.idscan import internal_ids

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.hspw"))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_results_page_shows_no_ids(window, qtbot, lang):
    from hsp_wizard.ui.wizard import PageId
    w = window
    if lang == "ja":
        w.language_actions["ja"].trigger()
        qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    for path in EXAMPLES:
        assert w.open_path(str(path), ask=False)
        while w.wizard.currentId() != PageId.RESULTS:
            w.wizard.next()
        page = w.wizard.currentPage()
        for tab in range(3):  # routes and points, the timeline, what would make it sooner
            page.tabs.setCurrentIndex(tab)
        texts = [page.answer.text(), page.view.toPlainText(), page.sooner.toPlainText()]
        texts += [page.table.item(r, c).text() for r in range(page.table.rowCount())
                  for c in range(page.table.columnCount()) if page.table.item(r, c)]
        assert internal_ids("\n".join(texts)) == [], path.name
        page.toggle_why("headline")  # the explanation holds them
        assert internal_ids(page.view.toPlainText()), path.name
        page.toggle_why("headline")
        page.tabs.setCurrentIndex(0)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_hand_worked_profiles_show_no_ids(window, qtbot, tmp_path, lang):
    """Every headline kind's profile (the empty project too) on the results page."""
    from hsp_wizard.storage import save_project
    from hsp_wizard.ui.wizard import PageId
    from tests.answer.profiles import PROFILES
    w = window
    if lang == "ja":
        w.language_actions["ja"].trigger()
        qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    for kind, p in PROFILES.items():
        save_project(p, tmp_path / f"{kind}.hspw", backup=False)
        assert w.open_path(str(tmp_path / f"{kind}.hspw"), ask=False)
        while w.wizard.currentId() != PageId.RESULTS:
            w.wizard.next()
        page = w.wizard.currentPage()
        assert internal_ids(page.answer.text() + "\n" + page.view.toPlainText()) == [], kind
