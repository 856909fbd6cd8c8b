"""Maternity insurance for flexible and migrant workers — nhsa-2025-work-conference (issue 13, point 8).

Maternity insurance is being extended to mothers who are not insured as employees; what it pays them is
left to local rules. From the measure's first day each birth of such a mother gets a line whose amount is
the local figure, or "amount set by local notice" until a counselor enters it.
"""

from __future__ import annotations

from .case import Birth, Case
from .measure import LineKind, Measure
from .result import Line

FLEXIBLE_MATERNITY = LineKind("flexible_maternity_benefit", category="wage_replacement", unit="yuan",
                              source="nhsa-2025-work-conference", adds_to="wage_replacement")
AMOUNT = "anhui.maternity_insurance.flexible_worker_allowance"


def flexible_maternity_benefit(case: Case) -> list[Line]:
    """Each birth, from the measure's first day, of a mother not insured as an employee (an employee's
    allowance is maternity_allowance.py's). Her insurance is the one of her job on the birth date."""
    mother = case.household.mother
    if mother is None:
        return []
    return [benefit_for(case, birth) for birth in case.births if birth.date >= case.param(AMOUNT).dates[0]
            and mother.job_on(birth.date).insurance != "employee"]


def benefit_for(case: Case, birth: Birth) -> Line:
    amount, u = case.value(AMOUNT, birth.date)
    insurance = case.household.mother.job_on(birth.date).insurance
    values = {"date": birth.date, "insurance": "insurance_none" if insurance == "none" else insurance}  # (its label)
    if amount is None:
        return FLEXIBLE_MATERNITY.line(case, birth.date.year, None, "set_locally", child=birth.children[0].order,
                                       parent="mother", uses=(u,), **values)
    return FLEXIBLE_MATERNITY.line(case, birth.date.year, float(amount), "entered", child=birth.children[0].order,
                                   parent="mother", uses=(u,), payers={"maternity_insurance": float(amount)},
                                   amount=amount, **values)


MEASURE = Measure("flexible_maternity_benefit", flexible_maternity_benefit, lines=(FLEXIBLE_MATERNITY,))
