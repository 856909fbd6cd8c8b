"""The printed comparison of two scenarios: family A and family B described, then A, B and the difference side by
side — the headline totals, each category in each year that differs, and every line that differs (income tax
one row per parent and year). Laid out, paginated and written like the handout (ui.handout), from the two
``Result``s the window already has: nothing is computed again, the differences are B − A of their figures."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice

from simulator import Household, Result
from simulator.caseio import atomic_write_bytes
from simulator.vocabulary import MONEY_CATEGORIES
from ui.compare_model import ABSENT, TaxDiff, grouped_differences, not_computed
from ui.handout import NOWRAP, _e, _Html, paint_pages, pdf_bytes, qt_font_family

RIGHT = f" align='right'{NOWRAP}"


class _CompareHtml(_Html):
    def value(self, v, unit: str = "yuan", line=None) -> str:
        if v is ABSENT:
            return "—"
        if not_computed(v, line):  # before the pack's earliest rule: no figure, and none to enter
            return self.t("status_not_computed")
        if v is None:
            return self.t("rep_set_locally")
        return self.amount(v, unit)

    def change(self, a, b, unit: str = "yuan", uncomputed: bool = False) -> str:
        a = 0.0 if a is ABSENT else a
        b = 0.0 if b is ABSENT else b
        if a is None or b is None:
            return self.t("rep_cmp_change_not_computed" if uncomputed else "rep_cmp_change_unknown")
        d = round(b - a, 2)
        if not d:
            return "0"
        colour = "#1b5e20" if d > 0 else "#b71c1c"
        return f"<span style='color:{colour};'>{'+' if d > 0 else '−'}{_e(self.amount(abs(d), unit))}</span>"

    def head(self, *cells: tuple[str, str]) -> str:
        return "<thead><tr>" + "".join(f"<th width='{w}' align='left' style='background-color:#e8e8e8;'>"
                                       f"{_e(self.t(k))}</th>" for k, w in cells) + "</tr></thead>"

    def row(self, first: str, *cells: str, right_from: int = 1) -> str:
        out = [f"<td valign='top'>{{anchor}}{first}</td>"]
        out += [f"<td valign='top'{RIGHT if i + 1 >= right_from else ''}>{c}</td>" for i, c in enumerate(cells)]
        return "".join(out)

    # --- sections -----------------------------------------------------------------------------------------------
    def totals(self, a: Result, b: Result, breaks: frozenset[int], start: int) -> tuple[str, int]:
        ta, tb = a.totals(), b.totals()
        rows = [self.row(_e(self.t(key)), _e(self.value(ta[key])), _e(self.value(tb[key])), self.change(ta[key], tb[key]))
                for key in ("money_received", "tax_saved", "interest_saved")]
        # the maternity allowance with the leave it pays, after the leave days: wage replacement, not added money
        wage = self.row(_e(self.t("wage_replacement")), _e(self.value(ta["wage_replacement"])),
                        _e(self.value(tb["wage_replacement"])), self.change(ta["wage_replacement"], tb["wage_replacement"]))
        for role in ("mother", "father"):
            da, db = ta["leave_days"][role], tb["leave_days"][role]
            rows.append(self.row(_e(self.t("rep_cmp_leave", role=self.cap(self.t(role)))), _e(self.amount(da, "days")),
                                 _e(self.amount(db, "days")), self.change(da, db, "days")))
        rows.append(wage)
        head = self.head(("rep_cmp_col_item", "40%"), ("rep_cmp_col_a", "20%"), ("rep_cmp_col_b", "20%"),
                         ("rep_cmp_col_change", "20%"))
        html, nxt = self.rows_html(head, rows, breaks, start)
        if ta.get("not_computed") or tb.get("not_computed"):  # a difference against a figure nobody computed
            note = self.t("rep_cmp_not_computed", a=ta.get("not_computed", 0), b=tb.get("not_computed", 0))
            html += f"<p style='{self.small()} color:#444444;'>{_e(note)}</p>"
        return f"<h3>{_e(self.t('rep_cmp_totals'))}</h3>{html}", nxt

    def by_year(self, a: Result, b: Result, breaks: frozenset[int], start: int) -> tuple[str, int]:
        """Each year in which something differs: each money category that differs, leave days by parent, and
        the year's total."""
        ta = {r["year"]: r for r in a.timeline()}
        tb = {r["year"]: r for r in b.timeline()}
        no_money = dict.fromkeys(MONEY_CATEGORIES, 0.0)
        empty = {"money": no_money, "total": 0.0, "wage_replacement": 0.0, "leave_days": {"mother": 0, "father": 0}}
        rows = []
        for year in sorted(ta.keys() | tb.keys()):
            ra, rb = ta.get(year, empty), tb.get(year, empty)
            cells = [(self.t(c), ra["money"][c], rb["money"][c], "yuan") for c in MONEY_CATEGORIES
                     if ra["money"][c] != rb["money"][c]]
            cells += [(self.t("rep_cmp_leave", role=self.cap(self.t(r))), ra["leave_days"][r], rb["leave_days"][r], "days")
                      for r in ("mother", "father") if ra["leave_days"][r] != rb["leave_days"][r]]
            if len([c for c in cells if c[3] == "yuan"]) > 1:
                cells.append((self.t("rep_cmp_year_total"), ra["total"], rb["total"], "yuan"))
            if ra["wage_replacement"] != rb["wage_replacement"]:  # apart from the money and its year total
                cells.append((self.t("wage_replacement"), ra["wage_replacement"], rb["wage_replacement"], "yuan"))
            if not cells:
                continue
            for i, (name, va, vb, unit) in enumerate(cells):
                rows.append(self.row(str(year) if i == 0 else "", _e(name), _e(self.amount(va, unit)),
                                     _e(self.amount(vb, unit)), self.change(va, vb, unit), right_from=2))
        head = self.head(("rep_cmp_col_year", "10%"), ("rep_cmp_col_category", "30%"), ("rep_cmp_col_a", "20%"),
                         ("rep_cmp_col_b", "20%"), ("rep_cmp_col_change", "20%"))
        if not rows:
            return f"<h3>{_e(self.t('rep_cmp_by_year'))}</h3><p>{_e(self.t('rep_cmp_no_change'))}</p>", start
        html, nxt = self.rows_html(head, rows, breaks, start)
        return f"<h3>{_e(self.t('rep_cmp_by_year'))}</h3>{html}", nxt

    def by_line(self, a: Result, b: Result, breaks: frozenset[int], start: int) -> tuple[str, int]:
        rows = []
        for d in grouped_differences(a, b):
            if isinstance(d, TaxDiff):
                name = self.t("rep_cmp_tax_row", role=self.t(d.parent)) if d.parent else self.t("tax_saved")
                unit = "yuan"
            else:
                name = self.item_cell([d.line]) + self.why_not_computed(d)
                unit = d.line.unit
                if unit == "entitlement":
                    continue
            item = name if not isinstance(d, TaxDiff) else _e(name)
            la, lb = getattr(d, "line_a", None), getattr(d, "line_b", None)
            uncomputed = not_computed(d.a, la) or not_computed(d.b, lb)
            rows.append(self.row(item, str(d.year), _e(self.value(d.a, unit, la)), _e(self.value(d.b, unit, lb)),
                                 self.change(d.a, d.b, unit, uncomputed), right_from=2))
        head = self.head(("rep_cmp_col_item", "40%"), ("rep_cmp_col_year", "8%"), ("rep_cmp_col_a", "17%"),
                         ("rep_cmp_col_b", "17%"), ("rep_cmp_col_change", "18%"))
        if not rows:
            return "", start
        html, nxt = self.rows_html(head, rows, breaks, start)
        return f"<h3>{_e(self.t('rep_cmp_by_line'))}</h3>{html}", nxt

    def why_not_computed(self, d) -> str:
        """Under the line's name, why a side has no figure (its explanation, as the handout's table gives it)."""
        why = [self.t("rep_cmp_not_computed_why", side=s.upper(), why=line.text(self.lang))
               for s, line in (("a", d.line_a), ("b", d.line_b)) if not_computed(getattr(d, s), line)]
        return "".join(f"<br><span style='color:#555555;'>{_e(w)}</span>" for w in why)

    def comparison(self, ha: Household, a: Result, hb: Household, b: Result, family: str,
                   breaks: frozenset[int]) -> str:
        dates = self.t("rep_dates", as_of=b.as_of.isoformat(), pack=b.pack_date.isoformat())
        parts = [f"<html><body style=\"font-family:'{family}';\">",
                 f"<h1>{_e(self.t('rep_cmp_title'))}</h1><p style='color:#555555;'>{_e(dates)}</p>",
                 f"<h3>{_e(self.t('rep_cmp_family_a'))}</h3>{self.family(ha, a)}",
                 f"<h3>{_e(self.t('rep_cmp_family_b'))}</h3>{self.family(hb, b)}"]
        n = 0
        for section in (self.totals, self.by_year, self.by_line):
            html, n = section(a, b, breaks, n)
            parts.append(html)
        parts += [self.sources(b), f"<p style='{self.small()} color:#444444; margin-top:4px;'>"
                  f"{_e(self.t('rep_cmp_footer'))} {_e(self.t('rep_footer'))}</p>", "</body></html>"]
        return "".join(parts)


def comparison_html(ha: Household, a: Result, hb: Household, b: Result,
                    lang: str) -> Callable[[float, frozenset[int]], str]:
    family = qt_font_family()
    return lambda shrink, breaks: _CompareHtml(lang, shrink).comparison(ha, a, hb, b, family, breaks)


def print_comparison(device: QPagedPaintDevice, ha: Household, a: Result, hb: Household, b: Result, lang: str) -> int:
    """Lay the comparison out on ``device``'s pages (a QPdfWriter or a QPrinter) and paint it; the page count."""
    return paint_pages(device, comparison_html(ha, a, hb, b, lang), lang, None)


def render_comparison_pdf(ha: Household, a: Result, hb: Household, b: Result, lang: str) -> tuple[bytes, int]:
    return pdf_bytes(lambda device: print_comparison(device, ha, a, hb, b, lang), lang)


def write_comparison_pdf(path: str | os.PathLike, ha: Household, a: Result, hb: Household, b: Result,
                         lang: str) -> None:
    """Write the comparison PDF to ``path``: rendered in memory first, then written atomically."""
    data, _pages = render_comparison_pdf(ha, a, hb, b, lang)
    atomic_write_bytes(path, data)
