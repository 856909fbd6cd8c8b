"""Housing support for families with two or more children — bengbu-2024 §5: a higher provident-fund
loan ceiling for first-time borrowers (and the interest it saves), and the urban-area home-purchase subsidy."""

from __future__ import annotations

import datetime as dt

from .case import Case
from .dates import birthday
from .household import COUNTIES, DISTRICTS
from .money import fen, fmt, pct, share, yuan
from .result import Line, ParamUse, make_line, use

SOURCE = "bengbu-2024 §5"


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
    r = annual_rate / 12
    if r == 0:
        return principal / months
    return principal * r / (1 - (1 + r) ** -months)


def provident_fund(case: Case) -> list[Line]:
    h = case.household.housing
    if not h.first_provident_fund_loan:
        return []
    when = loan_date(case)
    kids = sum(oc.born <= when for oc in case.children)
    if kids < 2:
        zh = f"{when}申请时家庭子女{kids}个：额度上浮只适用于二孩及以上家庭首次申请公积金贷款。"
        en = f"At the loan on {when} the family has {kids} child(ren): the raise is for families with two or more."
        return [make_line("provident_fund_uplift", when.year, 0.0, "loan_yuan", SOURCE, zh, en)]
    name = "bengbu.provident_fund.uplift_two_children" if kids == 2 else \
        "bengbu.provident_fund.uplift_three_or_more_children"
    rate, u_rate = use(case.p(name), when)
    if rate is None:
        start = case.p(name).dates[0]
        return [make_line("provident_fund_uplift", when.year, 0.0, "loan_yuan", SOURCE,
                          f"{when}的贷款早于{start}起实施的额度上浮措施：不适用。",
                          f"A loan on {when} comes before the ceiling raise began on {start}: not eligible.")]
    uses: list[ParamUse] = [u_rate]
    if h.provident_fund_loan_ceiling is not None:
        ceiling, status = h.provident_fund_loan_ceiling, "local"
        basis_zh, basis_en = "本案例填写的贷款额度", "the ceiling entered in the case"
    else:
        ceiling, u_c = use(case.p("bengbu.provident_fund.loan_ceiling"), when)
        uses.append(u_c)
        status = ""
        basis_zh, basis_en = "蚌埠公积金贷款最高额度", "Bengbu's provident-fund loan ceiling"
    if ceiling is None:
        zh = (f"{kids}个子女、首次申请公积金贷款：额度上浮{pct(rate)}（假设）。蚌埠的贷款最高额度未公布，"
              "请填写本人可贷额度或当地额度后计算。")
        en = (f"{kids} children, first provident-fund loan: ceiling raised {pct(rate)} (assumed). Bengbu's ceiling "
              "is not published; enter the family's or the local ceiling to see the amount.")
        return [make_line("provident_fund_uplift", when.year, None, "loan_yuan", SOURCE, zh, en, uses=tuple(uses)),
                make_line("provident_fund_interest_saved", when.year, None, "yuan", SOURCE, zh, en, uses=tuple(uses))]
    extra = yuan(share(fen(ceiling), rate))
    lines = [make_line("provident_fund_uplift", when.year, extra, "loan_yuan", SOURCE,
                       f"{kids}个子女、首次申请公积金贷款：{basis_zh}{fmt(ceiling)}元上浮{pct(rate)}，可多贷{fmt(extra)}元。",
                       f"{kids} children, first provident-fund loan: {basis_en} of {fmt(ceiling)} yuan raised "
                       f"{pct(rate)}: {fmt(extra)} yuan more can be borrowed.",
                       uses=tuple(uses), status=status)]
    pf_rate, u_pf = use(case.p("national.provident_fund.loan_rate"), when)
    lpr, u_lpr = use(case.p("national.provident_fund.commercial_benchmark_rate"), when)
    months = h.loan_years * 12
    saved = yuan(fen((monthly_payment(extra, lpr, months) - monthly_payment(extra, pf_rate, months)) * months))
    lines.append(make_line(
        "provident_fund_interest_saved", when.year, saved, "yuan", SOURCE,
        f"多贷的{fmt(extra)}元按公积金利率{pct(pf_rate)}而非商业贷款基准（5年期以上LPR）{pct(lpr)}、{h.loan_years}年"
        f"等额本息计，共少付利息{fmt(saved)}元（{when}的利率）。",
        f"The extra {fmt(extra)} yuan at the provident-fund rate of {pct(pf_rate)} instead of the commercial "
        f"benchmark (5-year LPR) of {pct(lpr)}, equal instalments over {h.loan_years} years, saves {fmt(saved)} "
        f"yuan of interest (rates on {when}).",
        uses=(*uses, u_pf, u_lpr), status=status))
    return lines


def home_purchase_subsidy(case: Case) -> list[Line]:
    hh = case.household
    if not hh.housing.buying_home_in_urban_area:
        return []
    when = loan_date(case)
    param = case.p("bengbu.housing.home_purchase_subsidy")
    if hh.hukou_area not in DISTRICTS and hh.hukou_area not in COUNTIES:
        return [make_line("home_purchase_subsidy", when.year, 0.0, "yuan", SOURCE,
                          "户籍不在蚌埠市：本项购房补贴不适用。",
                          "Hukou outside Bengbu: this home-purchase subsidy does not apply.")]
    limit, u_age = use(case.p("bengbu.housing.child_age_limit"), when)
    if limit is None:
        start = case.p("bengbu.housing.child_age_limit").dates[0]
        return [make_line("home_purchase_subsidy", when.year, 0.0, "yuan", SOURCE,
                          f"{when}购房早于{start}起实施的购房支持措施：不适用。",
                          f"A purchase on {when} comes before the home-purchase support began on {start}: not eligible.")]
    eligible = [oc for oc in case.children if oc.order in (2, 3) and oc.born <= when < birthday(oc.born, limit)]
    if not eligible:
        return [make_line("home_purchase_subsidy", when.year, 0.0, "yuan", SOURCE,
                          f"{when}购房时家中没有未满{limit}周岁的二孩或三孩：不适用。",
                          f"At the purchase on {when} the family has no 2nd or 3rd child under {limit}: not eligible.",
                          uses=(u_age,))]
    amount, u = use(param, when)
    if hh.hukou_area in COUNTIES:
        zh = "县域家庭：购房支持由各县自行制定，金额以当地通知为准。"
        en = "County household: each county sets its own home-purchase support; the amount is set by local notice."
    elif amount is None:
        zh = f"市区有未满{limit}周岁二孩/三孩的家庭在市区购买自住房可获购房补贴；金额未公布，以当地通知为准，可由工作人员录入。"
        en = (f"An urban-area family with a 2nd or 3rd child under {limit} buying a home to live in may get a "
              "purchase subsidy; the amount is set by local notice and can be entered by a counselor.")
    else:
        zh = f"市区有未满{limit}周岁二孩/三孩的家庭在市区购买自住房：购房补贴{fmt(amount)}元（当地录入的金额）。"
        en = (f"Urban-area family with a 2nd or 3rd child under {limit} buying a home to live in: purchase subsidy "
              f"of {fmt(amount)} yuan (locally entered figure).")
    if hh.hukou_area in COUNTIES:
        amount = None
    return [make_line("home_purchase_subsidy", when.year, amount, "yuan", SOURCE, zh, en, uses=(u_age, u))]
