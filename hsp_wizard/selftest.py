"""`hsp-wizard --self-test`: proves an installed (or frozen) copy has everything it needs, offline, with no
screen: the Japanese catalog, the rule data, an evaluation of the bundled example with its known total, the
checklist PDF in both languages with the embedded font, password encryption, and Qt (the window built offscreen
with Qt's own Japanese translation). Prints one line per check; exits 0 only when every check passed."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

EXAMPLE = "hsp-holder-b.hspw"
EXAMPLE_TOTAL = 90  # category (b) on its planned date, 2026-10-01 (tests/domain check the same figure by hand)


def example_path() -> Path:
    """The bundled example: inside the frozen app, else in the source tree."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    return base / "examples" / EXAMPLE


def _check_catalogs() -> str:
    from hsp_wizard.i18n import translate
    ja = translate("Salary", "ja")
    if ja == "Salary" or not any("\u3040" <= ch <= "\u9fff" for ch in ja):
        raise AssertionError("the Japanese catalog is missing (\"Salary\" is not translated)")
    return f"Japanese catalog: Salary = {ja}"


def _check_rules() -> str:
    from hsp_wizard.rules import load_rules
    rules = load_rules()
    return f"rule data: {len(rules.rows)} point rows, {len(rules.rules)} rules"


def _check_evaluation(state: dict) -> str:
    from hsp_wizard.domain.evaluate import evaluate
    from hsp_wizard.domain.plan import make_plan
    from hsp_wizard.storage import load_project
    project = load_project(example_path())
    ev = evaluate(project, project.planned_application_date, today=date(2026, 10, 1))
    if ev.points is None or ev.points.total != EXAMPLE_TOTAL:
        raise AssertionError(f"{EXAMPLE}: expected {EXAMPLE_TOTAL} points, got "
                             f"{None if ev.points is None else ev.points.total}")
    state.update(project=project, ev=ev, plan=make_plan(project, date(2026, 10, 1),
                                                          on=project.planned_application_date))
    return f"evaluation: {EXAMPLE} has {ev.points.total} points on {ev.on}"


def _check_pdf(state: dict, folder: Path) -> str:
    from hsp_wizard.report.checklist_pdf import build_checklist_pdf
    from hsp_wizard.storage import write_private_atomic
    sizes = []
    for lang in ("en", "ja"):
        data = build_checklist_pdf(state["plan"], lang=lang)
        if not data.startswith(b"%PDF") or b"FontFile2" not in data:
            raise AssertionError(f"the {lang} checklist has no embedded font")
        target = folder / f"checklist-{lang}.pdf"
        write_private_atomic(target, data)
        sizes.append(f"{lang} {target.stat().st_size // 1024} KiB")
    return "checklist PDF: " + ", ".join(sizes)


def _check_encryption() -> str:
    from hsp_wizard.storage import parse_project, project_bytes
    from hsp_wizard.storage.encryption import KdfParams, SealKey
    from hsp_wizard.domain.project import Project
    key = SealKey.from_password("self-test password", KdfParams(os.urandom(32), 19 * 1024, 1, 1))
    project = Project(name="Self Test")
    if parse_project(project_bytes(project, key), password="self-test password").project != project:
        raise AssertionError("an encrypted project did not read back")
    return "encryption: AES-256-GCM with Argon2id round trip"


def _check_worker(state: dict) -> str:
    """The scenario comparison's worker process starts (a frozen app starts it through itself) and finds what the
    engine finds here."""
    from hsp_wizard.domain.scenarios import side_found
    from hsp_wizard.ui import compare_worker
    project, today = state["project"], date(2026, 10, 1)
    try:
        there = compare_worker.submit(side_found, project, today).result(timeout=120)
        pid = compare_worker.submit(os.getpid).result(timeout=120)
    finally:
        compare_worker.shutdown()
    if there != side_found(project, today) or pid == os.getpid():
        raise AssertionError("the worker process found something else than the engine here")
    return f"worker process: {EXAMPLE}'s first openings found in process {pid}"


def _check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from hsp_wizard.ui.language import apply_language
    from hsp_wizard.ui.main_window import MainWindow
    if not apply_language("ja"):
        raise AssertionError("Qt's Japanese translation (qtbase_ja.qm) is missing")
    window = MainWindow()
    window.wizard.build()
    app.processEvents()
    pages = len(window.wizard.pageIds())
    window.close()
    apply_language("en")
    return f"Qt {_qt_version()}: window built offscreen with {pages} pages, qtbase_ja loaded"


def _qt_version() -> str:
    from PySide6.QtCore import qVersion
    return qVersion()


def main() -> int:
    from hsp_wizard import __version__
    print(f"HSP Wizard {__version__} self-test ({'frozen' if getattr(sys, 'frozen', False) else 'source'})")
    state: dict = {}
    failed = 0
    with tempfile.TemporaryDirectory(prefix="hspw-selftest-") as tmp:
        # the window's settings and autosaves go to the temporary folder, never the user's
        os.environ["HSP_WIZARD_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["HSP_WIZARD_STATE_DIR"] = str(Path(tmp) / "state")
        checks = [("catalogs", _check_catalogs), ("rules", _check_rules),
                  ("evaluation", lambda: _check_evaluation(state)),
                  ("pdf", lambda: _check_pdf(state, Path(tmp))), ("encryption", _check_encryption),
                  ("worker", lambda: _check_worker(state)), ("qt", _check_qt)]
        for name, check in checks:
            started = time.perf_counter()
            try:
                line = check()
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the exit status says so
                failed += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}")
                continue
            print(f"ok   {line} ({(time.perf_counter() - started) * 1000:.0f} ms)")
    print("self-test passed" if not failed else f"self-test FAILED: {failed} check(s)")
    return 0 if not failed else 1
