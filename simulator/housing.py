"""Housing support for families with two or more children — bengbu-2024 §5: a higher provident-fund
loan ceiling for first-time borrowers (and the interest it saves), and the urban-area home-purchase subsidy."""

from __future__ import annotations

import datetime as dt

from .case import Case
from .dates import birthday
from .measure import LineKind, Measure
from .money import fen, share, yuan
from .result import Line
from .vocabulary import COUNTIES, DISTRICTS

SOURCE = "bengbu-2024 §5"
UPLIFT = LineKind("provident_fund_uplift", category="housing", unit="loan_yuan", source=SOURCE,
                  adds_to="loan_capacity")
INTEREST_SAVED = LineKind("provident_fund_interest_saved", category="housing", unit="yuan", source=SOURCE,
                          adds_to="interest_saved")
HOME_PURCHASE = LineKind("home_purchase_subsidy", category="housing", unit="yuan", source=SOURCE,
                         adds_to="money_received")
MONTHS_A_YEAR = 12  # calendar arithmetic, not a policy figure


def loan_date(case: Case) -> dt.date:
    """When the loan or purchase happens: as given, else today or the 2nd birth if that is later."""
    h = case.household.housing
    if h.loan_date:
        return h.loan_date
    if len(case.children) >= 2:
        return max(case.today, case.children[1].born)
    return case.today


def monthly_payment(principal: float, annual_rate: float, months: int) -> float:
    """Equal monthly instalment (等额本息) of a loan."""
    r = annual_rate / MONTHS_A_YEAR
    if r == 0:
        return principal / months
    return principal * r / (1 - (1 + r) ** -months)


def provident_fund(case: Case) -> list[Line]:
    """bengbu-2024 §5: "对首次申请住房公积金贷款且符合申请条件的，将住房公积金贷款额度提高10%-20%" for families
    with two or more children (the rate by number of children is assumed); the interest saved is that of
    the extra amount at the provident-fund rate instead of the commercial benchmark (the 5-year LPR)."""
    h = case.household.housing
    if not h.first_provident_fund_loan:
        return []
    when = loan_date(case)
    kids = sum(child.born <= when for child in case.children)
    if kids < 2:
        return [UPLIFT.line(case, when.year, 0.0, "fewer_than_two", when=when, kids=kids)]
    name = "bengbu.provident_fund.uplift_two_children" if kids == 2 else \
        "bengbu.provident_fund.uplift_three_or_more_children"
    rate, u_rate = case.value(name, when)
    if u_rate.effective is None:
        return [UPLIFT.line(case, when.year, 0.0, "before_measure", when=when, start=case.param(name).dates[0])]
    if rate is None:
        return [UPLIFT.line(case, when.year, None, "rate_unpublished", uses=(u_rate,), when=when),
                INTEREST_SAVED.line(case, when.year, None, "rates_unknown", uses=(u_rate,), when=when)]
    uses = [u_rate]
    if h.provident_fund_loan_ceiling is not None:
        # the family's own ceiling, as the case says (not "locally entered": that is a counselor's local figure)
        ceiling, basis = h.provident_fund_loan_ceiling, "provident_fund_uplift.basis_case"
    else:
        ceiling, u_ceiling = case.value("bengbu.provident_fund.loan_ceiling", when)
        uses.append(u_ceiling)
        basis = "provident_fund_uplift.basis_bengbu"
    if ceiling is None:
        text = case.text("provident_fund_uplift.ceiling_unknown", {"kids": kids, "rate": rate})
        return [UPLIFT.line(case, when.year, None, text, uses=uses),
                INTEREST_SAVED.line(case, when.year, None, text, uses=uses)]
    extra = yuan(share(fen(ceiling), rate))
    lines = [UPLIFT.line(case, when.year, extra, "raised", uses=uses, kids=kids,
                         basis=case.text(basis, {}), ceiling=ceiling, rate=rate, extra=extra)]
    pf_rate, u_pf = case.value("national.provident_fund.loan_rate", when)
    lpr, u_lpr = case.value("national.provident_fund.commercial_benchmark_rate", when)
    uses += [u_pf, u_lpr]
    if pf_rate is None or lpr is None:
        return [*lines, INTEREST_SAVED.line(case, when.year, None, "rates_unknown", uses=uses,
                                            when=when)]
    months = h.loan_years * MONTHS_A_YEAR
    saved = yuan(fen((monthly_payment(extra, lpr, months) - monthly_payment(extra, pf_rate, months)) * months))
    lines.append(INTEREST_SAVED.line(case, when.year, saved, "saved", uses=uses, extra=extra,
                                     pf_rate=pf_rate, lpr=lpr, years=h.loan_years, saved=saved, when=when))
    return lines


def home_purchase_subsidy(case: Case) -> list[Line]:
    """bengbu-2024 §5: "对于市区生育二孩、三孩未满18周岁的家庭在市区购买自住房的，可给予购房补贴等政策支持。
    各县结合本地实际自行制定住房保障支持措施" — amounts set locally."""
    hh = case.household
    if not hh.housing.buying_home_in_urban_area:
        return []
    when = loan_date(case)

    def line(amount, text, uses=(), /, **values):
        return HOME_PURCHASE.line(case, when.year, amount, text, uses=uses, **values)

    if hh.hukou_area not in DISTRICTS and hh.hukou_area not in COUNTIES:
        return [line(0.0, "hukou_outside")]
    limit, u_age = case.value("bengbu.housing.child_age_limit", when)
    if u_age.effective is None:
        return [line(0.0, "before_measure", when=when, start=case.param("bengbu.housing.child_age_limit").dates[0])]
    eligible = [child for child in case.children
                if child.order in (2, 3) and child.born <= when < birthday(child.born, limit)]
    if not eligible:
        return [line(0.0, "no_young_second_or_third", (u_age,), when=when, limit=limit)]
    amount, u = case.value("bengbu.housing.home_purchase_subsidy", when)
    if hh.hukou_area in COUNTIES:
        return [line(None, "county", (u_age, u))]
    if amount is None:
        return [line(None, "amount_set_locally", (u_age, u), limit=limit)]
    return [line(amount, "entered", (u_age, u), limit=limit, amount=amount)]


MEASURES = (
    Measure("provident_fund", provident_fund, lines=(UPLIFT, INTEREST_SAVED)),
    Measure("home_purchase_subsidy", home_purchase_subsidy, lines=(HOME_PURCHASE,)),
)
