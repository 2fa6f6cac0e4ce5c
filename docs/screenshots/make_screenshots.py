"""Open an example project in the real window and save a PNG of every page (run by make.sh under Xvfb)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    app = QApplication([sys.argv[0], "-platform", "xcb"])
    from hsp_wizard.ui.wizard import MainWindow, PageId
    out = Path(__file__).resolve().parent
    example = ROOT / "examples" / (sys.argv[1] if len(sys.argv) > 1 else "hsp-holder-b.hspw")
    w = MainWindow()
    w.resize(1200, 820)
    w.show()
    app.processEvents()
    w.grab().save(str(out / "00-welcome.png"))
    w.open_path(str(example), ask=False)
    for pid in PageId:
        if pid == PageId.WELCOME:
            continue
        while w.wizard.currentId() < pid:
            w.wizard.next()
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(out / f"{int(pid):02d}-{pid.name.lower()}.png"))
    print(f"saved {len(PageId)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
