"""The first page compares the three categories. Before the salary (and, where age scores, the birth date) is
entered, a score short of the criteria is "so far", naming what is missing, never "does not meet the criteria":
unknown is not no. Once the facts are in, it says whether the category meets the criteria."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hsp_wizard.domain.project import Category, SalaryEntry
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import field
from tests.ui.test_accessibility import ja


def scores(w) -> dict:
    return {cat: label.text() for cat, label in w.wizard.currentPage().compare.items()}


def test_a_new_project_says_so_far_and_what_is_missing_until_the_facts_are_in(window, qtbot):
    from datetime import date
    w = window
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    assert w.wizard.currentId() == PageId.CATEGORY
    shown = scores(w)
    assert shown[Category.A] == "0 points so far — birth date and salary not entered yet"
    assert shown[Category.C] == "0 points so far — salary not entered yet"  # age scores nothing in (c)
    assert not any("does not meet" in text for text in shown.values())
    field(w, w.wizard.currentPage().birth, "1990-05-01")
    assert scores(w)[Category.B].endswith("points so far — salary not entered yet")
    w.doc.update(salary=[SalaryEntry(start=date(2020, 4, 1), amount_yen=3_500_000)])
    shown = scores(w)
    assert all(text.endswith("points — does not meet the criteria") for text in shown.values()), shown
    w.doc.update(salary=[])
    ja(w, qtbot)
    assert scores(w)[Category.C] == "現時点で0点 — 年収が未入力です"
