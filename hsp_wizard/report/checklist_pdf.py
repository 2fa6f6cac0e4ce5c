"""The printable checklist: cover, documents for the route with tick boxes, evidence exhibits, the points laid
out like ISA's sheet, and warnings. A4, embedded Japanese TrueType font, page x of y, byte-identical output for
the same project and date, no personal data in the metadata."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from babel.lists import format_list

from hsp_wizard.report.reportlab_import import import_reportlab

import_reportlab()  # first: what the checklist never uses is left for first use (~30-60 ms)
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError
from html import escape as _html_escape

from hsp_wizard import APP_NAME, __version__
from hsp_wizard.domain.checklist import Checklist, compose
from hsp_wizard.domain.evaluate import Evaluation
from hsp_wizard.domain.household import BENEFIT_NAMES, HouseholdResult, household_conditions, member_label
from hsp_wizard.domain.explain import CategoryRef, Money, Msg, N_, Term
from hsp_wizard.domain.points import ITEM_ORDER, PointsResult
from hsp_wizard.domain.project import Project
from hsp_wizard.domain.plan import EARLIEST, GIVEN, PLANNED, TODAY, Plan
from hsp_wizard.domain.registry import current as current_registry, marks
from hsp_wizard.presentation import CHANGE_KINDS, CONFIDENCE, ROUTE_NAMES, Renderer, category_letter
from hsp_wizard.report.font_cache import CachedTTFont
from hsp_wizard.wording import not_counted, words

FONT = "IPAexGothic"
FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "ipaexg.ttf"
ITEM_NAMES = {"academic": (N_("Academic background"), "学歴"), "academic_bonus": (N_("Academic bonus"), "学歴加算"),
              "career": (N_("Career"), "職歴"), "salary": (N_("Annual salary"), "年収"), "age": (N_("Age"), "年齢"),
              "research": (N_("Research achievements"), "研究実績"), "licence": (N_("Licences"), "資格"),
              "position": (N_("Position"), "地位"), "bonus": (N_("Special bonuses"), "特別加算")}
CATEGORY_JA = {"a": "高度専門職1号イ（高度学術研究活動）", "b": "高度専門職1号ロ（高度専門・技術活動）",
               "c": "高度専門職1号ハ（高度経営・管理活動）"}


class ReportError(Exception):
    """The PDF cannot be built (the font is missing, a part does not fit on a page): `msg` says why and what to
    do, translatable; `str()` is English."""

    def __init__(self, msg: Msg):
        self.msg = msg
        super().__init__(msg.render())


def _font() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    if not FONT_FILE.is_file():
        raise ReportError(Msg.of(N_("The checklist cannot be made: the Japanese font is missing ({file}); "
                                    "reinstall HSP Wizard"), file=str(FONT_FILE)))
    pdfmetrics.registerFont(CachedTTFont(FONT, FONT_FILE))  # parsed when the app was built (font_cache.py)


def _styles():
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12.5, alignment=TA_LEFT, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=21, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=15, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4,
                             textColor=colors.HexColor("#1a3a5c"), keepWithNext=1),  # never alone at a page's foot
        # a line of Japanese may end with a mark that cannot start the next (・、。）) hanging past its width
        # (reportlab's 禁則 rule): 6 pt more, with the cell's 3 pt of padding, keep one full-width mark (8.5 pt)
        # inside the cell's border (it ran over the border into the next column)
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5, rightIndent=6),
    }


class _NumberedCanvas(rl_canvas.Canvas):
    """Draws "page x of y" once the total is known (two passes over the saved page states)."""

    footer_left = ""
    page_label = "Page {page} of {pages}"

    def __init__(self, *args, **kwargs):
        kwargs["initialFontName"] = FONT  # never reference an unembedded base font
        super().__init__(*args, **kwargs)
        self._states = []

    def showPage(self):  # noqa: N802
        self._states.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._states)
        for state in self._states:
            self.__dict__.update(state)
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(18 * mm, 10 * mm, self.footer_left)
            self.drawRightString(A4[0] - 18 * mm, 10 * mm,
                                 self.page_label.format(page=self._pageNumber, pages=total))
            super().showPage()
        super().save()


def escape(text: str) -> str:
    """&, < and > escaped for reportlab's paragraph markup (what xml.sax.saxutils.escape does, without importing
    urllib with it)."""
    return _html_escape(text, quote=False)


# Marks the embedded font (IPAexGothic) has no glyph for, drawn as an empty box: the nearest mark it has.
NO_GLYPH = str.maketrans({"✗": "×"})


class _Paragraph(Paragraph):
    """reportlab's Paragraph, broken into lines once per width. A table wraps each cell to size its rows, again
    when it splits across pages and again to draw it: a three-page checklist wraps 177 paragraphs 445 times, and
    breaking a line measures every character in Python (most of the time the PDF takes). A wrap depends only on
    the paragraph (its text and style, fixed once made) and the width, and leaves its lines in `blPara` (and its
    size in `width`, `height`): asked again for the width of its last wrap while those are still the ones it
    left (reportlab drops `blPara` when a split fails), the paragraph answers from that wrap."""

    _last_wrap = None  # (width asked, the lines, (width, height)) of the last wrap

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        last = self._last_wrap
        if last is not None and last[0] == availWidth and getattr(self, "blPara", None) is last[1] and \
                (self.width, self.height) == last[2]:
            return last[2]
        size = super().wrap(availWidth, availHeight)
        self._last_wrap = (availWidth, getattr(self, "blPara", None), size) if hasattr(self, "blPara") else None
        return size


def _para(text: str, style) -> Paragraph:
    return _Paragraph(escape(text.translate(NO_GLYPH)).replace("\n", "<br/>"), style)


def _both(r: Renderer, en: str, ja: str) -> str:
    """The chosen language's name, with the official Japanese term beside an English one."""
    return ja if r.lang == "ja" else f"{r.tr(en)} — {ja}"


