"""Hand-worked profiles, one for each kind of headline, all seen on TODAY (a Thursday in December 2026).

The engineer (category (b)): born 1990-06-15 (age 30-34 until 2025-06-14: 10 points; then 35-39: 5), a master's
degree (20), experience from 2014-04-01 (7 years or more: 15; 10 years from 2024-04-01: 20), a salary of
¥8,000,000 (30): 75 points. On 2024-04-01 the tenth year of experience and JLPT N1 (15) make it 95; 90 from
2025-06-15. Engineer/Specialist in Humanities/International Services since 2018-04-01 (the general rule's 10 years
of continuous residence complete on 2028-04-01).
- HSP 80 (variant イ) needs 80 points on the application date and one year before: from 2025-04-01, one year after
  2024-04-01 ("open since 1 Apr 2025"). HSP 70 needs 70 three years before as well: open long before, but HSP 80
  comes first in the order of preference.
- With a 60-month period of stay (the longest for the status): open, nothing closes.
- With the period of stay not entered: the longest-period condition cannot be judged: "cannot tell yet".
- With a 36-month period of stay: it counts as the longest only until 2027-03-31 (the dated allowance), so both
  HSP routes close on 2027-04-01: "apply by 31 Mar 2027".
The newcomer: the same person arriving on 2026-06-01: every route waits for a year of residence; HSP 80 first, on
2027-06-01 (points 90 on 2026-06-01 and on 2027-06-01).
The student: a student since 2024-04-01 with no degree, no work and no salary (15 points, for age): HSP never opens;
the general rule needs ten years of residence, five of them on a work status, which a student never reaches:
nothing opens within ten years, and the main reason given is the general rule's first unmet condition.
The empty project: nothing entered.
"""

from __future__ import annotations

from datetime import date

from hsp_wizard.domain.project import Obligations, Project
from tests.domain.builders import CLEAN as ANSWERED, degree, jlpt, profile, status

CLEAN = Obligations(**{**ANSWERED.model_dump(), "landing_criteria": "yes"})  # every question answered, in order

TODAY = date(2026, 12, 3)


def engineer(months: int | None = 60, arrived: date = date(2018, 4, 1)) -> Project:
    from hsp_wizard.domain.project import CareerPeriod, SalaryEntry
    return profile("b", birth=date(1990, 6, 15), degrees=[degree("master", date(2014, 3, 31))],
                   career=[CareerPeriod(kind="specialised", start=date(2014, 4, 1))],
                   salary_history=[SalaryEntry(start=date(2014, 4, 1), amount_yen=8_000_000)],
                   japanese=[jlpt("N1", date(2024, 4, 1))], obligations=CLEAN,
                   residence=[status("engineer_humanities", arrived, months=months)])


def student() -> Project:
    return profile("b", birth=date(2004, 6, 15), degrees=[], obligations=CLEAN,
                   residence=[status("student", date(2024, 4, 1), months=24)])


PROFILES = {
    "open": engineer(60),
    "unknown": engineer(None),
    "closes": engineer(36),
    "opens_later": engineer(60, arrived=date(2026, 6, 1)),
    "nothing": student(),
    "empty": Project(),
}

# The headline of each, worked by hand (above), in both languages.
HEADLINES = {
    ("open", "en"): "You can apply now via HSP 80 points, 1 year, open since 1 Apr 2025.",
    ("open", "ja"): "現在、高度人材（80点以上・1年）により申請できます（2025年4月1日から要件を満たしています）。",
    ("unknown", "en"): "Cannot tell yet: enter the period of stay granted first. If all is in order, you can "
                       "apply via HSP 80 points, 1 year, open since 1 Apr 2025.",
    ("unknown", "ja"): "まだ判断できません。先に許可された在留期間を入力してください。問題がなければ、"
                       "高度人材（80点以上・1年）により申請できます（2025年4月1日から要件を満たしています）。",
    ("closes", "en"): "You can apply now via HSP 80 points, 1 year, open since 1 Apr 2025. Apply by 31 Mar 2027: "
                      "from 1 Apr 2027 this route closes (Period of stay 36 months; 60 months needed on 1 Apr "
                      "2027; reported by two or more sources, official text not seen).",
    ("closes", "ja"): "現在、高度人材（80点以上・1年）により申請できます（2025年4月1日から要件を満たしています）。"
                      "2027年3月31日までに申請してください。2027年4月1日からこの類型の要件を満たさなくなります"
                      "（在留期間36か月：2027年4月1日時点で60か月が必要です。確度：出典2件以上（公式の原文は未確認））。",
    ("opens_later", "en"): "No route is open yet. The first to open is HSP 80 points, 1 year, on 1 Jun 2027; it "
                           "waits for this: Continuous residence since 1 Jun 2026: 0 of 1 year(s); complete on "
                           "1 Jun 2027.",
    ("opens_later", "ja"): "現時点では、どの類型の要件もまだ満たしていません。最も早く要件を満たすのは"
                           "高度人材（80点以上・1年）で、2027年6月1日からです。未充足の条件：2026年6月1日から引き続き"
                           "在留：1年のうち0年（2027年6月1日に必要な年数に達します）。",
    ("nothing", "en"): "No route to permanent residence opens within the next 10 years with what you entered. "
                       "The main reason: Longest continuous run on a work or residence-based status: 0 of 5 "
                       "year(s).",
    ("nothing", "ja"): "入力された内容では、今後10年以内に要件を満たす永住許可の申請類型はありません。主な理由："
                       "就労資格又は居住資格をもって引き続き在留した最長期間：5年のうち0年。",
    ("empty", "en"): "Nothing can be judged yet: start with your statuses of residence on the page “Residence in "
                     "Japan” (each status, when it started and the period of stay granted).",
    ("empty", "ja"): "まだ何も判断できません。まず「日本での在留歴」のページで在留資格の経歴（各在留資格、その開始日、"
                     "許可された在留期間）を入力してください。",
}
