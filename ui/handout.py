"""The counselor's printed handout: up to three A4 pages with the family, the headline figures, the chart, every
line with its source clause and status, how to claim each kind of line, the assumptions, and where to apply.

Lines repeated year after year (a deduction, the tax it saves, parental leave) share one row that names the
years and gives the amount of each year or the total, so every figure stays traceable to its line without the
handout running to ten pages.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from simulator import Household, Result, default_parameters, vocabulary
from simulator.caseio import atomic_write_bytes
from simulator.result import Line
from simulator.texts import ordinal
from ui.chart import format_number, render_chart_png
from ui.fonts import FONT_FILE
from ui.i18n import tr

# The lines table's groups: every category but the services (listed by office below), in the model's order
TABLE_CATEGORIES = tuple(c for c in vocabulary.CATEGORIES if c != "services")
STATUS_RANK = vocabulary.STATUS_RANK  # worst first
BADGE = vocabulary.BADGE_COLOURS  # (background, text) per status, as the window shows them
CHART_WIDTH, CHART_HEIGHT = 640, 170  # document pixels (1/96 in): fits inside Qt's 2 cm print margins on A4
CHART_URL = QUrl("handout:chart.png")
BIRTH_TIMING_URL = QUrl("handout:birth_timing.png")  # the explorer's chart, when asked for (ui.explorer_handout)
PDF_DPI = 300
PDF_MARGINS_MM = QMarginsF(10, 9, 10, 7)
FOOTER_MM = 6  # kept free under each page's text for the page number
# The fine print. Chinese needs a little more size to stay legible and takes less room per idea.
FINE_PT = {"zh": 6.8, "en": 6.2}
MAX_PAGES = 3  # the fine print shrinks while that keeps the handout within this
ENGLISH_GLOSS = re.compile(r"\s*\([A-Za-z][^()]*\)")
SHRINK_STEPS = (0.0, 0.3, 0.6)  # points off the fine print, tried in turn while the handout runs past MAX_PAGES
# Year ranges use the hyphen: the font draws U+2012 and U+2013 with one glyph, and a PDF's text layer can
# name only one character per glyph (Qt's names the lowest, U+2012), so an en dash would not copy or search
# as printed. The hyphen's glyph is its own.
RANGE_DASH = "-"
ROW_ANCHOR = "row-"
NOWRAP = " style='white-space:nowrap'"  # Qt's rich text honours it on a cell (not on a span)
MAX_BREAK_PASSES = 12  # tables are split before a row at most this many times (each pass lays out again)


@cache
def qt_font_family() -> str:
    """The shipped CJK font's family for Qt (registered once; needs a QGuiApplication)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("the handout needs a QGuiApplication for its fonts")
    if FONT_FILE.is_file():
        families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT_FILE)))
        if families:
            return families[0]
    return "Bengbu Sans SC"


def handout_font(points: float) -> QFont:
    """The shipped font for the PDF, without its Latin 'locl' digits: in a Latin run (\"bengbu-2024 §4\",
    \"Art. 56\") that feature draws the digits with alternate glyphs no character maps to, and the PDF's text
    layer (pdftotext, copy-paste, screen readers) then loses them. The default digits look the same."""
    font = QFont(qt_font_family())
    font.setPointSizeF(points)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def year_ranges(years: Iterable[int]) -> str:
    """2021, 2022, 2023, 2027 → '2021-2023, 2027' (see RANGE_DASH)."""
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}{RANGE_DASH}{b}" for a, b in runs)


def group_lines(lines: Iterable[Line]) -> list[list[Line]]:
    """Lines of the same item for the same child and parent, in the order they first appear."""
    groups: dict[tuple, list[Line]] = {}
    for ln in lines:
        groups.setdefault((ln.id, ln.child, ln.parent, ln.unit, ln.measure), []).append(ln)
    return list(groups.values())


