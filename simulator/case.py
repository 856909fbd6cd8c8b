"""A household prepared for the formulas: children in birth order, grouped into births, and the parameters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from .dates import birthday, month_index
from .household import Child, Household
from .parameters import Parameter, ParameterSet, ParamUse
from .texts import Text


@dataclass(frozen=True, slots=True)
class OrderedChild:
    order: int  # 1-based birth order among the family's children
    child: Child
    birth: int  # 0-based index of the birth (children born on one date are one birth)
    born: dt.date = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "born", self.child.birth_date)


@dataclass(frozen=True, slots=True)
class Birth:
    date: dt.date
    children: tuple[OrderedChild, ...]

    @property
    def babies(self) -> int:
        return len(self.children)

    @property
    def difficult(self) -> bool:
        return any(c.child.difficult_birth for c in self.children)


class Case:
    """What every formula reads: the household, the parameters, and the children in order.

    ``memo`` keeps what several formulas need within this one case (the maternity-leave days feed both the
    leave line and the allowance); nothing of a household is kept beyond its case.

    ``sentences``: where the case's explanations are shared (see ``text``); by default its own. A batch of
    households passes one for the whole batch, so a sentence many families share (a child's year of education
    deduction, a leave's rule) is put into words once for the batch; it is the batch's, and goes with it."""

    def __init__(self, household: Household, params: ParameterSet, sentences: dict[Text, Text] | None = None):
        self.household = household
        self.params = params
        self.today = household.today
        # Birth order counts children by birth date; the input order breaks ties (twins).
        ranked = sorted(enumerate(household.children), key=lambda ic: (ic[1].birth_date, ic[0]))
        children: list[OrderedChild] = []
        births: list[tuple[dt.date, list[OrderedChild]]] = []
        for order, (_, child) in enumerate(ranked, start=1):
            if not births or births[-1][0] != child.birth_date:
                births.append((child.birth_date, []))
            oc = OrderedChild(order, child, len(births) - 1)
            births[-1][1].append(oc)
            children.append(oc)
        self.children: tuple[OrderedChild, ...] = tuple(children)
        self.births: tuple[Birth, ...] = tuple(Birth(d, tuple(cs)) for d, cs in births)
        self.memo: dict[Any, Any] = {}
        self._texts: dict[Text, Text] = {} if sentences is None else sentences

    def param(self, name: str) -> Parameter:
        return self.params[name]

    def value(self, name: str, on: dt.date) -> tuple[Any, ParamUse]:
        """The value of parameter ``name`` in force on ``on`` (None before its first date, or where the law
        left it unpublished) and the record of having used it."""
        return self.params[name].use(on)

    def rule(self, name: str, on: dt.date) -> tuple[Any, ParamUse]:
        """Like ``value`` for a rule of counting (an age, a number of months) rather than an amount: before the
        parameter's first date its first value applies, since the rule describes how the measure counts."""
        p = self.params[name]
        return p.use(max(on, p.dates[0]))

    def text(self, key: str, values: dict[str, Any]) -> Text:
        """The explanation ``key`` filled with ``values``; lines with the same sentence share one Text, so a
        household turns each distinct sentence into words once (and a phrase without values, the same for
        every household, is made once for all)."""
        if not values:
            return phrase(key)
        made = Text(key, tuple(values.items()))
        return self._texts.setdefault(made, made)

    @cached_property
    def education_end(self) -> dict[int, int]:
        """Per child order: the month index through which the education deduction runs (the month of the
        birthday at which full-time education ends: the child's own age if the case gives one)."""
        out = {}
        for oc in self.children:
            age = oc.child.education_until_age or self.rule("national.income_tax.education_until_age", oc.born)[0]
            out[oc.order] = month_index(birthday(oc.born, age))
        return out


@cache
def phrase(key: str) -> Text:
    """A text without values (the policy's own phrase): one for all households."""
    return Text(key)


def per_case(fn):
    """Work out ``fn(case, item)`` once per case: several formulas read the same intermediate. ``item`` is
    one of the case's own objects (a birth, a loss, a child), alive as long as the case."""

    def once(case: Case, item: Any) -> Any:
        key = (fn, id(item))
        if key not in case.memo:
            case.memo[key] = fn(case, item)
        return case.memo[key]

    once.__name__, once.__doc__ = fn.__name__, fn.__doc__
    return once
