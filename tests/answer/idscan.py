"""Internal ids a user must never read outside a "Why?" explanation: snake_case words (engineer_humanities),
rule ids (stay.longest_period, pr.hsp80.points) and source numbers (S1, S9, S118b; the household's H1-H17 and
SEED000)."""

from __future__ import annotations

import re

SNAKE = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@])")
RULE_ID = re.compile(r"(?<![\w./@-])(?:[a-z][a-z0-9_]*\.)+[a-z][a-z0-9_]*[a-z0-9](?![\w/@-])")
SOURCE = re.compile(r"(?<![\w-])(?:[SH]\d{1,3}[a-z]?|SEED\d{3})(?![\w-])")
NOT_IDS = {"e.g", "i.e", "hspw", "n.d"}


def internal_ids(text: str) -> list[str]:
    found = SNAKE.findall(text) + SOURCE.findall(text)
    found += [m for m in RULE_ID.findall(text) if m not in NOT_IDS and not re.fullmatch(r"[a-z]+\.(?:hspw|json|pdf)", m)]
    return found
