"""Maternity leave in days, for a birth or a miscarriage — cn-lp619 Art. 7, ah-pfp, bengbu-2024 §11.

Days are calendar days; statutory holidays inside the leave push its end back (leave_end.py). Leave is counted
whatever the parent's job; the explanation says when the case lists no employer to grant it.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .case import Birth, Case, per_case
from .household import PregnancyLoss
from .jobs import jobs_between, one_job_always
from .lawful_birth import birth_lawful, unmarried_excluded
from .leave_end import leave_end
from .measure import LineKind, Measure
from .parameters import ParamUse
from .result import Line
from .texts import Text
from .vocabulary import EMPLOYED

MATERNITY_LEAVE = LineKind("maternity_leave", category="leave", unit="days",
                           source="cn-lp619 Art. 7; ah-pfp; bengbu-2024 §11", adds_to="leave_days")
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
    assumed: bool = False  # the days rest on our reading (a birth beyond the law's number of children)


@per_case
def maternity_leave_days(case: Case, birth: Birth) -> LeaveDays:
    """cn-lp619 Art. 7: 98 days, +15 for a difficult birth, +15 for each extra baby of a multiple birth;
    bengbu-2024 §11 (ah-pfp): Anhui adds 60 days for a birth under the law (ah-pfp-2016 from 2016-01-16,
    ah-pfp from 2022-01-01); Anhui counts a caesarean as a difficult birth. Before the earliest Anhui rule in the
    pack the total is not computed; a birth beyond the law's number of children, or to parents who are not
    married (§11: "…的夫妻"; assumed), keeps the national days only."""
    on = birth.date
    first = case.param("national.maternity_leave.basic_days").dates[0]
    if on < first:
        return before_rules(case, on, first)
    anhui_first = case.param("anhui.maternity_leave.extension_days").dates[0]
    if on < anhui_first:
        return before_rules(case, on, anhui_first, "maternity_leave.before_anhui_rule")
    uses: list[ParamUse] = []

    def value(name: str) -> int:
        v, u = case.value(name, on)
        uses.append(u)
        return v or 0

    basic = value("national.maternity_leave.basic_days")
    lawful = birth_lawful(case, birth)
    unmarried = None
    parts = [case.text("maternity_leave.part_national", {"days": basic})]
    if lawful.within is False:  # bengbu-2024 §11: the extension is for a birth under the law
        uses.append(lawful.use)
        extension = 0
        parts.append(case.text("maternity_leave.part_anhui_outside_law", {"orders": lawful.orders,
                                                                          "limit": lawful.limit}))
    elif (unmarried := unmarried_excluded(case, on)) is not None:  # §11: the extension is a married couple's
        uses.append(unmarried)
        extension = 0
        parts.append(case.text("maternity_leave.part_anhui_not_married", {}))
    else:
        extension = value("anhui.maternity_leave.extension_days")
        parts.append(case.text("maternity_leave.part_anhui", {"days": extension}))
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
    return LeaveDays(days, push.end, push.added, push.unknown, made_up, tuple(uses), True, push.computed, push.shared,
                     assumed=lawful.within is False or unmarried is not None)


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


def before_rules(case: Case, on: dt.date, first: dt.date, why: str = "maternity_leave.before_pack") -> LeaveDays:
    """An event before the earliest rule this pack holds: its leave followed the rules of the time, which are
    not computed (no days, and nothing that rests on them)."""
    return LeaveDays(0, on, 0, (), case.text(why, {"first": first}), (), covered=False)



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
            not_computed=not leave.covered, assumption="assumed" if leave.assumed else "",
            parts=leave.parts, span_text=span_text(case, leave, birth.date), note=note))
    for loss in case.household.pregnancy_losses:
        leave = miscarriage_leave_days(case, loss)
        note = employer_note(case, "mother", loss.date)
        lines.append(MATERNITY_LEAVE.line(
            case, loss.date.year, float(leave.days), "miscarriage", parent="mother", uses=leave.uses,
            source=MISCARRIAGE_SOURCE, span=(loss.date, leave.end) if leave.covered else None, date=loss.date,
            not_computed=not leave.covered,
            months=loss.months_pregnant, parts=leave.parts, span_text=span_text(case, leave, loss.date), note=note))
    return lines


MEASURE = Measure("maternity_leave", maternity_leave, lines=(MATERNITY_LEAVE,))
