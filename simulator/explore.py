"""What if: the family's totals against one thing varied — a planned child's birth month, or one parent's pay.

Every point is ``simulate`` of the family with that one field changed (nothing is interpolated or worked out
apart), so a point's totals are exactly what the case with that date or salary gives. Where a curve jumps is
explained by ``simulator.cliffs``, read off the points' results.
"""

from __future__ import annotations

import bisect
import calendar
import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .engine import simulate
from .household import EARLIEST_DATE, LATEST_DATE, Household
from .parameters import ParameterSet, default_parameters
from .policy_checks import InputError
from .result import Result
from .texts import say

Month = tuple[int, int]
MONTHS_AHEAD = 60  # the explorer's default span: a display choice, not a policy figure


@dataclass(frozen=True)
class Point:
    """One point of a curve: the value varied (a month "2024-01" or a salary), and the family's result then,
    or the problems that stopped it from being computed (in the language asked for)."""

    key: str
    value: Any
    result: Result | None
    problems: tuple[str, ...] = ()

    def totals(self) -> dict[str, Any]:
        """The result's totals, nested ones flattened (``leave_days.mother``); empty when not computed."""
        return flat_totals(self.result.totals()) if self.result is not None else {}


def flat_totals(totals: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"leave_days": {"mother": 158}} → {"leave_days.mother": 158}, keeping the order of the keys."""
    out: dict[str, Any] = {}
    for key, value in totals.items():
        if isinstance(value, dict):
            out |= flat_totals(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


# -- the months ------------------------------------------------------------------------------------------------
def month_key(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def parse_month(text: str, field: str = "month", lang: str = "en") -> Month:
    """'2024-01' → (2024, 1); InputError naming ``field`` otherwise."""
    year, sep, month = text.strip().partition("-")
    if not sep or len(year) != 4 or not year.isdigit() or not month.isdigit() or not 1 <= int(month) <= 12:
        raise InputError([say("explore.bad_month", lang, field=field, text=text)])
    return int(year), int(month)


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last``, both included."""
    a, b = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    return [(n // 12, n % 12 + 1) for n in range(a, b + 1)]


def next_months(household: Household, count: int = MONTHS_AHEAD) -> list[Month]:
    """``count`` months from the month of the case's date on."""
    start = household.today
    n = start.year * 12 + start.month - 1
    return [(k // 12, k % 12 + 1) for k in range(n, n + count)]


def day_in_month(month: Month, day: int) -> dt.date:
    """The ``day`` of ``month``, or the month's last day when it has fewer (31 → 28 February)."""
    year, m = month
    return dt.date(year, m, min(day, calendar.monthrange(year, m)[1]))


def planned_child(household: Household) -> int | None:
    """The child whose birth month a family plans: the last one born after the case's date, else the last one
    (its place in ``children``, from 0); None without children."""
    if not household.children:
        return None
    planned = [i for i, c in enumerate(household.children) if c.birth_date > household.today]
    return planned[-1] if planned else len(household.children) - 1


# -- the one field varied ----------------------------------------------------------------------------------------
def with_birth_date(household: Household, child_index: int, date: dt.date) -> Household:
    """The family with child ``child_index`` (its place in ``children``, from 0) born on ``date``."""
    data = household.model_dump()
    data["children"][child_index]["birth_date"] = date
    return Household.model_validate(data)


def with_monthly_salary(household: Household, role: str, salary: float, lang: str = "en") -> Household:
    """The family with ``role``'s monthly salary ``salary`` (yuan before tax), all else as it is: the salary of
    the job in force on the case's date (schema 2: a parent's pay is a list of periods; the others stay).

    The one place the pay explorer changes a parent's pay."""
    data = household.model_dump(mode="json", by_alias=True)
    if data.get(role) is None:
        raise InputError([say("explore.no_parent", lang, role=role)])
    jobs = data[role]["jobs"]
    starts = [dt.date.min if job["from"] is None else dt.date.fromisoformat(job["from"]) for job in jobs]
    current = bisect.bisect_right(starts, household.today) - 1
    if current < 0:  # before the first dated period: not working on that date, no pay to vary
        raise InputError([say("explore.no_job", lang, role=role, day=household.today)])
    jobs[current]["monthly_salary"] = salary
    return Household.model_validate(data)


def _point(key: str, value: Any, make, params: ParameterSet, lang: str) -> Point:
    from pydantic import ValidationError

    from .errors import validation_messages

    try:
        household = make()
        return Point(key, value, simulate(household, params, lang))
    except ValidationError as e:
        return Point(key, value, None, tuple(validation_messages(e, lang)))
    except InputError as e:
        return Point(key, value, None, tuple(e.problems))


def birth_month_curve(household: Household, child_index: int, months: Iterable[Month],
                      params: ParameterSet | None = None, lang: str = "en") -> list[Point]:
    """The family's result for child ``child_index`` (from 0) born in each of ``months``, on the day of the
    month it has now (clamped to the month's end)."""
    params = params or default_parameters()
    if not 0 <= child_index < len(household.children):
        raise InputError([say("explore.no_child", lang, index=child_index, count=len(household.children))])
    day = household.children[child_index].birth_date.day
    points = []
    for month in months:
        date = day_in_month(month, day)
        if not EARLIEST_DATE <= date <= LATEST_DATE:
            raise InputError([say("explore.month_out_of_range", lang, field=f"children[{child_index}].birth_date",
                                  month=month_key(month), earliest=EARLIEST_DATE.year, latest=LATEST_DATE.year)])
        points.append(_point(month_key(month), date,
                             lambda date=date: with_birth_date(household, child_index, date), params, lang))
    return points


def salary_curve(household: Household, role: str, salaries: Iterable[float],
                 params: ParameterSet | None = None, lang: str = "en") -> list[Point]:
    """The family's result with ``role``'s monthly salary at each of ``salaries``, the other parent as is."""
    params = params or default_parameters()
    if household.parent(role) is None:
        raise InputError([say("explore.no_parent", lang, role=role)])
    return [_point(_number(s), s, lambda s=s: with_monthly_salary(household, role, s, lang), params, lang)
            for s in salaries]


def salary_steps(first: float, last: float, step: float, lang: str = "en") -> list[float]:
    """first, first + step, … up to last (included when it falls on a step); counted in whole fen."""
    if not step > 0:
        raise InputError([say("explore.bad_step", lang)])
    a, b, s = round(first * 100), round(last * 100), round(step * 100)
    return [n / 100 for n in range(a, b + 1, s)] if a <= b else []


def _number(value: float) -> str:
    return f"{value:.2f}".removesuffix(".00")


# -- the table ---------------------------------------------------------------------------------------------------
FIRST_COLUMNS = ("money_received", "tax_saved")


def columns(points: Sequence[Point]) -> list[str]:
    """Every total any point has: money received and tax saved first (the command line's promise), then the
    others in the results' own order (a total added to the results shows up here)."""
    names: dict[str, None] = dict.fromkeys(FIRST_COLUMNS)
    for p in points:
        names |= dict.fromkeys(p.totals())
    return list(names)


def to_csv(points: Sequence[Point], first_column: str) -> str:
    """One row per point: the varied value, every total, and the problems of a point that did not compute."""
    names = columns(points)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([first_column, *names, "problems"])
    for p in points:
        totals = p.totals()
        writer.writerow([p.key, *(_cell(totals.get(n)) for n in names), "; ".join(p.problems)])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def warm_up() -> None:
    """A worker process's start: the policy read and the model's modules loaded before its first stretch."""
    from . import cliffs  # noqa: F401

    default_parameters()


def plain_points(kind: str, household: Household, which: int | str, values: Sequence[Any],
                 params: ParameterSet | None, lang: str = "en") -> list[tuple]:
    """The points of one stretch of a curve as plain data, (key, value, totals, problems, summary) each: what a
    worker process hands back. ``kind`` "birth_month" (``which``: the child's index, ``values``: months) or
    "monthly_salary" (``which``: the parent's role, ``values``: salaries)."""
    from .cliffs import summary

    if kind == "birth_month":
        points = birth_month_curve(household, int(which), values, params, lang)
    else:
        points = salary_curve(household, str(which), values, params, lang)
    return [(p.key, p.value, p.totals(), p.problems, summary(p) if kind == "birth_month" else None)
            for p in points]
