"""The answer (hsp_wizard.domain.answer): its cost on top of the evaluation it reads, per example, and the worded
headline in both languages (what the results page, the CLI's text and the PDF's first page add).

    python bench/answer.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hsp_wizard.domain.answer import answer  # noqa: E402
from hsp_wizard.domain.evaluate import evaluate  # noqa: E402
from hsp_wizard.presentation import Renderer  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402
from hsp_wizard.wording import words  # noqa: E402

RUNS = 20
TODAY = date(2026, 12, 3)


def ms(f) -> list[float]:
    out = []
    for _ in range(RUNS):
        t = time.perf_counter()
        f()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    en, ja = Renderer("en"), Renderer("ja")
    print(f"evaluation vs the answer on top of it, {RUNS} runs each (median ms)")
    for path in sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.hspw")):
        p = load_project(path)
        on = p.planned_application_date or TODAY
        ev = evaluate(p, on, today=TODAY)
        e = statistics.median(ms(lambda: evaluate(p, on, today=TODAY)))
        a = statistics.median(ms(lambda: answer(p, ev, TODAY)))
        a1 = answer(p, ev, TODAY)
        w = statistics.median(ms(lambda: (words(en, a1, why=False), words(ja, a1, why=False))))
        why = statistics.median(ms(lambda: words(en, a1)))
        print(f"  {path.stem:<28} evaluate {e:6.2f}   answer {a:6.2f}   worded en+ja {w:5.2f}   "
              f"with every 'Why?' (en) {why:5.2f}")


if __name__ == "__main__":
    main()
