"""Headless entry points over the same domain: evaluate one project or a folder of them."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from hsp_wizard import __version__
from hsp_wizard.domain.evaluate import Evaluation
from hsp_wizard.domain.explain import CategoryRef, Money, Msg, N_, RouteRef, Term
from hsp_wizard.domain.plan import make_plan
from hsp_wizard.domain.registry import current as current_registry
from hsp_wizard.rules import RuleDataError, load_rules
from hsp_wizard.storage import ProjectFileError, ProjectPasswordError, read_project

PROJECT_SUFFIXES = (".hspw", ".json")
JSON_FORMAT = "hsp-wizard-evaluation"
JSON_VERSION = 1
PARALLEL_FROM = 64  # files; below this, starting worker processes costs more than it saves
# `json.dumps(x, ensure_ascii=False, separators=(",", ":"))`, the same bytes, made once: a result is a tree of fresh
# dicts and lists (a condition's dict may appear in several places, never inside itself), so the encoder's check
# for circular references, a dictionary insert and delete per container, is left out (issue 21)
_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="hsp-wizard", description="HSP points and permanent-residence dates, "
                                 "offline.")
    ap.add_argument("--version", action="version", version=f"hsp-wizard {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="evaluate a project file or every project in a folder")
    ev.add_argument("path", help="a project file (.hspw/.json) or a folder of them")
    ev.add_argument("--on", type=_date, default=None,
                    help="evaluation date (default: the project's planned application date, else the earliest "
                         "date a route opens, else today)")
    ev.add_argument("--json", action="store_true", help="stable JSON output (docs/cli.md)")
    ev.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the human output")
    ev.add_argument("--horizon", type=int, default=10, help="years ahead to search for earliest dates")
    ev.add_argument("--why", action="store_true",
                    help="add the explanations: each condition's rule, its id, its sources and how sure it is")
    ev.add_argument("--password-stdin", action="store_true",
                    help="read the password of protected projects from the first line of standard input")
    ev.add_argument("--plan", action=argparse.BooleanOptionalAction, default=None,
                    help="add the points timeline and the ranked suggestions (default: for one file, not for a "
                         "folder)")
    ck = sub.add_parser("checklist", help="write the printable document checklist (PDF)")
    ck.add_argument("project", help="a project file")
    ck.add_argument("-o", "--output", required=True, help="the PDF to write")
    ck.add_argument("--lang", choices=("en", "ja"), default="en")
    ck.add_argument("--route", choices=current_registry().routes, default=None, help="default: the best route")
    ck.add_argument("--on", type=_date, default=None,
                    help="application date (default: the project's planned date, else the earliest date a route "
                         "opens, else today)")
    ck.add_argument("--password-stdin", action="store_true",
                    help="read the project's password from the first line of standard input")
    sc = sub.add_parser("schema", help="print the project file's JSON Schema")
    sc.set_defaults(lang="en")
    return ap


def _password(args) -> str | None:
    """The password from stdin's first line (never from the command line, where `ps` and shell history see it)."""
    if not getattr(args, "password_stdin", False):
        return None
    return sys.stdin.readline().rstrip("\r\n")


def _load(path: str, password: str | None):
    """The project at `path`; a protected one without --password-stdin says how to give the password."""
    try:
        return read_project(path, password).project
    except ProjectPasswordError as exc:
        if exc.wrong:
            raise
        raise ProjectFileError(exc.path, Msg.of(N_("{reason} (give it with --password-stdin)"),
                                                reason=exc.msg)) from None


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PROJECT_SUFFIXES)
    return [path]


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:  # argparse prints usage on stderr and exits 2 on bad input
        return int(exc.code or 0)
    try:
        load_rules()
    except RuleDataError as exc:
        print(f"hsp-wizard: rule data is broken: {exc}", file=sys.stderr)
        return 2
    if args.command == "checklist":
        return _checklist(args)
    if args.command == "schema":
        from hsp_wizard.domain.schema_doc import project_json_schema_text
        sys.stdout.write(project_json_schema_text())  # exactly docs/project-schema.json
        return 0
    return _evaluate(args)


