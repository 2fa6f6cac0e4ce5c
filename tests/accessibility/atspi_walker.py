"""A screen reader's view of HSP Wizard: runs under Debian's /usr/bin/python3 with pyatspi (AT-SPI, what Orca
uses), starts the app (tests/accessibility/app_driver.py) on the same private D-Bus session, walks the
accessibility tree page by page in English and Japanese, listens to the events the app sends, and activates its
links through AT-SPI actions. It asserts nothing: it prints one JSON report (what was heard), and
tests/accessibility/test_screen_reader.py judges it.

Usage (inside `dbus-run-session`, DISPLAY on an X server, QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1):
    /usr/bin/python3 atspi_walker.py APP_COMMAND..."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

# roles a user acts on or reads as a value: each needs a name
INTERACTIVE = {"push button", "check box", "radio button", "combo box", "text", "list", "list item", "table",
               "table cell", "page tab", "menu item", "menu", "link", "spin button", "slider", "toggle button",
               "tree", "tree item", "table column header", "table row header", "page tab list"}
PAGES = ["WELCOME", "CATEGORY", "EDUCATION", "CAREER", "SALARY", "ACHIEVEMENTS", "BONUSES", "RESIDENCE",
         "REQUIREMENTS", "HOUSEHOLD", "RESULTS"]
EXAMPLE = "examples/hsp-holder-b.hspw"
PLANNING = "examples/planning-b.hspw"


def log(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


class Walker:
    def __init__(self, app_cmd: list[str]):
        self.proc = subprocess.Popen(app_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready = json.loads(self.proc.stdout.readline())
        self.pid = ready["pid"]
        self.events: list[dict] = []
        self.listener = pyatspi.Registry
        self.listener.registerEventListener(
            self._on_event, "object:announcement", "object:property-change:accessible-name",
            "object:property-change:accessible-description", "object:state-changed:focused")
        self.app = self._find_app()

    # ------------------------------------------------------------------ plumbing
    def _on_event(self, e) -> None:
        try:
            source = e.source
            self.events.append({"type": e.type, "role": source.getRoleName() if source else "",
                                "name": source.name if source else "",
                                "data": str(e.any_data) if e.any_data is not None else "",
                                "detail1": e.detail1})
        except Exception as exc:  # noqa: BLE001 - an object gone while we read it
            self.events.append({"type": e.type, "error": str(exc)})

    def pump(self, seconds: float) -> None:
        ctx = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            while ctx.iteration(False):
                pass
            time.sleep(0.01)

    def cmd(self, **kw) -> dict:
        began = time.monotonic()
        self.proc.stdin.write(json.dumps(kw) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        log(f"{kw['do']} took {time.monotonic() - began:.1f} s")
        self.pump(0.1)
        if not reply.get("ok"):
            log("command failed:", kw, reply)
        return reply

    def _find_app(self):
        for _attempt in range(100):
            self.pump(0.1)
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                try:
                    if app is not None and app.get_process_id() == self.pid:
                        return app
                except Exception:  # noqa: BLE001
                    continue
        raise SystemExit("the app never appeared on the accessibility bus")

    def fresh(self) -> None:
        """Forget what AT-SPI cached: every read below goes to the app."""
        Atspi.Accessible.clear_cache(self.app)

    # ------------------------------------------------------------------ reading
    def walk(self, root=None) -> list[dict]:
        """Every showing object under the window, as a screen reader reads it."""
        self.fresh()
        out: list[dict] = []

        def visit(obj, path: str, depth: int) -> None:
            if obj is None or depth > 60:
                return
            try:
                states = obj.getState()
                showing = states.contains(pyatspi.STATE_SHOWING)
                role = obj.getRoleName()
                name, desc = obj.name or "", obj.description or ""
            except Exception:  # noqa: BLE001 - gone meanwhile
                return
            if not showing and depth > 2:
                return
            node = {"role": role, "name": name, "description": desc, "path": path,
                    "editable": states.contains(pyatspi.STATE_EDITABLE),
                    "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
                    "focused": states.contains(pyatspi.STATE_FOCUSED)}
            if role in ("text", "label"):  # (each call is a round trip to the app: only where it tells)
                try:
                    text = obj.queryText()
                    node["text"] = text.getText(0, text.characterCount)
                except Exception:  # noqa: BLE001 - no text interface
                    pass
            if role in ("push button", "link", "check box", "radio button", "page tab", "menu item"):
                try:
                    action = obj.queryAction()
                    node["actions"] = [action.getName(i) for i in range(action.nActions)]
                except Exception:  # noqa: BLE001 - no action interface
                    pass
            out.append(node)
            try:
                count = obj.childCount
            except Exception:  # noqa: BLE001
                return
            for i in range(min(count, 400)):
                try:
                    child = obj.getChildAtIndex(i)
                except Exception:  # noqa: BLE001
                    continue
                visit(child, f"{path}/{role}[{i}]", depth + 1)

        began = time.monotonic()
        visit(root or self.app, "", 0)
        log(f"walked {len(out)} objects in {time.monotonic() - began:.1f} s")
        return out

    def find(self, pred, root=None):
        """The first showing object (a live AT-SPI object) for which pred(obj) is true."""
        self.fresh()
        stack = [root or self.app]
        while stack:
            obj = stack.pop(0)
            try:
                if depth_ok(obj) and pred(obj):
                    return obj
                stack.extend(obj.getChildAtIndex(i) for i in range(obj.childCount))
            except Exception:  # noqa: BLE001
                continue
        return None

    def window_name(self) -> str:
        self.fresh()
        frame = self.app.getChildAtIndex(0)
        wizard = frame.getChildAtIndex(0)  # the QWizard embedded in the main window
        while not wizard.name and wizard.childCount:  # (inside the central panel beside the step list: its last)
            wizard = wizard.getChildAtIndex(wizard.childCount - 1)
        return wizard.name

    def press(self, obj) -> bool:
        action = obj.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        index = names.index("Press") if "Press" in names else 0
        return bool(action.doAction(index))

    def events_since(self, start: int) -> list[dict]:
        return self.events[start:]


def depth_ok(obj) -> bool:
    try:
        return obj.getState().contains(pyatspi.STATE_SHOWING) or obj.getRoleName() in ("application", "frame")
    except Exception:  # noqa: BLE001
        return False


def summary(nodes: list[dict]) -> dict:
    interactive = [n for n in nodes if n["role"] in INTERACTIVE and (n["role"] != "text" or n["editable"])]
    return {"interactive": len(interactive),
            "unnamed": [f'{n["role"]} at {n["path"]}' for n in interactive if not n["name"].strip()],
            "names": sorted({n["name"] for n in nodes if n["name"]}),
            "descriptions": sorted({n["description"] for n in nodes if n["description"]}),
            "labels": [n for n in nodes if n["role"] == "label"],
            "buttons": [n for n in nodes if n["role"] == "push button"]}


def main() -> int:
    w = Walker(sys.argv[1:])
    report: dict = {"pages": {}, "checks": {}}
    try:
        run(w, report)
    finally:
        try:
            w.cmd(do="quit")
        except Exception:  # noqa: BLE001
            pass
        try:
            w.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            w.proc.kill()
    print("A11Y-REPORT " + json.dumps(report, ensure_ascii=False), flush=True)
    return 0


def run(w: Walker, report: dict) -> None:
    checks = report["checks"]
    for lang in () if os.environ.get("A11Y_QUICK") else ("en", "ja"):
        w.cmd(do="language", code=lang)
        w.cmd(do="page", id=0)
        report["pages"][lang] = {"WELCOME": summary(w.walk()) | {"wizard": w.window_name()}}
        w.cmd(do="open", path=EXAMPLE)
        for pid in range(1, len(PAGES)):
            reply = w.cmd(do="page", id=pid)
            w.pump(0.3)
            nodes = w.walk()
            truth = w.cmd(do="eval", expr="(w.wizard.currentPage().title(), w.wizard.panel.total.text())")["value"]
            report["pages"][lang][PAGES[pid]] = summary(nodes) | {
                "wizard": w.window_name(), "truth": truth, "page": reply.get("page")}
        # the results' other tabs: the timeline's table and the suggestions with their links
        for tab in (1, 2, 3):
            w.cmd(do="tab", index=tab)
            report["pages"][lang][f"RESULTS_TAB{tab}"] = summary(w.walk())
        w.cmd(do="tab", index=0)

    # ---- an edit that changes the total is announced (English)
    w.cmd(do="language", code="en")
    w.cmd(do="open", path=EXAMPLE)
    w.cmd(do="page", id=1)
    start = len(w.events)
    # born a year earlier: age 29 -> 30 on the planned date, 15 -> 10 points for age
    w.cmd(do="type", widget="w.wizard.currentPage().birth", text="1996-03-15")
    w.pump(1.0)
    checks["total_edit"] = {"events": w.events_since(start),
                            "truth": w.cmd(do="eval", expr="w.wizard.panel.total.text()")["value"]}
    # ... and a wrong date's message reaches the field
    w.cmd(do="type", widget="w.wizard.currentPage().planned", text="2026-02-30")
    field = w.find(lambda o: o.getRoleName() == "text" and "Planned application date" in (o.name or ""))
    checks["field_error"] = {"name": field.name if field else None,
                             "description": field.description if field else None}
    w.cmd(do="type", widget="w.wizard.currentPage().planned", text="2026-10-01")

    # ---- a row's error is on its cells and its table (Education: a degree with an impossible date)
    w.cmd(do="page", id=2)
    checks["window_active"] = w.cmd(do="where").get("active")
    w.cmd(do="cell", editor="w.wizard.currentPage().editors['degrees']", row=0, col=2, text="2019-02-30")
    table = w.find(lambda o: o.getRoleName() == "table" and (o.name or "").startswith("Degrees"))
    cell = None
    if table is not None:
        ti = table.queryTable()
        cell = ti.getAccessibleAt(0, 2)
    checks["row_error"] = {"table": table.name if table else None,
                           "table_description": table.description if table else None,
                           "cell_name": cell.name if cell else None,
                           "cell_description": cell.description if cell else None}
    # the cell's editor (F2) is named
    start = len(w.events)
    w.cmd(do="f2", editor="w.wizard.currentPage().editors['degrees']", row=0, col=1)
    w.pump(0.5)
    focus = [e for e in w.events_since(start) if e["type"] == "object:state-changed:focused" and e.get("detail1")]
    checks["cell_editor"] = focus[-1] if focus else None  # what the screen reader is told has the focus
    w.cmd(do="escape")
    w.cmd(do="open", path=EXAMPLE)  # the unchanged example again

    # ---- Next to the results: the wizard's name is the page title, the headline is announced
    w.cmd(do="page", id=9)  # the household page, the last before the results
    start = len(w.events)
    w.cmd(do="next")
    w.pump(1.0)
    truth = w.cmd(do="eval", expr="w.wizard.currentPage().answer.text()")["value"]
    said = __import__("ast").literal_eval(truth) if isinstance(truth, str) else truth  # the headline (issue 17)
    headline = w.find(lambda o: o.getRoleName() == "label" and (o.name or "") == said)
    checks["results_arrival"] = {"wizard": w.window_name(), "events": w.events_since(start),
                                 "headline": headline.name if headline else None, "truth": truth}

    # ---- the links are buttons: pressed through AT-SPI, 'change' goes back to its page
    links = []
    change = w.find(lambda o: o.getRoleName() == "push button" and (o.name or "").startswith("Change: Education"))
    if change is not None:
        st = change.getState()
        links.append({"name": change.name, "focusable": st.contains(pyatspi.STATE_FOCUSABLE),
                      "pressed": w.press(change)})
        w.pump(0.8)
        links[-1]["page_after"] = w.cmd(do="where")["page"]
        links[-1]["wizard_after"] = w.window_name()
    checks["change_link"] = links
    w.cmd(do="open", path=PLANNING)  # a project whose route opens later: suggestions with 'Try it'
    w.cmd(do="page", id=10)
    w.cmd(do="tab", index=2)
    try_it = w.find(lambda o: o.getRoleName() == "push button" and
                    (o.name or "").startswith("Try it as a scenario"))
    result = {"found": try_it is not None}
    if try_it is not None:
        result |= {"name": try_it.name, "focusable": try_it.getState().contains(pyatspi.STATE_FOCUSABLE),
                   "pressed": w.press(try_it)}
        w.pump(1.0)
        result["scenarios"] = w.cmd(do="eval", expr="[s.name for s in w.doc.project.scenarios]")["value"]
        result["tab"] = w.cmd(do="eval", expr="w.wizard.currentPage().tabs.currentIndex()")["value"]
    checks["try_link"] = result

    # ---- a language switch: the total's name and the chart's description follow it
    w.cmd(do="open", path=EXAMPLE)
    w.cmd(do="page", id=10)
    w.cmd(do="tab", index=1)
    w.cmd(do="key", widget="w.wizard.currentPage().chart", key="Right")
    en_chart = w.find(lambda o: (o.name or "").startswith("Points over time ("))
    en_desc = en_chart.description if en_chart else None
    w.cmd(do="language", code="ja")
    w.pump(0.5)
    ja_name = w.cmd(do="eval", expr="w.wizard.currentPage().chart.accessibleName()")["value"].strip("'")
    ja_chart = w.find(lambda o: (o.name or "") == ja_name)
    checks["chart_language"] = {"en": en_desc, "ja": ja_chart.description if ja_chart else None,
                                "ja_truth": w.cmd(do="eval", expr="w.wizard.currentPage().chart.accessibleDescription()")
                                ["value"]}
    total = w.find(lambda o: o.getRoleName() == "label" and "時点の点数" in (o.name or ""))
    checks["total_ja"] = total.name if total else None
    w.cmd(do="language", code="en")


if __name__ == "__main__":
    sys.exit(main())
