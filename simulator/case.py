"""A household prepared for the formulas: children in birth order, grouped into births."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from typing import Any, TypeVar

from .household import Child, Household
from .parameters import Parameter, ParameterSet
from .result import SharedText

ORDINAL_ZH = {1: "一孩", 2: "二孩", 3: "三孩"}
T = TypeVar("T")


@lru_cache(maxsize=64)
def ordinal_zh(order: int) -> str:
    return ORDINAL_ZH.get(order, f"第{order}孩")


@lru_cache(maxsize=64)
def ordinal_en(order: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(order if order < 20 else order % 10, "th")
    return f"{order}{suffix} child"


@dataclass(frozen=True, slots=True)
class OrderedChild:
    order: int  # 1-based birth order among the family's children
    child: Child
    birth: int  # 0-based index of the birth (children born on one date are one birth)
    born: dt.date = field(init=False)  # the child's birth date (read by nearly every formula)

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
    """What every formula reads: the household, the parameters, and the children in order."""

    def __init__(self, household: Household, params: ParameterSet):
        self.household = household
        self.params = params
        self.p: Callable[[str], Parameter] = params.parameter  # p(name): the parameter itself
        self.today = household.today
        # Birth order counts children by birth date; the input order breaks ties (twins).
        ranked = sorted(enumerate(household.children), key=lambda ic: (ic[1].birth_date, ic[0]))
        children, births = [], []
        for order, (_, child) in enumerate(ranked, start=1):
            if not births or births[-1][0] != child.birth_date:
                births.append((child.birth_date, []))
            oc = OrderedChild(order, child, len(births) - 1)
            births[-1][1].append(oc)
            children.append(oc)
        self.children: tuple[OrderedChild, ...] = tuple(children)
        self.births: tuple[Birth, ...] = tuple(Birth(d, tuple(cs)) for d, cs in births)
        self.memo: dict[tuple[Any, int], Any] = {}  # see per_case
        self.texts: dict[tuple, SharedText] = {}  # see shared_text

    def shared_text(self, fn: Callable[..., tuple[str, str]], *args: Any) -> SharedText:
        """The one SharedText of ``fn(*args)`` in this case: every line whose sentence is made from the same
        arguments holds it. The arguments must be hashable and stand for everything the text says."""
        key = (fn, args)
        text = self.texts.get(key)
        if text is None:
            text = self.texts[key] = SharedText(fn, args)
        return text

    @cached_property
    def education_end(self) -> dict[int, int]:
        """Per child order: the month index through which the education deduction runs."""
        from .dates import birthday, month_index

        default = self.params["national.income_tax.education_until_age"]
        out = {}
        for oc in self.children:
            age = oc.child.education_until_age or default.at(max(oc.born, default.dates[0]))
            out[oc.order] = month_index(birthday(oc.born, age))
        return out


def per_case(fn: Callable[[Case, Any], T]) -> Callable[[Case, Any], T]:
    """Work out ``fn(case, item)`` once per case: several formulas read the same intermediate (the
    maternity-leave days feed both the leave line and the allowance). ``item`` is one of the case's own
    objects (a birth, a loss), alive as long as the case, so its identity is a safe key."""

    @wraps(fn)
    def once(case: Case, item: Any) -> T:
        key = (fn, id(item))
        try:
            return case.memo[key]
        except KeyError:
            value = case.memo[key] = fn(case, item)
            return value

    return once
