"""Sums of a monthly (or yearly) parameter over a range of months, split by calendar year."""

from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache
from typing import Any

from .dates import month_index, month_start
from .money import fen, mul_div
from .parameters import Parameter
from .result import ParamUse, use


@lru_cache(maxsize=1024)
def _change_months(dates: tuple[dt.date, ...]) -> tuple[int, ...]:
    """The months from whose 1st each dated value applies: a value taking effect mid-month first applies
    on the 1st of the next month."""
    return tuple(sorted({month_index(d) + (d.day > 1) for d in dates}))


def _stretches(param: Parameter, first: int, last: int) -> list[tuple[int, int, Any, ParamUse]]:
    """The months [first, last] as stretches of unchanged value, (first month, last month, value, its
    record), leaving out the months with no value (before the parameter's first date, or a null)."""
    out = []
    changes = _change_months(param.dates)
    m = first
    while m <= last:
        i = bisect.bisect_right(changes, m)
        end = last if i == len(changes) else min(last, changes[i] - 1)
        value, u = use(param, month_start(m))
        if value is not None:
            out.append((m, end, value, u))
        m = end + 1
    return out


def monthly_by_year(param: Parameter, first: int, last: int, out: dict[int, list[int]], per_year: bool = False
                    ) -> set[ParamUse]:
    """Add ``param``'s monthly amount over months [first, last] into out[year] = [fen, months].

    With ``per_year`` the parameter is a yearly amount and a month is a twelfth of it (rounded to the fen).

    The value in force on the first of each month applies. The range is walked one stretch of unchanged
    value at a time and each stretch is then shared out over the calendar years it touches, so the cost
    is one parameter lookup per change of value, not one per month or per year.
    """
    uses: set[ParamUse] = set()
    for m, end, value, u in _stretches(param, first, last):
        uses.add(u)
        monthly = mul_div(fen(value), 1, 12) if per_year else fen(value)
        first_year, last_year = m // 12, end // 12
        for year in range(first_year, last_year + 1):
            n = (end if year == last_year else year * 12 + 11) - (m if year == first_year else year * 12) + 1
            acc = out.get(year)
            if acc is None:
                out[year] = [monthly * n, n]
            else:
                acc[0] += monthly * n
                acc[1] += n
    return uses


def monthly_runs(param: Parameter, first: int, last: int) -> tuple[list[list[int]], set[ParamUse]]:
    """``param``'s monthly amount over months [first, last] as runs of calendar years that each get the same:
    [first year, last year, fen in each of those years, months in each]. Sorted, not overlapping, and
    as long as they can be.

    The same sums as ``monthly_by_year`` (which gives one entry per year), in a handful of runs however
    long the range: a stretch of unchanged value is its first year, its full years, and its last year.
    """
    uses: set[ParamUse] = set()
    runs: list[list[int]] = []
    for m, end, value, u in _stretches(param, first, last):
        uses.add(u)
        monthly = fen(value)
        first_year, last_year = m // 12, end // 12
        if first_year == last_year:
            pieces = [(first_year, first_year, end - m + 1)]
        else:
            pieces = [(first_year, first_year, first_year * 12 + 12 - m)]
            if last_year > first_year + 1:
                pieces.append((first_year + 1, last_year - 1, 12))
            pieces.append((last_year, last_year, end - last_year * 12 + 1))
        for y0, y1, n in pieces:
            if runs and runs[-1][1] >= y0:  # a value changed within this year: its months add up
                runs[-1][2] += monthly * n
                runs[-1][3] += n
            else:
                runs.append([y0, y1, monthly * n, n])
    merged: list[list[int]] = []  # a run the same as the one before it, and next to it, joins it
    for run in runs:
        if merged and merged[-1][1] == run[0] - 1 and merged[-1][2:] == run[2:]:
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    return merged, uses
