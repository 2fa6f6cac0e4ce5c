"""Load and check the rule files once. Any defect is an error at start-up, never a silent default."""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, ValidationError

from hsp_wizard.rules import parsed
from hsp_wizard.rules.schema import (Checklist, Dated, Document, HouseholdItem, Row, Rule, RowValue, RuleValue,
                                     Source, Status)

DATA_FILES = ("sources.toml", "points.toml", "rules.toml", "statuses.toml", "documents.toml", "household.toml")


class RuleDataError(Exception):
    """The rule data is malformed: names the file and what is wrong."""


class _PointsFile(BaseModel, extra="forbid"):
    meta: dict[str, str]
    row: list[Row]


class _SourcesFile(BaseModel, extra="forbid"):
    source: list[Source]


class _RulesFile(BaseModel, extra="forbid"):
    rule: list[Rule]


class _StatusesFile(BaseModel, extra="forbid"):
    status: list[Status]


class _DocumentsFile(BaseModel, extra="forbid"):
    document: list[Document]
    checklist: list[Checklist]


class _HouseholdFile(BaseModel, extra="forbid"):
    source: list[Source]
    rule: list[Rule]
    document: list[Document]
    household_item: list[HouseholdItem]


@dataclass(frozen=True)
class RuleSet:
    """All rule data, checked, with look-ups by id."""

    sources: dict[str, Source]
    rows: dict[str, Row]
    rules: dict[str, Rule]
    statuses: dict[str, Status]
    documents: dict[str, Document]
    checklists: tuple[Checklist, ...]
    meta: dict[str, str]
    household_items: tuple[HouseholdItem, ...] = ()
    _tables: dict = field(default_factory=dict, repr=False, compare=False)
    _dates: list = field(default_factory=list, repr=False, compare=False)
    _groups: dict = field(default_factory=dict, repr=False, compare=False)

    def row_value(self, row_id: str, on: date) -> RowValue | None:
        """The version of a point row in force on `on`, or None where the row did not exist then."""
        return self.table(on).get(row_id)

    def table_version(self, on: date) -> date | None:
        """The date the point table in force on `on` took its form (None: no table recorded then)."""
        dates = self._dates if self._dates else self._table_dates()  # sorted, each once
        i = bisect_right(dates, on)
        return dates[i - 1] if i else None

    def table(self, on: date) -> dict[str, RowValue]:
        """Every point row in force on `on`, by id (memoised per table version)."""
        version = self.table_version(on)
        cached = self._tables.get(version)
        if cached is None:
            cached = {} if version is None else {
                rid: v for rid, row in self.rows.items() if (v := _in_force(row.values, version)) is not None}
            self._tables[version] = cached
        return cached

    def _table_dates(self) -> tuple[date, ...]:
        if not self._dates:
            ds = set()
            for row in self.rows.values():
                for v in row.values:
                    ds.add(v.since)
                    if v.until:
                        ds.add(v.until)
            self._dates.extend(sorted(ds))
        return tuple(self._dates)

    def rule_value(self, rule_id: str, on: date) -> RuleValue | None:
        """The version of a rule in force on `on`, or None where it did not apply then."""
        values = self.rules[rule_id].values
        if len(values) == 1:
            v = values[0]
            return v if v.since <= on and (v.until is None or on < v.until) else None
        return _in_force(values, on)

    def value(self, rule_id: str, on: date) -> bool | int | date:
        """The value of a rule on `on`; the rule must be in force (KeyError otherwise)."""
        v = self.rule_value(rule_id, on)
        if v is None:
            raise KeyError(f"rule {rule_id} is not in force on {on}")
        return v.value

    def rows_in_group(self, group: str) -> list[Row]:
        cached = self._groups.get(group)
        if cached is None:
            cached = self._groups[group] = [r for r in self.rows.values() if r.group == group]
        return cached

    def checklist(self, route: str, on: date) -> Checklist | None:
        return _in_force([c for c in self.checklists if c.route == route], on)


def _in_force(values: Iterable[Dated], on: date):
    for v in values:
        if v.applies_on(on):
            return v
    return None


def _bytes(name: str, base: Path | None) -> bytes:
    if base is None:
        return resources.files("hsp_wizard.rules").joinpath("data", name).read_bytes()
    return (base / name).read_bytes()


def _read_all(base: Path | None) -> dict[str, dict]:
    """Every rule file, parsed: from the parse kept beside them when it was made from these very bytes
    (hsp_wizard/rules/parsed.py), else by the TOML parser."""
    raws = {}
    for name in DATA_FILES:
        try:
            raws[name] = _bytes(name, base)
        except OSError as exc:
            raise RuleDataError(f"{name}: {exc}") from exc
    try:
        cache = _bytes(parsed.CACHE_NAME, base)
    except OSError:
        cache = None
    kept = parsed.read(cache, raws)
    if kept is not None:
        return kept
    out = {}
    for name, raw in raws.items():
        try:
            out[name] = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise RuleDataError(f"{name}: {exc}") from exc
    return out


