"""Rows kept as typed but not counted are said where the points and dates that leave them out are shown: the
results page said '1 row of the salary history is incomplete and not counted', while the checklist PDF and the
points panel said nothing (a fresh user's finding)."""

from hsp_wizard.domain.project import IncompleteRow
from tests.report.test_checklist_pdf import example, has, pdf, text


def with_a_half_typed_salary_row():
    p = example("hsp-holder-b")
    return p.model_copy(update={"incomplete_rows": {"salary": [IncompleteRow(position=2, cells={
        "start": "2027-04-01", "amount_yen": "", "foreign_yen": ""})]}})


def test_the_checklist_says_a_row_not_counted_in_both_languages(tmp_path):
    p = with_a_half_typed_salary_row()
    assert has(text(pdf(p), tmp_path), "! 1 row of the salary history is incomplete and not counted")
    assert has(text(pdf(p, lang="ja"), tmp_path), "! 年収の履歴の1行が未完成のため、計算に含まれていません")
    assert "incomplete" not in text(pdf(example("hsp-holder-b")), tmp_path)


def test_the_points_panel_says_it_too(qtbot):
    from hsp_wizard.ui.document import ProjectDocument
    from hsp_wizard.ui.widgets.points_panel import PointsPanel
    doc = ProjectDocument(with_a_half_typed_salary_row())
    panel = PointsPanel(doc)
    qtbot.addWidget(panel)
    lines = [panel.lines.item(i).text() for i in range(panel.lines.count())]
    assert "  !  1 row of the salary history is incomplete and not counted" in lines
