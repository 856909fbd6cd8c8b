"""One-time birth subsidy for a 2nd and 3rd child, and who pays it — bengbu-2024 §4."""

from __future__ import annotations

from .case import Case, OrderedChild
from .measure import LineKind, Measure
from .money import fen, share, yuan
from .parameters import ParamUse
from .result import Line
from .texts import Text
from .vocabulary import COUNTIES, DISTRICTS, PUBLIC_EMPLOYERS

BIRTH_SUBSIDY = LineKind("birth_subsidy", category="cash", unit="yuan", source="bengbu-2024 §4",
                         adds_to="money_received")
# The parameter of each birth order the measure names; any other child gets nothing from it.
AMOUNT_BY_ORDER = {2: "bengbu.birth_subsidy.second_child", 3: "bengbu.birth_subsidy.third_child"}


def birth_subsidy(case: Case) -> list[Line]:
    """bengbu-2024 §4: "2024年1月1日起，对夫妻双方依法生育并户口登记在我市的第二、三个子女，分别给予一次性
    2000元、5000元补助", paid once in the year of birth."""
    return [subsidy_for(case, child) for child in case.children]


def subsidy_for(case: Case, child: OrderedChild) -> Line:
    def line(amount, text, uses=(), /, payers=None, **values):
        return BIRTH_SUBSIDY.line(case, child.born.year, amount, text, child=child.order, payers=payers,
                                  uses=uses, order=child.order, born=child.born, **values)

    if child.order not in AMOUNT_BY_ORDER:
        return line(0.0, "not_second_or_third")
    name = AMOUNT_BY_ORDER[child.order]
    amount, u = case.value(name, child.born)
    start = case.param(name).dates[0]
    if u.effective is None:
        return line(0.0, "before_measure", (u,), start=start)
    if not case.household.parents_married:  # "夫妻双方依法生育": the measure is for a married couple's child
        return line(0.0, "parents_not_married", (u,))
    if not child.child.hukou_in_bengbu or case.household.hukou_area == "outside":
        return line(0.0, "hukou_outside", (u,))
    if amount is None:
        return line(None, "amount_unpublished", (u,), since=u.effective)
    payers, payer_uses, payer_text = who_pays(case, fen(amount), child)
    return line(yuan(fen(amount)), "granted", (u, *payer_uses), payers, start=start, amount=amount, payer=payer_text)


def who_pays(case: Case, amount_fen: int, child: OrderedChild
             ) -> tuple[dict[str, float] | None, tuple[ParamUse, ...], Text]:
    """§4: a parent's public employer (state organ, public institution, state-owned enterprise) pays;
    otherwise the hukou area: a district shares it with the city (市与区按照3:7), a county pays alone. The
    employer is the one each parent works for on the child's birth date."""
    hh = case.household
    public = [role for role, parent in hh.parents() if parent.job_on(child.born).employer in PUBLIC_EMPLOYERS]
    if public:
        role, uses = public[0], ()
        if len(public) == 2:
            role, u = case.value("bengbu.birth_subsidy.employer_payer_when_both_public", child.born)
            uses = (u,)
        return {"employer": yuan(amount_fen)}, uses, case.text("birth_subsidy.paid_by_employer", {"role": role})
    area = hh.hukou_area
    if area in DISTRICTS:
        rate, u = case.value("bengbu.birth_subsidy.city_share_in_districts", child.born)
        if rate is None:  # no city share in force on the birth date (or not published): the split is unknown
            return None, (u,), case.text("birth_subsidy.paid_by_district_split_unknown", {"area": area})
        city = share(amount_fen, rate)
        text = case.text("birth_subsidy.paid_by_district", {"rate": rate, "city": yuan(city), "area": area,
                                                            "rest": yuan(amount_fen - city)})
        return {"city": yuan(city), area: yuan(amount_fen - city)}, (u,), text
    assert area in COUNTIES
    return {area: yuan(amount_fen)}, (), case.text("birth_subsidy.paid_by_county", {"area": area})


MEASURE = Measure("birth_subsidy", birth_subsidy, lines=(BIRTH_SUBSIDY,))