def _table(rows, widths, header=True) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6edf5")))
    t.setStyle(TableStyle(style))
    return t


def build_checklist_pdf(plan: Plan, *, lang: str = "en", route: str | None = None, comparison=None) -> bytes:
    """The checklist PDF of a plan: its project as evaluated on the plan's date, for `route` (default: the plan's
    best route), printed on the plan's today, with the plan's timeline and scenarios. Same plan, same bytes.
    `comparison`: the scenarios already compared from the plan's today (the window's, when current), else the
    plan's own comparison."""
    _font()
    r = Renderer(lang, era=True)  # dates in Japanese carry the era, as on ISA's forms
    s = _styles()
    project, ev, printed_on = plan.project, plan.evaluation, plan.today
    cl = compose(project, ev, route or plan.best, plan.rules)
    story = []
    w = words(r, plan.answer, plan.horizon_years, why=False)  # the answer the results page and the CLI give
    story += _cover(project, ev, cl, r, s, printed_on, w, plan.why_on)
    story += _documents(cl, r, s)
    if cl.exhibits:
        story += _exhibits(cl, r, s)
    hh = plan.household
    if cl.household:
        story += _household_documents(cl, r, s)
    if hh is not None:
        story += _household(hh, r, s)
    for pr in cl.points:
        story.append(KeepTogether(_sheet(pr, r, s)))
    if project.category is not None and project.birth_date is not None:
        story.append(KeepTogether(_timeline(plan, r, s)))
    if project.scenarios:
        story.append(KeepTogether(_scenarios(plan, r, s, comparison)))
    said = {*w.warnings, *w.notes, *(x for rw in w.routes for x in rw.warnings)}  # page 1 said these: once
    story += _warnings(cl, r, s, said)
    story.append(Spacer(1, 6))
    story.append(_para(r.tr(N_("This checklist follows ISA's published lists as reproduced by practitioners; the "
                                "immigration office may ask for more. It is not legal advice.")), s["small"]))
    story += _why(cl, r, s, [*plan.answer.notes, *household_conditions(hh)], _household_sources(cl, r))

    buf = io.BytesIO()
    title = r.tr(N_("Permanent residence application: document checklist"))
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=title, author="", subject="", creator=APP_NAME,
                            producer=f"{APP_NAME} {__version__}", keywords="", invariant=1, lang=lang, initialFontName=FONT)

    class Canvas(_NumberedCanvas):
        footer_left = f"{APP_NAME} · " + r.tr(N_("printed {date}")).format(date=r.fmt(printed_on))
        page_label = r.tr(N_("Page {page} of {pages}"))

    try:
        doc.build(story, canvasmaker=Canvas)
    except LayoutError:  # a part larger than a page that cannot be split: say so, never a traceback
        raise ReportError(Msg.of(N_("The checklist cannot be made: a part of it does not fit on a page"))) from None
    return buf.getvalue()


