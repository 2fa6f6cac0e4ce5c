"""Open an example project in the real window and save a PNG of every page (run by make.sh under Xvfb).

    make_screenshots.py [--lang en|ja] [--pseudo] [EXAMPLE]

English goes to docs/screenshots/, Japanese to docs/screenshots/ja/, pseudo-localised (every string stretched
by half, to find layouts that cannot grow) to docs/screenshots/pseudo/."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("example", nargs="?", default="hsp-holder-b.hspw")
    ap.add_argument("--lang", choices=("en", "ja"), default="en")
    ap.add_argument("--pseudo", action="store_true")
    ap.add_argument("--only-family", action="store_true", help="only the household screenshots (13-15)")
    args = ap.parse_args()
    app = QApplication([sys.argv[0], "-platform", "xcb"])
    from hsp_wizard.i18n import set_pseudo
    from hsp_wizard.ui.language import apply_language
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.wizard import PageId
    apply_language(args.lang)
    set_pseudo(args.pseudo)
    here = Path(__file__).resolve().parent
    out = here / "pseudo" if args.pseudo else here / args.lang if args.lang != "en" else here
    out.mkdir(exist_ok=True)
    w = MainWindow()
    w.resize(1280, 720)  # the smallest screen the window must fit, navigation included
    w.show()
    for _ in range(5):
        app.processEvents()
    if args.only_family:
        family(app, w, out)
        return 0
    w.grab().save(str(out / "00-welcome.png"))
    w.open_path(str(ROOT / "examples" / args.example), ask=False)
    for pid in PageId:
        if pid in (PageId.WELCOME, PageId.HOUSEHOLD):  # the household: 13-15, with the family example
            continue
        w.wizard.jump_to(pid)  # as the step list does (a complete project opens on its results)
        for _ in range(5):
            app.processEvents()
        number = 9 if pid == PageId.RESULTS else int(pid)  # the results kept their number after the household
        w.grab().save(str(out / f"{number:02d}-{pid.name.lower()}.png"))
    page = w.wizard.currentPage()  # the results page's other tabs: the timeline (a day selected) and suggestions
    for index, name in ((1, "09b-timeline"), (2, "09c-sooner")):
        page.tabs.setCurrentIndex(index)
        if index == 1 and page.timeline.events:
            page.chart.select(page.timeline.events[0].on)
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(out / f"{name}.png"))
    page.tabs.setCurrentIndex(0)
    incomplete(app, w, out)
    scenarios(app, w, out)
    dialogs(app, w, out)
    family(app, w, out)
    print(f"saved {len(PageId) + 9} screenshots in {out}")
    return 0


def incomplete(app, w, out: Path) -> None:
    """A salary row kept as typed: marked on its page, in the step list and on the results."""
    from hsp_wizard.domain.project import IncompleteRow
    from hsp_wizard.ui.wizard import PageId
    p = w.doc.project.model_copy(deep=True)
    p.incomplete_rows = {"salary": [IncompleteRow(position=len(p.salary), cells={
        "start": "2027-04", "amount_yen": "7.2M?", "foreign_amount_yen": ""})]}
    w.doc.replace(p, w.doc.path)
    w.history.reset()
    w.land()
    for _ in range(5):
        app.processEvents()
    w.grab().save(str(out / "04b-salary-incomplete.png"))
    w.wizard.jump_to(PageId.RESULTS)
    for _ in range(5):
        app.processEvents()
    w.grab().save(str(out / "09e-results-incomplete.png"))


def grab_settled(app, widget, path: Path) -> None:
    """A PNG of `widget` once the events the last step queued have run (layouts, the step list, repaints)."""
    for _ in range(10):
        app.processEvents()
    widget.grab().save(str(path))


def scenarios(app, w, out: Path) -> None:
    """The what-if tab, with the example that has four scenarios."""
    from hsp_wizard.ui.wizard import PageId
    w.open_path(str(ROOT / "examples" / "planning-b.hspw"), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    page = w.wizard.currentPage()
    page.tabs.setCurrentIndex(3)
    grab_settled(app, w, out / "09d-scenarios.png")
    page.tabs.setCurrentIndex(0)


def family(app, w, out: Path) -> None:
    """The household page, a member's dialog and the results page's family tab, with the family example."""
    from PySide6.QtCore import QTimer
    from hsp_wizard.ui.wizard import PageId
    from PySide6.QtTest import QTest
    from hsp_wizard.domain.project import Scenario
    w.open_path(str(ROOT / "examples" / "household" / "family-b.hspw"), ask=False)
    w.wizard.jump_to(PageId.HOUSEHOLD)  # as the step list does (a complete project opens on its results)
    page = w.wizard.currentPage()
    page.table.selectRow(0)
    QTest.qWait(600)  # the step list's member lines follow once typing would have paused
    for _ in range(10):
        app.processEvents()
    w.resize(w.width(), max(w.height(), w.wizard.geometry().bottom() + 1))  # the wizard may need more (Japanese)
    grab_settled(app, w, out / "13-household.png")

    def shoot():
        for _ in range(5):
            app.processEvents()
        page.dialog.grab().save(str(out / "14-member-dialog.png"))
        page.dialog.reject()
    QTimer.singleShot(300, shoot)
    page.edit_selected()
    w.wizard.jump_to(PageId.RESULTS)
    results = w.wizard.currentPage()
    results.tabs.setCurrentIndex(4)
    grab_settled(app, w, out / "15-family-tab.png")
    # the what-if tab: a scenario applying in 2028 moves the family's date with yours (opened from a file, as
    # a saved project with a scenario is; the table scrolled to the family's rows)
    import tempfile
    from hsp_wizard.storage import save_project
    p = w.doc.project.model_copy(update={"scenarios": [
        Scenario(name="2028", planned_application_date=date(2028, 4, 1))]})
    path = Path(tempfile.mkdtemp()) / "family-2028.hspw"
    save_project(p, path, backup=False)
    w.open_path(str(path), ask=False)
    w.wizard.jump_to(PageId.RESULTS)
    results = w.wizard.currentPage()
    results.tabs.setCurrentIndex(3)
    panel = results.scenarios
    for _ in range(500):
        QTest.qWait(20)
        if not panel.busy and panel.table.rowCount():
            break
    t = panel.table
    family_row = next((r for r in range(t.rowCount()) if "with you" in t.verticalHeaderItem(r).text()
                       or "同時申請" in t.verticalHeaderItem(r).text()), 0)
    t.scrollToItem(t.item(family_row, 0), t.ScrollHint.PositionAtTop)
    grab_settled(app, w, out / "16-family-scenarios.png")
    results.tabs.setCurrentIndex(0)


def dialogs(app, w, out: Path) -> None:
    """The crash-recovery prompt and the two password dialogs, as a user meets them."""
    from datetime import datetime
    from hsp_wizard.ui.password import PasswordDialog
    from hsp_wizard.ui.recovery import RecoveryDialog, RecoveryInfo, SourceState
    info = RecoveryInfo(datetime(2026, 11, 20, 21, 5).astimezone(), Path.home() / "Documents" / "pr-2027.hspw",
                        SourceState.SAVED, ["salary", "trips"], "Ms Example")
    new = PasswordDialog(w, new=True)
    new.field.setText("short")
    new.confirm.setText("short")
    wrong = PasswordDialog(w, file_name="pr-2027.hspw", wrong=True)
    for name, dialog in (("10-recovery", RecoveryDialog(info, w)), ("11-password-new", new),
                         ("12-password-wrong", wrong)):
        dialog.show()
        if dialog is new:
            new.accept()  # shows why "short" is refused
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.close()


if __name__ == "__main__":
    raise SystemExit(main())
