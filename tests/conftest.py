"""Test set-up: Qt offscreen, never the user's real settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1280x720 screen, the smallest the window must fit
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(os.path.dirname(__file__),
                                                                         "offscreen-1280x720.json")
