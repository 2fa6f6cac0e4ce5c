"""Entry point: `hsp-wizard evaluate ...` runs the headless CLI, `--self-test` checks the installation, and
anything else opens the window."""

from __future__ import annotations

import sys

CLI_COMMANDS = {"evaluate", "checklist", "schema"}


def main(argv: list[str] | None = None) -> int:
    as_program = argv is None  # the process's own entry point (the console script, main.py, the frozen app)
    if getattr(sys, "frozen", False):  # a frozen app's worker process (the scenario comparison) starts here;
        import multiprocessing        # elsewhere freeze_support does nothing, and importing it costs ~25 ms
        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # a windowed build on Windows has no console: printing must not fail
        import os
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if argv[:1] == ["--self-test"]:
        from hsp_wizard.selftest import main as self_test
        return self_test()
    if argv[:1] == ["checklist"]:
        return _checklist(argv, as_program)
    if argv and (argv[0] in CLI_COMMANDS or argv[0] in {"-h", "--help", "--version"}):
        from hsp_wizard.cli import main as cli_main
        return cli_main(argv)
    from hsp_wizard.ui.startup import run  # Qt is imported only for the window
    return run(argv)


def _checklist(argv: list[str], as_program: bool) -> int:
    """`hsp-wizard checklist`: one PDF, then the process ends (issue 21: under 500 ms). It runs without the cyclic
    garbage collector (160 collections cost 30-80 ms; its cycles are a few MB at most) and, run as the program,
    ends without the interpreter's teardown: freeing every module and object (pydantic's validators, reportlab,
    the font's metrics) takes two full collections, 80-200 ms after the PDF is written. The PDF is already written
    and fsynced (write_private_atomic); what was printed is flushed first. Called in-process, it returns."""
    import gc
    import os
    collecting = gc.isenabled()
    gc.disable()
    from hsp_wizard.cli import main as cli_main
    try:
        code = cli_main(argv)
        if as_program:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)  # never returns (the finally below is for a caller in-process, or a traceback)
        return code
    finally:
        if collecting:
            gc.enable()
