"""The household's cost on top of the principal's evaluation: each spouse or child's route with the principal and
alone (their earliest dates searched like the principal's) and the three family benefits, for the family example
and for a large household (a spouse, six children, two parents, each with trips), 5 runs each, median; the
checklist PDF of the family with and without its household; and the what-if comparison of the family with two
scenarios, with and without its household (each side's family dates, issue 20's leftovers)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.planner import median_ms  # noqa: E402
from hsp_wizard.domain.evaluate import evaluate  # noqa: E402
from hsp_wizard.domain.household import household_of  # noqa: E402
from hsp_wizard.domain.plan import make_plan  # noqa: E402
from hsp_wizard.domain.project import Household, HouseholdMember, ResidencePeriod, Trip  # noqa: E402
from hsp_wizard.report.checklist_pdf import build_checklist_pdf  # noqa: E402
from hsp_wizard.storage import load_project  # noqa: E402


def large():
    p = load_project(ROOT / "examples" / "household" / "family-b.hspw")
    trips = [Trip(left=date(2024 + i // 2, 2 + 6 * (i % 2), 1), returned=date(2024 + i // 2, 2 + 6 * (i % 2), 15))
             for i in range(6)]
    members = [p.household.members[0].model_copy(update={"trips": trips})]
    for i in range(6):
        members.append(HouseholdMember(kind="child", birth_date=date(2012 + i * 2, 5, 1), nationality="foreign",
                                       child_relation="natural", trips=trips,
                                       residence=[ResidencePeriod(status="dependent", start=date(2023, 10, 1),
                                                                  period_of_stay_months=60)]))
    members += [HouseholdMember(kind="parent", parent_of="principal", lives_together="yes") for _ in range(2)]
    return p.model_copy(update={"household": Household(members=members)})


def main() -> None:
    fam = load_project(ROOT / "examples" / "household" / "family-b.hspw")
    for name, p in (("family-b (spouse, 2 children, a parent)", fam), ("large (spouse, 6 children, 2 parents)",
                                                                       large())):
        on = p.planned_application_date
        ev = evaluate(p, on, today=on)
        base = median_ms(lambda: evaluate(p, on, today=on))
        extra = median_ms(lambda: household_of(p, ev))
        print(f"{name}: principal's evaluation {base:.0f} ms; household on top {extra:.0f} ms")
    on = fam.planned_application_date
    single = fam.model_copy(update={"household": Household()})
    print(f"checklist PDF: family {median_ms(lambda: build_checklist_pdf(make_plan(fam, on, on=on)), 3):.0f} ms, "
          f"same person alone {median_ms(lambda: build_checklist_pdf(make_plan(single, on, on=on)), 3):.0f} ms")
    from hsp_wizard.domain.project import Scenario
    from hsp_wizard.domain.scenarios import compare
    scenarios = [Scenario(name="Mid-November", planned_application_date=date(2026, 11, 15)),
                 Scenario(name="2028", planned_application_date=date(2028, 4, 1))]
    today = date(2026, 9, 1)
    both = fam.model_copy(update={"scenarios": scenarios})
    alone = single.model_copy(update={"scenarios": scenarios})
    print(f"scenarios compared (3 sides): family {median_ms(lambda: compare(both, today), 7):.0f} ms, "
          f"same person alone {median_ms(lambda: compare(alone, today), 7):.0f} ms")


if __name__ == "__main__":
    main()
