"""Explanations the domain returns: an English message id with typed parameters, translated by the views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable


def N_(message: str) -> str:
    """Mark a message for extraction; the view translates it (the domain imports no i18n)."""
    return message


class Money(int):
    """Whole yen, so a view can format it the way its language writes money."""


class Term(str):
    """A parameter that is itself a message id (a kind, a level), so a view translates it too."""


class RuleRef(str):
    """A parameter naming a rule or point row by id, so a view shows the rule's name in its language."""


class StatusRef(str):
    """A parameter naming a status of residence by id (engineer_humanities, …), shown by its name."""


class CategoryRef(str):
    """A parameter naming an HSP category (a, b, c), shown by its letter in the view's language (1号ロ)."""


class RouteRef(str):
    """A parameter naming a route to permanent residence (hsp80, general, …), shown by its name."""


@dataclass(frozen=True)
class Msg:
    """A message template (English msgid with {named} placeholders) and its parameters; a parameter may be
    a Msg itself (a reason inside a frame), rendered in the same language."""

    text: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, text: str, **params: object) -> "Msg":
        # the same object `cls(text, params)` makes, without the frozen dataclass's per-field setattr: the planner
        # builds one for every condition on every candidate day
        m = object.__new__(cls)
        m.__dict__.update(text=text, params=tuple(params.items()))
        return m

    def render(self, translate: Callable[[str], str] = lambda s: s,
               fmt: Callable[[object], str] | None = None) -> str:
        fmt = fmt or plain_format
        values = {k: fmt(v) for k, v in self.params}
        return translate(self.text).format(**values)

    def as_json(self) -> dict:
        plain = _PLAIN
        return {"text": self.text, "params": {k: v if v.__class__ in plain else _jsonable(v) for k, v in self.params}}


_PLAIN = frozenset({str, int, bool, float, type(None)})


def plain_format(value: object) -> str:
    """Locale-free rendering: ISO dates and ¥ with thousands separators."""
    if isinstance(value, Msg):
        return value.render()
    if isinstance(value, Money):
        return f"¥{int(value):,}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _jsonable(value: object) -> object:
    if value.__class__ in _PLAIN:  # most parameters: as they are
        return value
    if isinstance(value, Msg):
        return value.as_json()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Money):
        return int(value)
    return value
