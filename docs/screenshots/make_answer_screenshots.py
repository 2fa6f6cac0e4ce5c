"""The results page's answer (the headline, each route's state, "Why?") for three examples, in English and
Japanese, at 1280x720 (run under Xvfb: DISPLAY=:N .venv/bin/python docs/screenshots/make_answer_screenshots.py).

English goes to docs/screenshots/09-answer-<example>.png, Japanese to docs/screenshots/ja/; the first example is
also saved with a route's "Why?" opened (09-answer-<example>-why.png) and its suggestions tab
(-sooner.png); and the empty project (09-answer-empty.png)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
EXAMPLES = ("gijinkoku-points-route-b", "researcher-a", "spouse-route")


def main() -> int:
    app = QApplication([sys.argv[0], "-platform", "xcb"])
    from hsp_wizard.ui.language import apply_language
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    here = Path(__file__).resolve().parent
    for lang in ("en", "ja"):
        apply_language(lang)
        out = here if lang == "en" else here / lang
        w = MainWindow()
        w.resize(1280, 720)
        w.show()
        for name in EXAMPLES:
            w.open_path(str(ROOT / "examples" / f"{name}.hspw"), ask=False)
            while w.wizard.currentId() < PageId.RESULTS:
                w.wizard.next()
            for _ in range(5):
                app.processEvents()
            w.grab().save(str(out / f"09-answer-{name}.png"))
            if name == EXAMPLES[0]:
                page = w.wizard.currentPage()
                page.toggle_why("hsp70")
                for _ in range(5):
                    app.processEvents()
                w.grab().save(str(out / f"09-answer-{name}-why.png"))
                page.toggle_why("hsp70")
        page = w.wizard.currentPage()  # the closing example's suggestions say "apply by" first
        w.open_path(str(ROOT / "examples" / f"{EXAMPLES[0]}.hspw"), ask=False)
        while w.wizard.currentId() < PageId.RESULTS:
            w.wizard.next()
        page = w.wizard.currentPage()
        page.tabs.setCurrentIndex(2)
        for _ in range(10):
            app.processEvents()
        w.grab().save(str(out / f"09-answer-{EXAMPLES[0]}-sooner.png"))
        page.tabs.setCurrentIndex(0)
        w.new_project()  # the empty project: one sentence
        while w.wizard.currentId() < PageId.RESULTS:
            w.wizard.next()
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(out / "09-answer-empty.png"))
        w.close()
    print("saved", (len(EXAMPLES) + 3) * 2, "screenshots")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
