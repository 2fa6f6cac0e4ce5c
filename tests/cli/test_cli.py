"""The CLI over the same engine: one file, a folder, JSON, exit codes, messages on stderr."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hsp_wizard.cli import main
from hsp_wizard.domain.evaluate import evaluate
from hsp_wizard.storage import load_project

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "gijinkoku-points-route-b.hspw"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_evaluate_one_file_human(capsys):
    code, out, err = run(capsys, "evaluate", str(EXAMPLE), "--on", "2026-10-01")
    assert code == 0 and not err
    assert "Category (b): 75 points; meets the HSP(i) criteria" in out  # age 30: 20+10+20+10+15
    # The salary (from 2020-05-10) brings the 70 points: 3 years on, 2023-05-10, the 70 route opens; the 36-month
    # period of stay counts as the longest only until 2027-03-31 (the route closes 2027-04-01). The example leaves
    # the landing-criteria question (asked from 2026-02-24) unanswered: the route cannot be told yet.
    assert ("Cannot tell yet: enter whether you still meet your current status's requirements first. If all is in "
            "order, you can apply via HSP 70 points, 3 years, open since 10 May 2023, until 31 Mar 2027: apply by 31 "
            "Mar 2027.") in out
    assert ("HSP 70 points, 3 years (高度人材（70点以上・3年）): cannot tell yet: enter whether you still meet your "
            "current status's requirements (if all is in order: open since 10 May 2023, until 31 Mar 2027)") in out
    assert "salary.ab.6m" not in out and "Why?" not in out  # rule ids only in the explanation
    code, out, err = run(capsys, "evaluate", str(EXAMPLE), "--on", "2026-10-01", "--why")
    assert code == 0 and "(rule salary.ab.6m)" in out.split("Why?", 1)[1]


def test_evaluate_json_matches_the_engine(capsys):
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE), "--on", "2026-10-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["format"] == "hsp-wizard-evaluation" and data["version"] == 1
    ev = data["results"][0]["evaluation"]
    ref = evaluate(load_project(EXAMPLE), __import__("datetime").date(2026, 10, 1))
    assert ev["points"]["total"] == ref.points.total == 75
    assert ev["openings"] == {k: v.as_json() for k, v in ref.openings.items()}
    # a 3-year period of stay stops counting as the longest on 2027-04-01: no 80 route without a renewal
    assert ev["openings"]["hsp80"]["opens"] is None
    assert any(c["rule"] == "stay.three_years_count" for c in ev["openings"]["hsp80"]["binding"])
    assert set(ev["routes"]) >= {"hsp80", "hsp70", "jskip", "general", "spouse"}


def test_evaluate_folder_lists_every_project(capsys):
    code, out, _ = run(capsys, "evaluate", str(ROOT / "examples"), "--json")
    data = json.loads(out)
    assert code == 0 and len(data["results"]) == len(list((ROOT / "examples").glob("*.hspw")))


def test_bad_file_in_a_folder_exits_2_and_still_reports_the_rest(tmp_path, capsys):
    (tmp_path / "good.hspw").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "bad.hspw").write_text('{"format":"hsp-wizard-project","schema_version":1,"birth_date":5}')
    code, out, err = run(capsys, "evaluate", str(tmp_path), "--json")
    assert code == 2
    assert "bad.hspw: Field birth_date" in err and "Traceback" not in err
    data = json.loads(out)
    assert len(data["results"]) == 1 and len(data["errors"]) == 1


@pytest.mark.parametrize("args, fragment", [
    (["evaluate", "/no/such/path"], "No such file or folder"),
    (["evaluate", str(EXAMPLE), "--on", "2026-02-30"], "not a date"),
    (["evaluate", str(EXAMPLE), "--lang", "fr"], "invalid choice"),
])
def test_bad_input_exits_2_with_a_message(capsys, args, fragment):
    code, _, err = run(capsys, *args)
    assert code == 2 and fragment in err


def test_installed_command_runs_headless():
    exe = Path(sys.executable).with_name("hsp-wizard")
    r = subprocess.run([str(exe), "evaluate", str(EXAMPLE), "--json"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["results"][0]["evaluation"]["category"] == "b"


def test_a_protected_project_needs_its_password_on_stdin(capsys, tmp_path, monkeypatch):
    import io
    from hsp_wizard.storage import save_project
    from hsp_wizard.storage.encryption import KdfParams, SealKey
    key = SealKey.from_password("long password", KdfParams(b"s" * 32, 19 * 1024, 1, 1))
    target = tmp_path / "secret.hspw"
    save_project(load_project(EXAMPLE), target, key=key)
    code, out, err = run(capsys, "evaluate", str(target), "--on", "2026-10-01")
    assert code == 2 and not out and "protected by a password (give it with --password-stdin)" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("not it\n"))
    code, out, err = run(capsys, "evaluate", str(target), "--password-stdin")
    assert code == 2 and "password is not right" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("long password\n"))
    code, out, err = run(capsys, "evaluate", str(target), "--on", "2026-10-01", "--password-stdin")
    assert code == 0 and "Category (b): 75 points" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("long password\n"))
    pdf = tmp_path / "c.pdf"
    code, out, err = run(capsys, "checklist", str(target), "-o", str(pdf), "--password-stdin")
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_one_file_carries_the_timeline_and_the_suggestions_a_folder_only_on_request(capsys):
    from hsp_wizard.domain.timeline import timeline
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE), "--json")
    result = json.loads(out)["results"][0]
    assert code == 0 and result["timeline"]["category"] == "b"
    today = __import__("datetime").date.today()
    expected = timeline(load_project(EXAMPLE), today)
    assert [p["on"] for p in result["timeline"]["points"]] == [d.isoformat() for d in expected.steps]
    assert [e["on"] for e in result["timeline"]["events"]] == [e.on.isoformat() for e in expected.events]
    assert isinstance(result["suggestions"], list)
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE.parent), "--json")
    assert all(r["timeline"] is None and r["suggestions"] is None for r in json.loads(out)["results"])
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE.parent), "--json", "--plan")
    assert all(r["timeline"] is not None for r in json.loads(out)["results"])
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE), "--lang", "ja")
    assert "ポイントの推移" in out


def test_scenarios_are_compared_in_json_and_text_and_absent_without_any(capsys):
    from hsp_wizard.domain.scenarios import compare
    planning = ROOT / "examples" / "planning-b.hspw"
    code, out, _ = run(capsys, "evaluate", str(planning), "--json")
    result = json.loads(out)["results"][0]
    today = __import__("datetime").date.today()
    assert code == 0 and result["scenarios"] == compare(load_project(planning), today).as_json()
    assert [c["name"] for c in result["scenarios"]["columns"]] == [None, "N1 in July", "Raise, apply early",
                                                                   "Innovation employer", "Long trip"]
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE), "--json")
    assert json.loads(out)["results"][0]["scenarios"] is None
    code, out, _ = run(capsys, "evaluate", str(planning))
    assert "Scenarios compared:" in out and "    Long trip: no route opens within the horizon" in out
    code, out, _ = run(capsys, "evaluate", str(planning), "--lang", "ja", "--no-plan")
    assert "Long trip" not in out


def test_a_large_folder_gives_the_same_bytes_in_worker_processes_as_in_one(tmp_path, capsys, monkeypatch):
    """Past PARALLEL_FROM files the CLI uses worker processes and writes each result as it arrives: the output is
    the same, byte for byte and in the files' order, as evaluating them one after another."""
    import hsp_wizard.cli as cli
    examples = sorted((ROOT / "examples").glob("*.hspw"))
    for i in range(cli.PARALLEL_FROM + 6):
        (tmp_path / f"p{i:03d}.hspw").write_bytes(examples[i % len(examples)].read_bytes())
    (tmp_path / "p033-broken.hspw").write_text("{")
    args = ("evaluate", str(tmp_path), "--json", "--on", "2026-10-01")
    code, parallel, err = run(capsys, *args)
    assert code == 2 and err.count("p033-broken.hspw") == 1
    monkeypatch.setattr(cli, "PARALLEL_FROM", 10**9)
    assert run(capsys, *args)[1] == parallel
    data = json.loads(parallel)
    assert [Path(r["file"]).name for r in data["results"]] == sorted(
        p.name for p in tmp_path.iterdir() if p.name != "p033-broken.hspw")


