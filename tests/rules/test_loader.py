"""The rule loader is strict: unknown keys, unknown sources and overlapping ranges are errors."""

import shutil
from importlib import resources
from pathlib import Path

import pytest

from hsp_wizard.rules import RuleDataError, load_rules
from hsp_wizard.rules.loader import DATA_FILES, load_rules_from


@pytest.fixture
def data(tmp_path) -> Path:
    src = Path(str(resources.files("hsp_wizard.rules"))) / "data"
    for name in DATA_FILES:
        shutil.copy(src / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_packaged_rules_load_and_every_value_is_sourced():
    r = load_rules()
    assert len(r.rows) >= 40 and {"gate.pass_mark", "pr.hsp80.years", "stay.three_years_count"} <= set(r.rules)
    for item in (*r.rows.values(), *r.rules.values()):
        for v in item.values:
            assert v.sources and all(s in r.sources for s in v.sources)


def test_copy_loads(data):
    assert load_rules_from(data).rows.keys() == load_rules().rows.keys()


def test_unknown_key_is_an_error(data):
    edit(data / "points.toml", 'group = "academic"', 'group = "academic"\ncolour = "red"')
    with pytest.raises(RuleDataError, match="points.toml"):
        load_rules_from(data)


def test_missing_source_is_an_error(data):
    edit(data / "rules.toml", 'sources = ["S2", "S4", "S8", "S36"]', 'sources = []')
    with pytest.raises(RuleDataError, match="rules.toml"):
        load_rules_from(data)


def test_unknown_source_is_an_error(data):
    edit(data / "rules.toml", 'sources = ["S2", "S4", "S8", "S36"]', 'sources = ["S999"]')
    with pytest.raises(RuleDataError, match="unknown source 'S999'"):
        load_rules_from(data)


def test_overlapping_ranges_are_an_error(data):
    edit(data / "rules.toml",
         'values = [{ since = 2021-07-30, value = 70, sources = ["S2", "S4", "S8", "S36"], confidence = "official" }]',
         'values = [{ since = 2021-07-30, value = 70, sources = ["S2"], confidence = "official" }, '
         '{ since = 2025-01-01, value = 75, sources = ["S2"], confidence = "official" }]')
    with pytest.raises(RuleDataError, match="overlap"):
        load_rules_from(data)


def test_until_before_since_is_an_error(data):
    edit(data / "rules.toml", "since = 2012-07-09, until = 2027-04-01", "since = 2012-07-09, until = 2012-01-01")
    with pytest.raises(RuleDataError, match="rules.toml"):
        load_rules_from(data)


def test_duplicate_id_is_an_error(data):
    edit(data / "points.toml", 'id = "academic.master"', 'id = "academic.doctorate"')
    with pytest.raises(RuleDataError, match="appears twice"):
        load_rules_from(data)


def test_unknown_confidence_is_an_error(data):
    edit(data / "statuses.toml", 'confidence = "two_plus"', 'confidence = "pretty sure"')
    with pytest.raises(RuleDataError):
        load_rules_from(data)


def test_checklist_naming_an_unknown_document_is_an_error(data):
    edit(data / "documents.toml", '{ doc = "juminhyo"', '{ doc = "juminhyou"')
    with pytest.raises(RuleDataError, match="unknown document"):
        load_rules_from(data)


def test_dated_lookup_respects_until():
    r = load_rules()
    from datetime import date
    assert r.rule_value("stay.three_years_count", date(2027, 3, 31)) is not None
    assert r.rule_value("stay.three_years_count", date(2027, 4, 1)) is None
    assert r.rule_value("pr.jskip.years", date(2023, 4, 20)) is None


def test_document_list_years_per_route():
    """Reference 5.2 and the project decision on the 70 route (tax 3, pension and health 2)."""
    from datetime import date
    r = load_rules()
    years = {route: (c.tax_years, c.pension_years, c.health_years)
             for route in ("hsp80", "hsp70", "general", "spouse", "child")
             for c in [r.checklist(route, date(2026, 6, 1))]}
    assert years == {"hsp80": (1, 1, 1), "hsp70": (3, 2, 2), "general": (5, 2, 2), "spouse": (3, 2, 2),
                     "child": (1, 1, 1)}


def test_every_route_has_a_document_list():
    from datetime import date
    from hsp_wizard.domain.routes import ROUTES, checklist_route
    r = load_rules()
    for route in ROUTES:
        cl = r.checklist(checklist_route(route), date(2026, 6, 1))
        assert cl is not None and any(i.doc == "application_form" for i in cl.items)
