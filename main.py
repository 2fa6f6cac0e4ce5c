"""Launcher: `python main.py` starts HSP Wizard."""
from hsp_wizard.app import main

if __name__ == "__main__":  # a worker process (the scenario comparison) imports this module too
    raise SystemExit(main())
