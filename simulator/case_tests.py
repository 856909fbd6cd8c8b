"""Household cases an analyst can write in YAML, checked against the engine: ``python -m simulator test``.

A file holds a list of cases, in the shape of OpenFisca's YAML tests::

    # 2nd child on the first day of §4: 2,000 yuan; a district pays 70 %, the city 30 %
    - name: second child born 2024-01-01 gets 2,000 yuan
      description: optional, any text
      household:                    # exactly a case file's JSON content, written as YAML
        hukou_area: longzihu
        as_of: 2026-06-30           # required here: a case never depends on today's date
        mother: {employer: private}
        father: {}
        children: [{birth_date: 2020-01-01}, {birth_date: 2024-01-01}]
      local: {bengbu.housing.home_purchase_subsidy: 30000}   # optional: a counselor's local figures
      expect:
        # 2,000 × 30 % = 600 city; 2,000 − 600 = 1,400 district
        - {id: birth_subsidy, child: 2, amount: 2000, payers: {city: 600, longzihu: 1400}}
        - {id: birth_subsidy, child: 1, amount: 0}
        - {id: paternity_leave, parent: father, year: 2024, days: 30}
        - {id: training_subsidy, absent: true}
      totals: {money_received: 2000}                          # optional: Result.totals() keys

An expectation selects lines by ``id`` and, optionally, ``child`` (birth order), ``parent``, ``year`` and
``source`` (the clause cited, which tells one measure's entitlement line from another's); the
selector must match exactly one line (or none, with ``absent: true``). It then checks any of ``amount``
(yuan, to the fen; ``null`` for an amount the law leaves unpublished), ``days`` (a line counted in days; ``null``
for leave not computed),
``payers`` ({payer: yuan}) and ``status``. Every key is checked: a misspelt one is an error, not ignored.

Only the model's public contract is used (``simulate``, ``parse_case``, ``Result.lines``/``totals()``,
``load_parameters``/``default_parameters``/``ParameterSet.with_local``), so cases outlive the engine's inside.
Exit status: 0 all passed, 1 a case failed (each failure names the case, the expectation's line in the file
and the benefit line), 2 a case file is malformed (naming file, case and key).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from . import InputError, ParameterError, ParameterSet, default_parameters, load_parameters, parse_case, simulate

EXIT_OK, EXIT_FAILED, EXIT_MALFORMED = 0, 1, 2
SUFFIXES = (".yaml", ".yml")

# The runner's own sentences, {key: (zh, en)}.
_TEXT = {
    "fail": ("未通过", "FAIL"),
    "n_match": ("{n} 条结果行符合（应为 1 条）", "{n} lines match (expected 1)"),
    "present": ("有 {n} 条结果行符合，应为没有", "{n} line(s) match, expected none"),
    "no_such_id": ("没有任何措施声明 id 为 {id!r} 的结果行（拼写错误？）",
                   "no measure declares lines with id {id!r} (misspelt?)"),
    "ids_here": ("本案例的结果行 id：{ids}", "ids in this result: {ids}"),
    "amount": ("金额 {got}，应为 {want}", "amount {got}, expected {want}"),
    "unit": ("该行单位是 {unit}，不是天数", "the line is in {unit}, not days"),
    "unit_days": ("该行单位是天数：请用 days", "the line is in days: use days"),
    "days": ("天数 {got}，应为 {want}", "days {got}, expected {want}"),
    "payers": ("付款方 {got}，应为 {want}", "payers {got}, expected {want}"),
    "status": ("状态 {got}，应为 {want}", "status {got}, expected {want}"),
    "no_total": ("没有名为 {key!r} 的合计（合计有：{keys}）", "no total named {key!r} (the totals are: {keys})"),
    "total": ("合计 {key}：{got}，应为 {want}", "total {key}: {got}, expected {want}"),
    "unpublished": ("未公布（null）", "unpublished (null)"),
    "crash": ("引擎出错：{e}", "the engine failed: {e}"),
    "input_error": ("模拟报错：{e}", "the simulation refused the household: {e}"),
    "as_of": ("household.as_of: 必须写明测算日期，案例不能依赖今天的日期",
              "household.as_of: required, so that the case does not depend on today's date"),
    "duplicate": ("name: 同一文件中已有同名案例", "name: another case in this file has the same name"),
    "not_list": ("文件应为案例列表（每项以“- name:”开头）", "the file must be a list of cases (each starting '- name:')"),
    "yaml": ("不是有效的 YAML：{e}", "not valid YAML: {e}"),
    "read": ("无法读取：{e}", "cannot be read: {e}"),
    "no_files": ("{path}: 没有找到 .yaml 案例文件", "{path}: no .yaml case file found"),
    "case": ("第 {n} 个案例", "case {n}"),
    "summary_zh": ("通过 {passed} 个，未通过 {failed} 个", ""),
}

# Problems in a case file, by pydantic's error type: (zh, en), formatted with the error's context; a type not
# listed keeps pydantic's own (English) message.
_ERRORS = {
    "extra_forbidden": ("未知的键（拼写错误？）", "unknown key (misspelt?)"),
    "missing": ("缺少必填项", "required"),
    "yuan_type": ("应为元数，如 1500 或 1234.56", "must be a number of yuan, e.g. 1500 or 1234.56"),
    "yuan_fen": ("金额精确到分：最多两位小数", "yuan to the fen: at most two decimals"),
    "days_type": ("应为天数（0 或正整数）", "must be a whole number of days, 0 or more"),
    "absent_and_checks": ("absent: true 不核对数字，却给了 {checks}", "absent: true checks no figure, but {checks} given"),
    "nothing_checked": ("请给出 amount、days、payers 或 status（或 absent: true）",
                        "give amount, days, payers or status (or absent: true)"),
    "amount_and_days": ("amount 和 days 只能给一个：一行的单位是元或天", "amount and days: a line is in yuan or in days, give one"),
    "nothing_expected": ("expect: 案例至少要核对一行或一个合计", "expect: a case must expect some line or total"),
    "int_type": ("应为整数", None), "int_parsing": ("应为整数", None), "int_from_float": ("应为整数", None),
    "float_type": ("应为数字", None), "float_parsing": ("应为数字", None), "bool_type": ("应为 true 或 false", None),
    "string_type": ("应为文字", None), "string_too_short": ("不能为空", None), "dict_type": ("应为“键: 值”的映射", None),
    "list_type": ("应为列表", None), "literal_error": ("应为 {expected} 之一", None),
    "greater_than_equal": ("应不小于 {ge}", None), "model_type": ("应为“键: 值”的映射", None),
}


def _t(text: str, lang: str, **values: Any) -> str:
    zh, en = _TEXT[text]
    return (zh if lang == "zh" else en).format(**values)


class _Loader(yaml.SafeLoader):
    """YAML's safe loader without its timestamps: a date stays the text the analyst wrote (as in a JSON case
    file), so the household's own checks read it, and a day that does not exist is a message, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


