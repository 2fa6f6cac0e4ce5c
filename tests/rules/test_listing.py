"""docs/rules.md is the rule data's own listing: current, and it names every rule with its dates and sources."""

from pathlib import Path

from hsp_wizard.rules import load_rules
from hsp_wizard.rules.listing import rules_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_md_is_current():
    assert DOC.read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is stale: run `python -m hsp_wizard.rules.listing > docs/rules.md`"


def test_every_rule_and_every_2023_2027_change_is_listed():
    text, rules = rules_markdown(), load_rules()
    for rule_id in (*rules.rules, *rules.rows, *rules.statuses):
        assert f"`{rule_id}`" in text, rule_id
    changes = text.split("## What changed in 2023-2027")[1].split("## Rules")[0]
    for needle in ("| 2023-12-01 | in force | `pr.refugee.complementary`", "| 2024-06-10 | in force",
                   "| 2025-04-01 | value 10000 | `fee.pr_grant`", "| 2025-10-16 | in force | `bm.capital`",
                   "| 2026-02-24 | in force | `stay.landing_criteria`", "| 2027-04-01 | ends | `stay.three_years_count`",
                   "| 2027-04-01 | status exists | `ikusei_shuro`", "| 2024-12-02 | listed"):
        assert needle in changes, needle