def _parse(model: type[BaseModel], name: str, files: dict[str, dict]):
    try:
        return model.model_validate(files[name])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RuleDataError(f"{name}: {where}: {first['msg']} ({exc.error_count()} problem(s))") from None


def _unique(name: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise RuleDataError(f"{name}: id {i!r} appears twice")
        seen.add(i)


def _no_overlap(name: str, owner: str, values: Iterable[Dated]) -> None:
    ordered = sorted(values, key=lambda v: v.since)
    for prev, nxt in zip(ordered, ordered[1:]):
        if prev.until is None or prev.until > nxt.since:
            raise RuleDataError(f"{name}: {owner}: date ranges overlap ({prev.since}.. and {nxt.since}..)")


def _sources_known(name: str, owner: str, cited: Iterable[str], known: dict[str, Source]) -> None:
    for s in cited:
        if s not in known:
            raise RuleDataError(f"{name}: {owner}: unknown source {s!r}")


def load_rules_from(base: Path | None = None) -> RuleSet:
    """Read, validate and cross-check every rule file (the packaged data when `base` is None)."""
    files = _read_all(base)
    sources_f = _parse(_SourcesFile, "sources.toml", files)
    points_f = _parse(_PointsFile, "points.toml", files)
    rules_f = _parse(_RulesFile, "rules.toml", files)
    statuses_f = _parse(_StatusesFile, "statuses.toml", files)
    docs_f = _parse(_DocumentsFile, "documents.toml", files)
    house_f = _parse(_HouseholdFile, "household.toml", files)
    sources_f.source.extend(house_f.source)      # the household's own file adds to each kind of entry;
    rules_f.rule.extend(house_f.rule)            # ids stay unique across files (checked below)
    docs_f.document.extend(house_f.document)

    _unique("sources.toml", [s.id for s in sources_f.source])
    _unique("points.toml", [r.id for r in points_f.row])
    _unique("rules.toml", [r.id for r in rules_f.rule])
    _unique("statuses.toml", [s.id for s in statuses_f.status])
    _unique("documents.toml", [d.id for d in docs_f.document])
    sources = {s.id: s for s in sources_f.source}
    documents = {d.id: d for d in docs_f.document}

    for row in points_f.row:
        _no_overlap("points.toml", row.id, row.values)
        for v in row.values:
            _sources_known("points.toml", row.id, v.sources, sources)
        for ev in row.evidence:
            if ev not in documents:
                raise RuleDataError(f"points.toml: {row.id}: unknown evidence document {ev!r}")
    for rule in rules_f.rule:
        _no_overlap("rules.toml", rule.id, rule.values)
        for v in rule.values:
            _sources_known("rules.toml", rule.id, v.sources, sources)
    for st in statuses_f.status:
        _sources_known("statuses.toml", st.id, st.sources, sources)
        for lv in st.longest:
            _sources_known("statuses.toml", st.id, lv.sources, sources)
        _no_overlap("statuses.toml", st.id, st.longest)
    for doc in docs_f.document:
        _sources_known("documents.toml", doc.id, doc.sources, sources)
    routes: dict[str, list[Checklist]] = {}
    for cl in docs_f.checklist:
        _sources_known("documents.toml", f"checklist {cl.route}", cl.sources, sources)
        routes.setdefault(cl.route, []).append(cl)
        for item in cl.items:
            if item.doc not in documents:
                raise RuleDataError(f"documents.toml: checklist {cl.route}: unknown document {item.doc!r}")
    for route, lists in routes.items():
        _no_overlap("documents.toml", f"checklist {route}", lists)
    for item in house_f.household_item:
        _sources_known("household.toml", f"household_item {item.doc}", item.sources, sources)
        if item.doc not in documents:
            raise RuleDataError(f"household.toml: household_item: unknown document {item.doc!r}")

    return RuleSet(
        sources=sources,
        rows={r.id: r for r in points_f.row},
        rules={r.id: r for r in rules_f.rule},
        statuses={s.id: s for s in statuses_f.status},
        documents=documents,
        checklists=tuple(docs_f.checklist),
        meta=points_f.meta,
        household_items=tuple(house_f.household_item),
    )


@cache
def load_rules() -> RuleSet:
    """The packaged rule data, loaded and checked once per process."""
    return load_rules_from(None)
