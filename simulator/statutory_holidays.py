"""A year's statutory public holidays (法定节假日) worked out from the rule of 《全国年节及纪念日放假办法》.

The rule (parameter ``national.holidays.festival_rules``, unit ``holiday_rules``) says which festivals give
days off and on which days: Gregorian dates, lunar dates, or the day of a solar term (清明). This module turns
one rule into the dates of one Gregorian year. The lunar calendar and the solar terms come from lunar-python
(6tail's calendar library, MIT, pure Python: it computes new moons and solar terms astronomically, in Beijing
time), so no calendar table is typed in here.

Only the statutory days are returned. The days off a yearly State Council notice adds by moving weekend days
(调休) and the weekend days that run on from a holiday are not statutory and are never in the set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from lunar_python import Lunar

from .parameters import HolidayRule

# The solar terms a rule may name, by the Chinese name lunar-python's tables use.
SOLAR_TERMS = {"qingming": "清明"}


class HolidayCount(str):
    """A year's statutory holidays as the value of a leave line's parameter record: in JSON the English text it
    always was ("11 days", "11 days computed for 2023; 2028-10-01 counted once (assumed)"), and its parts
    (``days``, ``year`` when computed from the rule, ``shared`` days counted once) for a view to say in the
    reader's language."""

    def __new__(cls, days: int, year: int | None = None, shared: tuple[dt.date, ...] = ()) -> HolidayCount:
        text = f"{days} days" if year is None else f"{days} days computed for {year}"
        if shared:
            text += f"; {', '.join(map(str, shared))} counted once (assumed)"
        self = super().__new__(cls, text)
        self.days, self.year, self.shared = days, year, tuple(shared)
        return self

    def __reduce__(self):
        return HolidayCount, (self.days, self.year, self.shared)


def statutory_holidays(rules: Iterable[HolidayRule], year: int) -> frozenset[dt.date]:
    """The statutory public holidays of Gregorian ``year`` under ``rules`` (one dated value of the rule)."""
    return _holidays(tuple(rules), year)


def coinciding(rules: Iterable[HolidayRule], year: int) -> frozenset[dt.date]:
    """The days of ``year`` that two festivals of ``rules`` both give (中秋 on 1-3 October: 2020, 2028).

    The regulation gives each festival its days but does not say what happens when they fall together; the
    set above counts such a day once. The State Council's notice for the year usually adds a day off
    somewhere in the week (2020: 1-8 October, not saying which day is the fourth holiday), which no rule can
    foresee. A year with such a day is worked out on an assumption, and callers should say so."""
    return _coinciding(tuple(rules), year)


@lru_cache(maxsize=512)
def _holidays(rules: tuple[HolidayRule, ...], year: int) -> frozenset[dt.date]:
    days: set[dt.date] = set()
    for rule in rules:
        days.update(festival_days(rule, year))
    return frozenset(days)


@lru_cache(maxsize=512)
def _coinciding(rules: tuple[HolidayRule, ...], year: int) -> frozenset[dt.date]:
    seen: set[dt.date] = set()
    twice: set[dt.date] = set()
    for rule in rules:
        for d in set(festival_days(rule, year)):
            (twice if d in seen else seen).add(d)
    return frozenset(twice)


def festival_days(rule: HolidayRule, year: int) -> list[dt.date]:
    """The days one festival gives in Gregorian ``year`` (a lunar festival late in a lunar year may fall in
    the next Gregorian year: both lunar years that touch ``year`` are tried, and only its days kept)."""
    if rule.calendar == "solar":
        return [dt.date(year, rule.month, d) for d in rule.days]
    if rule.calendar == "solar_term":
        return [solar_term_day(year, rule.term)]
    found = []
    for lunar_year in (year - 1, year):
        first = lunar_to_solar(lunar_year, rule.month, 1)
        found += [first + dt.timedelta(days=d - 1) for d in rule.days]  # day 0 = the day before the 1st
    return [d for d in found if d.year == year]


@lru_cache(maxsize=1024)
def lunar_to_solar(lunar_year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of ``day`` of (non-leap) lunar ``month`` of ``lunar_year``."""
    s = Lunar.fromYmd(lunar_year, month, day).getSolar()
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


@lru_cache(maxsize=256)
def solar_term_day(year: int, term: str) -> dt.date:
    """The Gregorian date (Beijing time) on which the solar ``term`` of Gregorian ``year`` falls.

    The table of lunar year ``year`` runs from the winter solstice before it to the one after, so it holds
    the spring and summer terms of Gregorian ``year`` under their plain names."""
    s = Lunar.fromYmd(year, 1, 1).getJieQiTable()[SOLAR_TERMS[term]]
    return dt.date(s.getYear(), s.getMonth(), s.getDay())
