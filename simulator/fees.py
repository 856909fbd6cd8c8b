"""Fee help whose amounts are set locally: childcare enrolment help (bengbu-2024 §7), the after-school fee
waiver for a third child (§9), and the free final preschool year (cn-2025-preschool). Without a local
figure the amount is unknown (null), never zero."""

from __future__ import annotations

import datetime as dt

from .case import Case, OrderedChild, ordinal_en, ordinal_zh, per_case
from .dates import birthday, parse_month_day
from .money import fmt
from .result import Line, ParamUse, make_line, use, use_rule


@per_case  # the after-school waiver and the free preschool year both need it
def school_entry_year(case: Case, oc: OrderedChild) -> tuple[int, tuple[ParamUse, ...]]:
    """The autumn a child starts primary school: the entry age reached by the cut-off day."""
    age_p, cut_p = case.p("national.education.school_entry_age"), case.p("national.education.entry_cutoff")
    age, u_age = use_rule(age_p, oc.born)
    cutoff, u_cut = use_rule(cut_p, oc.born)
    reach = birthday(oc.born, age)
    year = reach.year if reach <= parse_month_day(cutoff, reach.year) else reach.year + 1
    return year, (u_age, u_cut)


def _amount_text(amount: float | None) -> tuple[str, str]:
    if amount is None:
        return "金额由当地通知确定，可由工作人员录入", "amount set by local notice; a counselor can enter it"
    return f"{fmt(amount)}元（当地录入的金额）", f"{fmt(amount)} yuan (locally entered figure)"


def childcare_enrolment_subsidy(case: Case) -> list[Line]:
    lines = []
    for oc in case.children:
        age, u_age = use_rule(case.p("bengbu.childcare.enrolment_age"), oc.born)
        when = birthday(oc.born, age)
        amount, u = use(case.p("bengbu.childcare.enrolment_subsidy"), when)
        if u.effective is None:
            continue  # before the measure: nothing to say
        a_zh, a_en = _amount_text(amount)
        lines.append(make_line(
            "childcare_enrolment_subsidy", when.year, amount, "yuan", "bengbu-2024 §7",
            f"{ordinal_zh(oc.order)}入托（按{age}岁、{when.year}年计）：各县区可以现金或消费券方式对入托家庭给予补助，{a_zh}。",
            f"{ordinal_en(oc.order)} in childcare (placed at age {age}, {when.year}): districts and counties may help "
            f"enrolled families in cash or vouchers; {a_en}.",
            child=oc.order, uses=(u_age, u)))
    return lines


def after_school_fee_waiver(case: Case) -> list[Line]:
    lines = []
    order_p = case.p("bengbu.after_school.waived_birth_order")
    fee_p = case.p("bengbu.after_school.annual_fee")
    for oc in case.children:
        if oc.order not in order_p.values:
            continue
        entry, u_entry = school_entry_year(case, oc)
        years, u_years = use_rule(case.p("national.education.compulsory_years"), dt.date(entry, 9, 1))
        for y in range(entry, entry + years):
            # the waiver is judged school year by school year: a child born before the measure still has it later
            autumn = dt.date(y, 9, 1)
            order, u_order = use(order_p, autumn)
            if oc.order != order:
                continue
            amount, u = use(fee_p, autumn)
            a_zh, a_en = _amount_text(amount)
            lines.append(make_line(
                "after_school_fee_waiver", y, amount, "yuan", "bengbu-2024 §9",
                f"{ordinal_zh(oc.order)}{y}学年（义务教育第{y - entry + 1}年）：鼓励公办学校免除第三个子女课后服务费，{a_zh}。",
                f"{ordinal_en(oc.order)}, school year {y} (year {y - entry + 1} of compulsory school): public schools "
                f"are encouraged to waive a third child's after-school fees; {a_en}.",
                child=oc.order, uses=(u_order, *u_entry, u_years, u)))
    return lines


def preschool_fee_waiver(case: Case) -> list[Line]:
    lines = []
    for oc in case.children:
        entry, u_entry = school_entry_year(case, oc)
        start = dt.date(entry - 1, 9, 1)  # the final preschool year is the one before primary school
        waived_p = case.p("national.preschool.final_year_fee_waived")
        waived, u_w = use(waived_p, start)
        if not waived:
            lines.append(make_line(
                "preschool_fee_waiver", start.year, 0.0, "yuan", "cn-2025-preschool",
                f"{ordinal_zh(oc.order)}学前最后一年始于{start.year}年秋季，早于{waived_p.dates[0]}起的免费政策。",
                f"{ordinal_en(oc.order)}: the final preschool year began in autumn {start.year}, before fees were "
                f"waived from {waived_p.dates[0]}.", child=oc.order, uses=(*u_entry, u_w)))
            continue
        amount, u = use(case.p("bengbu.preschool.annual_fee"), start)
        a_zh, a_en = _amount_text(amount)
        lines.append(make_line(
            "preschool_fee_waiver", start.year, amount, "yuan", "cn-2025-preschool",
            f"{ordinal_zh(oc.order)}学前最后一年（{start.year}年秋季起）免除公办幼儿园保育教育费，{a_zh}。",
            f"{ordinal_en(oc.order)}: the final preschool year (from autumn {start.year}) is free of public "
            f"kindergarten fees; {a_en}.",
            child=oc.order, uses=(*u_entry, u_w, u)))
    return lines
