"""Dated policy parameters: one YAML file each, loaded, validated and looked up by date.

A parameter file lives under ``policy/<authority>/.../<name>.yaml`` and its dotted name follows the path
(``bengbu/birth_subsidy/second_child.yaml`` → ``bengbu.birth_subsidy.second_child``). ``values`` maps the
date a value takes effect to the value; history is appended, never overwritten (OpenFisca's convention).
A value of ``null`` from a date means "in force, but no amount published from then on": formulas must not
invent one, and the lines resting on it are "unpublished". A dated value may carry its own status and
reference, where the evidence for one value differs from the file's::

    values:
      2021-11-19: 60
      2016-01-01: {value: 60, status: secondary, reference: {source: ah-pfp-2016, clause: Art. 26}}
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

POLICY_DIR = Path(__file__).with_name("policy")
SOURCES_FILE = "sources.yaml"

Status = Literal["verified", "secondary", "assumed", "unpublished"]
Unit = Literal[
    "yuan", "yuan_per_month", "yuan_per_year", "yuan_per_day", "days", "months", "years", "age",
    "rate", "count", "boolean", "parent", "month_day", "brackets", "date_list", "holiday_rules",
]
# To check an 'MM-DD' value: a calendar year with 29 February (year 4 of the calendar, a leap year), so every
# day that can be written is accepted. Calendar arithmetic, not a policy figure or a policy year.
_A_LEAP_YEAR = 4
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is present


class ParameterError(ValueError):
    """A policy file is malformed; ``problems`` has one line per fault, naming the file and key.

    ``in_language`` gives them in Chinese or English where they were said in both (a policy pack's problems);
    otherwise both are the English ``problems``."""

    def __init__(self, problems: list[str], zh: list[str] | None = None):
        super().__init__("\n".join(problems))
        self.problems = problems
        self.in_language = {"en": problems, "zh": zh if zh is not None else problems}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Strict):
    zh: str
    en: str


class Reference(_Strict):
    source: str
    clause: str


class Metadata(_Strict):
    label: Label
    unit: Unit
    reference: Reference
    status: Status
    last_reviewed: dt.date
    minimum: float | None = None
    maximum: float | None = None
    note: str | None = None


class Bracket(_Strict):
    up_to: float | None
    rate: float
    quick_deduction: float


class HolidayRule(_Strict):
    """One festival of a holiday rule (unit ``holiday_rules``): which days it gives off, by which calendar.

    ``solar``: ``days`` of Gregorian ``month``. ``lunar``: ``days`` of lunar ``month`` (not a leap month);
    day 0 is the day before day 1 (for month 1, 除夕). ``solar_term``: the day ``term`` falls on."""

    festival: str
    calendar: Literal["solar", "lunar", "solar_term"]
    month: int | None = None
    days: tuple[int, ...] = ()
    term: Literal["qingming"] | None = None

    @model_validator(mode="after")
    def _fits_calendar(self) -> HolidayRule:
        if self.calendar == "solar_term":
            if self.term is None or self.month is not None or self.days:
                raise ValueError("a solar_term entry names a term and no month or days")
            return self
        if self.term is not None or self.month is None or not 1 <= self.month <= 12:
            raise ValueError(f"a {self.calendar} entry needs a month 1-12 and no term")
        if not self.days or len(set(self.days)) != len(self.days):
            raise ValueError("days must be a non-empty list without repeats")
        if self.calendar == "lunar":
            # 0 = the day before the 1st; up to 29, which every lunar month has
            if not all(0 <= d <= 29 for d in self.days):
                raise ValueError("lunar days must be 0-29")
        else:
            for d in self.days:
                try:
                    dt.date(_A_LEAP_YEAR, self.month, d)
                except ValueError:
                    raise ValueError(f"{self.month}-{d} is not a day of the year") from None
        return self


class DatedValue(_Strict):
    """A value with evidence of its own (the file's metadata says the rest)."""

    value: Any
    status: Status | None = None
    reference: Reference | None = None
    note: str | None = None


class ParameterFile(_Strict):
    description: str
    metadata: Metadata
    values: dict[dt.date, Any]

    @field_validator("values")
    @classmethod
    def _not_empty(cls, v: dict) -> dict:
        if not v:
            raise ValueError("needs at least one dated value")
        return v


class Source(_Strict):
    title: str
    issued: str | None = None


@dataclass(frozen=True, slots=True, eq=False)  # one record per dated value, shared: identity is equality
class ParamUse:
    """One parameter value that went into a line: which, in force since when, and from where."""

    name: str
    effective: dt.date | None
    value: Any
    status: str
    reference: str

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        if isinstance(value, tuple | frozenset):
            value = f"<{len(value)} entries>"
        return {"name": self.name, "effective": self.effective.isoformat() if self.effective else None,
                "value": value, "status": self.status, "reference": self.reference}


@dataclass(frozen=True, slots=True)
class Parameter:
    """One policy parameter with its dated history."""

    name: str
    description: str
    label_zh: str
    label_en: str
    unit: str
    source: str
    clause: str
    status: str
    last_reviewed: dt.date
    note: str | None
    dates: tuple[dt.date, ...]
    values: tuple[Any, ...]
    minimum: float | None = None
    maximum: float | None = None
    local: bool = False
    # Per dated value: its own (status, reference) where it has them, else (None, None).
    evidence: tuple[tuple[str | None, str | None], ...] = ()
    # The record of using each dated value, made once: [0] is "before the first date", [i + 1] is values[i].
    records: tuple[ParamUse, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        evidence = self.evidence or ((None, None),) * len(self.dates)
        records = [ParamUse(self.name, None, None, self.line_status, self.reference)]
        for d, v, (own_status, ref) in zip(self.dates, self.values, evidence, strict=True):
            if self.local:
                status = "local"
            elif v is None:
                status = "unpublished"  # in force, amount not published from this date
            else:
                status = own_status or self.status
            records.append(ParamUse(self.name, d, v, status, ref or self.reference))
        object.__setattr__(self, "records", tuple(records))

    def use(self, on: dt.date) -> tuple[Any, ParamUse]:
        """The value in force on ``on`` and the (shared) record of having used it."""
        i = bisect.bisect_right(self.dates, on)
        return (self.values[i - 1] if i else None), self.records[i]

    def entry(self, on: dt.date) -> tuple[dt.date | None, Any]:
        """The (effective date, value) in force on ``on``; (None, None) before the first date."""
        i = bisect.bisect_right(self.dates, on) - 1
        if i < 0:
            return None, None
        return self.dates[i], self.values[i]

    def at(self, on: dt.date) -> Any:
        return self.entry(on)[1]

    @property
    def reference(self) -> str:
        return f"{self.source} {self.clause}"

    @property
    def line_status(self) -> str:
        return "local" if self.local else self.status


class ParameterSet(Mapping[str, Parameter]):
    """All parameters of a policy pack, plus the sources they cite."""

    def __init__(self, parameters: dict[str, Parameter], sources: dict[str, Source], pack_date: dt.date):
        self._p = parameters
        self.sources = sources
        self.pack_date = pack_date  # the latest last_reviewed: how current the pack is
        self._local = tuple(n for n, p in parameters.items() if p.local)

    def __getitem__(self, name: str) -> Parameter:
        return self._p[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._p)

    def __len__(self) -> int:
        return len(self._p)

    def names(self) -> list[str]:
        return list(self._p)

    def with_local(self, figures: Mapping[str, Any], entered: dt.date | None = None, lang: str = "en") -> ParameterSet:
        """A copy where a counselor's local figures replace unpublished or assumed values.

        A local figure takes effect from the parameter's first date (it fills the gap the law left), unless
        ``entered`` is given, and every line that uses it is marked ``local``.
        """
        problems, params = [], dict(self._p)
        for name, raw in figures.items():
            p = params.get(name)
            if p is None:
                problems.append(f"{name}: {'没有这个参数' if lang == 'zh' else 'no such parameter'}")
                continue
            if raw is None:
                continue
            try:
                value = float(raw)
            except (TypeError, ValueError):
                problems.append(f"{name}: {'应为数字' if lang == 'zh' else 'must be a number'}: {raw!r}")
                continue
            err = _range_problem(value, (p.minimum, p.maximum), lang)
            if err:
                problems.append(f"{name}: {err}")
                continue
            start = entered or p.dates[0]
            params[name] = replace(p, dates=(start,), values=(value,), evidence=(), local=True)
        if problems:
            raise ParameterError(problems)
        return ParameterSet(params, self.sources, self.pack_date)

    def local_names(self) -> list[str]:
        """The parameters holding a counselor's local figures (a fresh list: every result gets one)."""
        return list(self._local)


def _range_problem(value: Any, bounds: tuple[float | None, float | None], lang: str = "en") -> str | None:
    lo, hi = bounds
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if lo is not None and value < lo:
        return f"{value:g} 小于最小值 {lo:g}" if lang == "zh" else f"{value:g} is below the minimum {lo:g}"
    if hi is not None and value > hi:
        return f"{value:g} 大于最大值 {hi:g}" if lang == "zh" else f"{value:g} is above the maximum {hi:g}"
    return None


def _check_value(unit: str, value: Any, meta: Metadata) -> str | None:
    """Type and range of one dated value, by unit; None when fine."""
    if value is None:
        return None  # in force, amount not published from this date
    if unit == "boolean":
        return None if isinstance(value, bool) else "must be true or false"
    if unit == "parent":
        return None if value in ("mother", "father") else "must be 'mother' or 'father'"
    if unit == "month_day":
        try:
            dt.date(_A_LEAP_YEAR, *map(int, str(value).split("-")))
        except (TypeError, ValueError):
            return "must be 'MM-DD'"
        return None
    if unit == "date_list":
        if not isinstance(value, list) or not all(isinstance(d, dt.date) for d in value):
            return "must be a list of dates"
        return None
    if unit == "holiday_rules":
        if not isinstance(value, list) or not value:
            return "must be a non-empty list of festivals"
        try:
            rows = [HolidayRule.model_validate(r) for r in value]
        except ValidationError as e:
            return "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
        if len({r.festival for r in rows}) != len(rows):
            return "each festival may appear only once"
        return None
    if unit == "brackets":
        if not isinstance(value, list) or not value:
            return "must be a non-empty list of brackets"
        try:
            rows = [Bracket.model_validate(r) for r in value]
        except ValidationError as e:
            return "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
        uppers = [r.up_to for r in rows]
        if uppers[-1] is not None or None in uppers[:-1] or uppers[:-1] != sorted(uppers[:-1]):
            return "brackets must rise and only the last may be open (up_to: null)"
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, got {value!r}"
    return _range_problem(value, (meta.minimum, meta.maximum))


def load_parameters(directory: Path | str = POLICY_DIR) -> ParameterSet:
    """Read every parameter file under ``directory``; raise ParameterError listing every fault found."""
    root = Path(directory)
    problems: list[str] = []
    params: dict[str, Parameter] = {}
    sources: dict[str, Source] = {}
    src_path = root / SOURCES_FILE
    try:
        raw = yaml.load(src_path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for key, entry in raw.items():
            try:
                sources[key] = Source.model_validate(entry)
            except ValidationError as e:
                problems += [f"{SOURCES_FILE}: {key}.{_loc(x)}: {x['msg']}" for x in e.errors()]
    except (OSError, yaml.YAMLError, AttributeError) as e:
        problems.append(f"{SOURCES_FILE}: {e}")
    files = sorted(p for p in root.rglob("*.yaml") if p.name != SOURCES_FILE)
    if not files:
        problems.append(f"{root}: no parameter files found")
    for path in files:
        rel = path.relative_to(root).as_posix()
        name = rel.removesuffix(".yaml").replace("/", ".")
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
            pf = ParameterFile.model_validate(data)
        except yaml.YAMLError as e:
            problems.append(f"{rel}: not valid YAML: {e}")
            continue
        except OSError as e:
            problems.append(f"{rel}: {e}")
            continue
        except ValidationError as e:
            problems += [f"{rel}: {_loc(x)}: {x['msg']}" for x in e.errors()]
            continue
        m = pf.metadata
        faults = len(problems)
        plain, evidence = {}, {}
        for when, written in pf.values.items():
            value = written
            if isinstance(written, dict):  # a value with evidence of its own
                try:
                    dv = DatedValue.model_validate(written)
                except ValidationError as e:
                    problems += [f"{rel}: values.{when}.{_loc(x)}: {x['msg']}" for x in e.errors()]
                    continue
                value = dv.value
                ref = dv.reference
                if ref is not None and ref.source not in sources and sources:
                    problems.append(f"{rel}: values.{when}.reference.source: unknown source {ref.source!r}")
                evidence[when] = (dv.status, f"{ref.source} {ref.clause}" if ref else None)
            plain[when] = value
            err = _check_value(m.unit, value, m)
            if err:
                problems.append(f"{rel}: values.{when}: {err}")
        if m.reference.source not in sources and sources:
            problems.append(f"{rel}: metadata.reference.source: unknown source {m.reference.source!r}")
        if len(problems) > faults:
            continue  # a faulty value cannot be frozen (brackets, holiday rules); the faults are raised below
        dates = tuple(sorted(plain))
        values = tuple(_freeze(m.unit, plain[d]) for d in dates)
        params[name] = Parameter(
            name=name, description=pf.description, label_zh=m.label.zh, label_en=m.label.en,
            unit=m.unit, source=m.reference.source, clause=m.reference.clause, status=m.status,
            last_reviewed=m.last_reviewed, note=m.note, dates=dates, values=values,
            minimum=m.minimum, maximum=m.maximum, evidence=tuple(evidence.get(d, (None, None)) for d in dates),
        )
    if problems:
        raise ParameterError(problems)
    pack_date = max(p.last_reviewed for p in params.values())
    return ParameterSet(params, sources, pack_date)


def _freeze(unit: str, value: Any) -> Any:
    if value is None:
        return None
    if unit == "brackets":
        return tuple(Bracket.model_validate(r) for r in value)
    if unit == "date_list":
        return frozenset(value)
    if unit == "holiday_rules":
        return tuple(HolidayRule.model_validate(r) for r in value)
    return value


def _loc(err: Mapping[str, Any]) -> str:
    return ".".join(str(x) for x in err["loc"]) or "(top level)"


_DEFAULT: ParameterSet | None = None


def default_parameters() -> ParameterSet:
    """The policy pack shipped with the program, loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_parameters()
    return _DEFAULT
