"""The wizard driven like a user, for each category, from an empty project to the results page; the live
total must equal the engine's answer after every step."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hsp_wizard.domain.points import points
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, cell, check, choose, field, next_page

PLANNED = "2026-10-01"


def assert_live(w):
    p = w.doc.project
    if p.category is None:
        assert w.wizard.panel.total.text() == "–"
        return
    expected = points(p.category, p, p.planned_application_date or date.today()).total
    assert w.wizard.panel.total.text() == f"{expected} points"
    return expected


def start(w, birth: str, cat_index: int):
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    assert w.wizard.currentId() == PageId.CATEGORY
    page = w.wizard.currentPage()
    assert_live(w)
    field(w, page.birth, birth)
    field(w, page.planned, PLANNED)
    QTest.mouseClick(list(page.radios.values())[cat_index], Qt.MouseButton.LeftButton)
    assert_live(w)
    return page


def editors(w):
    return w.wizard.currentPage().editors


def test_category_b_engineer_from_empty_to_results(window):
    w = window
    start(w, "1998-03-15", 1)
    next_page(w)  # education
    ed = editors(w)["degrees"]
    r = add_row(ed)
    choose(ed, r, 0, "bachelor")
    cell(ed, r, 1, "Mechanical engineering")
    cell(ed, r, 2, "2020-03-20")
    check(ed, r, 3)
    assert w.doc.project.degrees[0].japanese_university
    assert_live(w)
    next_page(w)  # career
    ed = editors(w)["career"]
    r = add_row(ed)
    choose(ed, r, 0, "specialised")
    cell(ed, r, 2, "2020-04-01")
    assert_live(w)
    next_page(w)  # salary
    ed = editors(w)["salary"]
    r = add_row(ed)
    cell(ed, r, 0, "2020-04-01")
    cell(ed, r, 1, "400万")
    assert w.doc.project.salary[0].amount_yen == 4_000_000
    assert_live(w)
    next_page(w)  # achievements: (b) shows research and licences, not position
    page = w.wizard.currentPage()
    assert not page.editors["positions"].isVisible() and page.editors["licences"].isVisible()
    next_page(w)  # Japanese and bonuses
    eds = editors(w)
    r = add_row(eds["japanese"])
    choose(eds["japanese"], r, 0, "jlpt")  # a new row has no test chosen
    choose(eds["japanese"], r, 1, "N1")
    cell(eds["japanese"], r, 3, "2019-12-01")
    for kind in ("innovation_support", "sme"):
        r = add_row(eds["employer_facts"])
        choose(eds["employer_facts"], r, 0, kind)
        cell(eds["employer_facts"], r, 2, "2019-01-01")
    total = assert_live(w)
    assert total == 90  # 10 + 10 + 10 + 15 + 10 + 10 + 10 + 15 (reference Example 2, a year older)
    next_page(w)  # residence
    ed = editors(w)["residence"]
    r = add_row(ed)
    choose(ed, r, 0, "hsp1b")
    cell(ed, r, 1, "2023-10-01")
    cell(ed, r, 3, "60")
    check(ed, r, 4)
    cell(ed, r, 5, "80")
    assert w.doc.project.residence[0].granted_as_hsp
    next_page(w)  # requirements
    page = w.wizard.currentPage()
    for box in (page.taxes, page.pension, page.health, page.guarantor):
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_Down)
    assert w.doc.project.obligations.taxes == "on_time"
    next_page(w)  # household: applying alone, nothing to add
    assert w.wizard.currentId() == PageId.HOUSEHOLD and w.wizard.currentPage().table.rowCount() == 0
    next_page(w)
    assert w.wizard.currentId() == PageId.RESULTS
    ev = w.wizard.currentPage().evaluation
    assert ev.routes["hsp80"].open and ev.routes["hsp70"].open
    assert "HSP 80 points, 1 year" in w.wizard.currentPage().view.toPlainText()
    assert_live(w)


def test_category_a_researcher(window):
    w = window
    start(w, "1985-01-20", 0)
    next_page(w)
    ed = editors(w)["degrees"]
    r = add_row(ed)
    choose(ed, r, 0, "doctorate")
    cell(ed, r, 2, "2012-09-30")
    next_page(w)
    ed = editors(w)["career"]
    r = add_row(ed)
    choose(ed, r, 0, "research_education")
    cell(ed, r, 2, "2012-10-01")
    next_page(w)
    ed = editors(w)["salary"]
    r = add_row(ed)
    cell(ed, r, 0, "2018-04-01")
    cell(ed, r, 1, "7,990,000")
    next_page(w)
    ed = editors(w)["research"]
    for kind, when in (("papers", "2015-06-01"), ("foreign_grants", "2017-03-01")):
        r = add_row(ed)
        choose(ed, r, 0, kind)
        cell(ed, r, 1, when)
    # age 41 on 2026-10-01: doctorate 30 + career 14 years 15 + research 2 items 25; ¥7.99M closed over 40
    assert assert_live(w) == 70


def test_category_c_manager(window):
    w = window
    start(w, "1988-08-08", 2)
    next_page(w)
    ed = editors(w)["degrees"]
    r = add_row(ed)
    choose(ed, r, 0, "bachelor")  # a new row has no level chosen (a fresh user's finding)
    cell(ed, r, 2, "2010-06-30")
    next_page(w)
    ed = editors(w)["career"]
    r = add_row(ed)
    choose(ed, r, 0, "business_management")
    cell(ed, r, 2, "2019-06-01")
    next_page(w)
    ed = editors(w)["salary"]
    r = add_row(ed)
    cell(ed, r, 0, "2020-06-01")
    cell(ed, r, 1, "１５，０００，０００")  # full-width digits and commas
    next_page(w)
    page = w.wizard.currentPage()
    assert page.editors["positions"].isVisible() and not page.editors["research"].isVisible()
    r = add_row(page.editors["positions"])
    choose(page.editors["positions"], r, 0, "director")
    cell(page.editors["positions"], r, 1, "2020-06-01")
    r = add_row(page.editors["investments"])
    cell(page.editors["investments"], r, 0, "10000万")
    cell(page.editors["investments"], r, 1, "2020-06-01")
    # bachelor 10 + 7 years of management 20 + ¥15M 20 + director 5 + ¥100M 5 = 60
    assert assert_live(w) == 60


def test_bad_cell_shows_an_inline_error_and_keeps_the_text(window):
    w = window
    start(w, "1990-01-01", 1)
    next_page(w)
    next_page(w)
    ed = editors(w)["career"]
    r = add_row(ed)
    choose(ed, r, 0, "specialised")  # a new row has no kind chosen
    cell(ed, r, 2, "2020-05-01")
    cell(ed, r, 3, "2019-01-01")  # end before start
    assert "Row 1" in ed.error.text() and ed.error.isVisible()
    assert ed.cell_text(r, 3) == "2019-01-01"  # nothing typed is lost
    assert w.doc.project.career == []
    cell(ed, r, 3, "2023-02-30")
    assert "no such day" in ed.error.text().lower()
    cell(ed, r, 3, "2024-01-31")
    assert not ed.error.isVisible() and len(w.doc.project.career) == 1


@pytest.mark.parametrize("text, message", [("2030-01-01", "future"), ("2020-01-01", "makes you"),
                                           ("1990-02-30", "no such day")])
def test_birth_date_checked_beside_the_field(window, text, message):
    w = window
    page = start(w, "1990-01-01", 1)
    field(w, page.birth, text)
    QTest.keyClick(page.birth, Qt.Key.Key_Tab)  # left (it was left before, so it also says it as it is retyped)
    assert message in page.birth.error.text().lower()
    assert page.birth.text() == text  # what was typed stays, with its message beside it
    assert w.doc.project.birth_date is None  # and the model holds no value the person did not mean


def test_untouched_dates_and_amounts_are_empty_not_widget_defaults(window):
    w = window
    start(w, "1990-01-01", 1)
    next_page(w)
    next_page(w)
    next_page(w)
    ed = editors(w)["salary"]
    add_row(ed)
    assert ed.cell_text(0, 0) == "" and ed.cell_text(0, 1) == ""
    assert w.doc.project.salary == []
    assert ed.error.text() == ""  # nothing typed yet: nothing is said to be missing
    next_page(w)  # Next says what is missing, and stays to show it
    assert "required" in ed.error.text() and w.wizard.currentId() == PageId.SALARY
