"""Switching language at any moment: every page, our labels, Qt's own buttons, and nothing typed is lost."""

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from hsp_wizard.i18n import current_language, has_catalog
from hsp_wizard.ui import language
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, cell, choose, field, next_page

EXAMPLE_B = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"


def next_text(w) -> str:
    return w.wizard.button(QWizard.WizardButton.NextButton).text()


def test_switching_to_japanese_mid_wizard_translates_everything_and_keeps_every_input(window, qtbot):
    assert has_catalog("ja"), "the Japanese catalog is not compiled (make catalogs): this test must fail"
    w = window
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    cat = w.wizard.currentPage()
    field(w, cat.birth, "1998-03-15")
    field(w, cat.planned, "2026-10-01")
    QTest.mouseClick(list(cat.radios.values())[1], Qt.MouseButton.LeftButton)
    next_page(w)  # education: one valid degree, one row with a date that does not exist
    ed = w.wizard.currentPage().editors["degrees"]
    r = add_row(ed)
    choose(ed, r, 0, "bachelor")
    cell(ed, r, 1, "Mechanical engineering")
    cell(ed, r, 2, "2020-03-20")
    bad = add_row(ed)
    cell(ed, bad, 2, "2020-02-30")
    assert "no such day" in ed.error.text()
    before = w.doc.project.model_dump()
    assert w.wizard.currentPage().title() == "Education" and "Next" in next_text(w)

    w.language_actions["ja"].trigger()
    page = w.wizard.currentPage()
    qtbot.waitUntil(lambda: page.title() == "学歴", timeout=2000)
    assert current_language() == "ja" and w.store.value("language") == "ja"
    assert "次へ" in next_text(w)                                          # Qt's own translation
    assert w.menuBar().actions()[0].text() == "ファイル(&F)"
    assert ed.table.horizontalHeaderItem(0).text() == "学位の種類"
    assert ed.cell_text(r, 0) == "学士またはそれと同等以上"                 # a chosen value relabelled
    assert ed.cell_text(r, 1) == "Mechanical engineering"                  # typed text untouched
    assert ed.cell_text(bad, 2) == "2020-02-30"                            # invalid text kept, too
    assert "その日付は存在しません" in ed.error.text()                       # and its message translated
    assert w.wizard.panel.total.text().endswith("点")
    assert w.wizard.panel.heading.text() == "1号ロ・申請予定日（2026年10月1日）時点"  # ISA's 1号ロ, not 区分（b）
    assert w.doc.project.model_dump() == before                            # the project did not change

    w.wizard.back()  # the category page, built in English, is Japanese now too, with its input
    cat = w.wizard.currentPage()
    assert cat.title() == "ご本人と活動区分"
    assert cat.birth.text() == "1998-03-15" and cat.planned.text() == "2026-10-01"
    assert list(cat.radios.values())[1].isChecked() and "1号ロ" in list(cat.radios.values())[1].text()
    # no salary entered in this project: the score is "so far" and says what is missing, in Japanese
    assert re.fullmatch(r"現時点で\d+点 — 年収が未入力です", cat.compare[list(cat.compare)[1]].text())

    w.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: cat.title() == "You and your category", timeout=2000)
    assert "Next" in next_text(w) and w.menuBar().actions()[0].text() == "&File"
    assert w.doc.project.model_dump() == before


def test_pages_built_after_a_switch_start_in_the_new_language(window, qtbot):
    w = window
    box = w.wizard.welcome.language
    box.setCurrentIndex(box.findData("ja"))  # from the Welcome page, before the other pages exist
    qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    assert w.language_actions["ja"].isChecked()
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    assert w.wizard.currentId() == PageId.CATEGORY
    assert w.wizard.currentPage().title() == "ご本人と活動区分"
    for pid in (PageId.RESIDENCE, PageId.RESULTS):
        assert any("\u3040" <= ch <= "\u9fff" for ch in w.wizard.page(pid).title())


def test_first_start_follows_the_system_language_then_the_saved_choice(monkeypatch, tmp_path):
    from PySide6.QtCore import QLocale, QSettings
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    class JapaneseSystem:
        Language = QLocale.Language

        @staticmethod
        def system():
            return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    monkeypatch.setattr(language, "QLocale", JapaneseSystem)
    assert language.initial_language(store) == "ja"
    store.setValue("language", "en")
    assert language.initial_language(store) == "en"
    store.setValue("language", "xx")  # a broken setting is ignored, not trusted
    assert language.initial_language(store) == "ja"


def visible_texts(w) -> list[str]:
    """What the window shows that is ours (not what the user typed): labels, buttons, headers, chosen values,
    the panel's lines, the results."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocumentFragment
    from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QTextBrowser
    from hsp_wizard.ui.widgets.list_editor import ListEditor
    page = w.wizard.currentPage()
    out = [page.title(), page.subTitle()]
    for root in (page, w.wizard.panel):
        out += [QTextDocumentFragment.fromHtml(x.text()).toPlainText() if x.textFormat() == Qt.TextFormat.RichText
                else x.text() for x in root.findChildren(QLabel) if x.isVisible()]  # what it shows, not its tags
        out += [x.text() for x in root.findChildren(QAbstractButton) if x.isVisible()]
        out += [x.toPlainText() for x in root.findChildren(QTextBrowser) if x.isVisible()]
        for lw in root.findChildren(QListWidget):
            if lw is not getattr(w.wizard.welcome, "recent", None):
                out += [lw.item(i).text() for i in range(lw.count())]
        for ed in root.findChildren(ListEditor):
            for col, c in enumerate(ed.columns):
                out.append(ed.table.horizontalHeaderItem(col).text())
                if c.kind == "choice":
                    out += [ed.cell_text(row, col) for row in range(ed.table.rowCount())]
    return out


def test_every_page_in_japanese_shows_no_english(window, qtbot):
    from hsp_wizard.ui.wizard import PageId
    from tests.i18n.test_japanese_output import english_words
    w = window
    w.language_actions["ja"].trigger()
    qtbot.waitUntil(lambda: w.wizard.welcome.title() == "HSP Wizardへようこそ", timeout=2000)
    w.open_path(str(EXAMPLE_B), ask=False)
    w.wizard.jump_to(PageId.CATEGORY)  # a complete project opens on the results: go back to the first page
    seen = set()
    while True:
        pid = w.wizard.currentId()
        seen.add(pid)
        leftovers = english_words("\n".join(visible_texts(w)))
        assert leftovers == [], (PageId(pid).name, leftovers)
        if pid == PageId.RESULTS:
            break
        w.wizard.next()
    assert seen == set(PageId) - {PageId.WELCOME}