def worst_status(lines: Iterable[Line]) -> str:
    present = {ln.status for ln in lines}
    return next((s for s in STATUS_RANK if s in present), "verified")


def _e(text: object) -> str:
    return html.escape(str(text))


class _Html:
    """The handout's HTML in one language, with its fine print at one size."""

    def __init__(self, lang: str, shrink: float = 0.0):
        self.lang, self.zh = lang, lang == "zh"
        self.colon, self.sep = ("：", "；") if self.zh else (": ", "; ")
        self.fine = FINE_PT.get(lang, 6.5) - shrink

    def t(self, key: str, **values: object) -> str:
        return tr(key, self.lang, **values)

    def small(self, delta: float = 0.0) -> str:
        return f"font-size:{self.fine + delta:.1f}pt;"

    def cap(self, text: str) -> str:
        return text if self.zh else text[:1].upper() + text[1:]

    def ordinal(self, order: int) -> str:
        return ordinal(order, "zh" if self.zh else "en")

    def amount(self, value: float, unit: str) -> str:
        label = self.t("unit_" + unit)
        return f"{format_number(value)}{label}" if self.zh else f"{format_number(value)} {label}"

    def badge(self, status: str) -> str:
        if status not in BADGE:
            return ""
        bg, fg = BADGE[status]
        return (f"<span style='background-color:{bg}; color:{fg}; {self.small(-0.4)}'>&nbsp;"
                f"{_e(self.t('status_' + status))}&nbsp;</span>")

    # --- the table of lines -------------------------------------------------------------------------------------

    def amount_cell(self, group: Sequence[Line]) -> str:
        """The amount (or each year's and the total), then the row's status badge."""
        unit, known = group[0].unit, [ln.amount for ln in group if ln.amount is not None]
        status = worst_status(group)
        if not known and status == "not_computed":  # before the pack's earliest rule: the words say why
            return _e(self.t("status_not_computed"))
        if not known:  # the words already say the amount is set by local notice; an 'unpublished' badge would repeat it
            return _e(self.t("rep_set_locally")) + ("" if status == "unpublished" else " " + self.badge(status))
        if len(group) == 1:
            text = _e(self.amount(known[0], unit))
        else:
            text = _e(self.t("rep_total", v=self.amount(sum(known), unit)))
            if len(known) == len(group) and len(set(known)) == 1:
                text = _e(self.t("rep_per_year", v=self.amount(known[0], unit))) + "<br>" + text
            elif len(known) < len(group):
                text += "<br>" + _e(self.t("rep_set_locally"))
        return text + (" " + self.badge(status) if status in BADGE else "")

    def per_year(self, group: Sequence[Line]) -> str:
        """Each year's amount, consecutive years with the same amount joined: '2022 1,200; 2028–2041 4,440'."""
        runs: list[list] = []  # [first year, last year, amount]
        for ln in sorted(group, key=lambda g: g.year):
            if runs and ln.year == runs[-1][1] + 1 and ln.amount == runs[-1][2]:
                runs[-1][1] = ln.year
            else:
                runs.append([ln.year, ln.year, ln.amount])
        unknown = self.t("amount_unknown")
        return self.t("rep_by_year") + self.sep.join(
            f"{a if a == b else f'{a}{RANGE_DASH}{b}'} {unknown if v is None else format_number(v)}" for a, b, v in runs)

    @staticmethod
    def source(lines: Iterable[Line]) -> str:
        """The clauses behind a row; a reference never breaks inside."""
        refs = dict.fromkeys(ref.strip() for ln in lines for ref in ln.source.split(";") if ref.strip())
        return "<span style='color:#0d3c6e;'>" + "; ".join(_e(r).replace(" ", "&nbsp;") for r in refs) + "</span>"

    def explanation_cell(self, group: Sequence[Line]) -> str:
        texts = {ln.text(self.lang) for ln in group}
        body = self.source(group) + ("｜" if self.zh else " | ")
        if len(texts) == 1:
            body += _e(texts.pop())
        else:
            example = next((ln for ln in group if ln.amount), group[0])
            body += _e(self.t("rep_example_year", year=example.year) + example.text(self.lang))
        if len({ln.amount for ln in group}) > 1:
            body += f"<br><span style='color:#555555;'>{_e(self.per_year(group))}</span>"
        return body

    def payers_cell(self, group: Sequence[Line]) -> str:
        totals: dict[str, float] = {}
        for ln in group:
            for payer, yuan in (ln.payers or {}).items():
                totals[payer] = totals.get(payer, 0.0) + yuan
        if len(totals) <= 1:
            return "".join(_e(self.t(p)) for p in totals)
        return "<br>".join(_e(f"{self.t(p)} {format_number(v)}") for p, v in totals.items())

    def item_cell(self, group: Sequence[Line]) -> str:
        ln = group[0]
        who = ([self.ordinal(ln.child)] if ln.child else []) + ([self.t(ln.parent)] if ln.parent else [])
        if not who:
            return _e(self.t(ln.id))
        return f"{_e(self.t(ln.id))} <span style='color:#555555;'>· {_e(('，' if self.zh else ', ').join(who))}</span>"

    def table(self, break_before: bool = False) -> str:
        brk = " page-break-before:always;" if break_before else ""
        return ("<table width='100%' cellspacing='0' cellpadding='1' border='0.5'"
                f" style='border-collapse:collapse; border-color:#c0c0c0; {self.small()}{brk}'>")

    def lines_table(self, result: Result, breaks: frozenset[int] = frozenset()) -> str:
        """The table of lines; before each row numbered in ``breaks`` the table ends and starts again on a new
        page (with its header), so no row is split across two pages. Each row's first cell holds an anchor
        ``row-N``, which is how ``_rows_split_by_pages`` finds it in the laid-out document."""
        heads = (("rep_col_years", "7%"), ("rep_col_item", "16%"), ("rep_col_amount", "12%"), ("rep_col_payer", "9%"),
                 ("rep_col_explanation", "56%"))
        head = "<thead><tr>" + "".join(f"<th width='{w}' align='left' style='background-color:#e8e8e8;'>"
                                       f"{_e(self.t(h))}</th>" for h, w in heads) + "</tr></thead>"
        rows: list[str] = []
        groups = group_lines(ln for ln in result.lines if ln.unit != "entitlement")
        for category in TABLE_CATEGORIES:
            in_category = [g for g in groups if g[0].category == category]
            if in_category:
                rows.append(f"<td colspan='5' style='background-color:#eef3f8; font-weight:bold;'>{{anchor}}"
                            f"{_e(self.t(category))}</td>")
            for g in in_category:
                cells = (_e(year_ranges(ln.year for ln in g)), self.item_cell(g), self.amount_cell(g), self.payers_cell(g),
                         self.explanation_cell(g))
                # the amount keeps its unit on its line ("元（扣除额）" never wraps inside)
                rows.append("".join(f"<td valign='top'{NOWRAP if i == 2 else ''}>{'{anchor}' if i == 0 else ''}{c}</td>"
                                    for i, c in enumerate(cells)))
        html, _next = self.rows_html(head, rows, breaks)
        return html

    def rows_html(self, head: str, rows: Sequence[str], breaks: frozenset[int], start: int = 0) -> tuple[str, int]:
        """A table of ``rows`` (each the cells of a row, '{anchor}' in its first), numbered from ``start`` for
        ``breaks``: before a row numbered in it the table ends and starts again on a new page, with ``head``.
        Returns the HTML and the next row number (a page with several tables numbers on)."""
        out = [self.table(), head]
        for n, row in enumerate(rows, start=start):
            if n in breaks:
                out += ["</table>", self.table(break_before=True), head]
            out.append("<tr>" + row.replace("{anchor}", f"<a name='{ROW_ANCHOR}{n}'></a>", 1) + "</tr>")
        out.append("</table>")
        return "".join(out), start + len(rows)

    # --- the other sections -------------------------------------------------------------------------------------

    def where_to_apply(self, result: Result) -> str:
        """The services and rights, by the office to ask, each with its clause."""
        by_office: dict[str, list[Line]] = {}
        for ln in result.lines:
            if ln.unit == "entitlement":
                by_office.setdefault((ln.department or {}).get(self.lang, ""), []).append(ln)
        if not by_office:
            return ""
        out = [f"<h3>{_e(self.t('rep_where_to_apply'))}{self.colon}{_e(self.t('services'))}</h3>"]
        for office, lines in by_office.items():
            items = " ".join(f"{self.source([ln])} {_e(ln.text(self.lang))}{self.badge(ln.status)}" for ln in lines)
            out.append(f"<p style='{self.small()}'><b>{_e(office)}</b>{self.colon}{items}</p>")
        return "".join(out)

    def how_to_claim(self, result: Result) -> str:
        """For each kind of line the family has: where to apply, what to bring and when, each step marked when it
        is not verified (simulator.how_to_claim), with the sources it rests on."""
        from simulator.how_to_claim import claim_for
        from simulator.registry import LINE_IDS

        present = {ln.id for ln in result.lines if ln.unit != "entitlement"}
        items = []
        for line_id in (i for i in LINE_IDS if i in present):
            claim = claim_for(line_id)
            steps = self.sep.join(f"{_e(self.t('claim_' + name))}{self.colon}{_e(step.text(self.lang))}"
                                  f"{self.claim_badge(step.status)}" for name, step in claim.steps())
            refs = self.source_refs(claim.source_of(step) for _n, step in claim.steps())
            items.append(f"<p style='{self.small()}'><b>{_e(self.t(line_id))}</b> {refs}{self.colon}{steps}</p>")
        if not items:
            return ""
        return (f"<h3>{_e(self.t('rep_how_to_claim'))}</h3>" + "".join(items)
                + f"<p style='{self.small(-0.3)} color:#555555;'>{_e(self.t('claim_note'))}</p>")

    @staticmethod
    def claim_sources(result: Result) -> list[str]:
        from simulator.how_to_claim import claim_for

        refs = []
        for line_id in dict.fromkeys(ln.id for ln in result.lines if ln.unit != "entitlement"):
            claim = claim_for(line_id)
            refs += [claim.source_of(step) for _n, step in claim.steps()]
        return refs

    def claim_badge(self, status: str) -> str:
        colours = {"secondary": BADGE["secondary"], "assumed": BADGE["assumed"], "unknown": ("#eeeeee", "#424242")}
        if status not in colours:
            return ""
        bg, fg = colours[status]
        return (f" <span style='background-color:{bg}; color:{fg}; {self.small(-0.4)}'>&nbsp;"
                f"{_e(self.t('claim_status_' + status))}&nbsp;</span>")

    @staticmethod
    def source_refs(refs: Iterable[str]) -> str:
        """Clauses, each kept on one line (as ``source``)."""
        return ("<span style='color:#0d3c6e;'>" + "; ".join(_e(r).replace(" ", "&nbsp;") for r in dict.fromkeys(refs))
                + "</span>")

    def parameter_label(self, name: str) -> str:
        p = default_parameters().get(name)
        return name if p is None else (p.label_zh if self.zh else p.label_en)

    def assumptions(self, result: Result, local_names: Sequence[str]) -> str:
        found: dict[str, dict[str, str]] = {"assumed": {}, "unpublished": {}}
        for ln in result.lines:
            for u in ln.uses:
                if u.status in found:
                    found[u.status].setdefault(u.name, u.reference)
        out = [f"<h3>{_e(self.t('rep_assumptions'))}</h3><p style='{self.small()}'>"]
        for status, names in found.items():
            items = self.sep.join(f"{self.parameter_label(n)}（{ref}）" if self.zh else f"{self.parameter_label(n)} ({ref})"
                                  for n, ref in names.items())
            out.append(f"{self.badge(status)}{self.colon}{_e(items or self.t('rep_none_listed'))}<br>")
        if local_names:
            items = self.sep.join(self.parameter_label(n) for n in local_names)
            out.append(f"{_e(self.t('rep_local_entered'))} {self.badge('local')}{self.colon}{_e(items)}<br>")
        return "".join(out) + "</p>"

    def title(self, title: str) -> str:
        """A source's title; the Chinese handout leaves out the English gloss in brackets."""
        return ENGLISH_GLOSS.sub("", title) if self.zh else title

    def sources(self, result: Result) -> str:
        known = default_parameters().sources
        ids = dict.fromkeys(ref.strip().split(" ")[0] for ln in result.lines for ref in ln.source.split(";") if ref.strip())
        ids.update(dict.fromkeys(r.split(" ")[0] for r in self.claim_sources(result)))
        # and the source of every dated value a line rests on (a 2016 leave's ah-pfp-2016, say)
        ids.update(dict.fromkeys(u.reference.split(" ")[0] for ln in result.lines for u in ln.uses if u.reference))
        items = [f"<b>{_e(i)}</b> {_e(self.title(known[i].title))}" for i in ids if i in known]
        if not items:
            return ""
        return (f"<p style='{self.small(-0.3)} color:#444444;'><b>{_e(self.t('rep_sources'))}</b>{self.colon}"
                f"{self.sep.join(items)}</p>")

    def jobs(self, name: str, jobs) -> str:
        """A parent's job, and each later period of work with the date it starts."""
        def words(job):
            return {"employer": self.t(job.employer),
                    "insurance": self.t("insurance_none" if job.insurance == "none" else job.insurance)}
        first, *later = jobs
        text = self.t("rep_job", role=name, **words(first))
        if first.start is not None:  # (not working before it)
            text += self.t("rep_job_since", date=first.start.isoformat())
        return text + "".join(self.t("rep_job_from", date=job.start.isoformat(), **words(job)) for job in later)

    def family(self, household: Household, result: Result) -> str:
        """Hukou and the parents' jobs on one line; the children in birth order, planned ones marked."""
        people = [f"{self.t('rep_hukou')}{self.colon}{self.t(household.hukou_area)}"]
        if household.label:
            people.insert(0, f"{self.t('rep_label')}{self.colon}{household.label}")
        for role in ("mother", "father"):
            p, name = household.parent(role), self.cap(self.t(role))
            people.append(self.t("rep_no_parent", role=name) if p is None else self.jobs(name, p.jobs))
        children = []
        ranked = sorted(enumerate(household.children), key=lambda ic: (ic[1].birth_date, ic[0]))  # as simulator.case
        for order, (_, child) in enumerate(ranked, start=1):
            key = "rep_child_planned" if child.birth_date > result.as_of else "rep_child_row"
            text = self.t(key, ordinal=self.cap(self.ordinal(order)), date=child.birth_date.isoformat())
            text += self.t("rep_not_bengbu_hukou") if not child.hukou_in_bengbu else ""
            text += self.t("rep_difficult_birth") if child.difficult_birth else ""
            children.append(text)
        return (f"<p>{_e(self.sep.join(people))}</p><p><b>{_e(self.t('rep_children'))}</b>{self.colon}"
                f"{_e(self.sep.join(children) or self.t('rep_no_children'))}</p>")

    def headline(self, result: Result) -> str:
        t = result.totals()
        loan = (self.t("rep_set_locally") if any(ln.amount is None for ln in result.select("provident_fund_uplift"))
                else self.amount(t["loan_capacity"], "yuan"))
        tiles = (("22%", "money_received", self.amount(t["money_received"], "yuan")),
                 ("22%", "tax_saved", self.amount(t["tax_saved"], "yuan")),
                 ("34%", "leave_days", self.t("rep_leave_per_parent", **t["leave_days"])),  # + what pays it, below
                 ("22%", "loan_capacity", loan))
        # the maternity allowance is wage replacement: under the leave it pays, never in the added money
        wage = self.t("rep_leave_wage", v=self.amount(t["wage_replacement"], "yuan")) if t["wage_replacement"] else ""
        below = {"leave_days": wage}
        cells = "".join(f"<td width='{w}' valign='top' style='background-color:#f4f8fb;'><span style='color:#555555;'>"
                        f"{_e(self.t(key))}</span><br><span style='font-size:9.5pt; font-weight:bold;'>{_e(v)}</span>"
                        + (f"<br><span style='{self.small(0.3)} color:#555555;'>{_e(below[key])}</span>"
                           if below.get(key) else "") + "</td>"
                        for w, key, v in tiles)
        notes = []
        if t["interest_saved"]:
            notes.append(self.t("interest_saved") + self.colon + self.amount(t["interest_saved"], "yuan"))
        if t["amounts_to_enter"]:
            notes.append(self.t("rep_amounts_to_enter", n=t["amounts_to_enter"]))
        if t.get("not_computed"):
            notes.append(self.t("rep_not_computed", n=t["not_computed"]))
        note = f"<p style='{self.small(0.3)} color:#555555;'>{_e(' '.join(notes))}</p>" if notes else ""
        return f"<table width='100%' cellspacing='3' cellpadding='3'><tr>{cells}</tr></table>{note}"

    def page(self, household: Household, result: Result, local_names: Sequence[str], family: str, chart: bool,
             breaks: frozenset[int] = frozenset(), birth_timing=None) -> str:
        dates = self.t("rep_dates", as_of=result.as_of.isoformat(), pack=result.pack_date.isoformat())
        parts = [f"<html><body style=\"font-family:'{family}';\">",
                 f"<h1>{_e(self.t('rep_title'))}</h1><p style='color:#555555;'>{_e(dates)}</p>",
                 f"<h3>{_e(self.t('rep_family'))}</h3>{self.family(household, result)}",
                 f"<h3>{_e(self.t('rep_headline'))}</h3>{self.headline(result)}"]
        if chart:
            parts.append(f"<h3>{_e(self.t('rep_chart'))}</h3><p align='center'><img src='{CHART_URL.toString()}'"
                         f" width='{CHART_WIDTH}' height='{CHART_HEIGHT}'></p>")
        if birth_timing is not None:
            parts.append(self.birth_timing(birth_timing))
        parts += [f"<h3>{_e(self.t('rep_lines'))}</h3>", self.lines_table(result, breaks), self.how_to_claim(result),
                  self.where_to_apply(result),
                  self.assumptions(result, local_names), self.sources(result),
                  f"<p style='{self.small()} color:#444444; margin-top:4px;'>{_e(self.t('rep_footer'))}</p>",
                  "</body></html>"]
        return "".join(parts)


    def birth_timing(self, section) -> str:
        """The explorer's birth-timing chart (a ui.explorer_handout.BirthTiming) and its cliffs, numbered."""
        from ui.explorer_handout import HEIGHT, WIDTH

        head = self.t("exp_handout_head", n=section.child + 1)
        items = "".join(f"<li>{_e(s)}</li>" for s in section.sentences)
        cliffs = (f"<ol style='{self.small()} margin-top:0;'>{items}</ol>" if items else
                  f"<p style='{self.small()}'>{_e(self.t('exp_no_cliffs_handout'))}</p>")
        return (f"<h3>{_e(head)}</h3><p align='center'><img src='{BIRTH_TIMING_URL.toString()}' width='{WIDTH}'"
                f" height='{HEIGHT}'></p>{cliffs}")


