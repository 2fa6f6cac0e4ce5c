"""Score intervals split only on the dates of the rules `points` reads on the day scored (issue 21): those rules are
named in `RULES_READ_ON_THE_DAY`, and every other rule is read on the point table's date. This checks the list
against what `points` does: scoring a day with another day's table, every rule looked up on the day scored must be
one of the list (a rule read on the day and missing from the list would let two days of one interval score
differently while the planner takes them as the same)."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.planner import TODAY, busy
from hsp_wizard.domain.points import RULES_READ_ON_THE_DAY, points, table_version
from hsp_wizard.rules import load_rules
from hsp_wizard.storage import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.hspw"))
PROJECTS = [busy(), *(load_project(p) for p in EXAMPLES)]


class _Recording:
    """The rule set, recording every rule or row looked up by date: (id, date)."""

    def __init__(self, rules):
        self._rules = rules
        self.read: list[tuple[str, date]] = []

    def __getattr__(self, name):
        return getattr(self._rules, name)

    def rule_value(self, rule_id, on):
        self.read.append((rule_id, on))
        return self._rules.rule_value(rule_id, on)

    def row_value(self, row_id, on):
        self.read.append((row_id, on))
        return self._rules.row_value(row_id, on)

    def value(self, rule_id, on):
        self.read.append((rule_id, on))
        return self._rules.value(rule_id, on)


@pytest.mark.parametrize("i", range(len(PROJECTS)))
def test_only_the_listed_rules_are_read_on_the_day_scored(i):
    rules = _Recording(load_rules())
    table = TODAY
    on_the_day = set()
    looked_up = 0
    for cat in ("a", "b", "c"):
        for on in (date(2019, 3, 1), TODAY - timedelta(days=400), TODAY + timedelta(days=900), date(2032, 2, 29)):
            assert table_version(rules._rules, on) != on  # the day scored is never the table's own date
            rules.read.clear()
            points(cat, PROJECTS[i], on, table_date=table, rules=rules)
            looked_up += len(rules.read)
            on_the_day |= {rule_id for rule_id, day in rules.read if day == on}
    assert looked_up > 0  # the recording sees the look-ups
    assert on_the_day <= set(RULES_READ_ON_THE_DAY), on_the_day - set(RULES_READ_ON_THE_DAY)
