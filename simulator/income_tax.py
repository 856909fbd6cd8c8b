"""Income-tax deductions for children and the tax they save — cn-iit, bengbu-2024 §3.

Per child and tax year the parents choose who claims: one parent 100%, or each 50%. With ``best`` the
split that leaves the family the least tax is found; the search runs over the distinct amounts the mother
can claim (the family's tax depends only on that), so three children cost at most seven tax evaluations a year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from .case import Case, OrderedChild, ordinal_en, ordinal_zh
from .dates import birthday, month_index
from .money import fen, fmt, yuan
from .periods import monthly_runs
from .result import Line, ParamUse, make_line, repeat_for_years, use, use_rule

SOURCE = "cn-iit; bengbu-2024 §3"
OPTIONS = ("mother", "father", "half")
BASIS_POINTS = 10_000  # a rate held as an integer number of basis points: arithmetic, not a policy figure
SPLIT_ZH = {"mother": "母亲扣除100%", "father": "父亲扣除100%", "half": "父母各扣除50%"}
SPLIT_EN = {"mother": "mother claims 100%", "father": "father claims 100%", "half": "each parent claims 50%"}


class ChildYear(NamedTuple):
    """One child's deduction in one tax year, in fen, and how it was made up. (A named tuple: a household
    makes a dozen or so, and a frozen dataclass costs several times as much to make.)"""

    infant_fen: int
    infant_months: int
    education_fen: int
    education_months: int
    total: int  # fen of both parts


def child_deductions(case: Case, oc: OrderedChild) -> tuple[list[list], tuple[tuple[ParamUse, ...], ...]]:
    """Runs of tax years with the same deduction, [first year, last year, ChildYear], in order: infant care
    from the birth month to the month before the 3rd birthday, then children's education from that
    birthday's month through the month education ends. Also the parameters each part used."""
    infant_p = case.p("national.income_tax.infant_care_monthly")
    edu_p = case.p("national.income_tax.child_education_monthly")
    age, u_age = use_rule(case.p("national.income_tax.infant_care_until_age"), oc.born)
    switch = month_index(birthday(oc.born, age))
    infant, infant_uses = monthly_runs(infant_p, month_index(oc.born), switch - 1)
    edu, edu_uses = monthly_runs(edu_p, switch, case.education_end[oc.order])
    infant_uses.add(u_age)
    edu_uses.add(u_age)
    if oc.child.education_until_age is None:
        default = case.p("national.income_tax.education_until_age")
        edu_uses.add(use_rule(default, oc.born)[1])
    # Infant care's runs, then education's: the two meet in the year of the switch (unless it comes in
    # January), which holds months of both.
    runs = [[y0, y1, ChildYear(fen_, n, 0, 0, fen_)] for y0, y1, fen_, n in infant]
    for y0, y1, fen_, n in edu:
        last = runs[-1] if runs else None
        if last is not None and last[1] >= y0:  # the switch year
            if last[0] < y0:  # (a run of equal infant years ending in it: the switch year stands apart)
                last[1] = y0 - 1
                last = [y0, y0, last[2]]
                runs.append(last)
            cy = last[2]
            last[2] = ChildYear(cy.infant_fen, cy.infant_months, fen_, n, cy.infant_fen + fen_)
            if y1 > y0:
                runs.append([y0 + 1, y1, ChildYear(0, 0, fen_, n, fen_)])
        else:
            runs.append([y0, y1, ChildYear(0, 0, fen_, n, fen_)])
    return runs, (_in_order(frozenset(infant_uses)), _in_order(frozenset(edu_uses)))


