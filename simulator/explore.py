"""What if: the family's totals against one thing varied — a planned child's birth month, or one parent's pay.

Every point is ``simulate`` of the family with that one field changed (nothing is interpolated or worked out
apart), so a point's totals are exactly what the case with that date or salary gives. The explanations of the
cliffs (``cliffs``) are read off what changes between adjacent months: a line that appears or vanishes, or an
amount that moves because a parameter's dated value in force is another one. No date is written here.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .engine import simulate
from .household import EARLIEST_DATE, LATEST_DATE, Household
from .parameters import ParameterSet, default_parameters
from .policy_checks import InputError
from .result import Result
from .texts import Text, say

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
    """The family with ``role``'s monthly salary ``salary`` (yuan before tax), all else as it is.

    The one place the pay explorer changes a parent's pay: where a parent's pay is kept otherwise (a list of
    jobs), this is the function that changes."""
    data = household.model_dump()
    if data.get(role) is None:
        raise InputError([say("explore.no_parent", lang, role=role)])
    data[role]["monthly_salary"] = salary
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
def columns(points: Sequence[Point]) -> list[str]:
    """Every total any point has, in the results' own order (a total added to the results shows up here)."""
    names: dict[str, None] = {}
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


# -- the cliffs --------------------------------------------------------------------------------------------------
LineKey = tuple[str, int | None]  # line id, child (birth order); a parent's lines are added up (the tax split moves)


@dataclass(frozen=True)
class Change:
    """One line of the family whose amount moves between two adjacent months, and why."""

    kind: str  # "appears", "vanishes", "parameter" (a dated value) or "years" (the years it falls in)
    line: LineKey
    unit: str
    source: str
    before: float
    after: float
    parameter: tuple[str, str, str, dt.date | None] | None = None  # name, label zh, label en, in force from
    years: tuple[str, str] | None = None  # the years before and after ("2027-2032")

    def text(self) -> Text:
        line_id, child = self.line
        who = Text("explore.who_child", (("order", child),)) if child is not None else Text("explore.who_none")
        values: dict[str, Any] = {"line": line_id, "who": who, "source": self.source,
                                  "before": self._amount(self.before), "after": self._amount(self.after)}
        if self.parameter is not None:
            name, zh, en, effective = self.parameter
            values["param"] = Text.written(f"parameter {name}", zh, en)
            values["effective"] = effective.isoformat() if effective else "—"
        if self.years is not None:
            values["years_before"], values["years_after"] = self.years
        return Text(f"explore.{self.kind}", tuple(values.items()))

    def _amount(self, value: float) -> Text:
        if self.unit == "days":
            return Text("explore.days", (("n", int(value)),))
        return Text("explore.yuan", (("amount", value),))


@dataclass(frozen=True)
class Cliff:
    """Between two adjacent months (points ``index - 1`` and ``index``) some line appears, vanishes, moves with a
    dated parameter, or falls in other years."""

    index: int
    before: str
    after: str
    changes: tuple[Change, ...] = field(default=())

    def text(self) -> Text:
        return Text("explore.cliff", (("before", self.before), ("after", self.after),
                                      ("changes", tuple(c.text() for c in self.changes))))

    def sentence(self, lang: str) -> str:
        return self.text().sentences()["zh" if lang == "zh" else "en"]


@dataclass
class _Summary:
    amount: float
    unit: str
    source: str
    used: list = field(default_factory=list)  # each line's parameter records (read only where amounts differ)
    years: set[int] = field(default_factory=set)  # the years with an amount

    @property
    def uses(self) -> dict[str, set]:
        """Parameter name → the dates in force of the values used."""
        out: dict[str, set] = {}
        for uses in self.used:
            for u in uses:
                out.setdefault(u.name, set()).add(u.effective)
        return out


