"""Dated rule data (point tables, thresholds, statuses, document lists) and its strict loader."""

from hsp_wizard.rules.loader import RuleDataError, RuleSet, load_rules

__all__ = ["RuleDataError", "RuleSet", "load_rules"]
