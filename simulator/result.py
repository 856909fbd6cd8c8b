"""What a simulation returns: benefit lines, and the totals and timeline worked out from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from .parameters import ParamUse
from .texts import Text
from .vocabulary import MONEY_CATEGORIES, ROLES, STATUS_RANK


class Line(NamedTuple):
    """One benefit line: an amount (yuan, days, loan or deduction yuan; None when the law leaves it to local
    notice) in one year, for a child or a parent, with its source, status and explanation."""

    id: str
    year: int
    amount: float | None
    unit: str
    category: str
    source: str
    status: str  # the worst status among everything the line rests on (vocabulary.STATUS_RANK)
    flags: tuple[str, ...]  # every non-verified status among them, worst first (one badge each)
    wording: Text  # the explanation, turned into sentences when first read
    child: int | None = None
    parent: str | None = None
    payers: dict[str, float] | None = None
    uses: tuple[ParamUse, ...] = ()  # the parameter values that went in
    measure: str | None = None  # entitlements: the measure (§N) and the department to ask
    department: dict[str, str] | None = None
    start: dt.date | None = None  # leave: its first and last day
    end: dt.date | None = None

    @property
    def explanation(self) -> dict[str, str]:
        return dict(self.wording.sentences())

    @property
    def zh(self) -> str:
        return self.wording.sentences()["zh"]

    @property
    def en(self) -> str:
        return self.wording.sentences()["en"]

    def text(self, lang: str) -> str:
        """The explanation in ``lang``."""
        return self.wording.sentences()["zh" if lang == "zh" else "en"]

    def for_year(self, year: int) -> Line:
        """The same line in another year (an entitlement, worked out in the year of the case)."""
        return Line._make((self.id, year, *self[2:]))

    def to_dict(self, parameters: bool = True) -> dict[str, Any]:
        """The line's JSON record; ``parameters`` adds the trail of parameter values that went in. (Its
        explanation dict is shared with the lines of the same sentence: treat the record as read-only.)"""
        (id_, year, amount, unit, category, source, status, flags, wording, child, parent, payers, uses, measure,
         department, start, end) = self
        d = {"id": id_, "child": child, "parent": parent, "year": year, "amount": amount, "unit": unit,
             "payers": payers, "source": source, "status": status, "explanation": wording.sentences(),
             "category": category, "flags": list(flags)}
        if start is not None:
            d["start"], d["end"] = start.isoformat(), end.isoformat()
        if measure:
            d["measure"], d["department"] = measure, department
        if parameters:
            d["parameters"] = [u.to_dict() for u in uses]
        return d


@lru_cache(maxsize=4096)  # keyed on policy records only: the same few sets recur in every household
def badges(uses: tuple[ParamUse, ...], unknown_amount: bool, assumption: str) -> tuple[str, tuple[str, ...]]:
    """A line's status, the weakest of everything it rests on: the parameters it used, a modelling
    ``assumption`` the formula made ("assumed", say, for an estimate), and "unpublished" if its amount is
    unknown; and every non-verified status among them, worst first (one badge each)."""
    seen = {u.status for u in uses}
    if assumption:
        seen.add(assumption)
    if unknown_amount:
        seen.add("unpublished")
    status = next((s for s in STATUS_RANK if s in seen), "verified")
    seen.discard("verified")
    return status, tuple(s for s in STATUS_RANK if s in seen)


@dataclass
class Result:
    lines: list[Line]
    as_of: dt.date
    pack_date: dt.date
    first_year: int | None
    last_year: int | None
    local_parameters: list[str] = field(default_factory=list)
    totals_of: dict[str, str] = field(default_factory=dict, repr=False)  # line id → the total it adds to

    def select(self, line_id: str) -> list[Line]:
        return [ln for ln in self.lines if ln.id == line_id]

    def totals(self) -> dict[str, Any]:
        """Money received (what the policy adds), wage replacement (the maternity allowance, pay during leave:
        not new money), tax saved, interest saved, loan capacity and deductions (yuan, kept apart), leave days
        per parent, how many amounts are left for a counselor to enter, and how many lines have no figure
        because they came before the pack's earliest rule (``not_computed``). A fresh dict."""
        totals = dict(self._summary[0])
        totals["leave_days"] = dict(totals["leave_days"])
        return totals

    def timeline(self) -> list[dict[str, Any]]:
        """Year by year: the money the policy adds, by category (yuan lines only), its total and running total;
        the wage replacement paid that year (apart: it is not added money); and leave days per parent."""
        return self._summary[1]

    @cached_property
    def _summary(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The totals and the timeline, in one pass over the lines. Yuan are added in whole fen (every amount
        is a whole number of fen), so the sums are exact."""
        fen_totals = {"money_received": 0, "wage_replacement": 0, "tax_saved": 0, "interest_saved": 0,
                      "loan_capacity": 0, "tax_deductions": 0}
        leave = dict.fromkeys(ROLES, 0)
        unknown = not_computed = 0
        money: dict[int, dict[str, int]] = {}
        wages: dict[int, int] = {}
        days: dict[int, dict[str, int]] = {}
        totals_of = self.totals_of
        for ln in self.lines:
            amount, unit = ln.amount, ln.unit
            if amount is None:
                if ln.status == "not_computed":  # before the pack's rules: no figure, and none to enter either
                    not_computed += 1
                else:
                    unknown += unit != "entitlement"
            elif unit == "days":
                if ln.parent:
                    leave[ln.parent] += int(amount)
                    in_year = days.get(ln.year) or days.setdefault(ln.year, dict.fromkeys(ROLES, 0))
                    in_year[ln.parent] += int(amount)
            else:
                amount_fen = round(amount * 100)
                total = totals_of.get(ln.id)
                if total in fen_totals:
                    fen_totals[total] += amount_fen
                if unit == "yuan" and ln.category == "wage_replacement":
                    wages[ln.year] = wages.get(ln.year, 0) + amount_fen
                elif unit == "yuan":
                    in_year = money.get(ln.year) or money.setdefault(ln.year, dict.fromkeys(MONEY_CATEGORIES, 0))
                    in_year[ln.category] += amount_fen
        totals: dict[str, Any] = {k: v / 100 for k, v in fen_totals.items()}
        totals |= {"leave_days": leave, "amounts_to_enter": unknown, "not_computed": not_computed}
        totals = {k: totals[k] for k in ("money_received", "wage_replacement", "tax_saved", "interest_saved",
                                         "loan_capacity", "tax_deductions", "leave_days", "amounts_to_enter",
                                         "not_computed")}
        rows: list[dict[str, Any]] = []
        if self.first_year is None:
            return totals, rows
        cumulative = 0
        for year in range(self.first_year, self.last_year + 1):
            by_category = money.get(year, dict.fromkeys(MONEY_CATEGORIES, 0))
            year_total = sum(by_category.values())
            cumulative += year_total
            rows.append({"year": year, "money": {c: v / 100 for c, v in by_category.items()},
                         "total": year_total / 100, "cumulative": cumulative / 100,
                         "wage_replacement": wages.get(year, 0) / 100,
                         "leave_days": dict(days.get(year, dict.fromkeys(ROLES, 0)))})
        return totals, rows

    def to_dict(self, parameters: bool = True) -> dict[str, Any]:
        """Plain data for JSON; ``parameters=False`` leaves out each line's parameter trail (smaller batches)."""
        return {"as_of": self.as_of.isoformat(), "policy_pack_date": self.pack_date.isoformat(),
                "local_parameters": self.local_parameters, "totals": self.totals(),
                "lines": [ln.to_dict(parameters) for ln in self.lines], "timeline": self.timeline()}
