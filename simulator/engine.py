"""simulate(household, params) -> Result: every benefit line for one household."""

from __future__ import annotations

from operator import itemgetter

from .birth_subsidy import birth_subsidy
from .case import Case
from .childcare_subsidy import childcare_subsidy
from .entitlements import entitlements
from .fees import after_school_fee_waiver, childcare_enrolment_subsidy, preschool_fee_waiver
from .household import Household
from .housing import home_purchase_subsidy, provident_fund
from .income_tax import income_tax
from .leave import maternity_leave, parental_leave, paternity_leave
from .maternity_allowance import maternity_allowance
from .parameters import ParameterSet, default_parameters
from .policy_checks import InputError, policy_problems
from .result import Result
from .training import training

_YEAR = itemgetter("year")
# The formulas whose lines fall in years of the family's life (the timeline spans them). The entitlements
# come after them: their lines carry the year they are worked out in.
DATED = (
    birth_subsidy, childcare_subsidy, income_tax, maternity_allowance, maternity_leave, paternity_leave,
    parental_leave, provident_fund, home_purchase_subsidy, training, childcare_enrolment_subsidy,
    after_school_fee_waiver, preschool_fee_waiver,
)


def simulate(household: Household, params: ParameterSet | None = None, lang: str = "en") -> Result:
    """Every benefit line for the household; InputError (messages in ``lang``) if it breaks a policy limit."""
    params = params or default_parameters()
    problems = policy_problems(household, params, lang)
    if problems:
        raise InputError(problems)
    case = Case(household, params)
    lines: list = []
    for formula in DATED:
        lines += formula(case)
    years = set(map(_YEAR, lines))
    lines += entitlements(case)
    first = last = None
    if case.children:
        first = case.children[0].born.year
        last = max(case.education_end[oc.order] // 12 for oc in case.children)
    if years:
        first = min(years) if first is None else min(first, *years)
        last = max(years) if last is None else max(last, *years)
    return Result(lines, case.today, params.pack_date, first, last, params.local_names(), list(case.texts.values()))
