"""What a simulation returns: benefit lines, and the totals and timeline derived from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .parameters import Parameter, ParamUse

LINE_IDS = (
    "birth_subsidy", "childcare_subsidy", "tax_deduction", "tax_saved", "maternity_allowance",
    "maternity_leave", "paternity_leave", "parental_leave", "provident_fund_uplift",
    "provident_fund_interest_saved", "home_purchase_subsidy", "training_subsidy", "training_allowance",
    "childcare_enrolment_subsidy", "after_school_fee_waiver", "preschool_fee_waiver", "entitlement",
)
CATEGORY = {
    "birth_subsidy": "cash", "childcare_subsidy": "cash", "maternity_allowance": "cash",
    "tax_deduction": "tax", "tax_saved": "tax",
    "maternity_leave": "leave", "paternity_leave": "leave", "parental_leave": "leave",
    "provident_fund_uplift": "housing", "provident_fund_interest_saved": "housing",
    "home_purchase_subsidy": "housing",
    "training_subsidy": "training_fees", "training_allowance": "training_fees",
    "childcare_enrolment_subsidy": "training_fees", "after_school_fee_waiver": "training_fees",
    "preschool_fee_waiver": "training_fees",
    "entitlement": "services",
}
CATEGORIES = ("cash", "tax", "leave", "housing", "training_fees", "services")
MONEY_CATEGORIES = tuple(c for c in CATEGORIES if c not in ("leave", "services"))  # the timeline's yuan
# Lines whose yuan are money in the family's hand (grants, allowances, fees it no longer pays).
RECEIVED = frozenset({
    "birth_subsidy", "childcare_subsidy", "maternity_allowance", "home_purchase_subsidy",
    "training_subsidy", "training_allowance", "childcare_enrolment_subsidy", "after_school_fee_waiver",
    "preschool_fee_waiver",
})
# Worst first: the badge a line carries is the first of these any of its inputs has.
_STATUS_RANK = ("unpublished", "local", "assumed", "secondary", "verified")


def use(p: Parameter, on: dt.date) -> tuple[Any, ParamUse]:
    """The value of ``p`` on ``on`` and the record of having used it (records are shared, not rebuilt)."""
    return p.use(on)


def use_rule(p: Parameter, on: dt.date) -> tuple[Any, ParamUse]:
    """Like ``use`` for a rule of counting (an age, a number of months) rather than an amount: before the
    parameter's first date the first value applies, since the rule describes how the measure counts."""
    return use(p, max(on, p.dates[0]))


class Line:
    """One benefit line. ``zh`` may be a function returning (zh, en), so text is only formatted when read:
    a batch of households that never prints explanations never pays for formatting them. The status
    badge is likewise worked out from the parameters used when first asked for."""

    __slots__ = ("id", "year", "amount", "unit", "source", "zh", "en", "child", "parent", "payers", "uses",
                 "_status", "measure", "department")

    def __init__(self, id: str, year: int, amount: float | None, unit: str, source: str,
                 zh: str | Callable[[], tuple[str, str]], en: str, child: int | None = None,
                 parent: str | None = None, payers: dict[str, float] | None = None,
                 uses: tuple[ParamUse, ...] = (), status: str = "", measure: str | None = None,
                 department: dict[str, str] | None = None):
        self.id, self.year, self.amount, self.unit, self.source = id, year, amount, unit, source
        self.zh, self.en, self.child, self.parent, self.payers = zh, en, child, parent, payers
        self.uses, self._status, self.measure, self.department = uses, status, measure, department

    def __repr__(self) -> str:
        return f"Line({self.id!r}, year={self.year}, child={self.child}, parent={self.parent}, amount={self.amount})"

    @property
    def status(self) -> str:
        if not self._status:
            self._status = _status_of(self.uses, self.amount is None and self.unit != "entitlement")
        return self._status

    @property
    def category(self) -> str:
        return CATEGORY[self.id]

    def _resolve(self) -> None:
        if callable(self.zh):
            self.zh, self.en = self.zh()

    @property
    def explanation(self) -> dict[str, str]:
        self._resolve()
        return {"zh": self.zh, "en": self.en}

    def text(self, lang: str) -> str:
        self._resolve()
        return self.zh if lang == "zh" else self.en

    @property
    def flags(self) -> list[str]:
        """Every non-verified status among the line's inputs, worst first (one badge each)."""
        return list(_flags_of(self.uses, self.status))

    def to_dict(self, parameters: bool = True) -> dict[str, Any]:
        if callable(self.zh):
            self.zh, self.en = self.zh()
        status = self.status
        d = {"id": self.id, "child": self.child, "parent": self.parent, "year": self.year,
             "amount": self.amount, "unit": self.unit, "payers": self.payers, "source": self.source,
             "status": status, "explanation": {"zh": self.zh, "en": self.en}, "category": CATEGORY[self.id],
             "flags": _flags_of(self.uses, status)}
        if parameters:
            d["parameters"] = [u.to_dict() for u in self.uses]
        if self.measure:
            d["measure"] = self.measure
            d["department"] = self.department
        return d


