"""Entry point: `hsp-wizard evaluate ...` runs the headless CLI, `--self-test` checks the installation, and
anything else opens the window."""

from __future__ import annotations

import sys

CLI_COMMANDS = {"evaluate", "checklist", "schema"}


def main(argv: list[str] | None = None) -> int:
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
    if argv[:1] == ["checklist"]:  # one PDF, then the process ends: the cyclic collector would only cost time
        import gc                  # (~10% of the command; its cycles are a few MB at most, freed at exit)
        gc.disable()
    if argv and (argv[0] in CLI_COMMANDS or argv[0] in {"-h", "--help", "--version"}):
        from hsp_wizard.cli import main as cli_main
        return cli_main(argv)
    from hsp_wizard.ui.startup import run  # Qt is imported only for the window
    return run(argv)
