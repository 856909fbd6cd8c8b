"""Calendar arithmetic the rules need: birthdays, month counts, calendar-year overlaps."""

from __future__ import annotations

import datetime as dt


def birthday(born: dt.date, age: int) -> dt.date:
    """The day a person born on ``born`` reaches ``age``.

    Someone born on 29 February reaches an age on 1 March in a common year (assumed: the day after
    28 February is the first day the full years have passed).
    """
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return dt.date(born.year + age, 3, 1)


def month_index(d: dt.date) -> int:
    """Months since year 0, so month arithmetic is integer arithmetic."""
    return d.year * 12 + d.month - 1


def month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def year_month(index: int) -> str:
    """'2026-05' for a month index: what ``f"{month_start(index):%Y-%m}"`` gives, without making the date or
    strftime's cost (it runs for every childcare-subsidy line)."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_in_year(first: int, last: int, year: int) -> int:
    """How many months of the inclusive month range [first, last] fall in calendar ``year``."""
    lo, hi = max(first, year * 12), min(last, year * 12 + 11)
    return max(0, hi - lo + 1)


def years_touched(first: dt.date, last: dt.date) -> range:
    return range(first.year, last.year + 1)


def parse_month_day(text: str, year: int) -> dt.date:
    month, day = map(int, text.split("-"))
    return dt.date(year, month, day)