# Lines share their tuples of parameter records (every tax line of a child's school years has the same
# one), so a line's badge and flags are looked up, not worked out again for each of a batch's lines.
@lru_cache(maxsize=4096)
def _status_of(uses: tuple[ParamUse, ...], unknown_amount: bool) -> str:
    statuses = {u.status for u in uses}
    if unknown_amount:
        statuses.add("unpublished")
    for s in _STATUS_RANK:
        if s in statuses:
            return s
    return "verified"


@lru_cache(maxsize=4096)
def _flags_of(uses: tuple[ParamUse, ...], status: str) -> tuple[str, ...]:
    seen = {u.status for u in uses}
    seen.add(status)
    seen.discard("verified")
    return tuple(s for s in _STATUS_RANK if s in seen)


@dataclass(slots=True)
class Result:
    lines: list[Line]
    as_of: dt.date
    pack_date: dt.date
    first_year: int | None
    last_year: int | None
    local_parameters: list[str] = field(default_factory=list)
    _timeline: list[dict[str, Any]] | None = field(default=None, init=False, repr=False, compare=False)

    def select(self, line_id: str) -> list[Line]:
        return [ln for ln in self.lines if ln.id == line_id]

    def totals(self) -> dict[str, Any]:
        money = tax = interest = loan = deductions = 0.0
        leave = {"mother": 0, "father": 0}
        unknown = 0
        for ln in self.lines:
            if ln.amount is None:
                unknown += ln.unit != "entitlement"
                continue
            if ln.id in RECEIVED:
                money += ln.amount
            elif ln.id == "tax_saved":
                tax += ln.amount
            elif ln.id == "provident_fund_interest_saved":
                interest += ln.amount
            elif ln.unit == "loan_yuan":
                loan += ln.amount
            elif ln.unit == "deduction_yuan":
                deductions += ln.amount
            elif ln.unit == "days" and ln.parent in leave:
                leave[ln.parent] += int(ln.amount)
        return {"money_received": round(money, 2), "tax_saved": round(tax, 2),
                "interest_saved": round(interest, 2), "loan_capacity": round(loan, 2),
                "tax_deductions": round(deductions, 2), "leave_days": leave,
                "amounts_to_enter": unknown}

    def timeline(self) -> list[dict[str, Any]]:
        """Year by year: money by category (yuan lines only) and leave days per parent.

        Worked out once per result (the table, chart and comparison all read it); treat it as read-only."""
        if self._timeline is None:
            self._timeline = self._make_timeline()
        return self._timeline

    def _make_timeline(self) -> list[dict[str, Any]]:
        if self.first_year is None:
            return []
        money: dict[int, dict[str, float]] = {}
        days: dict[int, dict[str, int]] = {}
        for ln in self.lines:
            if ln.amount is None:
                continue
            if ln.unit == "yuan":
                by_cat = money.get(ln.year)
                if by_cat is None:
                    by_cat = money[ln.year] = dict.fromkeys(MONEY_CATEGORIES, 0.0)
                by_cat[CATEGORY[ln.id]] += ln.amount
            elif ln.unit == "days" and ln.parent:
                by_parent = days.get(ln.year)
                if by_parent is None:
                    by_parent = days[ln.year] = {"mother": 0, "father": 0}
                by_parent[ln.parent] += int(ln.amount)
        rows, cumulative = [], 0.0
        for year in range(self.first_year, self.last_year + 1):
            sums = money.get(year)
            by_cat = {c: round(v, 2) for c, v in sums.items()} if sums else dict.fromkeys(MONEY_CATEGORIES, 0.0)
            total = round(sum(by_cat.values()), 2)
            cumulative = round(cumulative + total, 2)
            rows.append({"year": year, "money": by_cat, "total": total, "cumulative": cumulative,
                         "leave_days": days.get(year) or {"mother": 0, "father": 0}})
        return rows

    def to_dict(self, parameters: bool = True) -> dict[str, Any]:
        """Plain data for JSON; ``parameters=False`` leaves out each line's parameter trail (smaller batches)."""
        return {"as_of": self.as_of.isoformat(), "policy_pack_date": self.pack_date.isoformat(),
                "local_parameters": self.local_parameters, "totals": self.totals(),
                "lines": [ln.to_dict(parameters) for ln in self.lines], "timeline": self.timeline()}