# --- the file format ---------------------------------------------------------------------------------------

def _to_fen(value: Any) -> int:
    """Whole fen of a yuan figure written in a case: a number with at most two decimals (never a bool)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("yuan_type", _ERRORS["yuan_type"][1])
    try:
        fen = Decimal(str(value)).scaleb(2)
    except InvalidOperation:
        raise PydanticCustomError("yuan_type", _ERRORS["yuan_type"][1]) from None
    if not fen.is_finite() or fen != fen.to_integral_value():
        raise PydanticCustomError("yuan_fen", _ERRORS["yuan_fen"][1])
    return int(fen)


Fen = Annotated[int, BeforeValidator(_to_fen)]


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PydanticCustomError("days_type", _ERRORS["days_type"][1])
    return value


Days = Annotated[int, BeforeValidator(_days)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expected(_Strict):
    """One expected benefit line: a selector, then the figures it must have."""

    id: str = Field(min_length=1)
    child: int | None = Field(default=None, ge=1, strict=True)
    parent: Literal["mother", "father"] | None = None
    year: int | None = Field(default=None, strict=True)
    source: str | None = None        # e.g. "bengbu-2024 §6": tells one measure's entitlement line from another's
    amount: Fen | None = None        # yuan; null = unpublished (the field's presence is what counts)
    days: Days | None = None
    payers: dict[str, Fen] | None = None
    status: str | None = None
    absent: bool = Field(default=False, strict=True)

    @model_validator(mode="after")
    def _checks_something(self) -> Expected:
        checks = self.checks()
        if self.absent and checks:
            raise PydanticCustomError("absent_and_checks", _ERRORS["absent_and_checks"][1], {"checks": ", ".join(checks)})
        if not self.absent and not checks:
            raise PydanticCustomError("nothing_checked", _ERRORS["nothing_checked"][1])
        if "amount" in checks and "days" in checks:
            raise PydanticCustomError("amount_and_days", _ERRORS["amount_and_days"][1])
        return self

    def checks(self) -> list[str]:
        return [k for k in ("amount", "days", "payers", "status") if k in self.model_fields_set]

    def selector(self) -> str:
        parts = [self.id]
        parts += [f"{k}={getattr(self, k)}" for k in ("child", "parent", "year", "source") if getattr(self, k) is not None]
        return " ".join(parts)


class CaseSpec(_Strict):
    name: str = Field(min_length=1)
    description: str | None = None
    household: dict[str, Any]
    local: dict[str, float | int | None] | None = None
    expect: list[Expected] = Field(default_factory=list)
    totals: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _expects_something(self) -> CaseSpec:
        if not self.expect and not self.totals:
            raise PydanticCustomError("nothing_expected", _ERRORS["nothing_expected"][1])
        return self


@dataclass
class Case:
    """A case ready to run: its spec, the validated household and the parameters with its local figures."""

    file: Path
    index: int                 # 1-based position in the file
    spec: CaseSpec
    household: Any
    params: ParameterSet
    line: int                  # where the case starts in the file (1-based)
    expect_lines: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def id(self) -> str:
        return f"{self.file.name}::{self.spec.name}"


class MalformedCases(Exception):
    """A case file that cannot be run; ``problems`` name the file, the case and the key."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _loc(loc: Sequence[Any]) -> str:
    return ".".join(str(p) for p in loc)


