"""Maternity, paternity and parental leave in days — cn-lp619 Art. 7, ah-pfp, bengbu-2024 §11.

Days are calendar days. Leave is counted whatever the parent's job; the explanation says when the case
lists no employer to grant it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from .case import Birth, Case, per_case
from .dates import birthday
from .household import PregnancyLoss
from .jobs import jobs_between, one_job_always
from .measure import LineKind, Measure
from .parameters import ParamUse
from .result import Line
from .statutory_holidays import coinciding, statutory_holidays
from .texts import Text
from .vocabulary import EMPLOYED

MATERNITY_LEAVE = LineKind("maternity_leave", category="leave", unit="days",
                           source="cn-lp619 Art. 7; ah-pfp; bengbu-2024 §11", adds_to="leave_days")
PATERNITY_LEAVE = LineKind("paternity_leave", category="leave", unit="days", source="ah-pfp; bengbu-2024 §11",
                           adds_to="leave_days")
PARENTAL_LEAVE = LineKind("parental_leave", category="leave", unit="days", source="ah-pfp; bengbu-2024 §11",
                          adds_to="leave_days")
MISCARRIAGE_SOURCE = "cn-lp619 Art. 7"


class LeaveDays(NamedTuple):
    """A birth's (or a miscarriage's) maternity leave: the days, how they are made up, and when it ends."""

    days: int
    end: dt.date
    holidays: int  # statutory holidays inside it that pushed the end date back
    unknown_years: tuple[int, ...]  # years no published notice or holiday rule in the pack covers
    parts: Text  # how the days are made up ("national 98 + Anhui extension 60 = 158 days")
    uses: tuple[ParamUse, ...]
    covered: bool = True  # False: the event came before the first rule this pack holds; nothing was computed
    computed_years: tuple[int, ...] = ()  # years whose holidays were worked out from the regulation's rule
    shared_days: tuple[dt.date, ...] = ()  # days inside the leave two festivals share, counted once (assumed)


@per_case
def maternity_leave_days(case: Case, birth: Birth) -> LeaveDays:
    """cn-lp619 Art. 7: 98 days, +15 for a difficult birth, +15 for each extra baby of a multiple birth;
    bengbu-2024 §11 (ah-pfp): Anhui adds 60 days; Anhui counts a caesarean as a difficult birth."""
    on = birth.date
    first = case.param("national.maternity_leave.basic_days").dates[0]
    if on < first:
        return before_rules(case, on, first)
    uses: list[ParamUse] = []

    def value(name: str) -> int:
        v, u = case.value(name, on)
        uses.append(u)
        return v or 0

    basic = value("national.maternity_leave.basic_days")
    extension = value("anhui.maternity_leave.extension_days")
    parts = [case.text("maternity_leave.part_national", {"days": basic})]
    if extension:
        parts.append(case.text("maternity_leave.part_anhui", {"days": extension}))
    else:
        since = case.param("anhui.maternity_leave.extension_days").dates[0]
        parts.append(case.text("maternity_leave.part_anhui_not_in_pack", {"since": since}))
    days = basic + extension
    if birth.difficult:
        extra = value("national.maternity_leave.difficult_birth_extra_days")
        caesarean = value("anhui.maternity_leave.caesarean_counts_as_difficult")
        days += extra
        parts.append(case.text("maternity_leave.part_difficult_or_caesarean" if caesarean
                               else "maternity_leave.part_difficult", {"days": extra}))
    if birth.babies > 1:
        per_baby = value("national.maternity_leave.extra_baby_days")
        days += per_baby * (birth.babies - 1)
        parts.append(case.text("maternity_leave.part_extra_babies", {"babies": birth.babies - 1, "days": per_baby}))
    push = leave_end(case, on, days, uses)
    made_up = case.text("maternity_leave.sum", {"parts": tuple(parts), "days": days})
    return LeaveDays(days, push.end, push.added, push.unknown, made_up, tuple(uses), True, push.computed, push.shared)


@per_case
def miscarriage_leave_days(case: Case, loss: PregnancyLoss) -> LeaveDays:
    """cn-lp619 Art. 7: 15 days for a miscarriage before 4 months of pregnancy, 42 from 4 months (Anhui adds
    none)."""
    first = case.param("national.maternity_leave.miscarriage_threshold_months").dates[0]
    if loss.date < first:
        return before_rules(case, loss.date, first)
    threshold, u_threshold = case.value("national.maternity_leave.miscarriage_threshold_months", loss.date)
    late = loss.months_pregnant >= threshold
    days, u_days = case.value("national.maternity_leave.miscarriage_late_days" if late
                              else "national.maternity_leave.miscarriage_early_days", loss.date)
    uses = [u_threshold, u_days]
    push = leave_end(case, loss.date, days, uses)
    made_up = case.text("maternity_leave.miscarriage_late" if late else "maternity_leave.miscarriage_early",
                        {"threshold": threshold, "days": days})
    return LeaveDays(days, push.end, push.added, push.unknown, made_up, tuple(uses), True, push.computed, push.shared)


def before_rules(case: Case, on: dt.date, first: dt.date) -> LeaveDays:
    """An event before the earliest rule this pack holds: its leave followed the rules of the time."""
    return LeaveDays(0, on, 0, (), case.text("maternity_leave.before_pack", {"first": first}), (), covered=False)


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
    notices = case.param("national.holidays.statutory_holidays")
    published, dates = notices.entry(dt.date(year, 1, 1))
    if published is not None and published.year == year:
        return YearHolidays(tuple(sorted(dates)), holiday_record(notices.name, published, f"{len(dates)} days",
                                                                 notices.line_status, notices.reference), False)
    rules_p = case.param("national.holidays.festival_rules")
    since, rules = rules_p.entry(dt.date(year, 1, 1))
    if since is None:
        return None
    dates = statutory_holidays(rules, year)
    value = f"{len(dates)} days computed for {year}"
    record = holiday_record(rules_p.name, since, value, rules_p.line_status, rules_p.reference)
    twice = coinciding(rules, year)
    if not twice:
        return YearHolidays(tuple(sorted(dates)), record, True)
    # two festivals on one day, counted once: an assumption (the regulation does not say), which matters only
    # to a leave that takes that day in
    shared = tuple(sorted(twice))
    assumed = holiday_record(rules_p.name, since, f"{value}; {', '.join(map(str, shared))} counted once (assumed)",
                             "assumed", rules_p.reference)
    return YearHolidays(tuple(sorted(dates)), record, True, shared, assumed)


@lru_cache(maxsize=256)  # keyed on policy data: a year's holiday list and where it came from
def holiday_record(name: str, effective: dt.date, value: str, status: str, reference: str) -> ParamUse:
    """The record of using one year's holiday list, made once like every other parameter's records (a line's
    badge is looked up by its records)."""
    return ParamUse(name, effective, value, status, reference)


def employer_note(case: Case, role: str, first: dt.date, last: dt.date | None = None) -> Text:
    """A note that an employer grants the leave, for a parent with no employer on any day from ``first`` to
    ``last`` (the birth date alone, or a calendar year)."""
    parent = case.household.parent(role)
    if parent is None:
        return case.text("nothing", {})
    jobs = parent.jobs
    if one_job_always(jobs):
        employed = jobs[0].employer in EMPLOYED
    else:
        employed = any(job is not None and job.employer in EMPLOYED for job in jobs_between(jobs, first, last or first))
    if not employed:
        return case.text("maternity_leave.no_employer_note", {})
    return case.text("nothing", {})


def span_text(case: Case, leave: LeaveDays, start: dt.date) -> Text:
    """When the leave runs, and what pushed its end back."""
    if not leave.covered:
        return case.text("nothing", {})
    nothing = case.text("nothing", {})
    added = case.text("maternity_leave.holidays_added", {"holidays": leave.holidays}) if leave.holidays else nothing
    computed = case.text("maternity_leave.holidays_computed", {"years": leave.computed_years}) \
        if leave.computed_years else nothing
    shared = case.text("maternity_leave.holidays_shared", {"days": leave.shared_days}) if leave.shared_days else nothing
    unknown = case.text("maternity_leave.holidays_unknown", {"years": leave.unknown_years}) \
        if leave.unknown_years else nothing
    return case.text("maternity_leave.span", {"start": start, "end": leave.end, "added": added, "computed": computed,
                                              "shared": shared, "unknown": unknown})


def maternity_leave(case: Case) -> list[Line]:
    """The mother's leave for each birth and each miscarriage."""
    if case.household.mother is None:
        return []
    lines = []
    for birth in case.births:
        note = employer_note(case, "mother", birth.date)
        leave = maternity_leave_days(case, birth)
        lines.append(MATERNITY_LEAVE.line(
            case, birth.date.year, float(leave.days), "birth", child=birth.children[0].order, parent="mother",
            uses=leave.uses, span=(birth.date, leave.end) if leave.covered else None, date=birth.date,
            parts=leave.parts, span_text=span_text(case, leave, birth.date), note=note))
    for loss in case.household.pregnancy_losses:
        leave = miscarriage_leave_days(case, loss)
        note = employer_note(case, "mother", loss.date)
        lines.append(MATERNITY_LEAVE.line(
            case, loss.date.year, float(leave.days), "miscarriage", parent="mother", uses=leave.uses,
            source=MISCARRIAGE_SOURCE, span=(loss.date, leave.end) if leave.covered else None, date=loss.date,
            months=loss.months_pregnant, parts=leave.parts, span_text=span_text(case, leave, loss.date), note=note))
    return lines