def test_results_are_written_as_they_arrive_not_collected(capsys):
    """A scrivener's 10,000 files must not be held in memory: the first result is on stdout before the second
    is even evaluated."""
    import hsp_wizard.cli as cli
    seen = []

    def outcomes():
        yield True, '{"file":"a"}'
        seen.append(capsys.readouterr().out)
        yield True, '{"file":"b"}'

    assert cli._write_outcomes(outcomes(), as_json=True) == 0
    assert seen == ['{"format":"hsp-wizard-evaluation","version":1,"results":[{"file":"a"}']
    assert capsys.readouterr().out == ',\n{"file":"b"}],"errors":[]}\n'
FAMILY = ROOT / "examples" / "household" / "family-b.hspw"


def test_the_household_in_text_and_json(capsys):
    code, out, err = run(capsys, "evaluate", str(FAMILY), "--no-plan")
    assert code == 0 and not err
    assert "Your household on 1 Oct 2026:" in out
    spouse = out[out.index("    Spouse:"):out.index("    Child 1")]
    assert "cannot apply with you yet" in spouse and "With you, earliest: 1 Nov 2026" in spouse
    assert "Bringing a parent: met" in out and "Bringing a domestic worker: not met" in out
    code, out, _ = run(capsys, "evaluate", str(FAMILY), "--no-plan", "--json")
    hh = json.loads(out)["results"][0]["household"]
    assert hh["household_income"] == 8_000_000
    assert [(m["route"], m["together"]["opens"]) for m in hh["members"]] == [
        ("spouse", "2026-11-01"), ("child", "2026-10-01"), ("child", "2026-12-01")]
    assert {b["benefit"]: b["met"] for b in hh["benefits"]} == {"spouse_work": True, "parent": True,
                                                                "domestic_worker": False}
    # a single person has no household section
    code, out, _ = run(capsys, "evaluate", str(EXAMPLE), "--no-plan", "--json")
    assert "household" not in json.loads(out)["results"][0]


def test_the_household_in_japanese(capsys):
    code, out, _ = run(capsys, "evaluate", str(FAMILY), "--no-plan", "--lang", "ja")
    assert code == 0 and "世帯" in out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_household_names_no_rule_or_source_until_why(capsys, lang):
    from tests.answer.idscan import internal_ids
    code, out, _ = run(capsys, "evaluate", str(FAMILY), "--no-plan", "--lang", lang)
    household = out[out.index("世帯" if lang == "ja" else "Your household on"):]
    assert code == 0 and internal_ids(household) == []
    code, out, _ = run(capsys, "evaluate", str(FAMILY), "--no-plan", "--lang", lang, "--why")
    household = out[out.index("世帯" if lang == "ja" else "Your household on"):]
    assert "family.joint_application" in household and "benefit.parent.household_income_yen" in household
