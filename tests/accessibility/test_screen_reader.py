"""What a screen reader hears, measured through AT-SPI (what Orca uses on Linux), not through Qt's own API.

One run (atspi_walker.py under Debian's /usr/bin/python3 with pyatspi) starts the real window under a private
Xvfb and a private D-Bus session with Qt's accessibility bridge on, walks every page of the wizard and every
results tab in English and Japanese, edits a date, types a wrong date into a field and a table, opens a cell's
editor, presses the results' links through AT-SPI actions and switches the language; the tests below judge
what it heard. Skipped, saying which package is missing, only where the Debian packages are not installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's: python3-pyatspi is installed for it, not for the venv
PAGES = ["CATEGORY", "EDUCATION", "CAREER", "SALARY", "ACHIEVEMENTS", "BONUSES", "RESIDENCE", "REQUIREMENTS",
         "HOUSEHOLD", "RESULTS"]
VIEWS = ["WELCOME", *PAGES, "RESULTS_TAB1", "RESULTS_TAB2", "RESULTS_TAB3"]
MNEMONIC = re.compile(r"[(（]&?[A-Z][)）]")  # "学位(D)": a Japanese label's access key left in its name
# The menu bar's two titles: Qt names a menu-bar item from its action's text itself and offers no way to name it
# otherwise (docs/accessibility.md, "What a screen-reader user cannot do"). Listed, so a fix or a new one shows.
KNOWN_MNEMONIC_NAMES = {"ファイル(F)", "言語(G)", "編集(E)", "ヘルプ(H)"}  # (Edit and Help: issue 18's menus)


def missing() -> str:
    """Why the screen-reader run cannot happen here ('' when it can)."""
    for tool, package in (("Xvfb", "xvfb"), ("dbus-run-session", "dbus-daemon")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package}; `make debs` installs it)"
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "the AT-SPI bus is not installed (Debian package at-spi2-core; `make debs` installs it)"
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        return "pyatspi is not installed for /usr/bin/python3 (Debian package python3-pyatspi; `make debs`)"
    return ""


pytestmark = [pytest.mark.screen_reader, pytest.mark.skipif(bool(missing()), reason=missing() or "-")]


@pytest.fixture(scope="module")
def heard(tmp_path_factory):
    """The walker's report: every page in both languages and the checks' observations."""
    tmp = tmp_path_factory.mktemp("a11y")
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        display = xvfb.stdout.readline().strip()
        assert display.isdigit(), "Xvfb did not start"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI", "QT_QPA"))}
        env |= {"DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                "HOME": str(tmp), "XDG_RUNTIME_DIR": str(tmp), "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            ["dbus-run-session", "--", SYSTEM_PYTHON, str(HERE / "atspi_walker.py"),
             sys.executable, str(HERE / "app_driver.py")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    finally:
        xvfb.send_signal(signal.SIGTERM)
        xvfb.wait(timeout=10)
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("A11Y-REPORT ")]
    assert lines, f"the walker reported nothing (exit {run.returncode}):\n{run.stderr[-3000:]}"
    report = json.loads(lines[-1][len("A11Y-REPORT "):])
    report["stderr"] = run.stderr
    return report


def announcements(events: list[dict]) -> list[str]:
    return [e["data"] for e in events if e["type"] == "object:announcement"]


def test_the_walk_saw_every_page_in_both_languages(heard):
    assert "command failed" not in heard["stderr"], heard["stderr"][-2000:]
    for lang in ("en", "ja"):
        assert list(heard["pages"][lang]) == VIEWS
        assert sum(v["interactive"] for v in heard["pages"][lang].values()) > 400  # the walk reached the controls


def test_no_interactive_object_is_unnamed(heard):
    unnamed = {(lang, view): v["unnamed"] for lang, views in heard["pages"].items() for view, v in views.items()
               if v["unnamed"]}
    assert unnamed == {}


def test_no_name_keeps_a_mnemonic_marker(heard):
    for lang, views in heard["pages"].items():
        for view, v in views.items():
            marked = {n for n in v["names"] if MNEMONIC.search(n)}
            assert marked <= KNOWN_MNEMONIC_NAMES, (lang, view, marked - KNOWN_MNEMONIC_NAMES)
            assert not [n for n in v["names"] if re.search(r"&[^&\sD]", n)], (lang, view)  # "R&D" is a word


def test_the_wizard_is_named_after_the_page_next_moved_to(heard):
    for lang, views in heard["pages"].items():
        for page in PAGES:
            title, _total = eval(views[page]["truth"])  # noqa: S307 (the app's own repr of two strings)
            assert views[page]["wizard"] == title, (lang, page)
    assert heard["pages"]["en"]["RESULTS"]["wizard"] == "Results"
    assert heard["pages"]["ja"]["CATEGORY"]["wizard"] == "ご本人と活動区分"


def test_the_total_is_read_as_text_with_what_it_is(heard):
    """hsp-holder-b.hspw: category (b), planned 2026-10-01, 90 points (the example's hand calculation)."""
    for lang, expected in (("en", "Points on 1 Oct 2026: 90, category (b)"),
                           ("ja", "2026年10月1日時点の点数：90点、1号ロ")):
        for page in PAGES:
            views = heard["pages"][lang]
            assert expected in views[page]["names"], (lang, page)
            assert eval(views[page]["truth"])[1] in ("90 points", "90点")  # noqa: S307 (what is on screen)


def test_a_change_of_the_total_is_announced(heard):
    """Born 1996-03-15 instead of 1998: 30 on 1 Oct 2026, so age gives 10 instead of 15 and the ¥4-5 million
    salary (scored under 30 only) 0 instead of 10: 90 - 5 - 10 = 75."""
    seen = heard["checks"]["total_edit"]
    assert seen["truth"] == "'75 points'"
    said = announcements(seen["events"])
    assert said == ["Points on 1 Oct 2026: 75, category (b)"]  # once typing settled, not at each key
    renamed = [e["data"] for e in seen["events"]
               if e["type"] == "object:property-change:accessible-name" and e["role"] == "label"]
    assert "Points on 1 Oct 2026: 75, category (b)" in renamed


def test_the_headline_answer_is_read_and_announced_when_next_reaches_it(heard):
    seen = heard["checks"]["results_arrival"]
    assert seen["wizard"] == "Results"
    expected = ("Cannot tell yet: enter whether you still meet your current status's requirements first. If all is "
                "in order, you can apply via HSP 80 points, 1 year, open since 1 Apr 2021.")  # issue 17's
    assert seen["headline"] == expected and seen["truth"] == repr(expected)
    assert expected in announcements(seen["events"])
    assert ("まだ判断できません。先に現在の在留資格が上陸許可基準等に適合しているかを入力してください。問題がなければ、"
            "高度人材（80点以上・1年）により申請できます（2021年4月1日から要件を満たしています）。") in heard["pages"]["ja"]["RESULTS"]["names"]


def test_an_error_is_reachable_from_its_field_and_its_cell(heard):
    field = heard["checks"]["field_error"]
    assert field == {"name": "Planned application date", "description": "There is no such day"}
    row = heard["checks"]["row_error"]
    assert row["table"] == "Degrees" and row["cell_name"] == "2019-02-30"
    assert row["cell_description"] == "Row 1: Awarded: There is no such day"  # with its column
    assert row["table_description"] == "Row 1: Awarded: There is no such day"


def test_a_cell_editor_says_which_cell_it_edits(heard):
    focus = heard["checks"]["cell_editor"]
    assert focus and focus["role"] == "text" and focus["name"] == "Field, row 1"


def test_the_links_are_buttons_a_screen_reader_can_press(heard):
    [change] = heard["checks"]["change_link"]
    assert change["focusable"] and change["pressed"]
    assert change["page_after"] == 2 and change["wizard_after"] == "Education"
    tried = heard["checks"]["try_link"]
    assert tried["found"] and tried["focusable"] and tried["pressed"]
    assert tried["name"].startswith("Try it as a scenario: Passing JLPT N1 by ")
    assert eval(tried["scenarios"])[-1].startswith("JLPT N1 by ") and tried["tab"] == "3"  # noqa: S307
    for lang in ("en", "ja"):
        buttons = heard["pages"][lang]["RESULTS"]["buttons"]
        links = [b for b in buttons if b["name"].startswith(("Change: ", "変更："))]
        assert len(links) >= 5 and all(b["focusable"] and "Press" in b.get("actions", []) for b in links), lang


def test_the_continuity_result_is_exposed_not_hidden_behind_a_title(heard):
    for lang, prefix in (("en", "Continuity check: "), ("ja", "継続在留の確認：")):
        names = [n for n in heard["pages"][lang]["RESIDENCE"]["names"] if n.startswith(prefix)]
        assert len(names) == 1 and len(names[0]) > len(prefix) + 5, (lang, names)


def test_descriptions_follow_a_language_switch(heard):
    chart = heard["checks"]["chart_language"]
    assert "points" in chart["en"] and "(a)" in chart["en"]
    assert chart["ja"] and "点" in chart["ja"] and "points" not in chart["ja"]
    assert repr(chart["ja"]) == chart["ja_truth"]
    assert heard["checks"]["total_ja"] == "2026年10月1日時点の点数：90点、1号ロ"
