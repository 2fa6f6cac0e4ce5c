"""The engine's work per evaluation, counted (deterministic, unlike time on this shared machine): points computed,
route checks, conditions and messages built, per example and summed over generated projects. The issue-21 floor is
about 10 points computations per file and one shared condition set per candidate day.

    python bench/engine_work.py [N]       (N generated projects, default 200)
"""

from __future__ import annotations

import collections
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._projects import ROOT, write_folder  # noqa: E402
from hsp_wizard.domain import evaluate as E, explain, points as P, routes as R  # noqa: E402
from hsp_wizard.domain.plan import make_plan  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402

ON = date(2026, 12, 1)
COUNT: collections.Counter = collections.Counter()


def counted(owner, name: str, label: str, static: bool = False) -> None:
    fn = getattr(owner, name)
    if static:
        fn = fn.__func__

    def wrapper(*args, **kwargs):
        COUNT[label] += 1
        return fn(*args, **kwargs)
    setattr(owner, name, classmethod(wrapper) if static else wrapper)


def main(n: int) -> None:
    counted(R, "points", "points computed")  # the name the engine calls
    counted(R.Engine, "route", "route checks")
    counted(R.Engine, "cond", "conditions built")
    counted(explain.Msg, "of", "messages built", static=True)
    assert P  # the scoring module itself is untouched
    print(f"engine work per evaluation on {ON} (counts; the same on every run)")
    for path in sorted((ROOT / "examples").glob("*.hspw")):
        COUNT.clear()
        E.evaluate(load_project(path), ON)
        print(f"  {path.stem:28s} " + "  ".join(f"{k} {v:5d}" for k, v in sorted(COUNT.items())))
    with tempfile.TemporaryDirectory() as tmp:
        files = write_folder(Path(tmp), n, seed=21)
        projects = [load_project(f) for f in files]
    COUNT.clear()
    for p in projects:
        make_plan(p, ON).evaluation  # what `evaluate FOLDER --json` computes per file
    print(f"  {n} generated, per file:       " + "  ".join(f"{k} {v / n:7.1f}" for k, v in sorted(COUNT.items())))
    from bench.planner import TODAY, busy
    from hsp_wizard.domain.scenarios import compare
    from hsp_wizard.domain.suggest import suggestions
    from hsp_wizard.domain.timeline import timeline
    p = busy()
    print(f"the planner bench's busy project on {TODAY}")
    for name, fn in (("timeline", timeline), ("suggestions", suggestions), ("20 scenarios", compare)):
        COUNT.clear()
        fn(p, TODAY)
        print(f"  {name:28s} " + "  ".join(f"{k} {v:6d}" for k, v in sorted(COUNT.items())))


if __name__ == "__main__":
    main(int(sys.argv[1]) if sys.argv[1:] else 200)
