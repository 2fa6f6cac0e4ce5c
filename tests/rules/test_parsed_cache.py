"""The rule files' parse kept beside them (hsp_wizard/rules/parsed.py, issue 21): the same rules as the TOML
parser gives, used only when made from the very bytes of the files, never a stale or foreign one."""

import pickle
import shutil
from importlib import resources
from pathlib import Path

import pytest

from hsp_wizard.rules import load_rules
from hsp_wizard.rules import parsed
from hsp_wizard.rules.loader import DATA_FILES, load_rules_from

PACKAGED = Path(str(resources.files("hsp_wizard.rules"))) / "data"


@pytest.fixture
def data(tmp_path) -> Path:
    for name in DATA_FILES:
        shutil.copy(PACKAGED / name, tmp_path / name)
    return tmp_path


def raws(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in DATA_FILES}


def write_cache(folder: Path, made_from: dict[str, bytes] | None = None) -> None:
    (folder / parsed.CACHE_NAME).write_bytes(parsed.build(made_from or raws(folder)))


def pass_mark(rules) -> int:
    return rules.rules["gate.pass_mark"].values[-1].value


def test_the_same_rules_from_the_cache_as_from_the_toml(data):
    parsed_rules = load_rules_from(data)
    write_cache(data)
    assert parsed.read((data / parsed.CACHE_NAME).read_bytes(), raws(data)) is not None  # it is taken
    assert load_rules_from(data) == parsed_rules
    assert load_rules_from(data).rows.keys() == load_rules().rows.keys()


def test_a_fresh_cache_is_what_is_read(data):
    """Made from these bytes but holding another pass mark: the loader answers from it (so it is used at all)."""
    made = raws(data)
    stored = pickle.loads(parsed.build(made))
    for rule in stored["parsed"]["rules.toml"]["rule"]:
        if rule["id"] == "gate.pass_mark":
            rule["values"][-1]["value"] += 1
    (data / parsed.CACHE_NAME).write_bytes(pickle.dumps(stored, protocol=5))
    assert pass_mark(load_rules_from(data)) == pass_mark(load_rules()) + 1


def test_an_edited_file_is_parsed_again_not_answered_from_a_stale_cache(data):
    write_cache(data)
    rules = data / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text + "\n# edited\n", encoding="utf-8")  # one byte more anywhere: not the cache's files
    assert parsed.read((data / parsed.CACHE_NAME).read_bytes(), raws(data)) is None
    assert load_rules_from(data) == load_rules()
    old = 'values = [{ since = 2021-07-30, value = 70, sources = ["S2", "S4", "S8", "S36"]'
    assert old in text
    rules.write_text(text.replace(old, old.replace("value = 70", "value = 72")), encoding="utf-8")
    assert pass_mark(load_rules_from(data)) == 72


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"key": b"x", "parsed": {}}),
                                     pickle.dumps(Path("/etc/passwd")), pickle.dumps({1, 2})])
def test_a_broken_or_foreign_cache_is_not_used(data, content):
    (data / parsed.CACHE_NAME).write_bytes(content)
    assert parsed.read(content, raws(data)) is None
    assert load_rules_from(data) == load_rules()


def test_the_unpickler_builds_no_other_class(data):
    made = raws(data)
    stored = pickle.loads(parsed.build(made))
    stored["parsed"]["rules.toml"]["extra"] = Path("/tmp")
    assert parsed.read(pickle.dumps(stored), made) is None
