"""Every schema version ever shipped has a golden file that still loads; versions, steps and goldens agree;
migration is idempotent; a migrated file's original is kept the first time it is saved."""

import json
from pathlib import Path

from hsp_wizard.domain.project import SCHEMA_VERSION
from hsp_wizard.storage import dumps_project, load_project_versioned, loads_project, save_project
from hsp_wizard.storage import migrations

GOLDEN = Path(__file__).with_name("golden")


def test_versions_steps_and_golden_files_agree():
    # bumping SCHEMA_VERSION without a step, a SHIPPED entry and a golden file fails here
    assert set(migrations.SHIPPED) == set(range(1, SCHEMA_VERSION + 1))
    assert set(migrations.STEPS) == set(range(1, SCHEMA_VERSION))
    assert {p.name for p in GOLDEN.glob("v*.hspw")} == {f"v{v}.hspw" for v in migrations.SHIPPED}


def test_every_golden_file_loads_and_migration_is_idempotent():
    for v in migrations.SHIPPED:
        raw = json.loads((GOLDEN / f"v{v}.hspw").read_bytes())
        once = migrations.migrate(raw)
        assert once["schema_version"] == SCHEMA_VERSION
        assert migrations.migrate(once) == once
        project, version = load_project_versioned(GOLDEN / f"v{v}.hspw")
        assert version == v and project.birth_date is not None
        assert loads_project(dumps_project(project)) == project


def test_an_older_file_is_upgraded_and_its_original_kept_on_first_save(tmp_path, monkeypatch):
    """With a made-up version 0 whose `name` was stored as `full_name`, the chain runs end to end."""
    def step(doc):
        doc["name"] = doc.pop("full_name", None)
        return doc
    monkeypatch.setattr(migrations, "SHIPPED", {0: "0.0.9", **migrations.SHIPPED})
    monkeypatch.setattr(migrations, "STEPS", {0: step, **migrations.STEPS})
    data = json.loads((GOLDEN / "v1.hspw").read_bytes())
    data["full_name"] = data.pop("name")
    data["schema_version"] = 0
    old = tmp_path / "p.hspw"
    old.write_text(json.dumps(data))
    original = old.read_bytes()
    project, version = load_project_versioned(old)
    assert version == 0 and project.name == data["full_name"]
    assert migrations.migrate(data) == migrations.migrate(migrations.migrate(data))
    save_project(project, old, migrated_from=0)
    assert (tmp_path / "p.hspw.v0.bak").read_bytes() == original
    assert load_project_versioned(old) == (project, SCHEMA_VERSION)
    save_project(project, old, migrated_from=0)  # a later save never overwrites the original
    assert (tmp_path / "p.hspw.v0.bak").read_bytes() == original


def test_version_1_gains_no_scenarios_and_version_2_keeps_every_kind_of_change():
    v1, version = load_project_versioned(GOLDEN / "v1.hspw")
    assert version == 1 and v1.scenarios == []
    v2, version = load_project_versioned(GOLDEN / "v2.hspw")
    assert version == 2
    # the same person: version 2 only adds the scenarios
    assert v2.model_copy(update={"scenarios": []}) == v1
    assert {c.kind.value for s in v2.scenarios for c in s.changes} == {"jlpt_n1", "jlpt_n2", "raise",
                                                                       "employer_b1", "trip"}
    assert v2.scenarios[1].planned_application_date is not None


