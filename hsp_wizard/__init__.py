"""HSP Wizard: offline Highly Skilled Professional points and permanent-residence planner."""

__version__ = "0.3.0"
APP_NAME = "HSP Wizard"
