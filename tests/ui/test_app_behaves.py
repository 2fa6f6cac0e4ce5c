"""The window behaves like an app: nothing closes or empties it, nothing typed is lost, any page is one click
away, every edit can be undone, every page fits a 1280x720 screen. Driven as a person would."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from hsp_wizard.storage import load_project
from hsp_wizard.ui.steps import State, Step
from hsp_wizard.ui.main_window import MainWindow
from hsp_wizard.ui.wizard import PageId
from tests.ui.drive import add_row, cell, choose, field, next_page, step

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hsp-holder-b.hspw"


def editors(w):
    return w.wizard.currentPage().editors


def new_project(w, birth="1990-05-01", category=2):
    QTest.mouseClick(w.wizard.welcome.new_button, Qt.MouseButton.LeftButton)
    assert w.wizard.currentId() == PageId.CATEGORY
    page = w.wizard.currentPage()
    field(w, page.birth, birth)
    QTest.mouseClick(list(page.radios.values())[category - 1], Qt.MouseButton.LeftButton)


def escape(w):
    target = QApplication.focusWidget() or w.wizard
    QTest.keyClick(target, Qt.Key.Key_Escape)
    QApplication.processEvents()


# ---------------------------------------------------------------- the window never loses work
def test_escape_on_any_page_leaves_the_project_and_the_window_as_they_were(window):
    w = window
    escape(w)  # on the Welcome page
    assert w.wizard.isVisible() and w.wizard.currentId() == PageId.WELCOME
    new_project(w)
    before = w.doc.project.model_copy(deep=True)
    escape(w)
    assert w.wizard.isVisible() and w.wizard.currentId() == PageId.CATEGORY
    assert w.doc.project == before and w.wizard.currentPage().birth.text() == "1990-05-01"
    step(w, PageId.RESULTS)
    escape(w)
    assert w.wizard.isVisible() and w.wizard.currentId() == PageId.RESULTS and w.doc.project == before


def test_no_page_offers_finish_and_the_results_offer_save_pdf_and_print(window, tmp_path, monkeypatch):
    from hsp_wizard.ui import printing
    w = window
    assert not w.wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert w.wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # Welcome leads on, never finishes
    new_project(w)
    step(w, PageId.RESULTS)
    assert not w.wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    save, pdf, prn = (w.wizard.button(b) for b in (QWizard.WizardButton.CustomButton1,
                                                    QWizard.WizardButton.CustomButton2,
                                                    QWizard.WizardButton.CustomButton3))
    assert [b.isVisible() for b in (save, pdf, prn)] == [True, True, True]
    assert [b.text() for b in (save, pdf, prn)] == ["&Save", "Save checklist as PD&F…", "&Print checklist…"]
    target = tmp_path / "mine.hspw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    assert load_project(target) == w.doc.project and not w.doc.dirty
    # Print: the system's dialog is asked; the PDF goes to the printer it names
    from PySide6.QtPrintSupport import QPrinter
    spooled = []
    monkeypatch.setattr(printing, "ask_printer", lambda parent, folder: QPrinter())
    monkeypatch.setattr(printing, "spool", lambda pdf, name, copies: spooled.append(pdf.read_bytes()[:4]))
    QTest.mouseClick(prn, Qt.MouseButton.LeftButton)
    assert spooled == [b"%PDF"]
    # "Print to file" in that dialog writes the PDF there
    out = tmp_path / "printed.pdf"

    def to_file(parent, folder):
        p = QPrinter()
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p
    monkeypatch.setattr(printing, "ask_printer", to_file)
    QTest.mouseClick(prn, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    assert w.wizard.isVisible() and w.wizard.currentId() == PageId.RESULTS and load_project(target) == w.doc.project


def test_file_new_resets_every_page_the_category_included(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    step(w, PageId.CATEGORY)
    assert any(rb.isChecked() for rb in w.wizard.currentPage().radios.values())
    w.actions["new"].trigger()
    page = w.wizard.currentPage()
    assert w.wizard.currentId() == PageId.CATEGORY
    assert not any(rb.isChecked() for rb in page.radios.values()) and w.doc.project.category is None
    assert page.birth.text() == "" and page.name.text() == ""
    for pid in (PageId.EDUCATION, PageId.SALARY, PageId.RESIDENCE):
        step(w, pid)
        assert all(ed.table.rowCount() == 0 for ed in editors(w).values()), pid


def test_a_complete_project_reopens_on_its_results_an_incomplete_one_where_it_needs_attention(window, tmp_path):
    w = window
    assert w.open_path(str(EXAMPLE), ask=False)
    assert w.wizard.currentId() == PageId.RESULTS
    p = w.doc.project.model_copy(update={"birth_date": None})
    from hsp_wizard.storage import save_project
    save_project(p, tmp_path / "no-birth.hspw")
    assert w.open_path(str(tmp_path / "no-birth.hspw"), ask=False)
    assert w.wizard.currentId() == PageId.CATEGORY
    assert w.steps.states[Step.CATEGORY] == State.ATTENTION


def test_file_dialogs_start_in_the_projects_folder_else_documents(window, tmp_path, monkeypatch):
    w = window
    starts = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *a: starts.append(start) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, start, *a: starts.append(start) or ("", ""))
    w.actions["open"].trigger()
    w.actions["save_as"].trigger()
    from PySide6.QtCore import QStandardPaths
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(docs) if docs and Path(docs).is_dir() else Path.home()
    assert starts == [str(folder), str(folder / "project.hspw")]
    copy = tmp_path / "here" / "p.hspw"
    copy.parent.mkdir()
    copy.write_bytes(EXAMPLE.read_bytes())
    w.open_path(str(copy), ask=False)
    starts.clear()
    w.actions["open"].trigger()
    w.actions["save_as"].trigger()
    w.actions["pdf"].trigger()
    assert starts == [str(copy.parent), str(copy), str(copy.parent / "p-checklist.pdf")]


# ---------------------------------------------------------------- nothing typed is lost
def test_a_salary_row_with_an_error_is_kept_saved_reopened_and_flagged(window, tmp_path, monkeypatch):
    w = window
    new_project(w)
    step(w, PageId.SALARY)
    ed = editors(w)["salary"]
    add_row(ed)
    cell(ed, 0, 0, "2024-04-01")
    cell(ed, 0, 1, "6.5M")
    add_row(ed)
    cell(ed, 1, 0, "2025-04-01")
    assert ed.error.text() == ""  # the second row is still being filled in
    cell(ed, 1, 1, "lots")         # an amount that is not one: said once typed
    assert "Row 2" in ed.error.text()
    add_row(ed)
    cell(ed, 2, 1, "7,000,000")    # no date yet
    assert "Row 3" not in ed.error.text()  # not said before the row is left
    QTest.mouseClick(w.wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert w.wizard.currentId() == PageId.SALARY  # the first Next that brings a problem up stays to show it
    assert "Row 3: From is required" in ed.error.text()
    assert [s.amount_yen for s in w.doc.project.salary] == [6_500_000]
    assert w.steps.states[Step.SALARY] == State.ATTENTION
    target = tmp_path / "p.hspw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.actions["save_as"].trigger()
    saved = load_project(target)
    assert [(r.position, r.cells["amount_yen"]) for r in saved.incomplete_rows["salary"]] == [(1, "lots"),
                                                                                            (2, "7,000,000")]
    other = MainWindow()
    try:
        assert other.open_path(str(target), ask=False)
        assert other.wizard.currentId() == PageId.SALARY  # the first page that needs attention
        ed2 = other.wizard.currentPage().editors["salary"]
        assert [[ed2.cell_text(r, c) for c in range(2)] for r in range(3)] == [
            ["2024-04-01", "6,500,000"], ["2025-04-01", "lots"], ["", "7,000,000"]]
        assert "Row 2" in ed2.error.text() and "Row 3" in ed2.error.text()  # marked on its page as left
        other.wizard.jump_to(PageId.RESULTS)
        notice = other.wizard.currentPage().not_counted
        assert notice.isVisibleTo(other.wizard.currentPage())
        assert notice.text() == "2 rows of the salary history are incomplete and not counted"
    finally:
        other.doc.set_dirty(False)
        other.close()


def test_a_row_completed_later_counts_and_is_no_longer_kept_as_typed(window):
    w = window
    new_project(w)
    step(w, PageId.EDUCATION)
    ed = editors(w)["degrees"]
    add_row(ed)
    choose(ed, 0, 0, "bachelor")  # a new row has no level chosen
    cell(ed, 0, 1, "Physics")
    next_page(w)  # stays: the award date is missing
    assert w.doc.project.incomplete_rows["degrees"][0].cells["field"] == "Physics"
    cell(ed, 0, 2, "2018-03")  # a month: counts from its last day
    assert w.doc.project.degrees[0].awarded == date(2018, 3, 31)
    assert "degrees" not in w.doc.project.incomplete_rows and ed.error.text() == ""
    assert "last day" in ed.note.text() and "Awarded" in ed.note.text()


# ---------------------------------------------------------------- the step list
def test_the_step_list_jumps_forward_and_back_and_shows_each_steps_state(window):
    w = window
    new_project(w)
    assert w.steps.states[Step.CATEGORY] == State.DONE
    assert w.steps.states[Step.RESIDENCE] == State.NOT_STARTED
    step(w, PageId.RESIDENCE)  # forward, past pages never seen
    step(w, PageId.SALARY)     # back
    step(w, PageId.RESULTS)    # forward again
    step(w, PageId.CATEGORY)
    assert w.steps.states[Step.SALARY] == State.ATTENTION  # stopped on and left without the salary (b) needs
    assert w.steps.states[Step.ACHIEVEMENTS] == State.NOT_STARTED  # only passed over
    assert w.steps.states[Step.RESIDENCE] == State.ATTENTION  # stopped on, left without a status of residence
    item = w.steps.list.item(0)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "You and your category: done"


def test_after_a_change_link_the_results_are_one_click_away(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    assert w.wizard.currentId() == PageId.RESULTS
    w.wizard.currentPage().change_requested.emit(int(PageId.SALARY))  # the "change" link beside the salary
    assert w.wizard.currentId() == PageId.SALARY and w.steps.back.isVisible()
    QTest.mouseClick(w.steps.back, Qt.MouseButton.LeftButton)
    assert w.wizard.currentId() == PageId.RESULTS and not w.steps.back.isVisible()


# ---------------------------------------------------------------- undo and redo
def test_undo_restores_a_removed_row_and_redo_removes_it_again(window):
    w = window
    w.open_path(str(EXAMPLE), ask=False)
    step(w, PageId.SALARY)
    ed = editors(w)["salary"]
    rows = ed.table.rowCount()
    before = list(w.doc.project.salary)
    ed.table.setFocus()
    ed.table.selectRow(0)
    QTest.mouseClick(ed.remove_button, Qt.MouseButton.LeftButton)
    assert ed.table.rowCount() == rows - 1 and w.doc.project.salary == before[1:]
    ed.table.setFocus()
    QTest.keySequence(ed.table, QKeySequence("Ctrl+Z"))
    assert w.doc.project.salary == before and ed.table.rowCount() == rows
    assert not w.doc.dirty  # back to the file as saved
    QTest.keySequence(ed.table, QKeySequence("Ctrl+Shift+Z"))
    assert w.doc.project.salary == before[1:] and ed.table.rowCount() == rows - 1 and w.doc.dirty


def test_undo_reaches_a_page_not_shown_and_typing_is_one_step(window):
    w = window
    new_project(w)
    page = w.wizard.currentPage()
    field(w, page.name, "Ana Example")
    assert w.doc.project.name == "Ana Example"
    step(w, PageId.EDUCATION)
    ed = editors(w)["degrees"]
    add_row(ed)
    choose(ed, 0, 0, "master")  # a new row has no level chosen
    cell(ed, 0, 2, "2015-06-30")
    assert len(w.doc.project.degrees) == 1
    w.actions["undo"].trigger()
    assert w.doc.project.degrees == [] and w.doc.project.name == "Ana Example"
    w.actions["undo"].trigger()  # the level chosen (a row kept as typed)
    assert w.doc.project.name == "Ana Example"
    w.actions["undo"].trigger()  # the added empty row goes with the rest of that step or the name goes
    w.actions["undo"].trigger()
    assert w.doc.project.name is None  # the whole typed name was one step
    step(w, PageId.CATEGORY)
    assert w.wizard.currentPage().name.text() == ""


# ---------------------------------------------------------------- fits the screen
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_page_fits_1280x720_with_the_navigation_visible(window, lang):
    w = window
    w.set_language(lang)
    w.open_path(str(EXAMPLE), ask=False)
    frame = 40  # title bar and borders
    for pid in PageId:
        w.wizard.jump_to(pid)
        QApplication.processEvents()
        hint = w.minimumSizeHint().expandedTo(w.minimumSize())
        assert hint.width() <= 1280 and hint.height() <= 720 - frame, (pid.name, lang, hint)
    w.resize(1280, 720 - frame)
    QApplication.processEvents()
    nxt = w.wizard.button(QWizard.WizardButton.BackButton)
    bottom = nxt.mapTo(w, nxt.rect().bottomLeft()).y()
    assert bottom <= w.height(), bottom


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_page_scrolls_sideways_at_the_default_size(window, lang):
    """The window's minimum size says nothing of what scrolls inside a page: at the size the window opens with
    (and at 1280x720) no page, nor any scrolled text on it, needs a horizontal scrollbar."""
    from PySide6.QtWidgets import QScrollArea
    w = window
    w.set_language(lang)
    w.open_path(str(EXAMPLE), ask=False)
    for size in ((1180, 680), (1280, 720 - 40)):
        w.resize(*size)
        for pid in PageId:
            w.wizard.jump_to(pid)
            QApplication.processEvents()
            page = w.wizard.currentPage()
            for area in page.findChildren(QScrollArea):
                if area.isVisibleTo(page):
                    bar = area.horizontalScrollBar()
                    assert bar.maximum() == 0, (pid.name, lang, size, area.widget().minimumSizeHint().width(),
                                                area.viewport().width())


# ---------------------------------------------------------------- a field for every fact the routes read
def test_the_other_routes_facts_have_fields_asked_only_when_they_can_matter(window):
    from hsp_wizard.domain.evaluate import evaluate
    w = window
    new_project(w)
    step(w, PageId.REQUIREMENTS)
    page = w.wizard.currentPage()
    field(w, page.refugee, "2019-06-01")
    assert w.doc.project.family.refugee_recognised == date(2019, 6, 1)
    ev = evaluate(w.doc.project, date(2026, 10, 1), today=date(2026, 10, 1))
    assert "Applies only to a recognised refugee" not in str(ev.routes["refugee"])
    assert "5 years of continuous residence after recognition" in page.refugee.toolTip()  # help in place
    for box, name in ((page.contribution, "contribution_recognised"), (page.regional, "regional_revitalisation")):
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        assert getattr(w.doc.project.family, name) is True
    ed = page.insurance
    add_row(ed)
    from tests.ui.drive import choose
    choose(ed, 0, 0, "national_pension")
    cell(ed, 0, 1, "2020-04")  # a month: its first day (the period is never made longer than it was)
    assert [(i.kind.value, i.start) for i in w.doc.project.obligations.insurance] == [
        ("national_pension", date(2020, 4, 1))]


def test_the_continuity_thresholds_are_asked_once_there_is_a_trip(window):
    w = window
    new_project(w)
    step(w, PageId.RESIDENCE)
    page = w.wizard.currentPage()
    assert not page.single_trip.isVisible()
    trips = page.editors["trips"]
    add_row(trips)
    cell(trips, 0, 0, "2025-01-10")
    cell(trips, 0, 1, "2025-03-26")  # 75 days abroad
    choose(trips, 0, 2, "special")  # a new row has no permit chosen
    assert page.single_trip.isVisible() and page.single_trip.value() == 90
    assert "75 days" not in page.problems.text()
    page.single_trip.setFocus()
    page.single_trip.selectAll()
    QTest.keyClicks(page.single_trip, "60")
    assert w.doc.project.settings.single_trip_days == 60
    assert "A trip of 75 days abroad" in page.problems.text() and "60 or more" in page.problems.text()


# ---------------------------------------------------------------- help in place
def test_f1_and_tooltips_say_what_counts_and_the_proof_in_plain_words(window):
    w = window
    new_project(w)
    step(w, PageId.EDUCATION)
    ed = editors(w)["degrees"]
    add_row(ed)
    col = [c.key for c in ed.columns].index("designated_university")
    ed.table.setFocus()
    ed.table.setCurrentCell(0, col)
    text = w.actions["field_help"].trigger() or ed.column_help(col)
    from hsp_wizard.ui.shell import show_field_help
    shown = show_field_help(w)
    assert shown == text == ed.table.horizontalHeaderItem(col).toolTip()
    assert "Graduated from a university designated by MOJ notice" in shown
    assert "Diploma or degree certificate" in shown  # the proof ISA expects, as the checklist names it
    assert "(B10)" not in shown.split("\n\n", 1)[1]  # the header is repeated only for when it is cut short
    step(w, PageId.BONUSES)
    quals = editors(w)["foreign_qualifications"]
    assert quals.table.horizontalHeaderItem(0).text() == "Qualification or award"


def test_japanese_help_uses_isas_words_and_the_qualification_is_named_meisho(window):
    w = window
    w.set_language("ja")
    new_project(w)
    step(w, PageId.BONUSES)
    quals = editors(w)["foreign_qualifications"]
    assert quals.table.horizontalHeaderItem(0).text() == "資格・表彰等の名称"
    tip = quals.column_help(0)
    assert "職務に関連する外国の資格、表彰等で法務大臣が認めるものを保有" in tip and "B5" not in tip


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_tables_columns_show_their_whole_header_at_1280x720(window, lang):
    from hsp_wizard.ui.widgets.list_editor import ListEditor
    w = window
    w.set_language(lang)
    w.open_path(str(EXAMPLE), ask=False)
    w.resize(1280, 680)
    cut = []
    for pid in PageId:
        w.wizard.jump_to(pid)
        QApplication.processEvents()
        for ed in w.wizard.currentPage().findChildren(ListEditor):
            if not ed.isVisible():
                continue
            header = ed.table.horizontalHeader()
            metrics = header.fontMetrics()
            for col in range(ed.table.columnCount()):
                text = ed.table.horizontalHeaderItem(col).text()
                need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                if header.sectionSize(col) < need + 4:
                    cut.append((pid.name, text, header.sectionSize(col), need))
    assert cut == []


def test_a_date_field_says_nothing_while_it_is_typed_and_says_it_once_left_or_on_next(window):
    w = window
    new_project(w)
    page = w.wizard.currentPage()
    field(w, page.planned, "2026-13")
    assert page.planned.error.text() == "" and not page.planned.error.isVisible()
    QTest.keyClick(page.planned, Qt.Key.Key_Tab)
    assert "YYYY-MM-DD" in page.planned.error.text() and page.planned.error.isVisible()
    page.planned.set_value(None)
    field(w, page.planned, "2026-02-30")
    assert page.planned.error.text() == ""
    next_page(w)  # Next says it, and stays to show it
    assert "no such day" in page.planned.error.text().lower() and w.wizard.currentId() == PageId.CATEGORY
    next_page(w)  # the second Next goes on: what was typed stays, the date is not taken
    assert w.wizard.currentId() == PageId.EDUCATION and w.doc.project.planned_application_date is None


def test_every_fact_of_the_project_has_a_field_in_the_window(window):
    """Walk the model: each fact a person enters (top level, family, obligations, settings) is written by a
    widget of a page; the facts of a spouse are asked only of a spouse."""
    from hsp_wizard.domain.project import Business, Family, Obligations, Project, Settings
    w = window
    new_project(w)
    w.wizard.build()
    pages = w.wizard.pages
    lists = {f for p in pages.values() for f in getattr(p, "editors", {})}
    widgets = {
        "name": (PageId.CATEGORY, "name"), "birth_date": (PageId.CATEGORY, "birth"),
        "category": (PageId.CATEGORY, "radios"), "planned_application_date": (PageId.CATEGORY, "planned"),
        "family.spouse_is": (PageId.REQUIREMENTS, "spouse"), "family.marriage_date": (PageId.REQUIREMENTS, "marriage"),
        "family.marriage_ended": (PageId.REQUIREMENTS, "marriage_ended"),
        "family.parent_is": (PageId.REQUIREMENTS, "parent"),
        "family.refugee_recognised": (PageId.REQUIREMENTS, "refugee"),
        "family.protection": (PageId.REQUIREMENTS, "protection"),
        "family.child_kind": (PageId.REQUIREMENTS, "child_kind"),
        "obligations.landing_criteria": (PageId.REQUIREMENTS, "landing"),
        "business.capital_yen": (PageId.REQUIREMENTS, "capital"),
        "business.full_time_staff": (PageId.REQUIREMENTS, "staff"),
        "business.japanese_b2": (PageId.REQUIREMENTS, "japanese_b2"),
        "business.relevant_degree": (PageId.REQUIREMENTS, "degree"),
        "family.contribution_recognised": (PageId.REQUIREMENTS, "contribution"),
        "family.regional_revitalisation": (PageId.REQUIREMENTS, "regional"),
        "obligations.taxes": (PageId.REQUIREMENTS, "taxes"), "obligations.pension": (PageId.REQUIREMENTS, "pension"),
        "obligations.health_insurance": (PageId.REQUIREMENTS, "health"),
        "obligations.notifications": (PageId.REQUIREMENTS, "notifications"),
        "obligations.repeated_traffic_violations": (PageId.REQUIREMENTS, "traffic"),
        "obligations.guarantor": (PageId.REQUIREMENTS, "guarantor"),
        "obligations.occupation": (PageId.REQUIREMENTS, "occupation"),
        "obligations.resident_tax_withheld": (PageId.REQUIREMENTS, "withheld"),
        "obligations.social_insurance_employer": (PageId.REQUIREMENTS, "employer"),
        "obligations.points_notice": (PageId.REQUIREMENTS, "notice"),
        "settings.single_trip_days": (PageId.RESIDENCE, "single_trip"),
        "settings.yearly_days": (PageId.RESIDENCE, "yearly"),
        "household.members": (PageId.HOUSEHOLD, "table"), "household.expecting_until": (PageId.HOUSEHOLD, "expecting"),
        "household.spouse_unable_housework": (PageId.HOUSEHOLD, "unable"),
        "household.domestic_worker": (PageId.HOUSEHOLD, "worker_button"),
    }
    from hsp_wizard.domain.project import Household
    facts = [f for f in Project.model_fields if f not in ("format", "schema_version", "family", "obligations",
                                                           "business", "settings", "scenarios", "incomplete_rows",
                                                           "household")]
    facts += [f"household.{f}" for f in Household.model_fields]
    facts += [f"business.{f}" for f in Business.model_fields]
    facts += [f"family.{f}" for f in Family.model_fields] + [f"obligations.{f}" for f in Obligations.model_fields]
    facts += [f"settings.{f}" for f in Settings.model_fields]
    missing = [f for f in facts if f.split(".")[-1] not in lists and not (
        f in widgets and getattr(pages[widgets[f][0]], widgets[f][1], None) is not None)]
    assert missing == []
    step(w, PageId.REQUIREMENTS)
    page = w.wizard.currentPage()
    assert not page.marriage.isVisible() and not page.marriage_ended.isVisible()
    page.spouse.setCurrentIndex(page.spouse.findData("japanese"))
    assert page.marriage.isVisible() and page.marriage_ended.isVisible()
    field(w, page.marriage_ended, "2024-01-31")
    assert w.doc.project.family.marriage_ended == date(2024, 1, 31)


def test_f1_on_a_question_says_the_rule_behind_it(window):
    from hsp_wizard.ui.shell import show_field_help
    w = window
    new_project(w)
    step(w, PageId.REQUIREMENTS)
    page = w.wizard.currentPage()
    page.guarantor.setFocus()
    QApplication.processEvents()
    text = show_field_help(w)
    assert "A guarantor who is a Japanese national, permanent resident or special permanent resident" in text
    assert page.guarantor.toolTip() == text


def test_a_choice_cells_list_shows_every_choice_whole(window):
    w = window
    new_project(w)
    step(w, PageId.BONUSES)
    ed = editors(w)["employer_facts"]
    add_row(ed)
    ed.table.setFocus()
    ed.table.setCurrentCell(0, 0)
    QTest.keyClick(ed.table, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    widest = max(box.view().fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.view().minimumWidth() >= widest