def paternity_leave(case: Case) -> list[Line]:
    """bengbu-2024 §11 (ah-pfp): 30 days of 护理假 for the father at each birth, to be taken flexibly during
    the mother's maternity leave."""
    if case.household.father is None:
        return []
    lines = []
    for birth in case.births:
        note = employer_note(case, "father", birth.date)
        days, u = case.value("anhui.paternity_leave.days", birth.date)
        lines.append(PATERNITY_LEAVE.line(case, birth.date.year, float(days or 0), "granted" if days else "before_rule",
                                          child=birth.children[0].order, parent="father", uses=(u,),
                                          date=birth.date, days=days, note=note))
    return lines


def parental_leave(case: Case) -> list[Line]:
    """bengbu-2024 §11 (ah-pfp): 10 days of 育儿假 a year for each parent until a child turns 6: a parent gets
    the yearly days for each calendar year in which some child is under the age limit on at least one day,
    once however many children are (unless the per-child parameter says otherwise). A year reads the rule in
    force on 31 December."""
    if not case.children:
        return []
    roles = [role for role, _ in case.household.parents()]
    # a parent with one job from always has the same note every year
    steady = {role: employer_note(case, role, case.today) for role, parent in case.household.parents()
              if one_job_always(parent.jobs)}
    oldest_limit = case.param("anhui.parental_leave.until_age").values[-1]
    first = case.children[0].born.year
    last = max(birthday(child.born, oldest_limit) for child in case.children).year
    lines = []
    for year in range(first, last + 1):
        dec31 = dt.date(year, 12, 31)
        per_year, u_days = case.value("anhui.parental_leave.days_per_year", dec31)
        age, u_age = case.value("anhui.parental_leave.until_age", dec31)
        per_child, u_per_child = case.value("anhui.parental_leave.per_child", dec31)
        if not per_year or age is None:
            continue
        young = tuple(child.order for child in case.children if under_age_in_year(child.born, age, year))
        if not young:
            continue
        days = per_year * (len(young) if per_child else 1)
        for role in roles:
            note = steady[role] if role in steady else employer_note(case, role, dt.date(year, 1, 1), dec31)
            lines.append(PARENTAL_LEAVE.line(case, year, float(days), "granted", parent=role,
                                             uses=(u_days, u_age, u_per_child), age=age, orders=young, role=role,
                                             days=days, counting=case.text("parental_leave.per_child" if per_child
                                                                           else "parental_leave.per_family", {}),
                                             note=note))
    return lines


def under_age_in_year(born: dt.date, age: int, year: int) -> bool:
    """Born by the end of ``year`` and not yet ``age`` on at least one of its days."""
    reaches = birthday(born, age)
    return born.year <= year and (reaches.year > year or (reaches.year == year and reaches > dt.date(year, 1, 1)))


MEASURES = (
    Measure("maternity_leave", maternity_leave, lines=(MATERNITY_LEAVE,)),
    Measure("paternity_leave", paternity_leave, lines=(PATERNITY_LEAVE,)),
    Measure("parental_leave", parental_leave, lines=(PARENTAL_LEAVE,)),
)
