"""A salary not entered is asked for in words: the ¥3M floor of (b) and (c) cannot be judged without it, and the
headline named it by the floor's rule label ("enter (b) and (c) need annual remuneration of ¥3,000,000 or
more"). It asks for "your salary" (年収), on the Salary page."""

from pathlib import Path

from hsp_wizard.domain.plan import make_plan
from hsp_wizard.presentation import Renderer
from hsp_wizard.storage import load_project
from hsp_wizard.wording import words

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hsp-holder-b.hspw"


def test_the_headline_asks_for_the_salary_in_words():
    p = load_project(EXAMPLE).model_copy(update={"salary": []})  # 80 points without salary points
    on = p.planned_application_date
    a = make_plan(p, on, on=on).answer
    en, ja = words(Renderer("en"), a), words(Renderer("ja"), a)
    assert en.headline.startswith("Cannot tell yet: enter your salary and ") and "remuneration" not in en.headline
    assert "年収、" in ja.headline
    assert ("your salary", "Salary") in {(f.text, f.page) for f in en.facts}


def test_j_skip_never_says_a_salary_not_entered_is_zero():
    """J-Skip's criteria without a salary said "salary ¥0 (needs ¥20,000,000)": a number the person never gave."""
    from hsp_wizard.domain.routes import Engine
    for cat in ("a", "b", "c"):
        p = load_project(EXAMPLE).model_copy(update={"salary": [], "category": cat})
        cond = Engine(p).jskip_criteria(p.planned_application_date)
        en, ja = Renderer("en").msg(cond.why), Renderer("ja").msg(cond.why)
        assert cond.met is False and "¥0" not in en and "0円" not in ja, (cat, en, ja)
        assert "no salary entered" in en and "年収が未入力" in ja
