"""Whether a birth is one "under the law" — within the number of children the population and family planning
law lets a couple have (cn-pfl-2015 / cn-pfl-2021 Art. 18: two from 2016-01-01, three from 2021-08-20).

Anhui's extra leave (bengbu-2024 §11: "符合《安徽省人口与计划生育条例》规定生育子女的夫妻") and the national
childcare subsidy (for children born under the law) follow it; the national 98 days and the allowance on them do
not (cn-lp619 applies to every female employee's birth).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .case import Birth, Case, OrderedChild
from .parameters import ParamUse

LIMIT = "national.family.children_per_couple"
MARRIED_ONLY = "anhui.leave.for_married_couples"


class Lawful(NamedTuple):
    """``within``: True or False, or None before the earliest limit in the pack (not judged); ``limit`` the
    number in force; ``orders`` the birth's children beyond it (empty when within)."""

    within: bool | None
    limit: int | None
    use: ParamUse
    orders: tuple[int, ...] = ()


def birth_lawful(case: Case, birth: Birth, on: dt.date | None = None) -> Lawful:
    """A birth is under the law when its first child is within the limit in force on ``on`` (the birth date
    unless given): a multiple birth counts as one birth, so twins born as the 3rd and 4th child are both under
    the law (assumed: the law counts births a couple has, and a multiple birth that passes the number was never
    counted as beyond it)."""
    limit, use = case.value(LIMIT, on or birth.date)
    if limit is None:
        return Lawful(None, None, use)
    first = birth.children[0].order
    if first <= limit:
        return Lawful(True, limit, use)
    return Lawful(False, limit, use, tuple(c.order for c in birth.children))


def child_lawful(case: Case, child: OrderedChild, on: dt.date | None = None) -> Lawful:
    """The child's birth under the law (see ``birth_lawful``)."""
    return birth_lawful(case, case.births[child.birth], on)


def unmarried_excluded(case: Case, on: dt.date) -> ParamUse | None:
    """bengbu-2024 §11 grants Anhui's extra leave to "符合《安徽省人口与计划生育条例》规定生育子女的夫妻", a married
    couple (our reading, assumed; anhui/leave/for_married_couples.yaml): the record of that rule when the case's
    parents are not married and the rule in force on ``on`` says so, else None. Married parents read nothing."""
    if case.household.parents_married:
        return None
    married_only, use = case.value(MARRIED_ONLY, on)
    return use if married_only else None
