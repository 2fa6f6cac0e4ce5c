"""Test set-up: Qt offscreen, never the user's real settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
