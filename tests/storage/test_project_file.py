"""Project files: clear messages for bad files, newer versions refused untouched, round trips, schema doc."""

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from hsp_wizard.domain.project import SCHEMA_VERSION

from hsp_wizard.domain.project import Project, SalaryEntry
from hsp_wizard.domain.schema_doc import SCHEMA_PATH, project_json_schema_text
from hsp_wizard.storage import MAX_FILE_BYTES, ProjectFileError, load_project, loads_project, save_project

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.hspw"))


def base(**over) -> dict:
    d = {"format": "hsp-wizard-project", "schema_version": 1, "birth_date": "1990-01-01"}
    d.update(over)
    return d


def message(raw: bytes | str) -> str:
    data = raw.encode() if isinstance(raw, str) else raw
    with pytest.raises(ProjectFileError) as info:
        loads_project(data, "p.hspw")
    text = str(info.value)
    assert text.startswith("p.hspw: ") and "Traceback" not in text
    return text


def test_at_least_six_examples_covering_the_cases():
    assert len(EXAMPLES) >= 6
    projects = {p.stem: load_project(p) for p in EXAMPLES}
    cats = {p.category for p in projects.values()}
    assert {"a", "b", "c"} <= {c.value for c in cats if c}
    assert any(r.special_hsp for p in projects.values() for r in p.residence)
    assert any(p.family.spouse_is != "none" for p in projects.values())
    assert any(all(r.status == "engineer_humanities" or r.status == "student" for r in p.residence)
               and p.residence for p in projects.values())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip_byte_for_byte(path, tmp_path):
    p = load_project(path)
    out = tmp_path / "copy.hspw"
    save_project(p, out)
    assert out.read_bytes() == path.read_bytes()
    assert load_project(out) == p


def test_schema_doc_is_current():
    assert (ROOT / SCHEMA_PATH).read_text(encoding="utf-8") == project_json_schema_text(), \
        "docs/project-schema.json is stale: run `hsp-wizard schema > docs/project-schema.json`"


def test_duplicate_keys_are_refused():
    assert 'key "birth_date" appears twice' in message('{"format":"hsp-wizard-project","schema_version":1,'
                                                       '"birth_date":"1990-01-01","birth_date":"1991-01-01"}')


def test_unknown_field_is_named():
    assert "sallary" in message(json.dumps(base(sallary=5)))


def test_timestamp_as_date_is_refused():
    assert "birth_date" in message(json.dumps(base(birth_date=638582400)))


def test_year_0001_is_refused():
    assert "birth_date" in message(json.dumps(base(birth_date="0001-01-01")))


def test_impossible_date_is_refused():
    assert "birth_date" in message(json.dumps(base(birth_date="2023-02-29")))


def test_datetime_for_a_date_is_refused():
    assert "birth_date" in message(json.dumps(base(birth_date="1990-02-28T23:30:00")))


def test_float_yen_is_refused():
    assert "salary.0.amount_yen" in message(json.dumps(base(salary=[{"start": "2020-01-01", "amount_yen": 5e6}])))


def test_negative_yen_is_refused():
    assert "amount_yen" in message(json.dumps(base(salary=[{"start": "2020-01-01", "amount_yen": -1}])))


def test_end_before_start_is_refused():
    assert "career.0" in message(json.dumps(base(career=[{"kind": "specialised", "start": "2020-01-01",
                                                          "end": "2019-01-01"}])))


def test_salary_value_is_not_echoed_in_the_message():
    text = message(json.dumps(base(salary=[{"start": "2020-01-01", "amount_yen": 123456789012345}])))
    assert "123456789012345" not in text


def test_newer_schema_version_is_refused_and_the_file_untouched(tmp_path):
    f = tmp_path / "future.hspw"
    f.write_text(json.dumps(base(schema_version=SCHEMA_VERSION + 1)))
    before = hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns
    with pytest.raises(ProjectFileError, match=rf"newer version .*file version {SCHEMA_VERSION + 1}, this program "
                                               rf"reads up to {SCHEMA_VERSION}"):
        load_project(f)
    assert (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns) == before


@pytest.mark.parametrize("raw, fragment", [
    (b"", "The file is empty"),  # said as it is (and told as a damaged project, not another file)
    (b"[1,2]", "top level is not an object"),
    (b'{"format":"other"}', "Not an HSP Wizard project"),
    (b'{"format":"hsp-wizard-project","schema_version":"1"}', "whole number"),
    (b'{"format":"hsp-wizard-project","schema_version":1} junk', "Not a valid JSON file"),
    (b"\xff\xfe\x00", "UTF-8"),
    (b'{"format":"hsp-wizard-project","schema_version":1,"x":NaN}', "Not a valid JSON file"),
    (b"[" * 100_000, "nested too deeply"),
])
def test_broken_files_give_a_clear_message(raw, fragment):
    assert fragment in message(raw)


def test_bom_is_accepted():
    assert loads_project(b"\xef\xbb\xbf" + json.dumps(base()).encode()).birth_date == date(1990, 1, 1)


def test_oversized_file_is_refused_before_reading(tmp_path):
    f = tmp_path / "big.hspw"
    f.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(ProjectFileError, match="at most"):
        load_project(f)


def test_folder_and_missing_file_messages(tmp_path):
    with pytest.raises(ProjectFileError, match="folder"):
        load_project(tmp_path)
    with pytest.raises(ProjectFileError, match="No such file"):
        load_project(tmp_path / "nope.hspw")


def test_too_many_list_items_are_refused():
    items = [{"start": "2020-01-01", "amount_yen": 1}] * 201
    assert "salary" in message(json.dumps(base(salary=items)))


def test_save_is_atomic_and_leaves_no_temporary_file(tmp_path):
    f = tmp_path / "p.hspw"
    save_project(Project(salary=[SalaryEntry(start=date(2020, 1, 1), amount_yen=5_000_000)]), f)
    assert [x.name for x in tmp_path.iterdir()] == ["p.hspw"]
    assert load_project(f).salary[0].amount_yen == 5_000_000