def _images(chart, birth_timing=None) -> dict[QUrl, bytes] | None:
    """The pictures a handout's document holds: its chart and, when asked for, the birth-timing chart."""
    images = {CHART_URL: chart} if isinstance(chart, bytes | bytearray) else dict(chart or {})
    if birth_timing is not None:
        images[BIRTH_TIMING_URL] = birth_timing.png
    return images or None


def _chart_png(result: Result, lang: str) -> bytes | None:
    if result.first_year is None:
        return None
    scale = PDF_DPI / 96  # drawn at its printed size, so its 6.5 pt text prints at 6.5 pt
    return render_chart_png(result, lang, round(CHART_WIDTH * scale), round(CHART_HEIGHT * scale), dpi=PDF_DPI,
                            font_size=6.5)


def _document(html: str, lang: str, chart: bytes | dict[QUrl, bytes] | None) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(handout_font(8))
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet("h1 { font-size: 14pt; margin-bottom: 0; } h3 { font-size: 9.5pt; margin-top: 5px;"
                             " margin-bottom: 2px; } p { margin-top: 0; margin-bottom: 1px; }")
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, tr("rep_title", lang))
    for url, data in (_images(chart) or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, QImage.fromData(data))
    doc.setHtml(html)
    return doc


def _row_extents(doc: QTextDocument) -> dict[int, tuple[float, float]]:
    """Each anchored table row's top and bottom in the laid-out document (document pixels)."""
    layout, extents = doc.documentLayout(), {}
    block = doc.begin()
    while block.isValid():
        for it in _fragments(block):
            for name in it.charFormat().anchorNames():
                if not name.startswith(ROW_ANCHOR):
                    continue
                cursor = QTextCursor(doc)
                cursor.setPosition(it.position())
                table = cursor.currentTable()
                if table is None:
                    continue
                row = table.cellAt(cursor).row()
                top, bottom = float("inf"), 0.0
                for col in range(table.columns()):
                    cell = table.cellAt(row, col)
                    first, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
                    top = min(top, layout.blockBoundingRect(first).top())
                    bottom = max(bottom, layout.blockBoundingRect(last).bottom())
                extents[int(name[len(ROW_ANCHOR):])] = (top, bottom)
        block = block.next()
    return extents


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            yield fragment
        it += 1


