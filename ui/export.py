"""Every line of a result as a CSV table in the chosen language, for a spreadsheet.

UTF-8 with a byte-order mark and CRLF line ends, which is what Excel needs to open Chinese text correctly
without an import dialog. Amounts are plain numbers (no thousands separators) so they can be summed; an
amount set by local notice is an empty cell, and the status column says why. The last column names the total a
line counts in, so a spreadsheet can keep the maternity allowance (wage replacement) apart from the money the
policy adds.
"""

from __future__ import annotations

import csv
import io
import os

from simulator import Result
from simulator.caseio import atomic_write_text
from ui.i18n import tr

COLUMNS = ("rep_csv_year", "rep_csv_item", "rep_csv_child", "rep_csv_parent", "rep_csv_amount", "rep_csv_unit",
           "rep_csv_payers", "rep_csv_source", "rep_csv_status", "rep_csv_explanation", "rep_csv_counts_in")
BOM = "\ufeff"


def plain_number(value: float | None) -> str:
    """26133.33 / 2000 / '' — what a spreadsheet reads as a number (or an empty cell)."""
    if value is None:
        return ""
    text = f"{value:.2f}"
    return text[:-3] if text.endswith(".00") else text


def counts_in(result: Result, line_id: str, lang: str) -> str:
    """The name of the total a line's amount counts in ("" for an entitlement)."""
    total = result.totals_of.get(line_id)
    return tr(total, lang) if total else ""


def lines_csv(result: Result, lang: str) -> str:
    """The CSV text, BOM included."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(tr(c, lang) for c in COLUMNS)
    sep = "；" if lang == "zh" else "; "
    for ln in result.lines:
        payers = sep.join(f"{tr(p, lang)} {plain_number(v)}" for p, v in (ln.payers or {}).items())
        out.writerow((ln.year, tr(ln.id, lang), ln.child or "", tr(ln.parent, lang) if ln.parent else "",
                      plain_number(ln.amount), tr("unit_" + ln.unit, lang), payers, ln.source,
                      tr("status_" + ln.status, lang), ln.text(lang), counts_in(result, ln.id, lang)))
    return BOM + buf.getvalue()


def write_lines_csv(path: str | os.PathLike, result: Result, lang: str) -> None:
    """Write the lines CSV to ``path`` atomically (a failure leaves the old file, never half a file)."""
    atomic_write_text(path, lines_csv(result, lang))
