"""National childcare subsidy (育儿补贴) per child under three — cn-2025-childcare, tax-free by cn-2025-tax6."""

from __future__ import annotations

from .case import Case, OrderedChild
from .dates import month_index, year_month
from .lawful_birth import child_lawful
from .measure import LineKind, Measure
from .money import yuan
from .periods import monthly_sums
from .result import Line

CHILDCARE_SUBSIDY = LineKind("childcare_subsidy", category="cash", unit="yuan", source="cn-2025-childcare",
                             adds_to="money_received")


def childcare_subsidy(case: Case) -> list[Line]:
    """cn-2025-childcare: 3,600 yuan a year for each child under three, from 2025-01-01, for the months that
    begin with the month after the birth month, as many as the eligible months, paid only for months from
    the scheme's start; applied for where the child's hukou is. For children born under the law (up to the
    number the law allows: a 4th child gets none, assumed); it does not ask whether the parents are married
    (assumed: the scheme names the child, not the couple)."""
    lines: list[Line] = []
    for child in case.children:
        lines += subsidy_for(case, child)
    return lines


def subsidy_for(case: Case, child: OrderedChild) -> list[Line]:
    annual = case.param("national.childcare_subsidy.annual_amount")
    months, u_months = case.rule("national.childcare_subsidy.eligible_months", child.born)
    first = month_index(child.born) + 1  # the month after the birth month
    last = first + months - 1
    paid, u_paid = monthly_sums(annual, first, last, per_year=True)
    window = {"order": child.order, "months": months, "first": year_month(first), "last": year_month(last),
              "scheme_start": year_month(month_index(annual.dates[0]))}
    uses = (u_months, *u_paid)
    lawful = child_lawful(case, child)
    if paid and lawful.within is False:
        return [CHILDCARE_SUBSIDY.line(case, child.born.year, 0.0, "outside_law", child=child.order,
                                       uses=(*uses, lawful.use), assumption="assumed", limit=lawful.limit, **window)]
    if not paid:
        return [CHILDCARE_SUBSIDY.line(case, child.born.year, 0.0, "before_scheme", child=child.order, uses=uses,
                                       **window)]
    exempt, u_exempt = case.value("national.childcare_subsidy.tax_exempt", annual.dates[0])
    uses = (*uses, u_exempt)
    married = case.household.parents_married
    return [CHILDCARE_SUBSIDY.line(case, year, yuan(paid[year].fen), "paid_in_year", child=child.order,
                                   payers={"national": yuan(paid[year].fen)}, uses=uses, year=year,
                                   assumption="" if married else "assumed",
                                   marriage=case.text("nothing" if married else "childcare_subsidy.not_married", {}),
                                   months_in_year=paid[year].months, amount=yuan(paid[year].fen),
                                   tax_note=case.text("childcare_subsidy.tax_free" if exempt else "nothing", {}),
                                   **window)
            for year in sorted(paid)]


MEASURE = Measure("childcare_subsidy", childcare_subsidy, lines=(CHILDCARE_SUBSIDY,))
