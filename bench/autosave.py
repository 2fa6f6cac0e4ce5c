"""What an autosave costs the window (it runs on the UI thread when typing pauses), and what the password costs:
the busy project of ui_update.py (20 rows in every list), autosaved 50 times plain and 50 times encrypted, and
the key derived 5 times (once per password: when saving with a new one or opening a protected file)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.ui_update import busy  # noqa: E402


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        assert fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    # on a real disk, not /tmp (often tmpfs, where fsync costs nothing)
    os.environ["HSP_WIZARD_STATE_DIR"] = tempfile.mkdtemp(dir=Path(__file__).resolve().parents[1])
    os.environ["HSP_WIZARD_CONFIG_DIR"] = tempfile.mkdtemp()
    app = QApplication([])  # noqa: F841
    from hsp_wizard.storage.encryption import SealKey
    from hsp_wizard.ui.document import ProjectDocument
    from hsp_wizard.ui.main_window import MainWindow
    w = MainWindow(ProjectDocument(busy()))
    w.doc.set_dirty(True)
    size = None
    for label, key in (("plain", None), ("encrypted", SealKey.from_password("bench password"))):
        w.doc.key = key
        times = timed(w.autosave_now, 50)
        size = w._autosave.path.stat().st_size
        print(f"autosave {label:9}: median {statistics.median(times):6.1f} ms, worst {max(times):6.1f} ms "
              f"({size / 1024:.0f} KiB file)")
    kdf = timed(lambda: SealKey.from_password("bench password") is not None, 5)
    print(f"key from a password (Argon2id 64 MiB, 12 passes): median {statistics.median(kdf):.0f} ms, "
          f"worst {max(kdf):.0f} ms")
    w._drop_autosave()
    os.rmdir(Path(os.environ["HSP_WIZARD_STATE_DIR"]) / "autosave")
    os.rmdir(os.environ["HSP_WIZARD_STATE_DIR"])


if __name__ == "__main__":
    main()
