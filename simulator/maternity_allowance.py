"""Maternity allowance (生育津贴) for a mother with employee maternity insurance — cn-lp619 Art. 8,
cn-sil Art. 56: the employer's average monthly wage of the previous year ÷ 30 × maternity-leave days."""

from __future__ import annotations

from .case import Case
from .leave import maternity_leave_days, miscarriage_leave_days
from .money import fen, fmt, mul_div, yuan
from .result import Line, make_line, use

SOURCE = "cn-sil Art. 56; cn-lp619 Art. 8"


def maternity_allowance(case: Case) -> list[Line]:
    mother = case.household.mother
    if mother is None:
        return []
    events = [(b.date, b.children[0].order, maternity_leave_days(case, b)) for b in case.births]
    events += [(x.date, None, miscarriage_leave_days(case, x)) for x in case.household.pregnancy_losses]
    lines = []
    for when, child, ld in events:
        if mother.insurance != "employee":
            lines.append(make_line(
                "maternity_allowance", when.year, 0.0, "yuan", SOURCE,
                "只有参加职工基本医保（含生育保险）的女职工领取生育津贴；灵活就业人员和城乡居民医保参保人的生育医疗费用按规定报销"
                "（措施第1条）。",
                "Only a mother insured as an employee (with maternity insurance) receives the allowance; for flexible "
                "workers and residents the insurance pays the birth's medical costs (measure §1).",
                child=child, parent="mother"))
            continue
        divisor_p = case.p("national.maternity_allowance.day_divisor")
        divisor, u_div = use(divisor_p, when)
        if divisor is None or not ld.covered:  # rules of the time, which this pack does not hold
            lines.append(make_line(
                "maternity_allowance", when.year, 0.0, "yuan", SOURCE,
                f"{when.isoformat()}的{'生育' if child else '流产'}早于本数据包最早的生育津贴或产假规定，当时的生育津贴"
                "按当时的规定发放，这里不计算。",
                f"The {'birth' if child else 'miscarriage'} on {when.isoformat()} came before the earliest "
                "maternity-allowance or maternity-leave rule in this pack; its allowance was paid under the rules of "
                "the time and is not computed here.",
                child=child, parent="mother", uses=tuple(u for u in (u_div, *ld.uses) if u.effective)))
            continue
        wage = mother.employer_avg_monthly_wage
        status = ""
        basis_zh, basis_en = "用人单位上年度职工月平均工资", "the employer's average monthly wage of the previous year"
        if wage is None:
            wage = mother.monthly_salary
            status = "assumed"
            basis_zh, basis_en = "本人月工资（未填写单位平均工资，以此估算）", \
                "her own monthly salary (the employer's average wage was not entered; an estimate)"
        if not wage:
            lines.append(make_line(
                "maternity_allowance", when.year, None, "yuan", SOURCE,
                "请填写用人单位上年度职工月平均工资以计算生育津贴。",
                "Enter the employer's average monthly wage of the previous year to compute the allowance.",
                child=child, parent="mother", uses=(u_div,), status="assumed"))
            continue
        amount = yuan(mul_div(fen(wage), ld.days, divisor))
        lines.append(make_line(
            "maternity_allowance", when.year, amount, "yuan", SOURCE,
            f"{basis_zh}{fmt(wage)}元 ÷ {divisor} × 产假{ld.days}天（{ld.zh}）＝{fmt(amount)}元，由生育保险基金支付；"
            f"低于本人产假前工资的，由用人单位补足。",
            f"{basis_en.capitalize()} {fmt(wage)} yuan ÷ {divisor} × {ld.days} leave days ({ld.en}) = "
            f"{fmt(amount)} yuan, paid by the maternity insurance fund; the employer makes up any shortfall "
            f"against her pre-leave wage.",
            child=child, parent="mother", payers={"maternity_insurance": amount}, uses=(u_div, *ld.uses),
            status=status))
    return lines