def _lines(result: Result) -> dict[LineKey, _Summary]:
    """Per line (id, child) of amounts (yuan or days): the amount over all years and parents, unit, source, the
    parameter records it used, and the years it has an amount in."""
    out: dict[LineKey, _Summary] = {}
    for ln in result.lines:
        unit = ln.unit
        if unit not in ("yuan", "days"):
            continue
        key = (ln.id, ln.child)
        s = out.get(key)
        if s is None:
            s = out[key] = _Summary(0.0, unit, ln.source)
        if ln.amount:
            s.amount += ln.amount
            s.years.add(ln.year)
        if ln.uses:
            s.used.append(ln.uses)
    return out


def cliffs(points: Sequence[Point], params: ParameterSet | None = None) -> list[Cliff]:
    """Where moving the birth a month later makes a line appear or vanish (an amount from nothing, or to
    nothing), moves a line's amount because a parameter it rests on has another dated value in force, or moves it
    into other years (a tax year, a year of parental leave)."""
    return cliffs_of([p.key for p in points], [summary(p) for p in points], params)


def summary(point: Point) -> dict[LineKey, _Summary] | None:
    """What the cliffs are read from, per line of a point (plain data, so it can come from another process)."""
    return _lines(point.result) if point.result is not None else None


def cliffs_of(keys: Sequence[str], summaries: Sequence[dict[LineKey, _Summary] | None],
              params: ParameterSet | None = None) -> list[Cliff]:
    """``cliffs`` from the points' keys and ``summary``s."""
    params = params or default_parameters()
    found = []
    for i in range(1, len(keys)):
        previous, current = summaries[i - 1], summaries[i]
        if previous is not None and current is not None:
            changes = _changes(previous, current, params)
            if changes:
                found.append(Cliff(i, keys[i - 1], keys[i], tuple(changes)))
    return found


def plain_points(kind: str, household: Household, which: int | str, values: Sequence[Any],
                 params: ParameterSet, lang: str = "en") -> list[tuple]:
    """The points of one stretch of a curve as plain data, (key, value, totals, problems, summary) each: what a
    worker process hands back. ``kind`` "birth_month" (``which``: the child's index, ``values``: months) or
    "monthly_salary" (``which``: the parent's role, ``values``: salaries)."""
    if kind == "birth_month":
        points = birth_month_curve(household, int(which), values, params, lang)
    else:
        points = salary_curve(household, str(which), values, params, lang)
    return [(p.key, p.value, p.totals(), p.problems, summary(p) if kind == "birth_month" else None)
            for p in points]


def _changes(a: dict[LineKey, _Summary], b: dict[LineKey, _Summary], params: ParameterSet) -> list[Change]:
    changes = []
    for key in sorted(a.keys() | b.keys(), key=lambda k: (k[0], k[1] or 0)):
        sa, sb = a.get(key), b.get(key)
        before, after = (sa.amount if sa else 0.0), (sb.amount if sb else 0.0)
        if round(before, 2) == round(after, 2):
            continue
        unit, source = (sb or sa).unit, (sb or sa).source
        if not round(before, 2) or not round(after, 2):
            changes.append(Change("appears" if after else "vanishes", key, unit, source, before, after))
            continue
        dated = _dated_change(sa.uses, sb.uses, params)
        if dated is not None:
            changes.append(Change("parameter", key, unit, source, before, after, dated))
        elif (min(sa.years), max(sa.years)) != (min(sb.years), max(sb.years)):
            changes.append(Change("years", key, unit, source, before, after,
                                  years=(_span(sa.years), _span(sb.years))))
    return changes


def _dated_change(a: dict[str, set], b: dict[str, set], params: ParameterSet):
    """A parameter the line rests on after the move with a value (a date in force) it did not use before."""
    for name in sorted(b):
        new = b[name] - a.get(name, set())
        if new and (name not in a or a[name] != b[name]):
            p = params[name]
            return name, p.label_zh, p.label_en, max(new, key=lambda d: d or dt.date.min)
    return None


def _span(years: set[int]) -> str:
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}-{last}"