def _rows_split_by_pages(doc: QTextDocument) -> list[int]:
    """The rows (by anchor number) that begin on one page and end on the next."""
    height = doc.pageSize().height()
    split = []
    for n, (top, bottom) in sorted(_row_extents(doc).items()):
        if int(top // height) != int((bottom - 1) // height) and bottom - top < height:
            split.append(n)
    return split


def _fitted(make_html: Callable[[float, frozenset[int]], str], lang: str, chart: bytes | dict[QUrl, bytes] | None,
            page: QSizeF,
            device: QPagedPaintDevice | None = None) -> QTextDocument:
    """The document laid out on pages of ``page`` size (in ``device`` pixels, or 1/96 in without a device), its
    fine print shrunk a step at a time while that keeps it within MAX_PAGES. ``make_html(shrink, breaks)`` gives
    the HTML; a table row that would be split across two pages is moved whole to the next page (``breaks``)."""
    for shrink in SHRINK_STEPS:
        breaks: frozenset[int] = frozenset()
        for _ in range(MAX_BREAK_PASSES):
            doc = _document(make_html(shrink, breaks), lang, chart)
            if device is not None:
                doc.documentLayout().setPaintDevice(device)
            doc.setPageSize(page)
            split = [n for n in _rows_split_by_pages(doc) if n not in breaks]
            if not split:
                break
            breaks = breaks | {split[0]}  # the first split row moves; the rows after it move with it
        if doc.pageCount() <= MAX_PAGES:
            break
    return doc


def _handout_html(household: Household, result: Result, lang: str, local_names: Sequence[str] | None,
                  birth_timing=None):
    local = tuple(result.local_parameters if local_names is None else local_names)
    family = qt_font_family()
    return lambda shrink, breaks: _Html(lang, shrink).page(household, result, local, family,
                                                             result.first_year is not None, breaks, birth_timing)


def a4_body() -> QSizeF:
    """An A4 page's text area in document pixels (1/96 in), the page number's strip left free."""
    a4 = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, PDF_MARGINS_MM,
                     QPageLayout.Unit.Millimeter)
    body = a4.paintRectPixels(96).size()
    return QSizeF(body.width(), body.height() - FOOTER_MM / 25.4 * 96)


