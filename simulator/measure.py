"""How a measure declares itself: the kinds of line it makes and the formula that makes them.

A measure module (``birth_subsidy.py``, ``income_tax.py``, ...) declares each kind of line once::

    BIRTH_SUBSIDY = LineKind("birth_subsidy", category="cash", unit="yuan", source="bengbu-2024 §4",
                             adds_to="money_received")
    MEASURE = Measure("birth_subsidy", birth_subsidy, lines=(BIRTH_SUBSIDY,))

and makes its lines with ``BIRTH_SUBSIDY.line(case, year, amount, "paid_by_county", child=2, area=...)``: the
explanation is the template ``birth_subsidy.paid_by_county`` of ``texts/birth_subsidy.yaml`` filled with the
named values. The engine, the totals, the categories, the window's lists and the handout all read these
declarations; ``registry.py`` lists the measures in the order their lines are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .parameters import ParamUse
from .result import Line, badges
from .texts import Text
from .vocabulary import CATEGORIES, LINE_UNITS

if TYPE_CHECKING:
    from .case import Case

# The totals of a result a line's amount can add to (Result.totals()); leave days add up per parent.
TOTALS = ("money_received", "wage_replacement", "tax_saved", "interest_saved", "loan_capacity", "tax_deductions", "leave_days")


@dataclass(frozen=True)
class LineKind:
    """One kind of benefit line, declared once by its measure.

    ``adds_to`` names the total its amounts count in: money_received for money the policy adds to the family's
    hand (grants, subsidies, fees it no longer pays), wage_replacement for pay during leave that replaces the
    mother's wage (the maternity allowance: not new money), tax_saved, interest_saved, loan_capacity, tax_deductions,
    leave_days, or None (an entitlement)."""

    id: str
    category: str
    unit: str
    source: str
    adds_to: str | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.id}: unknown category {self.category!r}")
        if self.unit not in LINE_UNITS:
            raise ValueError(f"{self.id}: unknown unit {self.unit!r}")
        if self.adds_to is not None and self.adds_to not in TOTALS:
            raise ValueError(f"{self.id}: unknown total {self.adds_to!r}")

    def line(self, case: Case, year: int, amount: float | None, text: str | Text, /, *, child: int | None = None,
             parent: str | None = None, payers: dict[str, float] | None = None, uses: Iterable[ParamUse] = (),
             assumption: str = "", awaiting_input: bool = False, not_computed: bool = False,
             source: str | None = None,
             span: tuple[dt.date, dt.date] | None = None,
             **values: Any) -> Line:
        """A line of this kind. ``text`` is the template's name within this line's texts (``"paid_by_county"``
        → ``birth_subsidy.paid_by_county``) filled with ``values``, or a Text already made. The line's status is
        the weakest of its ``uses`` and of the ``assumption`` the formula made, if any ("assumed"); a line
        without an amount is "unpublished" unless it is ``awaiting_input`` (a figure the family has to give).
        ``span``: a leave's first and last day. ``not_computed``: the event came before the earliest rule this
        pack holds for it: no amount, status "not_computed" whatever else it used."""
        uses = tuple(uses)
        if type(text) is not Text:
            text = case.text(f"{self.id}.{text}", values)
        if not_computed:
            amount, assumption = None, "not_computed"
        unknown = amount is None and self.unit != "entitlement" and not awaiting_input and not not_computed
        status, flags = badges(uses, unknown, assumption)
        start, end = span or (None, None)
        return Line(self.id, year, amount, self.unit, self.category, source or self.source, status, flags, text,
                    child, parent, payers, uses, None, None, start, end)


@dataclass(frozen=True)
class Measure:
    """A measure: its formula, ``formula(case) -> list[Line]``, and the kinds of line it makes.

    ``dated``: its lines fall in years of the family's life, so the timeline spans them (entitlements are
    not dated: their lines carry the year they are worked out in)."""

    name: str
    formula: Callable[[Case], list[Line]]
    lines: tuple[LineKind, ...]
    dated: bool = True
