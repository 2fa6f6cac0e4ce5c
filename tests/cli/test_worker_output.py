"""`evaluate FOLDER` through its worker processes writes, on a real standard output, the very bytes one process
writes into a text stream: the workers encode each result as standard output would and the parent writes the bytes
(issue 21); the exactness guard's own run captures a text stream, where the text is written as before."""

import subprocess
import sys

import pytest

from hsp_wizard import cli
from tests.cli.exactness import generated_folder


@pytest.mark.parametrize("args", [["--json"], []])
def test_the_workers_bytes_on_standard_output_are_those_of_one_process(tmp_path, monkeypatch, capsysbinary, args):
    folder = generated_folder(tmp_path, cli.PARALLEL_FROM)  # just enough files for the workers
    (folder / "broken.hspw").write_text("{", encoding="utf-8")  # and an error, written after the results
    run = subprocess.run([sys.executable, "-m", "hsp_wizard.cli", "evaluate", str(folder), *args],
                         capture_output=True, check=False)
    assert run.returncode == 2 and b"broken.hspw" in run.stderr
    monkeypatch.setattr(cli, "PARALLEL_FROM", 10 ** 9)  # one process
    assert cli.main(["evaluate", str(folder), *args]) == 2
    alone = capsysbinary.readouterr().out
    assert len(alone) > 64 * 2000 and run.stdout == alone