def build_handout_document(household: Household, result: Result, lang: str,
                           local_names: Sequence[str] | None = None, birth_timing=None) -> QTextDocument:
    """The handout as a rich-text document paginated for A4 (``print_`` scales its pages to the printer's).
    ``birth_timing`` (ui.explorer_handout.birth_timing): the birth-timing chart goes in after the lifetime chart.

    ``print_handout`` prints the same pages with page numbers, laid out at the printer's own resolution."""
    return _fitted(_handout_html(household, result, lang, local_names, birth_timing), lang,
                   _images(_chart_png(result, lang), birth_timing), a4_body())


def paint_pages(device: QPagedPaintDevice, make_html: Callable[[float, frozenset[int]], str], lang: str,
                chart: bytes | dict[QUrl, bytes] | None) -> int:
    """Lay a document out on ``device``'s pages and paint it, "page n of N" at the foot of each page."""
    width, footer = device.width(), round(FOOTER_MM / 25.4 * device.logicalDpiY())
    height = device.height() - footer
    doc = _fitted(make_html, lang, chart, QSizeF(width, height), device)
    pages = doc.pageCount()
    footer_font = handout_font(6.5)
    painter = QPainter(device)
    try:
        for i in range(pages):
            if i:
                device.newPage()
            painter.save()
            painter.translate(0, -i * height)
            doc.drawContents(painter, QRectF(0, i * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(QRectF(0, height, width, footer), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
                             tr("rep_page", lang, n=i + 1, total=pages))
    finally:
        painter.end()
    return pages


def print_handout(device: QPagedPaintDevice, household: Household, result: Result, lang: str,
                  local_names: Sequence[str] | None = None, birth_timing=None) -> int:
    """Lay the handout out on ``device``'s pages (a QPdfWriter, or a QPrinter from a print dialog) and paint it,
    with "page n of N" at the foot of each page. Returns the number of pages."""
    return paint_pages(device, _handout_html(household, result, lang, local_names, birth_timing), lang,
                       _images(_chart_png(result, lang), birth_timing))


def pdf_bytes(paint: Callable[[QPagedPaintDevice], int], lang: str) -> tuple[bytes, int]:
    """What ``paint`` draws on an A4 PDF (300 dpi), as bytes, and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     PDF_MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setTitle(tr("rep_title", lang))
    writer.setCreator(tr("app_title", lang))
    pages = paint(writer)
    buffer.close()
    return bytes(buffer.data()), pages


def render_handout_pdf(household: Household, result: Result, lang: str,
                       local_names: Sequence[str] | None = None, birth_timing=None) -> tuple[bytes, int]:
    """The handout as PDF bytes (A4, 300 dpi) and its number of pages."""
    return pdf_bytes(lambda device: print_handout(device, household, result, lang, local_names, birth_timing), lang)


def write_handout_pdf(path: str | os.PathLike, household: Household, result: Result, lang: str,
                      local_names: Sequence[str] | None = None, birth_timing=None) -> None:
    """Write the handout PDF to ``path``: rendered in memory first, then written atomically."""
    data, _pages = render_handout_pdf(household, result, lang, local_names, birth_timing)
    atomic_write_bytes(path, data)
