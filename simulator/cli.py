"""Command line: ``python -m simulator simulate|validate|params|test``.

Bad input exits with status 2 and one line per problem naming the field path; never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import orjson
import yaml

from .caseio import EXAMPLE, load_case, parse_case_text
from .engine import simulate
from .money import fmt
from .parameters import ParameterError, ParameterSet, load_parameters
from .policy_checks import InputError, policy_problems
from .result import Result
from .texts import label, status_label

EXIT_INPUT = 2


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def table(result: Result, lang: str) -> str:
    """A readable table of every line, then the totals."""
    heads = [label(k, lang) for k in ("col_year", "col_line", "col_child", "col_parent", "col_amount",
                                      "col_unit", "col_source", "col_status")]
    rows = []
    for ln in sorted(result.lines, key=lambda x: (x.year, x.category, x.id, x.child or 0)):
        rows.append([str(ln.year), label(ln.id, lang), str(ln.child or ""), label(ln.parent, lang) if ln.parent else "",
                     status_label(ln.status, lang) if ln.status == "not_computed"
                     else label("amount_unknown", lang) if ln.amount is None and ln.unit != "entitlement"
                     else ("" if ln.amount is None else fmt(ln.amount)),
                     label("unit_" + ln.unit, lang), ln.source if not ln.measure else f"bengbu-2024 {ln.measure}",
                     status_label(ln.status, lang)])
    widths = [max(_width(r[i]) for r in [heads, *rows]) for i in range(len(heads))]
    out = ["  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in rows]
    t = result.totals()
    out.append("")
    out.append(f"{label('money_received', lang)}: {fmt(t['money_received'])} {label('unit_yuan', lang)}")
    out.append(f"{label('tax_saved', lang)}: {fmt(t['tax_saved'])} {label('unit_yuan', lang)}")
    out.append(f"{label('interest_saved', lang)}: {fmt(t['interest_saved'])} {label('unit_yuan', lang)}")
    out.append(f"{label('loan_capacity', lang)}: {fmt(t['loan_capacity'])} {label('unit_yuan', lang)}")
    for role in ("mother", "father"):
        out.append(f"{label('leave_days', lang)} ({label(role, lang)}): {t['leave_days'][role]} {label('unit_days', lang)}")
    out.append(f"{label('wage_replacement', lang)}: {fmt(t['wage_replacement'])} {label('unit_yuan', lang)}"
               f" ({label('wage_replacement_note', lang)})")
    if t["amounts_to_enter"]:
        out.append(f"{label('amounts_to_enter', lang)}: {t['amounts_to_enter']}")
    if t["not_computed"]:
        out.append(f"{label('not_computed', lang)}: {t['not_computed']}")
    out.append(f"{label('as_of', lang)}: {result.as_of}  {label('policy_pack_date', lang)}: {result.pack_date}")
    return "\n".join(out) + "\n"


def _load_params(args: argparse.Namespace) -> ParameterSet:
    params = load_parameters(args.policy) if args.policy else load_parameters()
    if args.local:
        figures = yaml.safe_load(Path(args.local).read_text(encoding="utf-8")) or {}
        if not isinstance(figures, dict):
            raise ParameterError([f"{args.local}: must map parameter names to numbers"])
        params = params.with_local(figures)
    return params


def _fail(problems: Sequence[str]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    return EXIT_INPUT


def cmd_simulate(args: argparse.Namespace) -> int:
    params = _load_params(args)
    if args.batch:
        return _batch(args, params)
    path = EXAMPLE if args.example or not args.case else args.case
    household = load_case(path, args.lang)
    result = simulate(household, params)
    if args.table:
        sys.stdout.write(table(result, args.lang))
    else:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


BATCH_SENTENCES = 100_000  # a memory bound, not a policy figure: some tens of MB of explanations at most


def _batch(args: argparse.Namespace, params: ParameterSet) -> int:
    """One case per input line, one result per output line; a bad line gets its errors, the rest go on."""
    failed = 0
    # Bytes, line by line: each case is decoded by the parser, so a line that is not UTF-8 is that line's
    # error rather than the end of the batch (and no text layer decodes what the parser reads as bytes).
    source = sys.stdin.buffer if args.batch == "-" else open(args.batch, "rb")  # noqa: SIM115
    sys.stdout.flush()
    # orjson makes UTF-8 bytes: hand them to the binary stream beneath stdout, not decode them only for the
    # text layer to encode them again (that round trip cost more than making the JSON).
    raw = getattr(sys.stdout, "buffer", None)
    write = raw.write if raw is not None else (lambda b: sys.stdout.write(b.decode()))
    # The batch's explanations, shared by its households (a sentence is put into words once per batch); kept
    # to a bound so a very long batch does not grow without end, and gone when the batch ends.
    sentences: dict = {}
    with source:
        for n, text in enumerate(source, start=1):
            if not text.strip():
                continue
            if len(sentences) > BATCH_SENTENCES:
                sentences.clear()
            try:
                result = simulate(parse_case_text(text, args.lang), params, sentences=sentences)
                record = result.to_dict(parameters=args.detail)
            except InputError as e:
                failed += 1
                record = {"line": n, "errors": e.problems}
            write(dumps_line(record))
    if failed:
        print(f"{failed} case(s) had errors", file=sys.stderr)
    return EXIT_INPUT if failed else 0


def dumps_line(record: dict) -> bytes:
    """One compact JSON line, UTF-8. orjson (a well-kept C library) is ~5× faster than json for batch output."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def cmd_validate(args: argparse.Namespace) -> int:
    params = _load_params(args)
    household = load_case(args.case, args.lang)
    problems = policy_problems(household, params)
    if problems:
        return _fail(problems)
    print("OK" if args.lang == "en" else "有效")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    params = _load_params(args)
    today = args.on or dt.date.today()
    rows = []
    for name in sorted(params):
        p = params[name]
        eff, value = p.entry(today)
        if isinstance(value, tuple | frozenset):
            value = f"<{len(value)}>"
        rows.append([name, p.label_zh if args.lang == "zh" else p.label_en,
                     "—" if value is None else str(value), str(eff or "—"), status_label(p.line_status, args.lang),
                     p.reference])
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from .case_tests import main as run_cases  # (only this command needs it)

    return run_cases(args.paths, lang=args.lang, policy=args.policy)


