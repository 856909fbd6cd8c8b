"""What a simulation returns: benefit lines, and the totals and timeline derived from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
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


# The value of a parameter on a date and the (shared) record of having used it: Parameter.use itself, named
# here for the formulas.
use: Callable[[Parameter, dt.date], tuple[Any, ParamUse]] = Parameter.use


def use_rule(p: Parameter, on: dt.date) -> tuple[Any, ParamUse]:
    """Like ``use`` for a rule of counting (an age, a number of months) rather than an amount: before the
    parameter's first date the first value applies, since the rule describes how the measure counts."""
    return p.use(max(on, p.dates[0]))


class SharedText:
    """A line's explanation, {"zh": ..., "en": ...}, formatted on first read and then kept: every line the
    same sentence fits (a child's deduction in each full year, say) holds the same dict, so a household
    formats each distinct sentence once, and never if no one reads it. Made by ``Case.shared_text``,
    which also lists it for the Result, so writing a result fills its few texts rather than visiting every
    line."""

    __slots__ = ("fn", "args", "value")

    def __init__(self, fn: Callable[..., tuple[str, str]], args: tuple[Any, ...]):
        self.fn, self.args = fn, args
        self.value: dict[str, str | None] = {"zh": None, "en": None}

    def fill(self) -> dict[str, str]:
        value = self.value
        if value["zh"] is None:
            value["zh"], value["en"] = self.fn(*self.args)
        return value


class Line(dict):
    """One benefit line, made by ``make_line``. The line *is* its JSON record (a dict of exactly the
    documented keys), read through attributes, so a batch writes lines without copying them into new dicts.

    The explanation may be a SharedText, formatted only when first read: a household that never shows a
    tax line's explanation never pays for it. Lines are read-only once made; two lines are equal only if
    they are the same line."""

    __slots__ = ("uses", "_text")
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__

    id = property(itemgetter("id"))
    year = property(itemgetter("year"))
    amount = property(itemgetter("amount"))
    unit = property(itemgetter("unit"))
    source = property(itemgetter("source"))
    child = property(itemgetter("child"))
    parent = property(itemgetter("parent"))
    payers = property(itemgetter("payers"))
    status = property(itemgetter("status"))
    category = property(itemgetter("category"))

    @property
    def measure(self) -> str | None:
        return self.get("measure")

    @property
    def department(self) -> dict[str, str] | None:
        return self.get("department")

    def __repr__(self) -> str:
        return f"Line({self.id!r}, year={self.year}, child={self.child}, parent={self.parent}, amount={self.amount})"

    def _resolve(self) -> dict[str, str]:
        explanation = self["explanation"]
        if explanation["zh"] is None:
            self._text.fill()
        return explanation

    @property
    def explanation(self) -> dict[str, str]:
        return dict(self._resolve())

    @property
    def zh(self) -> str:
        return self._resolve()["zh"]

    @property
    def en(self) -> str:
        return self._resolve()["en"]

    def text(self, lang: str) -> str:
        return self._resolve()["zh" if lang == "zh" else "en"]

    @property
    def flags(self) -> list[str]:
        """Every non-verified status among the line's inputs, worst first (one badge each)."""
        return list(self["flags"])

    def for_year(self, year: int) -> Line:
        """The same line in another year (its explanation, shared, names no year)."""
        ln = Line(self)
        ln["year"] = year
        ln.uses, ln._text = self.uses, self._text
        return ln

    def to_dict(self, parameters: bool = True) -> dict[str, Any]:
        """A plain copy of the record; ``parameters`` adds the trail of parameter values that went in."""
        self._resolve()
        d = dict(self)
        if parameters:
            d["parameters"] = [u.to_dict() for u in self.uses]
        return d


def make_line(id: str, year: int, amount: float | None, unit: str, source: str, zh: str | SharedText, en: str,
              child: int | None = None, parent: str | None = None, payers: dict[str, float] | None = None,
              uses: tuple[ParamUse, ...] = (), status: str = "", measure: str | None = None,
              department: dict[str, str] | None = None) -> Line:
    """A line: ``status`` is worked out from the parameters in ``uses`` unless given; ``zh``/``en`` are the
    explanation, or ``zh`` is a SharedText and ``en`` is unused. (A function, not ``Line.__init__``: building
    the record in one dict display is about half the cost, and a household makes some two hundred lines.)"""
    status, flags = _badges(uses, amount is None and unit != "entitlement", status)
    text = zh if type(zh) is SharedText else None
    ln = Line({"id": id, "child": child, "parent": parent, "year": year, "amount": amount, "unit": unit,
               "payers": payers, "source": source, "status": status,
               "explanation": text.value if text else {"zh": zh, "en": en}, "category": CATEGORY[id],
               "flags": flags})
    if measure:
        ln["measure"], ln["department"] = measure, department
    ln.uses, ln._text = uses, text
    return ln


def repeat_for_years(lines: list[Line], start: int, years: range) -> None:
    """Append ``lines[start:]`` (a stretch's first year, just worked out) again for each of ``years``: the
    formulas that run year by year work out a stretch of equal years once and copy it to the rest."""
    stretch = lines[start:]
    for year in years:
        lines += [ln.for_year(year) for ln in stretch]


