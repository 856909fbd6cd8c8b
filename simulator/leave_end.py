"""When a leave ends: its calendar days from the first, pushed back by the statutory holidays inside it
(Anhui guidance: 产假包含休息日，不包含国家法定休假日), from the year's State Council notice or the rule of
《全国年节及纪念日放假办法》 in force.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from .case import Case
from .parameters import ParamUse
from .statutory_holidays import HolidayCount, coinciding, statutory_holidays


class HolidayPush(NamedTuple):
    """What statutory holidays did to a leave: its last day, the days added, the years no notice or rule
    covers, the years whose holidays were computed, and the days inside it two festivals share (assumed)."""

    end: dt.date
    added: int
    unknown: tuple[int, ...]
    computed: tuple[int, ...]
    shared: tuple[dt.date, ...]


class YearHolidays(NamedTuple):
    days: tuple[dt.date, ...]  # the year's statutory holidays, in order
    record: ParamUse
    computed: bool
    shared: tuple[dt.date, ...] = ()  # days two festivals share (counted once)
    shared_record: ParamUse | None = None  # the record to use when such a day falls inside the leave


def leave_end(case: Case, start: dt.date, days: int, uses: list[ParamUse]) -> HolidayPush:
    """The last day of ``days`` calendar days of leave from ``start``, pushed back by the statutory holidays
    inside it (Anhui guidance: 产假包含休息日，不包含国家法定休假日)."""
    extend, u = case.value("anhui.maternity_leave.holidays_extend_leave", start)
    uses.append(u)
    end = start + dt.timedelta(days=days - 1)
    if not extend:
        return HolidayPush(end, 0, (), (), ())
    added, unknown, seen = 0, [], {}
    while True:
        inside = 0  # holidays within [start, end]; each year's list holds only that year's days
        for year in range(start.year, end.year + 1):
            holidays = year_holidays(case, year)
            if holidays is None:
                if year not in unknown:
                    unknown.append(year)
                continue
            seen.setdefault(year, holidays)
            inside += bisect.bisect_right(holidays.days, end) - bisect.bisect_left(holidays.days, start)
        if inside == added:
            break
        end += dt.timedelta(days=inside - added)  # the days just found push the end back; look again
        added = inside
    shared = []
    for holidays in seen.values():
        hit = [d for d in holidays.shared if start <= d <= end]
        shared += hit
        uses.append(holidays.shared_record if hit else holidays.record)
    return HolidayPush(end, added, tuple(unknown), tuple(y for y, h in seen.items() if h.computed), tuple(shared))


def year_holidays(case: Case, year: int) -> YearHolidays | None:
    """``year``'s statutory holidays and the record of where they came from: the year's State Council notice
    where the pack has it, else the days the rule of 《全国年节及纪念日放假办法》 in force on 1 January gives
    (every revision so far took effect on a 1 January); None when neither covers the year."""
    jan1 = dt.date(year, 1, 1)
    notices = case.param("national.holidays.statutory_holidays")
    published, notice = notices.use(jan1)
    if published is not None and notice.effective.year == year:
        return noticed_holidays(notice, notices.line_status, notices.reference)
    rules_p = case.param("national.holidays.festival_rules")
    rules, rule = rules_p.use(jan1)
    if rule.effective is None:
        return None
    return ruled_holidays(rule, year, rules_p.line_status, rules_p.reference)


@lru_cache(maxsize=64)  # keyed on policy data: one dated notice
def noticed_holidays(notice: ParamUse, status: str, reference: str) -> YearHolidays:
    """The holidays a year's published notice lists."""
    dates = notice.value
    return YearHolidays(tuple(sorted(dates)), holiday_record(notice.name, notice.effective, HolidayCount(len(dates)),
                                                             status, reference), False)


@lru_cache(maxsize=512)  # keyed on policy data: a dated rule and a year
def ruled_holidays(rule: ParamUse, year: int, status: str, reference: str) -> YearHolidays:
    """The holidays the rule in force gives ``year`` (computed, lunar festivals included)."""
    rules, since = rule.value, rule.effective
    dates = statutory_holidays(rules, year)
    value = HolidayCount(len(dates), year)
    record = holiday_record(rule.name, since, value, status, reference)
    twice = coinciding(rules, year)
    if not twice:
        return YearHolidays(tuple(sorted(dates)), record, True)
    # two festivals on one day, counted once: an assumption (the regulation does not say), which matters only
    # to a leave that takes that day in
    shared = tuple(sorted(twice))
    assumed = holiday_record(rule.name, since, HolidayCount(len(dates), year, shared), "assumed", reference)
    return YearHolidays(tuple(sorted(dates)), record, True, shared, assumed)


@lru_cache(maxsize=256)  # keyed on policy data: a year's holiday list and where it came from
def holiday_record(name: str, effective: dt.date, value: str, status: str, reference: str) -> ParamUse:
    """The record of using one year's holiday list, made once like every other parameter's records (a line's
    badge is looked up by its records)."""
    return ParamUse(name, effective, value, status, reference)
