"""Income-tax deductions for children and the tax they save — cn-iit, bengbu-2024 §3.

Four quantities, each its own function: a child's deduction in a tax year, a parent's taxable income, the
tax on it from the brackets, and the split of each child's deduction between the parents that leaves the
family the least tax.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from .case import Case, OrderedChild, per_case
from .dates import birthday, month_index
from .household import Parent
from .jobs import YearPay, one_job_always
from .measure import LineKind, Measure
from .money import fen, mul_div, yuan
from .parameters import ParamUse
from .periods import monthly_sums
from .result import Line

SOURCE = "cn-iit; bengbu-2024 §3"
TAX_DEDUCTION = LineKind("tax_deduction", category="tax", unit="deduction_yuan", source=SOURCE,
                         adds_to="tax_deductions")
TAX_SAVED = LineKind("tax_saved", category="tax", unit="yuan", source=SOURCE, adds_to="tax_saved")
SPLITS = ("mother", "father", "half")  # who claims a child's deduction; ties keep the first in this order


class ChildDeduction(NamedTuple):
    """One child's deduction in one tax year, in fen, and how it is made up."""

    order: int
    infant_fen: int
    infant_months: int
    education_fen: int
    education_months: int
    uses: tuple[ParamUse, ...]

    @property
    def total(self) -> int:
        return self.infant_fen + self.education_fen


class TaxYear(NamedTuple):
    """The best (or the chosen) split of one year's deductions and what it does to each parent's tax."""

    splits: tuple[str, ...]  # per child, in the order of the deductions
    claimed: dict[str, int]  # fen each parent deducts
    before: dict[str, int]  # each parent's tax without the children's deductions
    after: dict[str, int]  # and with them
    runner_up: int | None  # how much less the next best split saves (0: a tie; None: no choice was made)


def income_tax(case: Case) -> list[Line]:
    """cn-iit: per child and tax year, infant care (婴幼儿照护) from the birth month to the month before the
    3rd birthday, then children's education (子女教育) until full-time education ends; one parent claims
    100% or each 50%. The tax saved is each parent's tax without the deductions less the tax with them."""
    lines: list[Line] = []
    by_child = [deductions_of(case, child) for child in case.children]
    done: dict[tuple, list[Line]] = {}  # a year like one already worked out has the same lines
    for year in sorted({year for years in by_child for year in years}):
        kids = tuple(d for years in by_child if (d := years.get(year)))
        table = tax_table(case, year)
        key = (kids, table, pay_of_year(case, year)[1])
        same = done.get(key)
        if same is None:
            lines += done.setdefault(key, year_lines(case, year, kids, table))
        else:
            lines += [line.for_year(year) for line in same]
    return lines


@per_case
def deductions_of(case: Case, child: OrderedChild) -> dict[int, ChildDeduction]:
    """The child's deduction in each tax year: the monthly amounts in force on each month's 1st."""
    age, u_age = case.rule("national.income_tax.infant_care_until_age", child.born)
    switch = month_index(birthday(child.born, age))  # the month of the 3rd birthday: education from then on
    infant, u_infant = monthly_sums(case.param("national.income_tax.infant_care_monthly"),
                                    month_index(child.born), switch - 1)
    education, u_edu = monthly_sums(case.param("national.income_tax.child_education_monthly"),
                                    switch, case.education_end[child.order])
    u_infant = (*u_infant, u_age)
    u_edu = (*u_edu, u_age)
    if child.child.education_until_age is None:
        u_edu = (*u_edu, case.rule("national.income_tax.education_until_age", child.born)[1])
    u_both = (*u_infant, *u_edu)
    out = {}
    for year in sorted({*infant, *education}):
        i, e = infant.get(year), education.get(year)
        if not (i and i.fen or e and e.fen):
            continue  # (a month without a value: nothing to deduct that year)
        if i and e:  # the year of the 3rd birthday: months of both
            out[year] = ChildDeduction(child.order, i.fen, i.months, e.fen, e.months, u_both)
        elif i:
            out[year] = ChildDeduction(child.order, i.fen, i.months, 0, 0, u_infant)
        else:
            out[year] = ChildDeduction(child.order, 0, 0, e.fen, e.months, u_edu)
    return out


def pay_of_year(case: Case, year: int) -> tuple[dict[str, YearPay], tuple[YearPay, ...] | None]:
    """Each parent's salary and contributions in ``year``, from the months of each of their jobs (jobs.py), and
    what tells this year's pay from another's: None when every parent has one job from always (the common
    case, every year paid alike)."""
    memo = case.memo
    steady = memo.get("pay")
    if steady is not None:
        return steady
    key = ("pay", year)
    if key not in memo:
        parents = case.household.parents()
        pays = {role: parent.year_pay(year) for role, parent in parents}
        if all(one_job_always(p.jobs) for _, p in parents):
            memo["pay"] = memo[key] = (pays, None)
        else:
            memo[key] = (pays, tuple(pays.values()))
    return memo[key]