def _pydantic_problems(e: ValidationError, lang: str) -> list[str]:
    out = []
    for err in e.errors():
        zh, en = _ERRORS.get(err["type"], (None, None))
        text = zh if lang == "zh" and zh else en
        msg = text.format(**err.get("ctx", {})) if text else err["msg"]
        out.append(f"{_loc(err['loc']) or '(case)'}: {msg}")
    return out


def _marks(text: str) -> list[tuple[int, list[int]]]:
    """(line of each case, [line of each of its expectations]), 1-based, from the YAML's node tree."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return []
    out: list[tuple[int, list[int]]] = []
    if not isinstance(root, yaml.SequenceNode):
        return out
    for item in root.value:
        expect_lines: list[int] = []
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if getattr(key, "value", None) == "expect" and isinstance(value, yaml.SequenceNode):
                    expect_lines = [n.start_mark.line + 1 for n in value.value]
        out.append((item.start_mark.line + 1, expect_lines))
    return out


def load_file(path: Path, params: ParameterSet, lang: str = "en") -> list[Case]:
    """Every case of one file, validated; MalformedCases lists every problem found in it."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise MalformedCases([f"{where}: {_t('read', lang, e=e)}"]) from None
    try:
        data = yaml.load(text, Loader=_Loader)  # (a safe loader, without timestamps)
    except (yaml.YAMLError, ValueError) as e:
        raise MalformedCases([f"{where}: {_t('yaml', lang, e=e)}"]) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise MalformedCases([f"{where}: {_t('not_list', lang)}"])
    marks = _marks(text)
    problems: list[str] = []
    cases: list[Case] = []
    names: set[str] = set()
    for n, raw in enumerate(data, start=1):
        line, expect_lines = marks[n - 1] if n - 1 < len(marks) else (0, [])
        title = _t("case", lang, n=n)
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            title += f" {raw['name']!r}"
        at = f"{where}:{line}: {title}"
        try:
            spec = CaseSpec.model_validate(raw)
        except ValidationError as e:
            problems += [f"{at}: {p}" for p in _pydantic_problems(e, lang)]
            continue
        if spec.name in names:
            problems.append(f"{at}: {_t('duplicate', lang)}")
        names.add(spec.name)
        if spec.household.get("as_of") is None:
            problems.append(f"{at}: {_t('as_of', lang)}")
            continue
        try:
            household = parse_case(spec.household, lang)
        except InputError as e:
            problems += [f"{at}: household.{p}" for p in e.problems]
            continue
        try:
            case_params = params.with_local(spec.local, lang=lang) if spec.local else params
        except ParameterError as e:
            problems += [f"{at}: local.{p}" for p in e.problems]
            continue
        cases.append(Case(path, n, spec, household, case_params, line, expect_lines))
    if problems:
        raise MalformedCases(problems)
    return cases


