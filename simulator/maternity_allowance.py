"""Maternity allowance (生育津贴) for a mother with employee maternity insurance — cn-lp619 Art. 8, cn-sil Art. 56."""

from __future__ import annotations

from .case import Case
from .leave import LeaveDays, maternity_leave_days, miscarriage_leave_days
from .measure import LineKind, Measure
from .money import fen, mul_div, yuan
from .result import Line

MATERNITY_ALLOWANCE = LineKind("maternity_allowance", category="wage_replacement", unit="yuan",
                               source="cn-sil Art. 56; cn-lp619 Art. 8", adds_to="wage_replacement")
PAID_DIRECTLY = "anhui.maternity_insurance.allowance_paid_directly"  # who it is paid to, not how much
FLEXIBLE_BENEFIT = "anhui.maternity_insurance.flexible_worker_allowance"


def maternity_allowance(case: Case) -> list[Line]:
    """cn-sil Art. 56, cn-lp619 Art. 8: the employer's average monthly wage of the previous year ÷ 30 × the
    maternity-leave days, paid by the maternity insurance fund to a mother insured as an employee. Her job
    (insurance, employer's wage) is the one she has on the day of the birth or loss."""
    if case.household.mother is None:
        return []
    events = [(b.date, b.children[0].order, maternity_leave_days(case, b)) for b in case.births]
    events += [(loss.date, None, miscarriage_leave_days(case, loss)) for loss in case.household.pregnancy_losses]
    return [allowance_for(case, when, child, leave) for when, child, leave in events]


def allowance_for(case: Case, when, child: int | None, leave: LeaveDays) -> Line:
    job = case.household.mother.job_on(when)  # her job on the day of the birth (or loss)

    def line(amount, text, uses=(), /, payers=None, assumption="", awaiting_input=False, **values):
        if leave.assumed:  # the days it pays rest on our reading (a birth beyond the law's number of children)
            assumption = "assumed"
        return MATERNITY_ALLOWANCE.line(case, when.year, amount, text, child=child, parent="mother", uses=uses,
                                        payers=payers, assumption=assumption,
                                        awaiting_input=awaiting_input, not_computed=not_computed, **values)

    not_computed = False

    if job.insurance != "employee":
        # from the extension to flexible workers on, what maternity insurance pays her is left to local rules:
        # the flexible worker's benefit line says so (flexible_maternity.py)
        extended = when >= case.param(FLEXIBLE_BENEFIT).dates[0]
        return line(0.0, "not_employee_insured_extended" if extended else "not_employee_insured")
    divisor, u_divisor = case.value("national.maternity_allowance.day_divisor", when)
    if u_divisor.effective is None or not leave.covered:  # rules of the time, which this pack does not hold
        event = case.text("maternity_allowance.event_birth" if child else "maternity_allowance.event_miscarriage", {})
        not_computed = True  # no figure: never 0, never verified
        return line(None, "before_pack", tuple(u for u in (u_divisor, *leave.uses) if u.effective), date=when,
                    event=event)
    wage, basis, assumption = job.employer_avg_monthly_wage, "maternity_allowance.basis_employer_wage", ""
    if wage is None:  # an estimate from her own salary: assumed
        wage, basis, assumption = job.monthly_salary, "maternity_allowance.basis_own_salary", "assumed"
    direct, u_direct = case.value(PAID_DIRECTLY, when)
    route = case.text("maternity_allowance.route_direct" if direct else "maternity_allowance.route_employer",
                      {"since": case.param(PAID_DIRECTLY).dates[-1]})
    uses = (u_divisor, *leave.uses, u_direct)
    if divisor is None:
        return line(None, "divisor_unpublished", uses)
    if not wage:
        return line(None, "enter_wage", (u_divisor,), assumption="assumed", awaiting_input=True)
    amount = yuan(mul_div(fen(wage), leave.days, divisor))
    return line(amount, "paid", uses, {"maternity_insurance": amount}, assumption, basis=case.text(basis, {}), wage=wage,
                divisor=divisor, days=leave.days, parts=leave.parts, amount=amount, route=route)


MEASURE = Measure("maternity_allowance", maternity_allowance, lines=(MATERNITY_ALLOWANCE,))