def _checklist(args) -> int:
    from hsp_wizard.presentation import Renderer
    from hsp_wizard.report.checklist_pdf import ReportError, build_checklist_pdf
    from hsp_wizard.storage import write_private_atomic
    render = Renderer(args.lang)
    try:
        project = _load(args.project, _password(args))
    except ProjectFileError as exc:
        print(f"hsp-wizard: {exc.path}: {render.msg(exc.msg)}", file=sys.stderr)
        return 2
    plan = make_plan(project, date.today(), on=args.on)
    try:
        data = build_checklist_pdf(plan, lang=args.lang, route=args.route)
        write_private_atomic(Path(args.output), data)
    except ReportError as exc:
        print(f"hsp-wizard: {args.output}: {render.msg(exc.msg)}", file=sys.stderr)
        return 2
    except OSError as exc:
        reason = render.msg(exc.msg) if getattr(exc, "msg", None) is not None else exc.strerror or exc
        print(f"hsp-wizard: {args.output}: {reason}", file=sys.stderr)
        return 2
    return 0


def _evaluate(args) -> int:
    from hsp_wizard.presentation import Renderer
    render = Renderer(args.lang)
    path = Path(args.path)
    if not path.exists() and not path.is_symlink():  # a broken link or a loop of links: read_project says which
        print(f"hsp-wizard: {path}: " + render.msg(Msg.of(N_("No such file or folder"))), file=sys.stderr)
        return 2
    files = _files(path)
    if path.is_dir() and not files:
        print(f"hsp-wizard: {path}: " + render.msg(Msg.of(N_("No project files (.hspw, .json) in this folder"))),
              file=sys.stderr)
        return 2
    today = date.today()
    password = _password(args)
    plan = args.plan if args.plan is not None else not path.is_dir()  # a folder: throughput first
    jobs = [(str(f), args.on, args.horizon, today, args.json, args.lang, password, plan, args.why) for f in files]
    if len(jobs) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        import gc
        from concurrent.futures import ProcessPoolExecutor  # only here: `checklist` starts without it
        from hsp_wizard.domain import household  # noqa: F401 - imported once here, not in every worker
        gc.freeze()  # what is loaded so far is shared with the workers: their collections neither scan nor copy it
        out = sys.stdout
        if getattr(out, "buffer", None) is not None and os.linesep == "\n" and getattr(out, "encoding", None):
            # each result encoded in its worker as standard output would encode it: the parent writes the bytes
            # as they come, without decoding and encoding again (about 25 KB a file; issue 21)
            from functools import partial
            work = partial(_evaluate_encoded, out.encoding, out.errors or "strict")
        else:
            work = _evaluate_one
        try:
            with ProcessPoolExecutor(max_workers=os.cpu_count(), initializer=_worker_start) as pool:
                # in the files' order, each written as it arrives: memory stays flat however many files there are;
                # small chunks, so that no worker sits idle long at the end
                outcomes = pool.map(work, jobs, chunksize=max(1, min(8, len(jobs) // (8 * os.cpu_count()))))
                return _write_outcomes(outcomes, args.json)
        finally:
            gc.unfreeze()  # `main` may be called in a longer-lived process (the tests)
    return _write_outcomes(map(_evaluate_one, jobs), args.json)


def _worker_start() -> None:
    """A worker evaluates file after file, each making many small short-lived objects and few cycles: collect
    the youngest objects less often (a full collection still runs; memory stays flat)."""
    import gc
    gc.set_threshold(20000, 20, 20)


def _evaluate_encoded(encoding: str, errors: str, job) -> tuple[bool, object]:
    """`_evaluate_one`, a result's text encoded as standard output encodes it (`encoding`, `errors`)."""
    ok, payload = _evaluate_one(job)
    return (True, payload.encode(encoding, errors)) if ok else (False, payload)


def _write_outcomes(outcomes, as_json: bool) -> int:
    """Write each result as it comes (JSON: inside the envelope, errors after the results); 2 if any file failed.
    A result's text may come encoded already (`_evaluate_encoded`): its bytes go to standard output's buffer, after
    what the text layer holds."""
    failed = 0
    errors = []
    first = True
    out = sys.stdout
    if as_json:  # each result is serialised in its worker; the envelope is written around them
        out.write(f'{{"format":"{JSON_FORMAT}","version":{JSON_VERSION},"results":[')
    for ok, payload in outcomes:
        if not ok:
            failed += 1
            print(f"hsp-wizard: {payload['text']}", file=sys.stderr)
            errors.append(json.dumps(payload["json"], ensure_ascii=False, separators=(",", ":")))
            continue
        if as_json and not first:
            out.write(",\n")
        first = False
        if payload.__class__ is bytes:
            out.flush()
            out.buffer.write(payload)
        else:
            out.write(payload)
    if as_json:
        sys.stdout.write('],"errors":[' + ",\n".join(errors) + "]}\n")
    return 2 if failed else 0


def _evaluate_one(job) -> tuple[bool, object]:
    """Load and evaluate one file (runs in a worker process for large folders)."""
    from hsp_wizard.presentation import Renderer
    path, on, horizon, today, as_json, lang, password, plan, why = job
    render = Renderer(lang)
    try:
        project = _load(path, password)
    except ProjectFileError as exc:
        return False, {"text": f"{exc.path}: {render.msg(exc.msg)}",
                       "json": {"file": path, "message": exc.msg.render(), "message_params": exc.msg.as_json()}}
    the_plan = make_plan(project, today, on=on, horizon_years=horizon)
    ev = the_plan.evaluation
    tl = sug = cmp = None
    if plan:
        tl, sug, cmp = the_plan.timeline, the_plan.suggestions, the_plan.comparison()
    from hsp_wizard.domain.household import household_of
    hh = household_of(project, ev)
    if as_json:
        result = {"file": path, "evaluation": ev.as_json(),
                  "timeline": tl.as_json() if tl else None,
                  "suggestions": [s.as_json() for s in sug] if sug is not None else None,
                  "scenarios": cmp.as_json() if cmp else None}
        if hh is not None:  # only with a household: a household of one gives the same bytes as before version 3
            result["household"] = hh.as_json()
        return True, _DUMPS(result)
    text = render_text(path, project, ev, render, today=today, why=why, horizon_years=horizon,
                       answer=the_plan.answer)
    if hh is not None:
        text += render_household(hh, render, why=why)
    if plan:
        text += render_plan(tl, sug, render, the_plan.answer) + (
            render_scenarios(cmp, render, project) if cmp else "")
    return True, text


def render_text(name: str, project, ev: Evaluation, r, *, today: date | None = None, why: bool = False,
                horizon_years: int = 10, answer=None) -> str:
    """The readable answer of one evaluation: the headline first (the same sentence as the results page and the
    PDF), each route's state, then the points; rule ids, sources and confidence only under "Why?" (`why`)."""
    from hsp_wizard.domain.answer import answer_for
    from hsp_wizard.wording import plain_text, words
    today = today or date.today()
    out = [r.msg(Msg.of(N_("{file}: evaluated on {date}"), file=name, date=ev.on))]
    w = words(r, answer or answer_for(project, today, ev), horizon_years, why=why)
    out.extend(plain_text(w))
    if w.kind == "empty":
        out.append("")
        return "\n".join(out) + "\n"
    if ev.points is None:
        out.append("  " + r.msg(Msg.of(N_("No category chosen: points by category: (a) {a}, (b) {b}, (c) {c}"),
                                       a=ev.by_category["a"].total, b=ev.by_category["b"].total,
                                       c=ev.by_category["c"].total)))
    else:
        p = ev.points
        verdict = N_("meets the HSP(i) criteria") if p.eligible else N_("does not meet the HSP(i) criteria")
        out.append("  " + r.msg(Msg.of(N_("Category ({category}): {total} points; {verdict}"),
                                       category=CategoryRef(p.category), total=p.total,
                                       verdict=r.tr(verdict))))
        for ln in p.lines:
            line = Msg.of(N_("{name}: {what}"), name=r.rule_label(ln.rule_id), what=ln.why)
            out.append(f"    {ln.points:>3}  " + r.msg(line))
        for ln in p.withheld:
            line = Msg.of(N_("{name}: {what}"), name=r.rule_label(ln.rule_id), what=ln.why)
            out.append("      -  " + r.msg(line))
        for g in p.gates:
            if not g.met:
                out.append("    !  " + r.msg(g.why))
        for n, cp in sorted(ev.checkpoints.items()):
            out.append("  " + r.msg(Msg.of(N_("{years} year(s) before ({date}): {total} points"), years=n,
                                           date=cp.on, total=cp.total)))
    if why:
        out.append("  " + r.tr(N_("Why?")))
        for line in w.why:
            out.append("    " + line)
        for rw in w.routes:
            out.append("    " + rw.name)
            out.extend("      " + line for line in rw.why)
        if ev.points is not None:
            for ln in ev.points.lines:
                out.append("    " + r.msg(Msg.of(N_("{rule}: sources {sources}; how sure: {sure} (rule {id})"),
                                                 rule=r.rule_label(ln.rule_id), sources=_titles(r, ln.sources),
                                                 sure=r.tr(_sureness(ln.confidence)), id=ln.rule_id)))
    out.append("")
    return "\n".join(out) + "\n"


def render_household(hh, r, *, why: bool = False) -> str:
    """Each member's route with the principal and alone, household income, and the three family benefits; how
    sure in words, rule ids only under "Why?" (`why`)."""
    def ref(c, sure: bool = True) -> str:
        parts = ([c.rule_id] if why else []) + ([r.confidence(c.confidence)] if sure else [])
        return f"  [{'; '.join(parts)}]" if parts else ""

    from hsp_wizard.domain.household import BENEFIT_NAMES
    out = ["  " + r.msg(Msg.of(N_("Your household on {date}:"), date=hh.on))]
    if hh.income is not None:
        lead = N_("Household income: {income}") if hh.income_complete else \
            N_("Household income: {income} (your spouse's income not entered)")
        out.append("    " + r.msg(Msg.of(lead, income=Money(hh.income))))
    for m in hh.members:
        out.append("    " + r.msg(Msg.of(N_("{name}: {what}"), name=m.label, what=m.status)))
        if m.on_date is None:
            out.extend(f"      - {r.msg(n)}" for n in m.notes)
            continue
        state = m.together_state
        out.append("      " + r.msg(Msg.of(N_("On {date}: {state}"), date=hh.on, state=Term(state))))
        for c in m.on_date.blockers:
            out.append(f"        x {r.msg(c.why)}{ref(c, False)}")
        for c in m.unknowns:
            out.append(f"        ? {r.msg(c.why)}{ref(c, False)}")
        t = m.together
        if t.opens is None:
            out.append("      " + r.tr(N_("With you: no date within the horizon")))
        else:
            out.append("      " + r.msg(Msg.of(N_("With you, earliest: {date}"), date=t.opens)))
        for c in t.binding:
            out.append("        " + r.msg(Msg.of(N_("bound by: {why}"), why=r.msg(c.why))) + ref(c, False))
        if m.certainty is not None:
            out.append(f"      ? {r.msg(m.certainty.why)}{ref(m.certainty)}")
        for c in m.warnings:
            out.append(f"      ! {r.msg(c.why)}{ref(c)}")
        for n in m.notes:
            out.append(f"      - {r.msg(n)}")
        a = m.alone
        if a.opens is None:
            out.append("      " + r.msg(Msg.of(N_("Alone ({route}): no date within the horizon"),
                                               route=RouteRef(a.route))))
        else:
            out.append("      " + r.msg(Msg.of(N_("Alone ({route}), earliest: {date}"), route=RouteRef(a.route),
                                               date=a.opens)))
    out.append("  " + r.msg(Msg.of(N_("HSP family benefits on {date}:"), date=hh.on)))
    for b in hh.benefits:
        state = {True: N_("met"), False: N_("not met"), None: N_("cannot tell yet")}[b.met]
        out.append("    " + r.msg(Msg.of(N_("{name}: {what}"), name=Term(BENEFIT_NAMES[b.kind]),
                                           what=Term(state))))
        for c in b.conditions:
            mark = {True: "+", False: "x", None: "?"}[c.met]
            out.append(f"      {mark} {r.msg(c.why)}{ref(c)}")
        if b.ends:
            out.append("      " + r.msg(Msg.of(N_("The reason lasts until {date}"), date=b.ends)))
        out.append("      " + r.msg(b.at_hsp2.why) + ref(b.at_hsp2, False))
        out.append("      " + r.msg(b.at_pr.why) + ref(b.at_pr, False))
    out.append("")
    return "\n".join(out) + "\n"


def _titles(r, sources) -> str:
    return r.source_titles(sources)


def _sureness(tag: str) -> str:
    from hsp_wizard.wording import SURENESS
    return SURENESS.get(tag, tag)


def render_plan(tl, sug, r, answer=None) -> str:
    """The points timeline's events and the suggestions, readable (`answer`: the plan's, which words why none)."""
    out = ["  " + r.msg(Msg.of(N_("Points over time ({start} to {end}): {count} change(s)"), start=tl.start,
                               end=tl.end, count=len(tl.events)))]
    for e in tl.events:
        out.append("    " + r.msg(Msg.of(N_("{date}: {what}"), date=e.on, what=e.headline)))
        for d in e.details:
            out.append("      " + r.msg(d))
    if sug:
        out.append("  " + r.tr(N_("What would make permanent residence sooner (best first):")))
        for s in sug:
            lead = N_("Your planned date is too early: {what}") if s.kind == "apply_later" else \
                N_("Apply before the route closes: {what}") if s.kind == "apply_before" else \
                N_("{days} day(s) sooner: {what}")
            out.append("    " + r.msg(Msg.of(lead, days=s.gain_days, what=s.says)))
    else:
        from hsp_wizard.wording import sooner_none
        out.append("  " + sooner_none(r, sug, answer))
    out.append("")
    return "\n".join(out) + "\n"


def render_scenarios(cmp, r, project=None) -> str:
    """The project as entered and each scenario: the earliest route, the points on each compared day and the
    earliest date of each route; with a household (`project`'s), the day each member can apply with you."""
    out = ["  " + r.tr(N_("Scenarios compared:"))]
    for col in cmp.columns:
        name = col.name if col.name is not None else r.tr(N_("As entered"))
        if col.earliest is None:
            first = r.tr(N_("no route opens within the horizon"))
        elif not col.usable():
            first = r.msg(Msg.of(N_("earliest: {route} on {date}, closed again from {closed}, before the application "
                                    "date"), route=RouteRef(col.earliest[0]), date=col.earliest[1],
                                 closed=col.closed[col.earliest[0]]))
        else:
            first = r.msg(Msg.of(N_("earliest: {route} on {date}"), route=RouteRef(col.earliest[0]),
                                 date=col.earliest[1]))
        out.append("    " + r.msg(Msg.of(N_("{name}: {what}"), name=name, what=first)))
        if col.points is not None:
            for d in cmp.days:
                out.append("      " + r.msg(Msg.of(N_("{date}: {total} points"), date=d, total=col.points[d])))
        for route in cmp.routes:
            when = col.opens.get(route)
            if route in col.closed:
                out.append("      " + r.msg(Msg.of(N_("{route}: closed from {date}"), route=RouteRef(route),
                                                   date=col.closed[route])))
                continue
            out.append("      " + r.msg(Msg.of(N_("{route}: {date}"), route=RouteRef(route),
                                               date=when if when else Term(N_("not within the horizon")))))
        if col.family and project is not None:
            from hsp_wizard.domain.household import member_label
            for index, day in col.family:
                out.append("      " + r.msg(Msg.of(N_("{member}: with you on {date}"),
                                                   member=member_label(project, index),
                                                   date=day if day else Term(N_("not within the horizon")))))
    out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