def case_files(paths: Iterable[str | Path], lang: str = "en") -> list[Path]:
    """The case files named, and every .yaml/.yml file under the folders named, in a stable order."""
    files: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix in SUFFIXES and f.is_file())
            if not found:
                problems.append(_t("no_files", lang, path=p))
            files += found
        else:
            files.append(p)  # a missing file is reported when it is read
    if problems:
        raise MalformedCases(problems)
    return files


def collect(paths: Iterable[str | Path], params: ParameterSet | None = None, lang: str = "en") -> list[Case]:
    """Every case of every file; MalformedCases lists the problems of all the malformed files."""
    params = params if params is not None else default_parameters()
    cases: list[Case] = []
    problems: list[str] = []
    for path in case_files(paths, lang):
        try:
            cases += load_file(path, params, lang)
        except MalformedCases as e:
            problems += e.problems
    if problems:
        raise MalformedCases(problems)
    return cases


# --- running a case ----------------------------------------------------------------------------------------

def _fen_of(amount: float) -> int:
    return int(Decimal(repr(amount)).scaleb(2).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _yuan(fen: int | None, lang: str) -> str:
    if fen is None:
        return _t("unpublished", lang)
    sign, fen = ("-" if fen < 0 else ""), abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


def _payers_text(payers: Mapping[str, int] | None, lang: str) -> str:
    if payers is None:
        return "null"
    return "{" + ", ".join(f"{k}: {_yuan(v, lang)}" for k, v in sorted(payers.items())) + "}"


@functools.cache
def _known_ids() -> frozenset[str]:
    """Every line id the engine makes: the measures' own declarations (simulator/registry.py). An ``absent``
    expectation of an id no measure declares would pass whatever the engine does."""
    from .registry import LINE_IDS

    return frozenset(LINE_IDS)


def _check_line(exp: Expected, ln: Any, lang: str) -> list[str]:
    problems = []
    fields = exp.model_fields_set
    if "amount" in fields:
        if ln.unit == "days":
            problems.append(_t("unit_days", lang))
        else:
            got = None if ln.amount is None else _fen_of(ln.amount)
            if got != exp.amount:
                problems.append(_t("amount", lang, got=_yuan(got, lang), want=_yuan(exp.amount, lang)))
    if "days" in fields:
        if ln.unit != "days":
            problems.append(_t("unit", lang, unit=ln.unit))
        elif ln.amount != exp.days if exp.days is None else ln.amount is None or ln.amount != exp.days:
            problems.append(_t("days", lang, got=ln.amount, want=exp.days))
    if "payers" in fields:
        got = None if ln.payers is None else {k: _fen_of(v) for k, v in ln.payers.items()}
        if got != exp.payers:
            problems.append(_t("payers", lang, got=_payers_text(got, lang), want=_payers_text(exp.payers, lang)))
    if "status" in fields and ln.status != exp.status:
        problems.append(_t("status", lang, got=ln.status, want=exp.status))
    return problems


def _matches(exp: Expected, ln: Any) -> bool:
    return (ln.id == exp.id and (exp.child is None or ln.child == exp.child)
            and (exp.parent is None or ln.parent == exp.parent) and (exp.year is None or ln.year == exp.year)
            and (exp.source is None or ln.source == exp.source))


def _compare_total(key: str, got: Any, want: Any, lang: str) -> list[str]:
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [_t("total", lang, key=key, got=got, want=want)]
        out = []
        for k, w in want.items():
            if k not in got:
                out.append(_t("no_total", lang, key=f"{key}.{k}", keys=", ".join(sorted(got))))
            else:
                out += _compare_total(f"{key}.{k}", got[k], w, lang)
        return out
    if isinstance(want, bool) or not isinstance(want, int | float) or not isinstance(got, int | float):
        return [] if got == want else [_t("total", lang, key=key, got=got, want=want)]
    if isinstance(got, int) and isinstance(want, int):  # a count (days, amounts to enter), not yuan
        return [] if got == want else [_t("total", lang, key=key, got=got, want=want)]
    if _fen_of(float(got)) != _fen_of(float(want)):
        return [_t("total", lang, key=key, got=_yuan(_fen_of(float(got)), lang),
                   want=_yuan(_fen_of(float(want)), lang))]
    return []


def run_case(case: Case, lang: str = "en") -> list[str]:
    """Every mismatch between the case's expectations and what the engine computes (empty: it passes).
    Each names the expectation's line in the file and the benefit line it selects."""
    try:
        result = simulate(case.household, case.params, lang)
    except InputError as e:
        return [f"{case.file}:{case.line}: {_t('input_error', lang, e='; '.join(e.problems))}"]
    except Exception as e:  # an engine fault fails this case; the other cases still run
        return [f"{case.file}:{case.line}: {_t('crash', lang, e=f'{type(e).__name__}: {e}')}"]
    problems = []
    for i, exp in enumerate(case.spec.expect):
        at = f"{case.file}:{case.expect_lines[i] if i < len(case.expect_lines) else case.line}: {exp.selector()}"
        found = [ln for ln in result.lines if _matches(exp, ln)]
        if exp.absent:
            if found:
                problems.append(f"{at}: {_t('present', lang, n=len(found))}")
            elif exp.id not in _known_ids() and exp.id not in {ln.id for ln in result.lines}:
                problems.append(f"{at}: {_t('no_such_id', lang, id=exp.id)}")
            continue
        if len(found) != 1:
            msg = _t("n_match", lang, n=len(found))
            if not any(ln.id == exp.id for ln in result.lines):
                msg += "; " + _t("ids_here", lang, ids=", ".join(sorted({ln.id for ln in result.lines})))
            problems.append(f"{at}: {msg}")
            continue
        problems += [f"{at}: {p}" for p in _check_line(exp, found[0], lang)]
    if case.spec.totals:
        totals = result.totals()
        at = f"{case.file}:{case.line}: totals"
        for key, want in case.spec.totals.items():
            if key not in totals:
                problems.append(f"{at}: {_t('no_total', lang, key=key, keys=', '.join(sorted(totals)))}")
            else:
                problems += [f"{at}: {p}" for p in _compare_total(key, totals[key], want, lang)]
    return problems


def main(paths: Sequence[str | Path], lang: str = "en", policy: str | Path | None = None,
         out: Any = None, err: Any = None) -> int:
    """Run every case of the files and folders given; print each failure and a summary line. Exit status as
    the module says."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        params = load_parameters(policy) if policy else default_parameters()
    except ParameterError as e:
        for p in e.problems:
            print(p, file=err)
        return EXIT_MALFORMED
    try:
        cases = collect(paths, params, lang)
    except MalformedCases as e:
        for p in e.problems:
            print(p, file=err)
        return EXIT_MALFORMED
    failed = 0
    for case in cases:
        problems = run_case(case, lang)
        if problems:
            failed += 1
            print(f"{_t('fail', lang)} {case.id}", file=out)
            for p in problems:
                print(f"  {p}", file=out)
    passed = len(cases) - failed
    if lang == "zh":
        print(_t("summary_zh", lang, passed=passed, failed=failed), file=out)
    print(f"{passed} passed, {failed} failed", file=out)
    return EXIT_FAILED if failed else EXIT_OK
