"""Launcher: `python main.py` starts HSP Wizard."""
from hsp_wizard.app import main
raise SystemExit(main())