def taxable_before_children(parent: Parent, pay: YearPay, basic_fen: int) -> int:
    """cn-iit Art. 6: yearly comprehensive income less the basic deduction (60,000 a year), the personal
    social-insurance and housing-fund contributions and other deductions, before any child deduction (fen;
    may be negative: the floor of 0 comes after the children's deductions). ``pay``: the year's salary and
    contributions, each month's from the job held on its 1st."""
    return pay.salary_fen - basic_fen - pay.contributions_fen - fen(parent.other_annual_deductions)


class TaxTable(NamedTuple):
    """A tax year's table in fen: the comprehensive-income brackets and the basic deduction (the values in
    force on 1 January), or ``None`` amounts where either is not published."""

    uppers: tuple[float, ...]  # each bracket's upper bound in fen (the last: infinity)
    rates: tuple[tuple[int, int], ...]  # each bracket's rate as an exact fraction (numerator, denominator)
    quick: tuple[int, ...]  # each bracket's quick deduction in fen
    basic: int | None  # the basic deduction in fen
    uses: tuple[ParamUse, ParamUse]

    def tax(self, taxable_fen: int) -> int:
        """cn-iit Art. 3: taxable × the rate of its bracket − the quick deduction, rounded half up to the
        fen; nothing on nothing."""
        if taxable_fen <= 0:
            return 0
        i = bisect_left(self.uppers, taxable_fen)  # the first bracket that reaches it
        num, den = self.rates[i]
        return max(0, mul_div(taxable_fen, num, den) - self.quick[i])


def tax_table(case: Case, year: int) -> TaxTable:
    """The table a tax year reads: the one in force on 1 January."""
    jan1 = dt.date(year, 1, 1)
    return table_of(case.value("national.income_tax.brackets", jan1)[1],
                    case.value("national.income_tax.basic_deduction", jan1)[1])


@lru_cache(maxsize=64)  # a function of the policy's dated records alone
def table_of(brackets: ParamUse, basic: ParamUse) -> TaxTable:
    if brackets.value is None or basic.value is None:
        return TaxTable((), (), (), None, (brackets, basic))
    if brackets.value[-1].up_to is not None:
        raise ValueError("the last tax bracket must be open")
    rates = [Fraction(str(b.rate)) for b in brackets.value]
    return TaxTable(tuple(math.inf if b.up_to is None else fen(b.up_to) for b in brackets.value),
                    tuple((r.numerator, r.denominator) for r in rates),
                    tuple(fen(b.quick_deduction) for b in brackets.value), fen(basic.value), (brackets, basic))


def year_lines(case: Case, year: int, kids: tuple[ChildDeduction, ...], table: TaxTable) -> list[Line]:
    """One year's deduction lines (per child and claiming parent) and tax-saved lines (per parent)."""
    roles = [role for role, _ in case.household.parents()]
    if table.basic is None:  # the year's tax table is not published: nothing can be worked out
        return [TAX_SAVED.line(case, year, None, "table_unpublished", parent=role, uses=table.uses)
                for role in roles]
    amounts = tuple(k.total for k in kids)
    pays, which_pay = pay_of_year(case, year)
    # the same children's amounts and pay in another year: the same split
    key = ("split", amounts, table, which_pay)
    if key not in case.memo:
        case.memo[key] = best_split(case, amounts, table, pays)
    choice = case.memo[key]
    lines = []
    for kid, split in zip(kids, choice.splits, strict=True):
        lines += claim_lines(case, year, kid, split, roles)
    advice = tuple(case.text(f"tax_saved.advice_{split}", {"order": kid.order})
                   for kid, split in zip(kids, choice.splits, strict=True))
    if choice.runner_up is None:
        why = case.text("tax_saved.as_chosen", {"advice": advice})
    elif choice.runner_up:
        why = case.text("tax_saved.best_split", {"advice": advice, "less": yuan(choice.runner_up)})
    else:
        why = case.text("tax_saved.best_split_tie", {"advice": advice})
    saved = {role: choice.before[role] - choice.after[role] for role in roles}
    for role in roles:
        if choice.claimed[role]:
            pay = pays[role]
            # a year of more than one job says what pay it used; a job starting mid-month, our counting rule
            text, pay_values = ("saved_pay_changed", {"pay": yuan(pay.salary_fen), "months": pay.months_paid}) \
                if pay.changed else ("saved", {})
            lines.append(TAX_SAVED.line(case, year, yuan(saved[role]), text, parent=role, uses=table.uses,
                                        assumption="assumed" if pay.mid_month else "", **pay_values, role=role,
                                        claimed=yuan(choice.claimed[role]), before=yuan(choice.before[role]),
                                        after=yuan(choice.after[role]), saved=yuan(saved[role]),
                                        family=yuan(sum(saved.values())), why=why))
    return lines


