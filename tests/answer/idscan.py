"""Internal ids a user must never read outside a "Why?" explanation: snake_case words (engineer_humanities),
rule ids (stay.longest_period, pr.hsp80.points), source numbers (S1, S9, S118b; the household's H1-H17 and
SEED000) and the rule data's bonus numbers (B1, B10, "特別加算B2・B4"; not the Japanese level "B2 level"/"B2相当")."""

from __future__ import annotations

import re

SNAKE = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@])")
RULE_ID = re.compile(r"(?<![\w./@-])(?:[a-z][a-z0-9_]*\.)+[a-z][a-z0-9_]*[a-z0-9](?![\w/@-])")
SOURCE = re.compile(r"(?<![\w-])(?:[SH]\d{1,3}[a-z]?|SEED\d{3})(?![\w-])")
BONUS = re.compile(r"(?<![A-Za-z0-9_.-])B\d{1,2}(?![\w-])(?!\s?level)(?!相当)")
NOT_IDS = {"e.g", "i.e", "hspw", "n.d"}


def internal_ids(text: str) -> list[str]:
    found = SNAKE.findall(text) + SOURCE.findall(text) + BONUS.findall(text)
    found += [m for m in RULE_ID.findall(text) if m not in NOT_IDS and not re.fullmatch(r"[a-z]+\.(?:hspw|json|pdf)", m)]
    return found
