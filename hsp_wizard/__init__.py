"""HSP Wizard: offline Highly Skilled Professional points and permanent-residence planner."""

__version__ = "0.2.0"
APP_NAME = "HSP Wizard"