def claim_lines(case: Case, year: int, kid: ChildDeduction, split: str, roles: list[str]) -> list[Line]:
    """A child's deduction lines in a year under ``split``: one per parent who claims a part of it. (The
    same deduction split the same way in another year has the same lines in that year.)"""
    key = ("claim", kid, split)
    made = case.memo.get(key)
    if made is None:
        made = case.memo[key] = [
            TAX_DEDUCTION.line(case, year, yuan(part), deduction_text(case, kid, split, part), child=kid.order,
                               parent=role, uses=kid.uses)
            for role in roles if (part := portion(kid.total, split, role))]
    return made if made[0].year == year else [line.for_year(year) for line in made]


def deduction_text(case: Case, kid: ChildDeduction, split: str, part: int):
    """How a child's deduction that year is made up, and the part of it this line claims."""
    kinds = ("infant_care" if kid.infant_months else "") + ("_and_" if kid.infant_months and kid.education_months
                                                             else "") + ("education" if kid.education_months else "")
    return case.text(f"tax_deduction.{kinds}", {"order": kid.order, "infant_months": kid.infant_months,
                                                "infant": yuan(kid.infant_fen), "months": kid.education_months,
                                                "education": yuan(kid.education_fen), "claim": f"claim_{split}",
                                                "part": yuan(part)})


def portion(total: int, split: str, role: str) -> int:
    """What ``role`` claims of a child's deduction of ``total`` fen under ``split`` (the odd fen of a half
    goes to the father)."""
    if split == "half":
        return total // 2 if role == "mother" else total - total // 2
    return total if split == role else 0


def best_split(case: Case, amounts: tuple[int, ...], table: TaxTable, pays: dict[str, YearPay]) -> TaxYear:
    """The split of each child's deduction that leaves the family the least tax (or the one the case chose).

    Only what the mother claims changes the family's tax, so each distinct claim is tried once, with the
    first split that reaches it."""
    hh = case.household
    total = sum(amounts)
    roles = list(pays)
    key = ("base", table, tuple(pays.values()))  # (the same in every year of this table and pay)
    if key not in case.memo:
        base = {role: taxable_before_children(hh.parent(role), pays[role], table.basic) for role in roles}
        case.memo[key] = base, {role: table.tax(base[role]) for role in roles}
    base, before = case.memo[key]
    if len(roles) == 1:
        role = roles[0]
        return TaxYear((role,) * len(amounts), {role: total}, before, {role: table.tax(base[role] - total)}, None)
    if hh.tax_split == "best":
        candidates = mother_claims(amounts)
    else:
        candidates = {sum(portion(a, hh.tax_split, "mother") for a in amounts): (hh.tax_split,) * len(amounts)}
    tax_before = before["mother"] + before["father"]
    tried = []  # (saving, mother's claim, splits, her tax after, his tax after), in the order found
    for mother, splits in candidates.items():
        her_tax, his_tax = table.tax(base["mother"] - mother), table.tax(base["father"] - (total - mother))
        tried.append((tax_before - her_tax - his_tax, mother, splits, her_tax, his_tax))
    ranked = sorted(tried, key=lambda t: -t[0])  # stable: of equal savings the first found stays first
    saving, mother, splits, her_tax, his_tax = ranked[0]
    runner_up = None if hh.tax_split != "best" else (saving - ranked[1][0] if len(ranked) > 1 else 0)
    return TaxYear(splits, {"mother": mother, "father": total - mother}, before,
                   {"mother": her_tax, "father": his_tax}, runner_up)


def mother_claims(amounts: tuple[int, ...]) -> dict[int, tuple[str, ...]]:
    """Each distinct amount the mother can claim, with the first split reaching it (each child's split
    tried in the order mother, father, half)."""
    claims: dict[int, tuple[str, ...]] = {0: ()}
    for amount in amounts:
        parts = [(portion(amount, split, "mother"), split) for split in SPLITS]
        longer: dict[int, tuple[str, ...]] = {}
        for claimed, splits in claims.items():
            for part, split in parts:
                if claimed + part not in longer:
                    longer[claimed + part] = (*splits, split)
        claims = longer
    return claims


MEASURE = Measure("income_tax", income_tax, lines=(TAX_DEDUCTION, TAX_SAVED))
