"""The cliffs of a birth-month curve (``simulator.explore``): where moving a planned birth one month later makes a
line appear or vanish, moves its amount because a parameter it rests on has another dated value in force, or
moves it into other years (a tax year, a year of parental leave). Read off what changes between the results of
adjacent months, never from a list of dates, so a parameter's new dated value shows up by itself; the sentences
are in ``simulator/texts/explore.yaml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .parameters import ParameterSet, default_parameters
from .result import Result
from .texts import Text

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


def cliffs(points: Sequence, params: ParameterSet | None = None) -> list[Cliff]:
    """Where moving the birth a month later makes a line appear or vanish (an amount from nothing, or to
    nothing), moves a line's amount because a parameter it rests on has another dated value in force, or moves it
    into other years (a tax year, a year of parental leave)."""
    return cliffs_of([p.key for p in points], [summary(p) for p in points], params)


def summary(point) -> dict[LineKey, _Summary] | None:
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
