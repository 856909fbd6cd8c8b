"""One-time birth subsidy for a 2nd and 3rd child, and who pays it — bengbu-2024 §4."""

from __future__ import annotations

import datetime as dt

from .case import Case, OrderedChild, ordinal_en, ordinal_zh
from .household import COUNTIES, DISTRICTS, PUBLIC_EMPLOYERS
from .money import fen, fmt, pct, share, yuan
from .result import Line, ParamUse, make_line, use

SOURCE = "bengbu-2024 §4"
BY_ORDER = {2: "bengbu.birth_subsidy.second_child", 3: "bengbu.birth_subsidy.third_child"}
AREA_ZH = {"longzihu": "龙子湖区", "bengshan": "蚌山区", "yuhui": "禹会区", "huaishang": "淮上区",
           "huaiyuan": "怀远县", "wuhe": "五河县", "guzhen": "固镇县", "outside": "蚌埠市外"}
PARENT_ZH = {"mother": "母亲", "father": "父亲"}


def birth_subsidy(case: Case) -> list[Line]:
    return [_for_child(case, oc) for oc in case.children]


def _for_child(case: Case, oc: OrderedChild) -> Line:
    n, year = oc.order, oc.born.year
    zh_n, en_n = ordinal_zh(n), ordinal_en(n)

    def nothing(zh: str, en: str, uses: tuple[ParamUse, ...] = ()) -> Line:
        return make_line("birth_subsidy", year, 0.0, "yuan", SOURCE, zh, en, child=n, uses=uses)

    if n not in BY_ORDER:
        return nothing(f"{zh_n}：本措施只对二孩、三孩给予一次性补助。",
                       f"{en_n}: the measure pays a one-time subsidy for the 2nd and 3rd child only.")
    param = case.p(BY_ORDER[n])
    amount, u = use(param, oc.born)
    start = param.dates[0]
    if amount is None and oc.born < start:
        return nothing(f"{zh_n}生于{oc.born}，早于补助起始日{start}，不予补助。",
                       f"{en_n} born {oc.born}, before the subsidy began on {start}: no subsidy.", (u,))
    if not oc.child.hukou_in_bengbu or case.household.hukou_area == "outside":
        return nothing(f"{zh_n}：户口须登记在蚌埠市才能领取（{fmt(amount)}元）。",
                       f"{en_n}: the child's hukou must be registered in Bengbu to receive {fmt(amount)} yuan.", (u,))
    payers, uses, zh_p, en_p = _payers(case, fen(amount), oc.born)
    return make_line("birth_subsidy", year, yuan(fen(amount)), "yuan", SOURCE,
                     f"{zh_n}生于{oc.born}（{start}起实施），夫妻依法生育且户口在蚌埠，一次性补助{fmt(amount)}元；{zh_p}",
                     f"{en_n} born {oc.born} (measure in force from {start}), born to a married couple with hukou in "
                     f"Bengbu: one-time subsidy of {fmt(amount)} yuan; {en_p}",
                     child=n, payers=payers, uses=(u, *uses))


def _payers(case: Case, amount_fen: int, born: dt.date) -> tuple[dict[str, float], tuple[ParamUse, ...], str, str]:
    """Who pays: a public employer, else the hukou area (districts share it with the city)."""
    hh = case.household
    public = [role for role, p in hh.parents() if p.employer in PUBLIC_EMPLOYERS]
    if public:
        uses: tuple[ParamUse, ...] = ()
        role = public[0]
        if len(public) == 2:
            role, u = use(case.p("bengbu.birth_subsidy.employer_payer_when_both_public"), born)
            uses = (u,)
        return ({"employer": yuan(amount_fen)}, uses,
                f"由{PARENT_ZH[role]}所在的机关、事业单位或国有企业承担。",
                f"paid by the {role}'s employer (state organ, public institution or state-owned enterprise).")
    area = hh.hukou_area
    if area in DISTRICTS:
        rate, u = use(case.p("bengbu.birth_subsidy.city_share_in_districts"), born)
        city = share(amount_fen, rate)
        return ({"city": yuan(city), area: yuan(amount_fen - city)}, (u,),
                f"由市级承担{pct(rate)}（{fmt(yuan(city))}元）、{AREA_ZH[area]}承担其余（{fmt(yuan(amount_fen - city))}元）。",
                f"the city pays {pct(rate)} ({fmt(yuan(city))} yuan) and {area} district the rest "
                f"({fmt(yuan(amount_fen - city))} yuan).")
    assert area in COUNTIES
    return ({area: yuan(amount_fen)}, (),
            f"由{AREA_ZH[area]}全额承担。", f"paid in full by {area} county.")