def test_version_3_adds_the_facts_of_the_law_as_of_2026_and_leaves_them_unknown_on_older_files():
    v2, _ = load_project_versioned(GOLDEN / "v2.hspw")
    # a version-2 file answered none of the new questions: every one is unknown, not "no"
    assert v2.family.child_kind is None and v2.family.protection == "refugee"
    assert v2.obligations.landing_criteria == "unknown"
    assert v2.business.capital_yen is None
    assert {v2.business.full_time_staff, v2.business.japanese_b2, v2.business.relevant_degree} == {"unknown"}
    v3, version = load_project_versioned(GOLDEN / "v3.hspw")
    assert version == 3
    assert v3.model_copy(update={"trips": [], "family": v2.family, "obligations": v2.obligations,
                                 "business": v2.business, "household": v2.household,
                                 "incomplete_rows": {}}) == v2
    assert [t.status_expires for t in v3.trips if t.reentry_permit == "special"] != [None]
    assert [t.permit_expires for t in v3.trips if t.reentry_permit == "ordinary"] != [None]
    assert (v3.family.child_kind, v3.family.protection, v3.obligations.landing_criteria) == \
        ("special_adoption", "complementary", "yes")
    assert v3.business.capital_yen == 30_000_000 and v3.business.relevant_degree == "unknown"


def test_version_2_opens_as_a_household_of_one_and_version_3_keeps_every_member():
    v2, version = load_project_versioned(GOLDEN / "v2.hspw")
    assert version == 2 and v2.household.members == [] and v2.household.domestic_worker is None
    v3, version = load_project_versioned(GOLDEN / "v3.hspw")
    assert version == 3
    assert {m.kind.value for m in v3.household.members} == {"spouse", "child", "parent"}
    assert {m.nationality.value for m in v3.household.members} == {"foreign", "japanese"}
    assert v3.household.domestic_worker is not None and v3.household.expecting_until is not None
    assert v3.household.members[0].penalties[0].kind == "fine"
    raw = json.loads((GOLDEN / "v2.hspw").read_bytes())
    assert migrations.migrate(raw)["household"] == {"members": []}


def test_version_2_gains_no_incomplete_rows_and_version_3_keeps_rows_as_typed():
    v2, _v = load_project_versioned(GOLDEN / "v2.hspw")
    assert v2.incomplete_rows == {}
    v3, version = load_project_versioned(GOLDEN / "v3.hspw")
    assert version == 3
    assert v3.incomplete_rows["salary"][0].cells == {"start": "2027-04", "amount_yen": "", "foreign_amount_yen": ""}
    assert v3.incomplete_rows["penalties"][0].position == 0
    assert loads_project(dumps_project(v3)) == v3



def test_a_question_never_answered_is_null_and_older_files_keep_their_answers():
    """A fresh user saw "No", "Employee" and "withheld" for questions never answered: these are null until
    answered. An older file means what it meant: its saved answers are unchanged, and a version-2 file that left
    a key out keeps the old default (it was "no", "employee", withheld), never "not answered"."""
    from hsp_wizard.domain.project import Project
    fresh = Project()  # a project never answered: nothing taken as answered
    assert (fresh.family.spouse_is, fresh.family.parent_is, fresh.obligations.occupation,
            fresh.obligations.resident_tax_withheld) == (None, None, None, None)
    for v in migrations.SHIPPED:
        old, _ = load_project_versioned(GOLDEN / f"v{v}.hspw")
        assert (old.family.spouse_is, old.family.parent_is) == ("none", "none"), v
        assert (old.obligations.occupation, old.obligations.resident_tax_withheld) == ("employee", True), v
    raw = json.loads((GOLDEN / "v2.hspw").read_bytes())
    whole = loads_project(json.dumps(raw).encode())
    for key in ("spouse_is", "parent_is"):
        del raw["family"][key]
    for key in ("occupation", "resident_tax_withheld"):
        del raw["obligations"][key]
    assert loads_project(json.dumps(raw).encode()) == whole
    del raw["family"], raw["obligations"]
    bare = loads_project(json.dumps(raw).encode())
    assert (bare.family.spouse_is, bare.family.parent_is) == ("none", "none")
    assert (bare.obligations.occupation, bare.obligations.resident_tax_withheld) == ("employee", True)
    unanswered = fresh.model_copy(update={"birth_date": old.birth_date})
    assert loads_project(dumps_project(unanswered)) == unanswered  # saved as null, read back as not answered
