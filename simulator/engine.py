"""simulate(household, params) -> Result: every benefit line for one household."""

from __future__ import annotations

from .case import Case
from .household import Household
from .parameters import ParameterSet, default_parameters
from .policy_checks import InputError, policy_problems
from .registry import MEASURES, TOTALS_OF
from .result import Result
from .texts import Text


def simulate(household: Household, params: ParameterSet | None = None, lang: str = "en",
             sentences: dict[Text, Text] | None = None) -> Result:
    """Every benefit line for the household; InputError (messages in ``lang``) if it breaks a policy limit.
    ``sentences``: explanations shared with other households of one batch (``Case``)."""
    params = params or default_parameters()
    problems = policy_problems(household, params, lang)
    if problems:
        raise InputError(problems)
    case = Case(household, params, sentences)
    lines = []
    years = set()  # the years the measures' lines fall in (entitlements carry the year of the case)
    for measure in MEASURES:
        made = measure.formula(case)
        if measure.dated:
            years.update(line.year for line in made)
        lines += made
    # The timeline spans the children's lives to the end of the last one's education, and every dated line.
    if case.children:
        years.add(case.children[0].born.year)
        years.add(max(case.education_end.values()) // 12)
    return Result(lines, case.today, params.pack_date, min(years, default=None), max(years, default=None),
                  params.local_names(), TOTALS_OF)
