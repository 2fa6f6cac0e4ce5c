"""The route registry: every route declared once, its numbers read from the rule data, one preference order."""

from datetime import date

import pytest

from hsp_wizard.domain.evaluate import best_route, evaluate, first_route
from hsp_wizard.domain.project import Settings
from hsp_wizard.domain.registry import current, marks
from hsp_wizard.domain.routes import Engine
from hsp_wizard.rules import load_rules
from tests.domain.builders import profile, status


def test_every_rule_a_route_declares_is_in_the_rule_data_with_sources():
    rules = load_rules()
    reg = current()
    for name in reg.all:
        spec = reg[name]
        declared = {r for r, _page in spec.conditions} | set(spec.years_rules) | {spec.length_rule}
        declared |= {r for r in (spec.checkpoint_rule, spec.mark_rule) if r}
        for rule_id in declared:
            item = rules.rules.get(rule_id) or rules.rows.get(rule_id)
            assert item is not None, (name, rule_id)
            assert all(v.sources for v in item.values), (name, rule_id)
        assert rules.checklist(spec.documents, date(2026, 6, 1)) is not None, name


def test_the_year_offsets_checkpoints_and_marks_come_from_the_rule_data():
    rules, reg = load_rules(), current()
    # the guideline's lengths (reference 4.1-4.3): HSP 80 one year, HSP 70 three, the general rule ten with five
    # on a work status, the spouse one year of residence and three of marriage; HSP(ii) three years (one J-Skip)
    assert reg.shifts("hsp80", rules) == (1,) and reg.shifts("hsp70", rules) == (3,)
    assert reg.shifts("general", rules) == (5, 10) and reg.shifts("spouse", rules) == (1, 3)
    assert reg.shifts("hsp2", rules) == (1, 3)
    on = date(2026, 6, 1)
    assert [reg.checkpoint_years(r, rules, on) for r in ("hsp80", "hsp70", "jskip", "general")] == [1, 3, 1, None]
    assert marks(rules, on) == (70, 80)


def test_the_continuity_thresholds_of_the_rule_data_are_read_unless_the_project_sets_its_own():
    p = profile()
    e = Engine(p, today=date(2026, 6, 1))
    assert p.settings.single_trip_days is None
    assert e.continuity_limits(date(2026, 6, 1)) == (90, 100)  # rules.toml continuity.single_trip_days, yearly_days
    mine = p.model_copy(update={"settings": Settings(single_trip_days=60)})
    assert Engine(mine, today=date(2026, 6, 1)).continuity_limits(date(2026, 6, 1)) == (60, 100)


def test_the_preference_order_is_one_order():
    reg = current()
    assert reg.preference[:3] == ("hsp80", "hsp70", "jskip") and reg.preference[-1] == "general"
    assert set(reg.preference) == set(reg.routes) and "hsp2" not in reg.routes


@pytest.mark.parametrize("winner", ["hsp70", "jskip"])
def test_a_tie_between_hsp70_and_jskip_is_broken_the_same_way_by_the_checklist_and_the_planner(winner):
    """Both open on the same day: the checklist's route is the planner's first route (HSP 70: earlier in the
    one preference order), whichever of the two is listed first in the openings."""
    p = profile(residence=[status("hsp1b", date(2020, 1, 1))])
    ev = evaluate(p, date(2026, 6, 1), today=date(2026, 6, 1))
    tie = date(2027, 1, 1)
    opens = {"jskip": tie, "hsp70": tie} if winner == "jskip" else {"hsp70": tie, "jskip": tie}
    assert first_route(opens) == ("hsp70", tie)
    for name, o in ev.openings.items():
        ev.openings[name] = o.__class__(name, opens.get(name), (), None, ())
    for name, r in ev.routes.items():
        ev.routes[name] = r.__class__(name, r.on, r.conditions + (_blocker(),), r.variant, r.checkpoint)
    assert best_route(ev) == first_route(opens)[0] == "hsp70"


def _blocker():
    from hsp_wizard.domain.explain import Msg
    from hsp_wizard.domain.routes import Condition
    return Condition("pr.general.years", False, Msg.of("not yet"), ("S18",), "official")
