"""A dated null: "in force, but the amount is not published from this date on" (issue 12, point 4).

For every money parameter in turn, a null is appended from 2026-01-01 and households are simulated: no
formula may fail on it, and every line that rests on the null value has no amount and says "unpublished"."""

import dataclasses
import datetime as dt

import pytest

from simulator import default_parameters, load_example, parse_case, simulate
from simulator.parameters import ParameterSet

PARAMS = default_parameters()
MONEY_UNITS = {"yuan", "yuan_per_month", "yuan_per_year", "yuan_per_day", "rate"}
MONEY = sorted(n for n, p in PARAMS.items() if p.unit in MONEY_UNITS)
FROM = dt.date(2026, 1, 1)

# A family that reaches every money formula after 2026: births in 2026 and 2027 (2nd and 3rd children),
# both parents taxed, a first provident-fund loan and a home purchase in 2027, training, fees set locally.
FAMILY = {
    "hukou_area": "bengshan", "as_of": "2026-12-01",
    "mother": {"employer": "private", "monthly_salary": 12000, "monthly_contributions": 2000,
               "employer_avg_monthly_wage": 9000,
               "training": {"course_subsidy": 1500, "days": 10, "start": "2027-03-01"}},
    "father": {"employer": "soe", "monthly_salary": 16000, "monthly_contributions": 3000},
    "children": [{"birth_date": "2021-05-01"}, {"birth_date": "2026-04-01"}, {"birth_date": "2027-02-01"}],
    "housing": {"first_provident_fund_loan": True, "provident_fund_loan_ceiling": 500000,
                "buying_home_in_urban_area": True, "loan_date": "2027-06-01"},
}


def with_null(name: str) -> ParameterSet:
    p = PARAMS[name]
    later = [d for d in p.dates if d >= FROM]
    start = max(later) + dt.timedelta(days=1) if later else FROM
    changed = dict(PARAMS.items())
    evidence = p.evidence or ((None, None),) * len(p.dates)
    changed[name] = dataclasses.replace(p, dates=(*p.dates, start), values=(*p.values, None),
                                        evidence=(*evidence, (None, None)))
    return ParameterSet(changed, PARAMS.sources, PARAMS.pack_date)


def test_every_money_parameter_is_covered():
    assert len(MONEY) >= 15
    assert "bengbu.birth_subsidy.second_child" in MONEY and "national.childcare_subsidy.annual_amount" in MONEY


@pytest.mark.parametrize("name", MONEY)
def test_a_null_appended_to_a_money_parameter_gives_unpublished_lines_not_an_error(name):
    params = with_null(name)
    for household in (parse_case(FAMILY), load_example()):
        result = simulate(household, params)
        result.to_dict()  # every explanation written out too
        for line in result.lines:
            rests_on_null = any(u.name == name and u.value is None and u.effective for u in line.uses)
            if rests_on_null and line.id != "childcare_subsidy":  # a month with no amount adds nothing
                assert line.status == "unpublished", (name, line)


def test_a_null_second_child_subsidy_from_2026_leaves_the_2026_child_without_an_amount():
    # the 2nd child is born 2026-04-01, after the null: amount unknown, "unpublished"; totals count it to enter
    result = simulate(parse_case(FAMILY), with_null("bengbu.birth_subsidy.second_child"))
    (line,) = [ln for ln in result.select("birth_subsidy") if ln.child == 2]
    assert line.amount is None and line.status == "unpublished"
    assert "未公布" in line.zh and "not published" in line.en
    (third,) = [ln for ln in result.select("birth_subsidy") if ln.child == 3]
    assert third.amount == 5000.0  # the 3rd-child figure is untouched
    assert result.totals()["amounts_to_enter"] >= 1


def test_a_null_childcare_subsidy_from_2026_pays_only_the_months_of_2025():
    # the 1st child (2021-05) is past the window; a child born 2024-06-15 has months 2024-07..2027-06, of
    # which 2025-01..2025-12 are paid (12 × 300 = 3,600) and none from 2026
    family = dict(FAMILY, children=[{"birth_date": "2024-06-15"}])
    result = simulate(parse_case(family), with_null("national.childcare_subsidy.annual_amount"))
    assert [(ln.year, ln.amount) for ln in result.select("childcare_subsidy")] == [(2025, 3600.0)]
