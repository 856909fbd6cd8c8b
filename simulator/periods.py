"""Sums of a monthly (or yearly) parameter over a range of months, split by calendar year."""

from __future__ import annotations

from .dates import month_index, month_start
from .money import fen, mul_div
from .parameters import Parameter
from .result import ParamUse, use


def monthly_by_year(param: Parameter, first: int, last: int, out: dict[int, list[int]], per_year: bool = False
                    ) -> set[ParamUse]:
    """Add ``param``'s monthly amount over months [first, last] into out[year] = [fen, months].

    With ``per_year`` the parameter is a yearly amount and a month is a twelfth of it (rounded to the fen).

    The value in force on the first of each month applies; the range is cut at year ends and at the
    parameter's change dates, so the cost is a handful of steps per year, not one per month.
    """
    uses: set[ParamUse] = set()
    # a value taking effect mid-month first applies on the 1st of the next month
    changes = sorted({month_index(d) + (d.day > 1) for d in param.dates})
    m = first
    while m <= last:
        year_end = (m // 12) * 12 + 11
        nxt = next((c for c in changes if c > m), None)
        end = min(last, year_end, nxt - 1 if nxt is not None else last)
        value, u = use(param, month_start(m))
        if value is not None:
            uses.add(u)
            acc = out.setdefault(m // 12, [0, 0])
            monthly = mul_div(fen(value), 1, 12) if per_year else fen(value)
            acc[0] += monthly * (end - m + 1)
            acc[1] += end - m + 1
        m = end + 1
    return uses
