"""National childcare subsidy (育儿补贴) per child under three — cn-2025-childcare, tax-free by cn-2025-tax6.

Paid for the months that begin with the month after the birth month, as many as the eligible months,
and only for months from the scheme's start.
"""

from __future__ import annotations

from .case import Case, OrderedChild, ordinal_en, ordinal_zh
from .dates import month_index, year_month
from .money import fmt, yuan
from .periods import monthly_by_year
from .result import Line, make_line, use, use_rule

SOURCE = "cn-2025-childcare"


def childcare_subsidy(case: Case) -> list[Line]:
    lines: list[Line] = []
    for oc in case.children:
        lines += _for_child(case, oc)
    return lines


def _for_child(case: Case, oc: OrderedChild) -> list[Line]:
    annual = case.p("national.childcare_subsidy.annual_amount")
    scheme_start = annual.dates[0]
    months, u_months = use_rule(case.p("national.childcare_subsidy.eligible_months"), oc.born)
    first = month_index(oc.born) + 1  # the month after the birth month
    last = first + months - 1
    paid: dict[int, list[int]] = {}  # year → [fen, months]
    uses = (u_months, *sorted(monthly_by_year(annual, first, last, paid, per_year=True), key=lambda u: u.effective))
    n, zh_n, en_n = oc.order, ordinal_zh(oc.order), ordinal_en(oc.order)
    from_m, to_m, start_m = year_month(first), year_month(last), year_month(month_index(scheme_start))
    window_zh = f"出生次月起{months}个月（{from_m}至{to_m}）"
    window_en = f"{months} months from the month after birth ({from_m} to {to_m})"
    if not paid:
        return [make_line("childcare_subsidy", oc.born.year, 0.0, "yuan", SOURCE,
                          f"{zh_n}：{window_zh}均早于补贴{start_m}起发放，无补贴。",
                          f"{en_n}: the {window_en} all fall before payments began in {start_m}; nothing is due.",
                          child=n, uses=uses)]
    exempt, u_ex = use(case.p("national.childcare_subsidy.tax_exempt"), scheme_start)
    tax_zh = "，免征个人所得税" if exempt else ""
    tax_en = ", free of income tax" if exempt else ""
    uses = (*uses, u_ex)
    lines = []
    for year in sorted(paid):
        paid_fen, count = paid[year]
        amount = yuan(paid_fen)
        amount_ = fmt(amount)
        lines.append(make_line(
            "childcare_subsidy", year, amount, "yuan", SOURCE,
            f"{zh_n}{year}年可领{count}个月，共{amount_}元（{window_zh}，{start_m}起发放{tax_zh}；"
            f"向孩子户籍地申领）。",
            f"{en_n}: {count} months in {year}, {amount_} yuan (the {window_en}, paid from "
            f"{start_m}{tax_en}; apply where the child's hukou is).",
            child=n, payers={"national": amount}, uses=uses))
    return lines