def _timeline(plan: Plan, r: Renderer, s) -> list:
    """The results page's chart, drawn with reportlab's graphics: the chosen category's points from three
    years before the printing date to five after, the 70 and 80 marks, the planned date, each route's open
    windows as bands; the days it changes follow as a table (the chart's text alternative)."""
    from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String

    tl = plan.timeline
    cat = tl.category.value
    bands = [name for name, spans in tl.windows.items() if spans]
    width, left, plot_h = 178 * mm, 10 * mm, 42 * mm
    legend = _legend_entries(tl, r, marks(plan.rules, tl.today))
    legend_rows = _legend_layout(legend, width, left)
    legend_h = 4.5 * mm * (max(row for row, _x, _e in legend_rows) + 1) if legend_rows else 0
    height = plot_h + 12 * mm + 4.5 * mm * len(bands) + legend_h
    base = height - plot_h - 4 * mm  # the plot's bottom
    top = max(100, (max(tl.totals[cat]) // 10 + 2) * 10)
    span = (tl.end - tl.start).days or 1

    def x(d: date) -> float:
        return left + (width - left - 2 * mm) * (d - tl.start).days / span

    def y(v: int) -> float:
        return base + plot_h * v / top

    dr = Drawing(width, height, initialFontName=FONT, initialFontSize=6)  # never Helvetica, not even unused
    grey = colors.HexColor("#999999")
    for v in range(0, top + 1, 20):
        dr.add(Line(left, y(v), x(tl.end), y(v), strokeColor=colors.HexColor("#e0e0e0"), strokeWidth=0.4))
        dr.add(String(left - 1.5 * mm, y(v) - 2.5, str(v), fontName=FONT, fontSize=6.5, textAnchor="end"))
    for year in range(tl.start.year + 1, tl.end.year + 1):
        xx = x(date(year, 1, 1))
        dr.add(Line(xx, base, xx, base - 1.5 * mm, strokeColor=grey, strokeWidth=0.4))
        dr.add(String(xx, base - 4.5 * mm, str(year), fontName=FONT, fontSize=6.5, textAnchor="middle"))
    for mark, colour in zip(marks(plan.rules, tl.today), ("#c77700", "#b00020")):  # named in the legend
        dr.add(Line(left, y(mark), x(tl.end), y(mark), strokeColor=colors.HexColor(colour), strokeWidth=0.6,
                    strokeDashArray=[3, 2]))
    for d, colour in ((tl.today, "#333333"), *(((tl.planned, "#1f4e9c"),) if tl.planned else ())):
        if tl.start <= d <= tl.end:  # named in the legend
            dr.add(Line(x(d), base, x(d), base + plot_h, strokeColor=colors.HexColor(colour), strokeWidth=0.5,
                        strokeDashArray=None if colour == "#1f4e9c" else [1, 1]))
    for c in ("a", "b", "c"):
        pts = [x(tl.steps[0]), y(tl.totals[c][0])]
        for i in range(1, len(tl.steps)):
            pts += [x(tl.steps[i]), y(tl.totals[c][i - 1]), x(tl.steps[i]), y(tl.totals[c][i])]
        pts += [x(tl.end), y(tl.totals[c][-1])]
        dr.add(PolyLine(pts, strokeColor=colors.HexColor("#1f4e9c") if c == cat else colors.HexColor("#c8c8c8"),
                        strokeWidth=1.6 if c == cat else 0.6))
    row = base - 8 * mm
    for name in bands:
        for a, b in tl.windows[name]:
            dr.add(Rect(x(a), row, max(1.0, x(b or tl.end) - x(a)), 3.2 * mm, fillColor=colors.HexColor("#fbe3a0"),
                        strokeColor=None))
        label = r.route_name(name, official=True)
        dr.add(String(left + 1 * mm, row + 1, label, fontName=FONT, fontSize=6))
        row -= 4.5 * mm
    for line, lx, (kind, label, colour, dash, stroke) in legend_rows:  # the legend: every line and mark
        ly = row + 1.5 * mm - 4.5 * mm * line
        if kind == "band":
            dr.add(Rect(lx, ly - 1, 6 * mm, 3 * mm, fillColor=colors.HexColor("#fbe3a0"), strokeColor=None))
        elif kind == "vline":
            dr.add(Line(lx + 3 * mm, ly - 1, lx + 3 * mm, ly + 2.5 * mm, strokeColor=colors.HexColor(colour),
                        strokeWidth=0.5, strokeDashArray=dash))
        else:
            dr.add(Line(lx, ly + 1, lx + 6 * mm, ly + 1, strokeColor=colors.HexColor(colour), strokeWidth=stroke,
                        strokeDashArray=dash))
        dr.add(String(lx + 7 * mm, ly, label, fontName=FONT, fontSize=6))
    out = [_para(r.msg(Msg.of(N_("Points over time, category ({category}): {start} to {end}"),
                              category=CategoryRef(cat), start=tl.start, end=tl.end)), s["h2"]), dr]
    events = {e.on: e for e in tl.events}
    letter = r.tr(N_("({category})"))  # (b) in English, 1号ロ in Japanese
    rows = [[_para(r.tr(N_("Date")), s["cell"]),
             *(_para(letter.format(category=category_letter(c, r.lang)), s["cell"]) for c in "abc"),
             _para(r.tr(N_("What changed")), s["cell"])]]
    for i, d in enumerate(tl.steps):
        e = events.get(d)
        what = r.tr(N_("start of the timeline")) if i == 0 else \
            ("" if e is None else format_list([r.msg(m) for m in e.details], locale=r.lang))
        rows.append([_para(r.fmt(d), s["cell"]), *(_para(str(tl.totals[c][i]), s["cell"]) for c in "abc"),
                     _para(what, s["cell"])])
    out.append(_table(rows, [30 * mm, 11 * mm, 11 * mm, 11 * mm, 115 * mm]))
    return out


def _legend_entries(tl, r: Renderer, marks_drawn: tuple[int, ...]) -> list[tuple]:
    """(kind, label, colour, dash, stroke width) for every line and mark the PDF's chart draws."""
    cat = tl.category.value
    out = [("line", r.tr(N_("({category}) points, your category") if c == cat else N_("({category}) points"))
            .format(category=category_letter(c, r.lang)), "#1f4e9c" if c == cat else "#c8c8c8", None,
            1.6 if c == cat else 0.6)
           for c in "abc"]
    out += [("line", r.tr(N_("{points} points")).format(points=m), colour, [3, 2], 0.6)
            for m, colour in zip(marks_drawn, ("#c77700", "#b00020"))]
    out.append(("vline", r.tr(N_("today")), "#333333", [1, 1], 0.5))
    if tl.planned:
        out.append(("vline", r.tr(N_("planned date")), "#1f4e9c", None, 0.5))
    if any(tl.windows.values()):
        out.append(("band", r.tr(N_("a route is open")), "#fbe3a0", None, 0))
    return out


def _legend_layout(entries: list[tuple], width: float, left: float) -> list[tuple[int, float, tuple]]:
    """Each legend entry's row and x, left to right, wrapping before the right edge."""
    out, row, x = [], 0, left
    for e in entries:
        w = 7 * mm + pdfmetrics.stringWidth(e[1], FONT, 6) + 4 * mm
        if x + w > width and x > left:
            row, x = row + 1, left
        out.append((row, x, e))
        x += w
    return out


def _scenarios(plan: Plan, r: Renderer, s, comparison=None) -> list:
    """The what-if scenarios, one row each after the project as entered: the application date, the earliest
    route and date, and the points on the row's own checkpoints; then its changes, one row each."""
    p, today = plan.project, plan.today
    c = comparison if comparison is not None else plan.comparison()
    kinds = dict(CHANGE_KINDS)
    head = [N_("Scenario"), N_("Application date"), N_("Earliest route"), N_("Earliest date"), N_("3 years before"),
            N_("1 year before"), N_("On the date")]
    rows = [[_para(r.tr(h), s["cell"]) for h in head]]
    spans = []  # a scenario's changes: one row each under it, across the table, so a long list flows on
    for col, scenario in zip(c.columns, [None, *p.scenarios]):
        name = r.tr(N_("As entered")) if scenario is None else scenario.name
        first = col.earliest
        points = [str(col.points[d]) if col.points else "—" for d in col.checkpoints()] or ["—"] * 3
        when = r.fmt(first[1]) if first else "—"
        if first and not col.usable():
            when = r.tr(N_("closed from {date}")).format(date=r.fmt(col.closed[first[0]]))
        rows.append([_para(name, s["cell"]),
                     _para(r.fmt(col.planned) if col.planned else "—", s["cell"]),
                     _para(_route_name(r, first[0]) if first else r.tr(N_("none within the horizon")), s["cell"]),
                     _para(when, s["cell"]),
                     *(_para(v, s["cell"]) for v in points)])
        for ch in [] if scenario is None else scenario.changes:
            spans.append(len(rows))
            rows.append([_para("• " + r.msg(_change(ch, kinds)), s["cell"]), *[""] * (len(head) - 1)])
        if col.family:  # the family's date moves with the principal's: one row after the changes, marked apart
            spans.append(len(rows))
            family = "; ".join(r.msg(Msg.of(N_("{member}: with you on {date}"), member=member_label(p, index),
                                            date=day if day else Term(N_("not within the horizon"))))
                               for index, day in col.family)
            rows.append([_para("→ " + family, s["cell"]), *[""] * (len(head) - 1)])
    note = r.tr(N_("Each scenario is your project with the changes listed, evaluated on {date}; the points are "
                   "those on its own checkpoints.")).format(date=r.fmt(today))
    table = _table(rows, [38 * mm, 31 * mm, 40 * mm, 31 * mm, 12 * mm, 12 * mm, 14 * mm])
    table.setStyle(TableStyle([("SPAN", (0, i), (-1, i)) for i in spans] +
                              [("LEFTPADDING", (0, i), (0, i), 12) for i in spans]))
    return [_para(r.tr(N_("Your scenarios compared")), s["h2"]), _para(note, s["small"]), table]


def _change(ch, kinds: dict[str, str]) -> Msg:
    what = Term(kinds[ch.kind.value])
    if ch.amount_yen is not None:
        return Msg.of(N_("{change}: {amount} from {date}"), change=what, amount=Money(ch.amount_yen), date=ch.start)
    if ch.kind.value == "trip":
        if ch.end is None:
            return Msg.of(N_("{change}: from {date}, not back"), change=what, date=ch.start)
        return Msg.of(N_("{change}: {date} to {end}"), change=what, date=ch.start, end=ch.end)
    return Msg.of(N_("{change}: {date}"), change=what, date=ch.start)


def _route_name(r: Renderer, name: str) -> str:
    return r.route_name(name, official=True)


def _category_name(cat: str, r: Renderer) -> str:
    """高度専門職1号ロ（高度専門・技術活動） in Japanese, where the name says the letter; with the letter first in
    English: (b) 高度専門職1号ロ（…）."""
    return CATEGORY_JA[cat] if r.lang == "ja" else f"({cat}) {CATEGORY_JA[cat]}"


# The cover's date, named by why it is the date shown (hsp_wizard.domain.plan): a date the person did not plan is
# never called planned.
DATE_LABELS = {PLANNED: N_("Planned application date"), EARLIEST: N_("Earliest application date found"),
               GIVEN: N_("Application date"), TODAY: N_("Application date (today)")}


def _cover(p: Project, ev: Evaluation, cl: Checklist, r: Renderer, s, printed_on: date, w,
           why_on: str = PLANNED) -> list:
    out = [_para(r.tr(N_("Permanent residence application: document checklist")), s["title"])]
    if r.lang != "ja":  # the Japanese title is already this
        out.append(_para("永住許可申請　提出書類チェックリスト", s["subtitle"]))
    out += _headline(w, r, s)
    for line in not_counted(r, p):  # rows kept as typed but not counted: the points and dates leave them out
        out.append(_para("! " + line, s["base"]))
    en, ja = ROUTE_NAMES[cl.route]  # the registry's names
    rows = []
    if p.name:
        rows.append([r.tr(N_("Name")), p.name])
    if p.category:
        rows.append([r.tr(N_("Category")), _category_name(p.category.value, r)])
    rows.append([r.tr(N_("Route")), _both(r, en, ja)])
    rows.append([r.tr(DATE_LABELS[why_on]), r.fmt(ev.on)])
    back = ev.routes[cl.route].checkpoint
    if current_registry()[cl.route].checkpoint_rule is not None and back is not None:
        text = r.tr(N_("{now} and {back}")).format(now=r.fmt(ev.on), back=r.fmt(back))
        if cl.notice_covers:
            text += "\n" + r.tr(N_("The earlier date is covered by your points-result notice (ポイント計算結果通知書)."))
        rows.append([r.tr(N_("Checkpoints")), text])
    table_date = ev.points.table_date if ev.points else None
    rows.append([r.tr(N_("Rules as of")), r.tr(N_("point table of {table}; rule data checked against the reference "
                                                 "of this version")).format(
        table=r.fmt(table_date) if table_date else "—")])
    rows.append([r.tr(N_("Printed")), r.fmt(printed_on)])
    out.append(_table([[_para(a, s["cell"]), _para(b, s["cell"])] for a, b in rows], [45 * mm, 133 * mm],
                      header=False))
    out.append(_para(r.tr(N_("Routes to permanent residence")), s["h2"]))
    def rows(routes) -> Table:
        cells = []
        for rw in routes:
            lines = [rw.says, *(f"→ {f.where}" for f in rw.facts), *(f"! {x}" for x in rw.warnings)]
            cells.append([_para(rw.name, s["cell"]), _para("\n".join(lines), s["cell"])])
        return _table(cells, [62 * mm, 116 * mm], header=False)

    pr = [rw for rw in w.routes if rw.route != "hsp2"]
    hsp2 = [rw for rw in w.routes if rw.route == "hsp2"]
    if pr:
        out.append(rows(pr))
    if w.others:
        out.append(_para(w.others, s["small"]))
    if hsp2:
        out += [_para(w.also, s["base"]), rows(hsp2)]
    for x in (*w.warnings, *w.notes):
        out.append(_para("! " + x, s["base"]))
    return out


def _headline(w, r: Renderer, s) -> list:
    style = ParagraphStyle("headline", parent=s["base"], fontSize=11, leading=15, spaceBefore=2, spaceAfter=6,
                           backColor=colors.HexColor("#eef3f9"), borderPadding=4)
    out = [_para(w.headline, style)]  # the facts to enter are listed under their routes
    if w.past:
        out.append(_para(w.past, s["base"]))
    if w.stay:
        out.append(_para(w.stay, s["base"]))
    out.append(Spacer(1, 4))
    return out


def _documents(cl: Checklist, r: Renderer, s) -> list:
    out = [_para(r.tr(N_("Documents to bring")) + ("" if r.lang == "ja" else " — 提出書類"), s["h2"])]
    out.append(_para(r.tr(N_("Tax records: {tax} year(s); pension: {pension}; health insurance: {health}."))
                     .format(tax=cl.tax_years, pension=cl.pension_years, health=cl.health_years), s["base"]))
    for m in cl.assumptions:
        out.append(_para(r.msg(m), s["small"]))
    for p in out:  # the heading and its lines go with the table's first rows (a page never ends on them)
        p.keepWithNext = 1
    rows = [["", r.tr(N_("Document")), r.tr(N_("Where to get it")), r.tr(N_("Notes"))]]
    for e in cl.entries:
        d = e.doc
        name = d.official_ja if r.lang == "ja" else f"{r.tr(d.label)}\n{d.official_ja}"
        notes = []
        if e.years:
            notes.append(r.tr(N_("{years} year(s)")).format(years=e.years))
        if d.note:
            notes.append(r.tr(d.note))
        rows.append(["□", _para(name, s["cell"]), _para(r.tr(d.where), s["cell"]),
                     _para("\n".join(notes), s["cell"])])
    out.append(_table(rows, [7 * mm, 72 * mm, 45 * mm, 54 * mm]))
    if cl.fee is not None:  # what to pay at the office when permission is granted (fee.pr_grant)
        out.append(_para("□ " + r.msg(cl.fee[0]), s["base"]))  # its sources: under "Why?"
    if cl.note:
        out.append(_para(r.tr(cl.note), s["small"]))
    return out


def _exhibits(cl: Checklist, r: Renderer, s) -> list:
    out = [_para(r.tr(N_("Evidence for each point claimed")) + ("" if r.lang == "ja" else " — 疎明資料"), s["h2"])]
    rows = [[r.tr(N_("No.")), r.tr(N_("Document")), r.tr(N_("Proves")), r.tr(N_("Points")), r.tr(N_("As of"))]]
    for x in cl.exhibits:
        doc = x.doc.official_ja if r.lang == "ja" else f"{r.tr(x.doc.label)}\n{x.doc.official_ja}"
        rows.append([f"E-{x.number}", _para(doc, s["cell"]), _para(r.rule_label(x.rule_id), s["cell"]),
                     str(x.points), _para(r.fmt(x.on), s["cell"])])  # era dates are longer: let them wrap
    out.append(_table(rows, [12 * mm, 64 * mm, 58 * mm, 14 * mm, 30 * mm]))
    return out


def _household_documents(cl: Checklist, r: Renderer, s) -> list:
    """The documents the household adds, numbered on from the evidence (the same E- series)."""
    out = [_para(r.tr(N_("Your household's documents")) + ("" if r.lang == "ja" else " — 家族の書類"), s["h2"])]
    rows = [[r.tr(N_("No.")), r.tr(N_("Document")), r.tr(N_("For")), r.tr(N_("Notes")),
             r.tr(N_("How sure"))]]
    for h in cl.household:
        doc = h.doc.official_ja if r.lang == "ja" else f"{r.tr(h.doc.label)}\n{h.doc.official_ja}"
        notes = [r.tr(N_("{years} year(s)")).format(years=h.years)] if h.years else []
        if h.doc.note:
            notes.append(r.tr(h.doc.note))
        rows.append([f"E-{h.number}", _para(doc, s["cell"]), _para(r.msg(h.member), s["cell"]),
                     _para("\n".join(notes), s["cell"]),
                     _para(r.confidence(h.confidence), s["small"])])  # the sources: under "Why?"
    out.append(_table(rows, [12 * mm, 70 * mm, 30 * mm, 38 * mm, 28 * mm]))
    return out


def _sure(r: Renderer, c) -> str:
    """A reading and how sure it is, in words (its sources: under "Why?")."""
    return r.msg(Msg.of(N_("{why} ({sure})"), why=c.why, sure=Term(CONFIDENCE.get(c.confidence, c.confidence))))


def _household(hh: HouseholdResult, r: Renderer, s) -> list:
    """Each member's route with the principal and alone, and the three HSP family benefits on the date."""
    out = [_para(r.tr(N_("Your family's permanent residence")) + ("" if r.lang == "ja" else " — 家族の永住許可"),
                 s["h2"])]
    if hh.income is not None:
        lead = N_("Household income: {income}") if hh.income_complete else \
            N_("Household income: {income} (your spouse's income not entered)")
        out.append(_para(r.msg(Msg.of(lead, income=Money(hh.income))), s["base"]))
    rows = [[_para(t, s["cell"]) for t in (r.tr(N_("Member")), r.msg(Msg.of(N_("With you on {date}"), date=hh.on)),
                                           r.tr(N_("With you, earliest")), r.tr(N_("Alone, earliest")))]]
    for m in hh.members:
        if m.on_date is None:
            rows.append([_para(r.msg(m.label), s["cell"]),
                         _para("\n".join([r.msg(m.status), *(r.msg(n) for n in m.notes)]), s["cell"]), "", ""])
            continue
        state = [r.tr(m.together_state)]
        state += ["✗ " + r.msg(c.why) for c in m.on_date.blockers]
        state += ["? " + r.msg(c.why) for c in m.unknowns]
        state += ["! " + r.msg(c.why) for c in m.warnings]
        if m.certainty is not None:
            state.append("? " + _sure(r, m.certainty))
        together = [r.fmt(m.together.opens) if m.together.opens else r.tr(N_("not within the horizon"))]
        together += [r.msg(Msg.of(N_("bound by: {why}"), why=r.msg(c.why))) for c in m.together.binding]
        alone = r.fmt(m.alone.opens) if m.alone.opens else r.tr(N_("not within the horizon"))
        rows.append([_para(r.msg(m.label) + "\n" + r.msg(m.status), s["cell"]),
                     _para("\n".join(state), s["cell"]), _para("\n".join(together), s["cell"]),
                     _para(f"{_route_name(r, m.alone.route)}\n{alone}", s["cell"])])
    out = [KeepTogether([*out, _table(rows, [34 * mm, 74 * mm, 40 * mm, 30 * mm])])]  # no orphaned heading
    out.append(_para(r.msg(Msg.of(N_("HSP family benefits on {date}"), date=hh.on)) +
                     ("" if r.lang == "ja" else " — 高度専門職の家族に関する優遇措置"), s["h2"]))
    rows = [[_para(r.tr(t), s["cell"]) for t in (N_("Benefit"), N_("Conditions"),
                                                  N_("At HSP(ii) and at permanent residence"))]]
    for b in hh.benefits:
        state = r.tr({True: N_("met"), False: N_("not met"), None: N_("cannot tell yet")}[b.met])
        conds = [{True: "✓ ", False: "✗ ", None: "? "}[c.met] + _sure(r, c)
                 for c in b.conditions]  # the sources: under "Why?"
        if b.ends:
            conds.append(r.msg(Msg.of(N_("The reason lasts until {date}"), date=b.ends)))
        rows.append([_para(f"{r.tr(BENEFIT_NAMES[b.kind])}\n{state}", s["cell"]), _para("\n".join(conds), s["cell"]),
                     _para(f"{r.msg(b.at_hsp2.why)}\n{r.msg(b.at_pr.why)}", s["cell"])])
    out.append(_table(rows, [34 * mm, 94 * mm, 50 * mm]))
    return out


def _sheet(pr: PointsResult, r: Renderer, s) -> list:
    """The points at one checkpoint, item by item, like ISA's point calculation sheet."""
    head = r.tr(N_("Point calculation as of {date}")).format(date=r.fmt(pr.on))
    out = [_para(head + ("" if r.lang == "ja" else " — ポイント計算表"), s["h2"]),
           _para(_category_name(pr.category.value, r), s["base"])]
    rows = [[r.tr(N_("Item")), r.tr(N_("Row")), r.tr(N_("Points"))]]
    for item in ITEM_ORDER:
        for ln in (x for x in pr.lines if x.item == item):
            en, ja = ITEM_NAMES[item]
            rows.append([_para(ja if r.lang == "ja" else f"{r.tr(en)} {ja}", s["cell"]),
                         _para(r.rule_label(ln.rule_id), s["cell"]), str(ln.points)])
    rows.append([_para(r.tr(N_("Total")), s["cell"]), "", str(pr.total)])
    t = _table(rows, [40 * mm, 118 * mm, 20 * mm])
    t.setStyle(TableStyle([("ALIGN", (2, 0), (2, -1), "RIGHT"),
                           ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2"))]))
    out.append(t)
    return out


def _warnings(cl: Checklist, r: Renderer, s, said: set[str] = frozenset()) -> list:
    """The chosen route's blockers and warnings not already said on the first page."""
    left = [c for c in cl.warnings if r.msg(c.why) not in said]
    if not left:
        return []
    out = [_para(r.tr(N_("What could lead to a refusal")), s["h2"])]
    rows = [[r.tr(N_("Warning")), r.tr(N_("Rule"))]]
    for c in left:
        mark = "✗ " if c.blocking and c.met is False else "! "
        rows.append([_para(mark + r.msg(c.why), s["cell"]), _para(r.rule_label(c.rule_id), s["small"])])
    out.append(_table(rows, [120 * mm, 58 * mm]))
    return out


def _household_sources(cl: Checklist, r: Renderer) -> list[str]:
    """Each household document's sources by title and how sure its listing is, once per document."""
    out = []
    for h in cl.household:
        titles = r.source_titles(h.sources)
        name = h.doc.official_ja if r.lang == "ja" else r.tr(h.doc.label)
        line = r.msg(Msg.of(N_("{document}: sources: {sources}; how sure: {sure}"), document=name, sources=titles,
                            sure=r.confidence(h.confidence)))
        if line not in out:
            out.append(line)
    return out


def _why(cl: Checklist, r: Renderer, s, notes=(), more: list[str] = ()) -> list:
    """The explanation behind the warnings, the fee, the notes and the household's readings: each rule's id, its
    sources by title and how sure it is (`more`: lines already worded, the household documents' sources)."""
    from hsp_wizard.domain.routes import Condition
    from hsp_wizard.wording import explain
    said = list(cl.warnings) + list(notes)
    if cl.fee is not None:
        said.append(Condition("fee.pr_grant", True, cl.fee[0], tuple(cl.fee[1]), cl.fee[2], blocking=False))
    if not said and not more:
        return []
    out = [_para(r.tr(N_("Why?")), s["h2"])]
    seen = []
    for c in said:
        text = explain(r, c)
        if text not in seen:
            seen.append(text)
            out.append(_para(text, s["small"]))
    out += [_para(line, s["small"]) for line in more]
    return out