def cmd_explore(args: argparse.Namespace) -> int:
    """The birth-month or pay explorer as CSV: one row per month or salary, each row what ``simulate`` gives."""
    from . import explore

    params = _load_params(args)
    household = load_case(args.case, args.lang)
    if args.what == "birth-month":
        if bool(args.start) != bool(args.end):
            return _fail([label("explore.both_months", args.lang)])
        months = (explore.months_between(explore.parse_month(args.start, "--from", args.lang),
                                         explore.parse_month(args.end, "--to", args.lang))
                  if args.start else explore.next_months(household))
        child = explore.planned_child(household) if args.child is None else args.child - 1
        points = explore.birth_month_curve(household, -1 if child is None else child, months, params, args.lang)
        first = "birth_month"
    else:
        bounds = [_number(args.start or "0", "--from", args.lang), _number(args.end or "50000", "--to", args.lang),
                  _number(args.step, "--step", args.lang)]
        points = explore.salary_curve(household, args.parent, explore.salary_steps(*bounds, args.lang), params,
                                      args.lang)
        first = "monthly_salary"
    sys.stdout.write(explore.to_csv(points, first))
    return 0


def _number(text: str, field: str, lang: str) -> float:
    import math

    from .texts import say

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InputError([say("explore.bad_number", lang, field=field, text=text)])
    return value


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m simulator",
                                 description="Bengbu family-support simulator / 蚌埠市生育支持政策测算")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages and tables")
    common.add_argument("--policy", help="folder of policy parameter files (default: the shipped pack)")
    common.add_argument("--local", help="YAML/JSON file of a counselor's local figures: {parameter: number}")
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("simulate", parents=[common], help="print every benefit line of a case")
    s.add_argument("case", nargs="?", help="case file (JSON, schema version 1 or 2)")
    s.add_argument("--example", action="store_true", help="use the built-in example family")
    s.add_argument("--table", action="store_true", help="readable table instead of JSON")
    s.add_argument("--batch", metavar="CASES.jsonl", help="one case per line ('-' = stdin); one result per line")
    s.add_argument("--detail", action="store_true", help="with --batch: include each line's parameter trail")
    s.set_defaults(func=cmd_simulate)
    v = sub.add_parser("validate", parents=[common], help="check a case file")
    v.add_argument("case")
    v.set_defaults(func=cmd_validate)
    p = sub.add_parser("params", parents=[common], help="list every parameter in force on a date")
    p.add_argument("--on", type=dt.date.fromisoformat, help="date (default today)")
    p.set_defaults(func=cmd_params)
    e = sub.add_parser("explore", parents=[common],
                       help="CSV of the totals against a child's birth month or a parent's monthly salary")
    e.add_argument("what", choices=("birth-month", "salary"))
    e.add_argument("case", help="case file (JSON, schema version 1)")
    e.add_argument("--child", type=int, help="birth-month: the child's place in the case's children, from 1 (default: "
                   "the last one born after the case's date, else the last)")
    e.add_argument("--parent", choices=("mother", "father"), default="mother", help="salary: whose salary varies")
    e.add_argument("--from", dest="start", help="first month YYYY-MM, or first salary (yuan a month; default 0)")
    e.add_argument("--to", dest="end", help="last month YYYY-MM, or last salary (default 50000)")
    e.add_argument("--step", default="1000", help="salary: yuan between rows (default 1000)")
    e.set_defaults(func=cmd_explore)
    t = sub.add_parser("test", help="run YAML household cases (files or folders) and report every mismatch")
    t.add_argument("paths", nargs="+", help="case files (.yaml) or folders of them, e.g. tests/cases")
    t.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the messages")
    t.add_argument("--policy", help="run against this folder of policy parameter files (default: the shipped pack)")
    t.set_defaults(func=cmd_test)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as e:
        return _fail(e.problems)
    except ParameterError as e:
        return _fail(e.problems)
    except BrokenPipeError:
        # Whatever read the output stopped early (``| head``): nothing is wrong with the input, so say
        # nothing, and point stdout at devnull so that the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as e:
        return _fail([f"(file): {e}"])
    except yaml.YAMLError as e:
        return _fail([f"--local: {e}"])
