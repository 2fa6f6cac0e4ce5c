"""The printed checklist carries the PR fee in force and the 2027 revocation note, read back from the PDF."""

from datetime import date

from tests.report.test_checklist_pdf import example, has, pdf, text


def test_the_fee_and_the_revocation_note_are_printed_in_both_languages(tmp_path):
    p = example("spouse-route")
    t = text(pdf(p, "spouse", on=date(2025, 4, 1)), tmp_path)
    assert has(t, "Permission fee: ¥10,000 in revenue stamps")
    assert has(t, "permanent residence can be revoked for wilful non-payment")
    t = text(pdf(p, "spouse", on=date(2025, 3, 31)), tmp_path)
    assert has(t, "Permission fee: ¥8,000 in revenue stamps")
    t = text(pdf(p, "spouse", lang="ja", on=date(2025, 4, 1)), tmp_path)
    assert has(t, "手数料：許可時に1万円分の収入印紙で納付") and has(t, "永住許可が取り消されることがあります")
