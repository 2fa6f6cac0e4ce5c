"""The points panel says what the points are after every edit, however its list was brought up to date: a rule
withheld for several entries is one line whose explanation names each entry, in both languages; the lines after
any run of edits are exactly those of a panel made afresh; a line that stays keeps its row (and stays chosen),
a line taken out leaves nothing chosen. And the list editors read a row again only when its cells changed."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hsp_wizard.domain.project import Degree, SalaryEntry
from hsp_wizard.i18n import set_language
from hsp_wizard.storage import load_project
from hsp_wizard.ui.document import ProjectDocument
from hsp_wizard.ui.widgets.points_panel import PointsPanel
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import cell

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 3)


def shown(panel) -> list[str]:
    return [panel.lines.item(i).text() for i in range(panel.lines.count())]


def three_degrees():
    p = load_project(ROOT / "examples" / "hsp-holder-b.hspw")
    return p.model_copy(update={"degrees": [
        Degree(level="doctorate", field="Physics", awarded=date(2015, 3, 31)),
        Degree(level="master", field="Physics", awarded=date(2011, 3, 31)),
        Degree(level="bachelor", field="Physics", awarded=date(2009, 3, 31))]})


def test_a_rule_withheld_for_several_entries_is_one_line_naming_each(qtbot):
    doc = ProjectDocument(three_degrees())
    panel = PointsPanel(doc, today=TODAY)
    qtbot.addWidget(panel)
    grouped = [i for i, text in enumerate(shown(panel)) if "Only the highest degree counts" in text]
    assert len(grouped) == 1 and shown(panel)[grouped[0]].endswith("(×2)")
    panel.lines.setCurrentRow(grouped[0])
    why = panel.why.text()
    assert "11 Mar 2011" not in why  # the dates as the person's language writes them
    assert "31 Mar 2011" in why and "31 Mar 2009" in why  # the master's and the bachelor's, each named
    one = doc.project.model_copy(update={"degrees": doc.project.degrees[:2]})
    doc.update(degrees=one.degrees)  # one withheld degree: the line has no count
    assert [t for t in shown(panel) if "Only the highest degree counts" in t] == \
        ["  –  Only the highest degree counts"]
    try:
        set_language("ja")
        doc.update(degrees=three_degrees().degrees)
        panel.retranslate()
        assert any(t.endswith("（×2）") for t in shown(panel)), shown(panel)
    finally:
        set_language("en")


def test_after_any_run_of_edits_the_lines_are_those_of_a_fresh_panel(qtbot):
    """Random salary, degree and category edits: after each, the lines shown (texts and colours) are exactly those
    of a panel made for the project as it is now; a line present before and after keeps its row item."""
    rng = random.Random(21)
    doc = ProjectDocument(three_degrees())
    panel = PointsPanel(doc, today=TODAY)
    qtbot.addWidget(panel)
    kept_items = 0
    for step in range(60):
        before = {panel.lines.item(i).text(): panel.lines.item(i) for i in range(panel.lines.count())}
        what = rng.choice(["salary", "salary", "degrees", "category"])
        if what == "salary":
            amount = rng.choice([3_000_000, 5_500_000, 6_000_000, 7_200_000, 9_000_000, 12_000_000])
            doc.update(salary=[SalaryEntry(start=date(2016, 4, 1), amount_yen=amount)])
        elif what == "degrees":
            doc.update(degrees=three_degrees().degrees[:rng.randint(0, 3)])
        else:
            doc.update(category=rng.choice(["a", "b", "c", "b"]))
        fresh = PointsPanel(doc, today=TODAY)
        qtbot.addWidget(fresh)
        assert shown(panel) == shown(fresh), (step, what)
        assert [panel.lines.item(i).foreground().color().name() for i in range(panel.lines.count())] == \
            [fresh.lines.item(i).foreground().color().name() for i in range(fresh.lines.count())]
        for i in range(panel.lines.count()):
            item = panel.lines.item(i)
            if before.get(item.text()) is item:
                kept_items += 1
        fresh.deleteLater()
    assert kept_items > 100  # lines that stayed were left as they were, not made again


def test_the_chosen_line_stays_chosen_while_it_is_there_and_is_let_go_when_it_goes(qtbot):
    doc = ProjectDocument(three_degrees())
    panel = PointsPanel(doc, today=TODAY)
    qtbot.addWidget(panel)
    texts = shown(panel)
    degree = next(i for i, t in enumerate(texts) if "Only the highest degree counts" in t)
    panel.lines.setCurrentRow(degree)
    item, why = panel.lines.currentItem(), panel.why.text()
    doc.update(salary=[SalaryEntry(start=date(2016, 4, 1), amount_yen=3_000_000)])  # lines come and go above it
    assert shown(panel) != texts
    assert panel.lines.currentItem() is item and panel.why.text() == why
    doc.update(degrees=three_degrees().degrees[:1])  # no degree withheld: the chosen line goes
    assert not any("Only the highest degree counts" in t for t in shown(panel))
    assert panel.lines.currentRow() == -1 and panel.why.text() == ""


def test_a_commit_in_one_row_reads_that_row_again_and_leaves_the_others(window, qtbot):
    """The salary page's table: a commit in row 2 changes row 2's entry only (the other entries are the same
    objects as before: nothing re-read them into new ones); a wrong amount is said, in the language of the
    moment, and typing the first amount again gives the first entry back."""
    w = window
    w.open_path(str(ROOT / "examples" / "hsp-holder-b.hspw"), ask=False)
    w.wizard.jump_to(PageId.SALARY)
    editor = w.wizard.currentPage().editors["salary"]
    assert editor.table.rowCount() >= 2
    before = list(w.doc.project.salary)
    first_text = editor.table.item(1, 1).text()
    read, factory = [], editor.factory
    editor.factory = lambda **row: read.append(row) or factory(**row)
    cell(editor, 1, 1, "12,345,000")
    after = w.doc.project.salary
    assert after[1].amount_yen == 12_345_000
    assert all(after[i] is before[i] for i in range(len(before)) if i != 1)
    assert [row["amount_yen"] for row in read] == [12_345_000]  # one row read again, once
    cell(editor, 1, 0, "2019-05-01")  # another column of the same row: read again too
    assert w.doc.project.salary[1].start == date(2019, 5, 1) and len(read) == 2
    cell(editor, 1, 0, before[1].start.isoformat())
    cell(editor, 1, 1, "twelve")
    assert "Row 2" in editor.error.text()
    w.set_language("ja")
    QApplication.processEvents()  # the language change reaches the pages as an event
    assert editor.error.text().startswith("2行目："), editor.error.text()
    w.set_language("en")
    QApplication.processEvents()
    cell(editor, 1, 1, first_text)
    assert w.doc.project.salary[1] == before[1] and editor.error.text() == ""


def test_a_birth_date_not_entered_is_asked_for_where_age_scores(qtbot):
    """A fresh user saw 60 points and no word about the missing birth date in (b), while a missing salary has its
    '!' line; in (c) age scores nothing and nothing is asked."""
    p = load_project(ROOT / "examples" / "hsp-holder-b.hspw").model_copy(update={"birth_date": None})
    doc = ProjectDocument(p)
    panel = PointsPanel(doc, today=TODAY)
    qtbot.addWidget(panel)
    ask = "  !  Enter your birth date: your age scores points and decides some salary bands"
    assert ask in shown(panel)
    doc.update(category="c")
    assert not any("birth date" in t for t in shown(panel))
    doc.update(category="b", birth_date=date(1998, 3, 15))
    assert not any("birth date" in t for t in shown(panel))
    try:
        set_language("ja")
        doc.update(birth_date=None)
        panel.retranslate()
        assert "  !  生年月日を入力してください：年齢によるポイントと、一部の年収区分の適用が決まります" in shown(panel)
    finally:
        set_language("en")


def test_a_line_that_changes_from_withheld_to_counted_stays_chosen(qtbot):
    """A fresh user chose the career line while it was withheld ('– 3 years…'), entered more work, and found the
    choice and its explanation gone when it became '15  7 years…': the item's one line stays chosen."""
    from hsp_wizard.domain.project import CareerPeriod
    p = load_project(ROOT / "examples" / "hsp-holder-b.hspw")
    short = [CareerPeriod(kind="specialised", start=date(2024, 4, 1), end=date(2026, 9, 30))]
    doc = ProjectDocument(p.model_copy(update={"career": short}))
    panel = PointsPanel(doc, today=TODAY)
    qtbot.addWidget(panel)

    def career_rows():
        return [i for i, group in enumerate(panel._why_of) if group and group[0].item == "career"]
    assert len(career_rows()) == 1 and shown(panel)[career_rows()[0]].startswith("  –")
    panel.lines.setCurrentRow(career_rows()[0])
    before = shown(panel)[career_rows()[0]]
    doc.update(career=[CareerPeriod(kind="specialised", start=date(2016, 4, 1), end=date(2026, 9, 30))])
    row = career_rows()[0]
    assert shown(panel)[row] != before and not shown(panel)[row].startswith("  –")  # counted now
    assert panel.lines.currentRow() == row and "experience" in panel.why.text()
