"""Fee help whose amounts are set locally: childcare enrolment help (bengbu-2024 §7), the after-school fee
waiver for a third child (§9), and the free final preschool year (cn-2025-preschool). Without a local
figure the amount is unknown (null), never zero."""

from __future__ import annotations

import datetime as dt

from .case import Case, OrderedChild, per_case
from .dates import birthday, parse_month_day
from .measure import LineKind, Measure
from .parameters import ParamUse
from .result import Line
from .texts import Text

CHILDCARE_ENROLMENT = LineKind("childcare_enrolment_subsidy", category="training_fees", unit="yuan",
                               source="bengbu-2024 §7", adds_to="money_received")
AFTER_SCHOOL = LineKind("after_school_fee_waiver", category="training_fees", unit="yuan", source="bengbu-2024 §9",
                        adds_to="money_received")
PRESCHOOL = LineKind("preschool_fee_waiver", category="training_fees", unit="yuan", source="cn-2025-preschool",
                     adds_to="money_received")
SCHOOL_YEAR_START = (9, 1)  # a school year begins on 1 September (calendar of the school year, not a policy figure)


@per_case  # the after-school waiver and the free preschool year both need it
def school_entry_year(case: Case, child: OrderedChild) -> tuple[int, tuple[ParamUse, ...]]:
    """The autumn a child starts primary school: the entry age reached by the cut-off day."""
    age, u_age = case.rule("national.education.school_entry_age", child.born)
    cutoff, u_cutoff = case.rule("national.education.entry_cutoff", child.born)
    reaches = birthday(child.born, age)
    year = reaches.year if reaches <= parse_month_day(cutoff, reaches.year) else reaches.year + 1
    return year, (u_age, u_cutoff)


def local_amount(case: Case, amount: float | None) -> Text:
    if amount is None:
        return case.text("fees.amount_set_locally", {})
    return case.text("fees.amount_entered", {"amount": amount})


def childcare_enrolment_subsidy(case: Case) -> list[Line]:
    """bengbu-2024 §7: districts and counties may help families whose child enrols in childcare, in cash or
    vouchers, at an amount they set (placed in the year the child reaches the enrolment age)."""
    lines = []
    for child in case.children:
        age, u_age = case.rule("bengbu.childcare.enrolment_age", child.born)
        when = birthday(child.born, age)
        amount, u = case.value("bengbu.childcare.enrolment_subsidy", when)
        if u.effective is None:
            continue  # before the measure: nothing to say
        lines.append(CHILDCARE_ENROLMENT.line(case, when.year, amount, "enrolled", child=child.order, uses=(u_age, u),
                                              order=child.order, age=age, year=when.year,
                                              amount_text=local_amount(case, amount)))
    return lines


def after_school_fee_waiver(case: Case) -> list[Line]:
    """bengbu-2024 §9: public schools are encouraged to waive a family's third child's after-school fees,
    judged school year by school year over compulsory education."""
    lines = []
    for child in case.children:
        if child.order not in case.param("bengbu.after_school.waived_birth_order").values:
            continue
        entry, u_entry = school_entry_year(case, child)
        years, u_years = case.rule("national.education.compulsory_years", dt.date(entry, *SCHOOL_YEAR_START))
        for year in range(entry, entry + years):
            autumn = dt.date(year, *SCHOOL_YEAR_START)
            order, u_order = case.value("bengbu.after_school.waived_birth_order", autumn)
            if child.order != order:
                continue  # a child born before the measure still has it from its school years after it
            amount, u = case.value("bengbu.after_school.annual_fee", autumn)
            lines.append(AFTER_SCHOOL.line(case, year, amount, "waived", child=child.order,
                                           uses=(u_order, *u_entry, u_years, u), order=child.order, year=year,
                                           school_year=year - entry + 1, amount_text=local_amount(case, amount)))
    return lines


def preschool_fee_waiver(case: Case) -> list[Line]:
    """cn-2025-preschool: from autumn 2025 the final preschool year (the one before primary school) is free
    of public kindergarten fees."""
    lines = []
    for child in case.children:
        entry, u_entry = school_entry_year(case, child)
        start = dt.date(entry - 1, *SCHOOL_YEAR_START)
        waived, u_waived = case.value("national.preschool.final_year_fee_waived", start)
        if not waived:
            lines.append(PRESCHOOL.line(case, start.year, 0.0, "before_measure", child=child.order,
                                        uses=(*u_entry, u_waived), order=child.order, year=start.year,
                                        since=case.param("national.preschool.final_year_fee_waived").dates[0]))
            continue
        amount, u = case.value("bengbu.preschool.annual_fee", start)
        lines.append(PRESCHOOL.line(case, start.year, amount, "waived", child=child.order, uses=(*u_entry, u_waived, u),
                                    order=child.order, year=start.year, amount_text=local_amount(case, amount)))
    return lines


MEASURES = (
    Measure("childcare_enrolment_subsidy", childcare_enrolment_subsidy, lines=(CHILDCARE_ENROLMENT,)),
    Measure("after_school_fee_waiver", after_school_fee_waiver, lines=(AFTER_SCHOOL,)),
    Measure("preschool_fee_waiver", preschool_fee_waiver, lines=(PRESCHOOL,)),
)
