"""Why a line is what it is: the rule in plain words, who pays or where to ask, the clause, and every policy
figure used with its value, the date it took effect, its status and its reference."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from simulator.statutory_holidays import HolidayCount
from ui.i18n import language, tr
from ui.result_model import amount_text, fmt, item_text, payer_text
from ui.results_table import BADGE_COLOURS
from ui.session import Session

if TYPE_CHECKING:
    from simulator import Line
    from simulator.result import ParamUse


def value_text(use: ParamUse, unit: str) -> str:
    """A parameter value as a person reads it: '2,000 元', '10%', '是', '36 个月'."""
    value = use.value
    if value is None:
        return tr("win_set_by_notice")
    if isinstance(value, HolidayCount):  # a year's holidays: its parts in the window's language, not the record's
        text = tr("win_holiday_days", n=value.days)
        if value.year is not None:
            text += tr("win_holiday_computed", year=value.year)
        if value.shared:
            text += tr("win_holiday_shared", days=", ".join(d.isoformat() for d in value.shared))
        return text
    if isinstance(value, tuple | frozenset | list):
        return tr("win_param_entries", n=len(value))
    if isinstance(value, bool):
        return tr("win_yes") if value else tr("win_no")
    if unit == "rate" and isinstance(value, int | float):
        return f"{value * 100:g}%"
    if unit == "parent":
        return tr(str(value))
    if isinstance(value, int | float):
        return tr("win_punit_" + unit, v=fmt(value)) if unit not in ("count", "month_day") else fmt(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


CLAIM_BADGE = {"secondary": BADGE_COLOURS["secondary"], "assumed": BADGE_COLOURS["assumed"],
               "unknown": ("#eeeeee", "#424242")}


def claim_badge(status: str) -> str:
    if status not in CLAIM_BADGE:
        return ""
    bg, fg = CLAIM_BADGE[status]
    return f'<span style="background-color:{bg}; color:{fg};">&nbsp;{escape(tr("claim_status_" + status))}&nbsp;</span>'


def claim_html(line: Line, lang: str) -> str:
    """Where to apply, what to bring and when (simulator.how_to_claim), each step with its status, and the
    sources it rests on."""
    from simulator.how_to_claim import claim_for

    try:
        claim = claim_for(line.id, line.measure)
    except KeyError:
        return ""
    rows, sources = [], []
    for name, step in claim.steps():
        rows.append(f"<tr><td style='color:#555; padding-right:8px'>{escape(tr('claim_' + name))}</td>"
                    f"<td>{escape(step.text(lang))} {claim_badge(step.status)}</td></tr>")
        sources.append(claim.source_of(step))
    cited = "; ".join(dict.fromkeys(sources))
    return (f"<h4>{escape(tr('claim_title'))}</h4><table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"
            f"<p style='color:#555'>{escape(tr('claim_source', source=cited))}</p>")


def badge(status: str) -> str:
    if status not in BADGE_COLOURS:
        return ""
    bg, fg = BADGE_COLOURS[status]
    return f'<span style="background-color:{bg}; color:{fg};">&nbsp;{escape(tr("status_" + status))}&nbsp;</span>'


class ExplanationPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._line: Line | None = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.browser)
        self.retranslate()

    def show_line(self, line: Line | None) -> None:
        if line is self._line:
            return
        self._line = line
        self._render()

    def line(self) -> Line | None:
        return self._line

    def text(self) -> str:
        return self.browser.toPlainText()

    def _render(self) -> None:
        line = self._line
        if line is None:
            self.browser.setHtml(f"<p style='color:#616161'>{escape(tr('win_explain_empty'))}</p>")
            return
        lang = language()
        parts = [f"<h3>{escape(item_text(line) if not line.measure else tr(line.id) + ' ' + line.measure)}</h3>"]
        head = [f"<b>{escape(amount_text(line))}</b>"]
        if line.unit != "entitlement":
            head.append(escape(tr("win_in_year", year=line.year)))
        if line.status not in ("verified", "not_computed"):  # (not computed: the amount's words already say so)
            head.append(badge(line.status))
        parts.append(f"<p>{' · '.join(head)}</p>")
        parts.append(f"<p>{escape(line.text(lang))}</p>")
        facts: list[tuple[str, str]] = []
        if line.department:
            facts.append((tr("win_where_to_ask"), line.department[lang]))
        elif line.payers:
            facts.append((tr("win_who_pays"), payer_text(line)))
        facts.append((tr("win_source"), line.source))
        if line.status != "verified":
            facts.append((tr("win_status"), tr("win_status_tip_" + line.status)))
        parts.append("<table cellspacing='0' cellpadding='2'>" + "".join(
            f"<tr><td style='color:#555; padding-right:8px'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in facts)
            + "</table>")
        parts.append(claim_html(line, lang))
        if line.uses:
            parts.append(f"<h4>{escape(tr('win_parameters_used'))}</h4>")
            parts.append(self._parameters_table(line))
        self.browser.setHtml("".join(parts))

    def _parameters_table(self, line: Line) -> str:
        """One short block per figure — name and value, then date, status and reference — which wraps well
        in a narrow panel, unlike a five-column table."""
        params = self.session.params
        blocks = []
        for use in line.uses:
            p: Any = params.get(use.name)
            name = (p.label_zh if language() == "zh" else p.label_en) if p is not None else use.name
            unit = p.unit if p is not None else ""
            status = badge(use.status) or escape(tr("status_" + use.status))
            since = escape(tr("win_param_since", date=use.effective.isoformat())) if use.effective else ""
            meta = " · ".join(x for x in (since, status, escape(use.reference)) if x)
            head = tr("win_param_line", name=f"\x00{name}\x01", value=value_text(use, unit))
            head = escape(head).replace("\x00", "<b>").replace("\x01", "</b>")
            blocks.append(f"<p style='margin:4px 0'>{head}<br>"
                          f"<span style='color:#555'>{meta}</span></p>")
        return "".join(blocks)

    def retranslate(self) -> None:
        self.browser.setAccessibleName(tr("win_explanation"))
        self._render()