# Lines share their tuples of parameter records (every tax line of a child's school years has the same
# one), so a line's badge and flags are looked up, not worked out again for each of a batch's lines.
@lru_cache(maxsize=4096)
def _badges(uses: tuple[ParamUse, ...], unknown_amount: bool, status: str) -> tuple[str, tuple[str, ...]]:
    """The line's status badge (the worst status among its inputs, "unpublished" if its amount is unknown,
    or ``status`` if the formula gave one) and every non-verified status among them, worst first."""
    seen = {u.status for u in uses}
    if not status:
        worst = seen | {"unpublished"} if unknown_amount else seen
        status = next((s for s in _STATUS_RANK if s in worst), "verified")
    seen.add(status)
    seen.discard("verified")
    return status, tuple(s for s in _STATUS_RANK if s in seen)


@dataclass(slots=True)
class Result:
    lines: list[Line]
    as_of: dt.date
    pack_date: dt.date
    first_year: int | None
    last_year: int | None
    local_parameters: list[str] = field(default_factory=list)
    texts: list[SharedText] = field(default_factory=list, repr=False, compare=False)  # the lines' shared texts
    _summary: tuple[dict[str, Any], list[dict[str, Any]]] | None = field(default=None, init=False, repr=False,
                                                                         compare=False)

    def select(self, line_id: str) -> list[Line]:
        return [ln for ln in self.lines if ln.id == line_id]

    def totals(self) -> dict[str, Any]:
        """Money received, tax saved, interest saved, loan capacity and deductions (yuan, kept apart),
        leave days per parent, and how many amounts are left for a counselor to enter. A fresh dict."""
        if self._summary is None:
            self._summary = self._summarise()
        totals = dict(self._summary[0])
        totals["leave_days"] = dict(totals["leave_days"])
        return totals

    def timeline(self) -> list[dict[str, Any]]:
        """Year by year: money by category (yuan lines only) and leave days per parent.

        Worked out once per result (the table, chart and comparison all read it); treat it as read-only."""
        if self._summary is None:
            self._summary = self._summarise()
        return self._summary[1]

    def _summarise(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The totals and the timeline, in one pass over the lines.

        The timeline's yuan are added up in whole fen (every amount is a whole number of fen), which gives
        exactly what rounding the float sums to the fen gave, with one division a figure instead of a
        round(x, 2) for each category, total and running total of every year."""
        money = tax = interest = loan = deductions = 0.0
        leave = {"mother": 0, "father": 0}
        unknown = 0
        fen_by_year: dict[int, dict[str, int]] = {}
        days_by_year: dict[int, dict[str, int]] = {}
        for ln in self.lines:
            amount, unit = ln["amount"], ln["unit"]
            if amount is None:
                unknown += unit != "entitlement"
                continue
            if unit == "deduction_yuan":
                deductions += amount
            elif unit == "yuan":  # (every line of RECEIVED, tax saved and interest saved is in yuan)
                id_ = ln["id"]
                if id_ in RECEIVED:
                    money += amount
                elif id_ == "tax_saved":
                    tax += amount
                elif id_ == "provident_fund_interest_saved":
                    interest += amount
                year = ln["year"]
                by_cat = fen_by_year.get(year)
                if by_cat is None:
                    by_cat = fen_by_year[year] = dict.fromkeys(MONEY_CATEGORIES, 0)
                by_cat[ln["category"]] += round(amount * 100)
            elif unit == "days":
                parent = ln["parent"]
                if parent:
                    leave[parent] += int(amount)
                    year = ln["year"]
                    by_parent = days_by_year.get(year)
                    if by_parent is None:
                        by_parent = days_by_year[year] = {"mother": 0, "father": 0}
                    by_parent[parent] += int(amount)
            elif unit == "loan_yuan":
                loan += amount
        totals = {"money_received": round(money, 2), "tax_saved": round(tax, 2),
                  "interest_saved": round(interest, 2), "loan_capacity": round(loan, 2),
                  "tax_deductions": round(deductions, 2), "leave_days": leave, "amounts_to_enter": unknown}
        rows: list[dict[str, Any]] = []
        if self.first_year is None:
            return totals, rows
        cumulative = 0
        # Rows are read-only, so a year with the same money as the year before (most years of a childhood)
        # shares its dict and total, and the years without any share one.
        no_money = dict.fromkeys(MONEY_CATEGORIES, 0.0)
        no_days = {"mother": 0, "father": 0}
        last_sums: dict[str, int] | None = None
        by_cat, total, total_yuan = no_money, 0, 0.0
        for year in range(self.first_year, self.last_year + 1):
            sums = fen_by_year.get(year)
            if sums != last_sums:
                if sums:
                    total = sum(sums.values())
                    by_cat, total_yuan = {c: v / 100 if v else 0.0 for c, v in sums.items()}, total / 100
                else:
                    by_cat, total, total_yuan = no_money, 0, 0.0
                last_sums = sums
            cumulative += total
            rows.append({"year": year, "money": by_cat, "total": total_yuan, "cumulative": cumulative / 100,
                         "leave_days": days_by_year.get(year, no_days)})
        return totals, rows

    def to_dict(self, parameters: bool = True) -> dict[str, Any]:
        """Plain data for JSON; ``parameters=False`` leaves out each line's parameter trail (smaller batches)
        and hands out the lines themselves (read-only, like the timeline) rather than copies."""
        if parameters:
            lines = [ln.to_dict(True) for ln in self.lines]
        else:
            # The lines themselves, each already its JSON record, once their shared texts are written out.
            for text in self.texts:
                text.fill()
            lines = list(self.lines)
        return {"as_of": self.as_of.isoformat(), "policy_pack_date": self.pack_date.isoformat(),
                "local_parameters": self.local_parameters, "totals": self.totals(),
                "lines": lines, "timeline": self.timeline()}
