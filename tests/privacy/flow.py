"""The whole flow in one process, headless: a new project filled in the window, saved twice, reopened, the
checklist printed in both languages. Run by the privacy tests under strace and in a network namespace.

    python tests/privacy/flow.py FOLDER [--password]

With --password the project is saved with a password, edited again, autosaved, and the process then ends
without closing (as in a crash), so the encrypted autosave stays on disk for the sweep.

Personal values are the CANARY ones, so a sweep can find every place they were written."""

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CANARY_NAME = "Canary Zqxw Vbnm"
CANARY_FIELD = "Zqxwology"
CANARY_YEN = 7_654_321
PASSWORD = "canary password 1"


def main(folder: Path, protect: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QFileDialog
    app = QApplication([sys.argv[0]])
    from hsp_wizard.domain.project import Category, Degree, Project, ResidencePeriod, SalaryEntry
    from hsp_wizard.ui import dialogs
    from hsp_wizard.ui.main_window import MainWindow
    from hsp_wizard.ui.language import apply_language
    answers = iter([(str(folder / "mine.hspw"), ""), (str(folder / "checklist-en.pdf"), ""),
                    (str(folder / "checklist-ja.pdf"), "")])
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: next(answers))
    dialogs.open_in_viewer = lambda path: None
    dialogs.tell_error = lambda parent, title, text, details="": sys.exit(f"error: {title}: {text}")
    dialogs.ask_new_password = lambda parent: PASSWORD
    dialogs.ask_password = lambda *a, **k: PASSWORD
    w = MainWindow()
    w.show()
    w.new_project()
    project = Project(name=CANARY_NAME, birth_date=date(1991, 7, 13), category=Category.B,
                      planned_application_date=date(2026, 10, 1),
                      degrees=[Degree(level="master", field=CANARY_FIELD, awarded=date(2015, 3, 31))],
                      salary=[SalaryEntry(start=date(2020, 4, 1), amount_yen=CANARY_YEN)],
                      residence=[ResidencePeriod(status="hsp1b", start=date(2020, 4, 1), period_of_stay_months=60)])
    w.doc.update(**{k: getattr(project, k) for k in type(project).model_fields if k not in ("format", "schema_version")})
    app.processEvents()
    assert w.autosave_now()  # an autosave of the unsaved work, deleted by the save
    if protect:
        assert w.save_with_password()
        w.doc.update(name=CANARY_NAME + " again")
        assert w.save()  # the backup is of the encrypted file
        w.doc.update(name=CANARY_NAME + " unsaved")
        assert w.autosave_now()
        app.processEvents()
        os._exit(0)  # no clean close: the (encrypted) autosave stays
    assert w.save_as() and w.save()  # the second save keeps a backup
    assert w.open_path(str(folder / "mine.hspw"), ask=False)
    assert w.save_checklist_pdf()
    apply_language("ja")
    app.processEvents()
    assert w.save_checklist_pdf()
    w.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), "--password" in sys.argv[2:]))
