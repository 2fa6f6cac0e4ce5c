"""A planned application date that has passed is said, next to the answer: the examples planned 1 Oct 2026 and on
3 Dec 2026 the results still said "On your planned date, 1 Oct 2026, you can apply…" with nothing to say the day
had gone (a fresh user's finding). The CLI, the results page and the PDF say it under the headline."""

from datetime import date
from pathlib import Path

from hsp_wizard.cli import render_text
from hsp_wizard.domain.answer import answer_for
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.presentation import Renderer
from hsp_wizard.storage import load_project
from hsp_wizard.wording import words

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"  # planned 1 Oct 2026


def test_a_planned_date_gone_by_is_said_under_the_headline_in_both_languages():
    p = load_project(EXAMPLE)
    a = answer_for(p, date(2026, 12, 3))
    en, ja = words(Renderer("en"), a), words(Renderer("ja"), a)
    assert en.past == ("Your planned application date, 1 Oct 2026, has passed: this answer is for that day. Enter a "
                       "new date on the page “You and your category”, or leave it empty for today's answer.")
    assert ja.past.startswith("申請予定日（2026年10月1日）は過ぎています")
    text = render_text("x", p, evaluate(p, p.planned_application_date), Renderer("en"), today=date(2026, 12, 3))
    assert text.splitlines()[2].strip() == en.past  # right under the headline


def test_a_planned_date_today_or_ahead_or_none_says_nothing_of_the_kind():
    p = load_project(EXAMPLE)
    for today in (date(2026, 10, 1), date(2026, 9, 1)):
        assert words(Renderer("en"), answer_for(p, today)).past == ""
    none = p.model_copy(update={"planned_application_date": None})
    assert words(Renderer("en"), answer_for(none, date(2026, 12, 3))).past == ""

