"""A comparison of two scenarios as a CSV table: A, B and the difference (B − A) in three parts, as the printed
comparison has them (ui.compare_handout) — the totals; every year by money category, each parent's leave days
and the year's total; and every line that differs (income tax one row per parent and year).

Unlike the printed page the second part lists every year and category, the equal ones too, so a spreadsheet can
filter them and add up a category's A or B over the years. Amounts are plain numbers, as in ui.export; an amount
set by local notice, or a line only one scenario has, is an empty cell and the note column says which. Nothing is
computed again: the figures are those of the two ``Result``s the window shows, the differences B − A of them.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator

from simulator import Result
from simulator.caseio import atomic_write_text
from simulator.vocabulary import MONEY_CATEGORIES
from ui.compare_model import ABSENT, TaxDiff, grouped_differences
from ui.export import BOM, plain_number
from ui.i18n import tr

COLUMNS = ("rep_ccsv_part", "rep_csv_year", "rep_csv_item", "rep_csv_child", "rep_csv_parent", "rep_csv_unit",
           "rep_cmp_col_a", "rep_cmp_col_b", "rep_cmp_col_change", "rep_csv_source", "rep_ccsv_note")
ROLES = ("mother", "father")


def _cell(value) -> str:
    return "" if value is ABSENT or value is None else plain_number(value)


def _change(a, b) -> str:
    a = 0.0 if a is ABSENT else a
    b = 0.0 if b is ABSENT else b
    return "" if a is None or b is None else plain_number(round(b - a, 2))


def _note(a, b, lang: str) -> str:
    notes = [tr("rep_ccsv_only_b", lang)] if a is ABSENT else [tr("rep_ccsv_only_a", lang)] if b is ABSENT else []
    if a is None or b is None:
        notes.append(tr("rep_cmp_change_unknown", lang))
    return ("；" if lang == "zh" else "; ").join(notes)


def _row(part: str, year, item: str, unit: str, a, b, lang: str, child="", parent: str = "", source: str = ""):
    return (tr(part, lang), year, item, child or "", parent, tr("unit_" + unit, lang), _cell(a), _cell(b),
            _change(a, b), source, _note(a, b, lang))


def _totals(a: Result, b: Result, lang: str) -> Iterator[tuple]:
    ta, tb = a.totals(), b.totals()
    for key in ("money_received", "wage_replacement", "tax_saved", "interest_saved"):
        yield _row("rep_ccsv_totals", "", tr(key, lang), "yuan", ta[key], tb[key], lang)
    for role in ROLES:
        yield _row("rep_ccsv_totals", "", tr("rep_cmp_leave", lang, role=_cap(tr(role, lang), lang)), "days",
                   ta["leave_days"][role], tb["leave_days"][role], lang, parent=tr(role, lang))


def _years(a: Result, b: Result, lang: str) -> Iterator[tuple]:
    ta = {r["year"]: r for r in a.timeline()}
    tb = {r["year"]: r for r in b.timeline()}
    empty = {"money": dict.fromkeys(MONEY_CATEGORIES, 0.0), "total": 0.0, "wage_replacement": 0.0,
             "leave_days": dict.fromkeys(ROLES, 0)}
    for year in sorted(ta.keys() | tb.keys()):
        ra, rb = ta.get(year, empty), tb.get(year, empty)
        for c in MONEY_CATEGORIES:
            yield _row("rep_ccsv_years", year, tr(c, lang), "yuan", ra["money"][c], rb["money"][c], lang)
        for role in ROLES:
            yield _row("rep_ccsv_years", year, tr("rep_cmp_leave", lang, role=_cap(tr(role, lang), lang)), "days",
                       ra["leave_days"][role], rb["leave_days"][role], lang, parent=tr(role, lang))
        # the allowance that pays the leave: wage replacement, not in the year's added money (issue 13, point 7)
        yield _row("rep_ccsv_years", year, tr("wage_replacement", lang), "yuan", ra["wage_replacement"],
                   rb["wage_replacement"], lang)
        yield _row("rep_ccsv_years", year, tr("rep_ccsv_year_total", lang), "yuan", ra["total"], rb["total"], lang)


def _lines(a: Result, b: Result, lang: str) -> Iterator[tuple]:
    for d in grouped_differences(a, b):
        if isinstance(d, TaxDiff):
            name = tr("rep_cmp_tax_row", lang, role=tr(d.parent, lang)) if d.parent else tr("tax_saved", lang)
            yield _row("rep_ccsv_lines", d.year, name, "yuan", d.a, d.b, lang,
                       parent=tr(d.parent, lang) if d.parent else "", source=d.line.source)
        elif d.line.unit != "entitlement":  # a service or right: no amount to set against another
            ln = d.line
            yield _row("rep_ccsv_lines", d.year, tr(ln.id, lang), ln.unit, d.a, d.b, lang, child=ln.child,
                       parent=tr(ln.parent, lang) if ln.parent else "", source=ln.source)


def _cap(text: str, lang: str) -> str:
    return text[:1].upper() + text[1:] if lang == "en" else text


def comparison_csv(a: Result, b: Result, lang: str) -> str:
    """The CSV text of the comparison of A (``a``) with B (``b``), BOM included."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(tr(c, lang) for c in COLUMNS)
    for part in (_totals, _years, _lines):
        out.writerows(part(a, b, lang))
    return BOM + buf.getvalue()


def write_comparison_csv(path: str | os.PathLike, a: Result, b: Result, lang: str) -> None:
    """Write the comparison CSV to ``path`` atomically (a failure leaves the old file, never half a file)."""
    atomic_write_text(path, comparison_csv(a, b, lang))