class TaxTable:
    """The bracket schedule of one year in integer form: (upper fen or None, rate in basis points, quick fen)."""

    def __init__(self, brackets, basic_fen: int):
        self.rows = [(None if b.up_to is None else fen(b.up_to), round(b.rate * BASIS_POINTS), fen(b.quick_deduction))
                     for b in brackets]
        if self.rows[-1][0] is not None:
            raise ValueError("the last tax bracket must be open (up_to: null)")
        self.uppers = [math.inf if upper is None else upper for upper, _, _ in self.rows]
        self.basic = basic_fen
        # Tax already worked out, by taxable fen: a household's split searches ask for the same parent's tax
        # at the same few incomes again and again. (A table lives for one household's income_tax.)
        self.known: dict[int, int] = {}

    def tax(self, taxable_fen: int) -> int:
        tax = self.known.get(taxable_fen)
        if tax is None:
            if taxable_fen <= 0:
                tax = 0
            else:
                _, bp, quick = self.rows[bisect.bisect_left(self.uppers, taxable_fen)]  # first bracket reaching it
                tax = (taxable_fen * bp + BASIS_POINTS // 2) // BASIS_POINTS - quick  # ÷ rounded half up to the fen
                tax = tax if tax > 0 else 0
            self.known[taxable_fen] = tax
        return tax


def income_tax(case: Case) -> list[Line]:
    hh = case.household
    brackets_p = case.p("national.income_tax.brackets")
    basic_p = case.p("national.income_tax.basic_deduction")
    # The tax years are cut into stretches in which every child's deduction and the tax table stay the same:
    # a stretch's first year is worked out, and its other years get the same lines (most years of a
    # childhood are like the one before). A stretch starts where a child's run starts or ends, or where
    # the tax table changes (a tax year reads the table in force on 1 January).
    bounds = {d.year + ((d.month, d.day) != (1, 1)) for d in (*brackets_p.dates, *basic_p.dates)}
    children = []  # (child, its runs with a deduction, the parameters of infant care, of education)
    for oc in case.children:
        runs, (infant_uses, edu_uses) = child_deductions(case, oc)
        runs = [run for run in runs if run[2].total]
        for first, last, _ in runs:
            bounds.add(first)
            bounds.add(last + 1)
        children.append((oc, runs, infant_uses, edu_uses))
    roles = [r for r, _ in hh.parents()]
    best = hh.tax_split == "best" and len(roles) == 2
    tables: dict[tuple, tuple[TaxTable, dict[str, int]]] = {}
    cache: dict[tuple, tuple] = {}
    lines: list[Line] = []
    add = lines.append
    edges = sorted(bounds)
    for year, end in pairwise(edges):  # the stretch [year, end)
        kids, totals = [], []
        for oc, runs, infant_uses, edu_uses in children:
            while runs and runs[0][1] < year:
                runs.pop(0)
            if runs and runs[0][0] <= year:
                cy = runs[0][2]
                kids.append((oc, cy, (infant_uses if cy.infant_months else ()) +
                             (edu_uses if cy.education_months else ())))
                totals.append(cy.total)
        if not kids:
            continue
        jan1 = dt.date(year, 1, 1)
        brackets, u_br = use(brackets_p, jan1)
        basic, u_basic = use(basic_p, jan1)
        tkey = (u_br, u_basic)
        if tkey not in tables:
            table = TaxTable(brackets, fen(basic))
            tables[tkey] = table, {r: _pre_child_taxable(hh.parent(r), table.basic) for r in roles}
        table, base = tables[tkey]
        key = (tuple(totals), tkey)
        if key not in cache:
            cache[key] = _choose(key[0], base, table, roles, hh.tax_split)
        choice, claimed, saved, before, after, runner_up = cache[key]
        start = len(lines)
        advice = []
        for (oc, cy, uses), split in zip(kids, choice, strict=True):
            order = oc.order
            advice.append((order, split))
            for role in roles:
                part = _portion(cy.total, split, role)
                if part:
                    # one sentence per distinct deduction, shared by every year it fits
                    text = case.shared_text(_deduction_text, order, cy, split, part)
                    add(make_line("tax_deduction", year, yuan(part), "deduction_yuan", SOURCE, text, "",
                                  order, role, None, uses))
        advice = tuple(advice)
        family_saved = sum(saved.values())
        for role in roles:
            if claimed[role]:
                text = case.shared_text(_saved_text, role, claimed[role], before[role], after[role],
                                        saved[role], family_saved, advice, best, runner_up)
                add(make_line("tax_saved", year, yuan(saved[role]), "yuan", SOURCE, text, "",
                              None, role, None, tkey))
        repeat_for_years(lines, start, range(year + 1, end))
    return lines


@lru_cache(maxsize=256)
def _advice(advice: tuple[tuple[int, str], ...]) -> tuple[str, str]:
    return ("；".join(f"{ordinal_zh(n)}{SPLIT_ZH[s]}" for n, s in advice),
            "; ".join(f"{ordinal_en(n)}: {SPLIT_EN[s]}" for n, s in advice))


def _saved_text(role, claimed, before, after, saved, family_saved, advice, best, runner_up):
    advice_zh, advice_en = _advice(advice)
    if best and runner_up:
        less = fmt(yuan(runner_up))
        why_zh = f"最省税的分配：{advice_zh}（次优方案少省{less}元）。"
        why_en = f"Best split: {advice_en} (the next best saves {less} yuan less)."
    elif best:
        why_zh, why_en = f"最省税的分配：{advice_zh}（另有分配省税相同）。", \
            f"Best split: {advice_en} (another split saves the same)."
    else:
        why_zh, why_en = f"按所选方式：{advice_zh}。", f"As chosen: {advice_en}."
    role_zh = "母亲" if role == "mother" else "父亲"
    claimed_, before_, after_ = fmt(yuan(claimed)), fmt(yuan(before)), fmt(yuan(after))
    saved_, family_ = fmt(yuan(saved)), fmt(yuan(family_saved))
    return (f"{role_zh}当年扣除子女相关费用{claimed_}元，个税由{before_}元降至"
            f"{after_}元，少缴{saved_}元（家庭合计{family_}元）。{why_zh}"
            "措施第3条提出的二孩、三孩差异化个税政策尚无公布的具体规定，未计入。",
            f"The {role} deducts {claimed_} yuan for the children that year; income tax falls from "
            f"{before_} to {after_} yuan, saving {saved_} "
            f"(family: {family_}). {why_en} No rule for the different treatment of 2nd and 3rd "
            "children that measure §3 asks for has been published, so none is counted.")


@lru_cache(maxsize=256)
def _in_order(uses: frozenset[ParamUse]) -> tuple[ParamUse, ...]:
    """Parameter records by name and date. Records are the policy's own (one per dated value), so this is
    worked out once for all households."""
    return tuple(sorted(uses, key=lambda u: (u.name, u.effective or dt.date.min)))


def _pre_child_taxable(parent, basic_fen: int) -> int:
    """Yearly taxable income before any child deduction, in fen (may be negative: floor comes later)."""
    return (fen(parent.monthly_salary) * 12 - basic_fen - fen(parent.monthly_contributions) * 12
            - fen(parent.other_annual_deductions))


def _portion(total: int, split: str, role: str) -> int:
    if split == "half":
        return total // 2 if role == "mother" else total - total // 2
    return total if split == role else 0


@lru_cache(maxsize=1024)
def _splits(amounts: tuple[int, ...]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Each distinct amount the mother can claim, with the first split reaching it (per child in the
    order mother, father, half). The family's tax depends only on what the mother claims. A function of
    the deduction amounts alone (a few policy figures), so it is worked out once for all households."""
    candidates: dict[int, tuple[str, ...]] = {0: ()}
    for a in amounts:
        nxt: dict[int, tuple[str, ...]] = {}
        for s, ch in candidates.items():
            for k, opt in ((s + a, "mother"), (s, "father"), (s + a // 2, "half")):
                if k not in nxt:
                    nxt[k] = (*ch, opt)
        candidates = nxt
    return tuple(candidates.items())


def _choose(amounts: tuple[int, ...], base: dict[str, int], table: TaxTable, roles: list[str], mode: str):
    """The per-child split and each parent's claim, tax before and after, and the saving.

    Returns (choice, claimed, saved, before, after, runner_up): runner_up is how much less the next best
    split saves (0 on a tie). Ties keep the first split found, in the order mother, father, half per child.
    """
    tax = table.tax
    total = sum(amounts)
    if len(roles) == 1:
        r = roles[0]
        before, after = tax(base[r]), tax(base[r] - total)
        return (r,) * len(amounts), {r: total}, {r: before - after}, {r: before}, {r: after}, 0
    if mode != "best":
        candidates = ((sum(_portion(a, mode, "mother") for a in amounts), (mode,) * len(amounts)),)
    else:
        candidates = _splits(amounts)
    base_m, base_f = base["mother"], base["father"]
    before_m, before_f = tax(base_m), tax(base_f)
    before = before_m + before_f
    father_all = base_f - total  # the father's taxable income if the mother claimed everything
    best = second = None
    for mother_sum, choice in candidates:
        after_m, after_f = tax(base_m - mother_sum), tax(father_all + mother_sum)
        saving = before - after_m - after_f
        if best is None or saving > best[0]:
            if best is not None:
                second = best[0]
            best = (saving, choice, mother_sum, after_m, after_f)
        elif second is None or saving > second:
            second = saving
    best_saving, choice, mother_sum, after_m, after_f = best
    runner_up = best_saving - second if second is not None else 0
    return (choice, {"mother": mother_sum, "father": total - mother_sum},
            {"mother": before_m - after_m, "father": before_f - after_f},
            {"mother": before_m, "father": before_f}, {"mother": after_m, "father": after_f}, runner_up)


def _deduction_text(order: int, cy: ChildYear, split: str, part: int) -> tuple[str, str]:
    this = fmt(yuan(part))
    if cy.infant_months:
        infant = fmt(yuan(cy.infant_fen))
        zh = f"婴幼儿照护{cy.infant_months}个月共{infant}元"
        en = f"infant care {cy.infant_months} months, {infant} yuan"
        if cy.education_months:
            edu = fmt(yuan(cy.education_fen))
            zh += f"，子女教育{cy.education_months}个月共{edu}元"
            en += f"; children's education {cy.education_months} months, {edu} yuan"
    else:
        edu = fmt(yuan(cy.education_fen))
        zh = f"子女教育{cy.education_months}个月共{edu}元"
        en = f"children's education {cy.education_months} months, {edu} yuan"
    return (f"{ordinal_zh(order)}当年：{zh}；{SPLIT_ZH[split]}，本行{this}元。",
            f"{ordinal_en(order)}, that year: {en}; {SPLIT_EN[split]}, this line {this} yuan.")
