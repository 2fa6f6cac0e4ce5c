"""`hsp-wizard checklist` run as the program ends without the interpreter's teardown (issue 21): the PDF it leaves
is whole and the same as the one made in-process, what it prints arrives (stdout block-buffered into a pipe), its
exit code is kept; called in-process, it returns and leaves the garbage collector as it found it."""

import gc
import os
import subprocess
import sys
from pathlib import Path

from hsp_wizard.app import main as app_main
from hsp_wizard.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "household" / "family-b.hspw"
PROGRAM = [sys.executable, "-c", "import sys; from hsp_wizard.app import main; sys.exit(main())"]


def program(*args):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout block-buffered, as usual
    return subprocess.run([*PROGRAM, *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_the_program_writes_the_same_pdf_as_in_process(tmp_path):
    for lang in ("en", "ja"):
        out, ref = tmp_path / f"p-{lang}.pdf", tmp_path / f"r-{lang}.pdf"
        r = program("checklist", str(EXAMPLE), "-o", str(out), "--lang", lang)
        assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
        assert cli_main(["checklist", str(EXAMPLE), "-o", str(ref), "--lang", lang]) == 0
        assert out.read_bytes() == ref.read_bytes() and out.read_bytes().rstrip().endswith(b"%%EOF")


def test_the_program_says_what_went_wrong_and_exits_2(tmp_path):
    r = program("checklist", str(tmp_path / "missing.hspw"), "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and "missing.hspw" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_what_the_program_prints_to_a_pipe_arrives():
    r = program("checklist", "--help")
    assert r.returncode == 0 and r.stdout.startswith("usage: hsp-wizard checklist") and "--lang" in r.stdout


def test_in_process_it_returns_and_keeps_the_collector_as_it_was(tmp_path):
    assert gc.isenabled()
    assert app_main(["checklist", str(EXAMPLE), "-o", str(tmp_path / "a.pdf")]) == 0
    assert gc.isenabled() and (tmp_path / "a.pdf").stat().st_size > 0
    gc.disable()
    try:
        assert app_main(["checklist", str(tmp_path / "missing.hspw"), "-o", str(tmp_path / "b.pdf")]) == 2
        assert not gc.isenabled()
    finally:
        gc.enable()
