"""Sums of a monthly (or yearly) parameter over a range of months, by calendar year."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from .dates import month_index, month_start
from .money import fen, mul_div
from .parameters import Parameter, ParamUse


class YearSum(NamedTuple):
    fen: int  # the amount over the year's months in the range
    months: int  # how many of the year's months had a value


def monthly_sums(param: Parameter, first: int, last: int, per_year: bool = False
                 ) -> tuple[dict[int, YearSum], tuple[ParamUse, ...]]:
    """``param``'s monthly amount over the months [first, last] (month indexes, dates.month_index), summed
    per calendar year, and the records of the values used, oldest first.

    The value in force on the 1st of a month applies to the month (a value taking effect mid-month first
    applies from the next month); months with no value (before the first date, or null) count for nothing.
    With ``per_year`` the parameter is a yearly amount and a month is a twelfth of it, rounded to the fen.
    """
    # The months from which each dated value applies, then the range walked one stretch of equal value at a
    # time (a handful of lookups, however long the range).
    changes = sorted({month_index(d) + (d.day > 1) for d in param.dates})
    sums: dict[int, list[int]] = {}
    uses: list[ParamUse] = []
    m = first
    while m <= last:
        i = bisect.bisect_right(changes, m)
        end = last if i == len(changes) else min(last, changes[i] - 1)
        value, u = param.use(month_start(m))
        if value is not None:
            if u not in uses:
                uses.append(u)
            monthly = mul_div(fen(value), 1, 12) if per_year else fen(value)
            for year in range(m // 12, end // 12 + 1):
                months = min(end, year * 12 + 11) - max(m, year * 12) + 1
                acc = sums.setdefault(year, [0, 0])
                acc[0] += monthly * months
                acc[1] += months
        m = end + 1
    return {year: YearSum(*acc) for year, acc in sums.items()}, tuple(uses)
