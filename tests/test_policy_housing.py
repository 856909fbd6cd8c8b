"""Housing — bengbu-2024 §5: the provident-fund loan uplift and the urban-area home-purchase subsidy.

Uplift: a first-time provident-fund (公积金) borrower in a family with 2 or more children at the loan date
may borrow 10%–20% more: 10% with two children, 20% with three (assumed). Bengbu's ceiling is unpublished,
so without one the amount is unknown (None, 'unpublished'); a ceiling typed into the case makes it 'local'.
The interest saved is that extra amount at the provident-fund rate instead of the 5-year LPR, equal monthly
instalments over the term, rates in force on the loan date.

Home purchase: an urban-area family with a 2nd or 3rd child under 18 buying a home to live in; amount
unpublished; counties set their own.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/housing.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
"""

import pytest

from simulator import Household, default_parameters, simulate

CEILING = "bengbu.provident_fund.loan_ceiling"
HOME = "bengbu.housing.home_purchase_subsidy"


def run(housing, children=("2019-01-01", "2020-01-01"), area="longzihu", params=None, as_of="2026-01-01"):
    return simulate(Household.model_validate({
        "hukou_area": area, "as_of": as_of, "mother": {}, "father": {},
        "children": [{"birth_date": b} for b in children], "housing": housing}), params)


def loan(**more):
    return {"first_provident_fund_loan": True, **more}


def one(result, line_id):
    (line,) = result.select(line_id)
    return line


def annuity(principal, annual_rate, months):
    """Equal monthly instalment: P·r / (1 − (1 + r)^−n), r = annual rate / 12."""
    r = annual_rate / 12
    return principal * r / (1 - (1 + r) ** -months)


# --- who qualifies --------------------------------------------------------------------------------------

def test_three_children_raise_the_ceiling_20_percent_which_is_marked_assumed():
    # 600,000 × 20% = 120,000
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"),
                 children=["2018-01-01", "2019-01-01", "2020-01-01"])
    line = one(result, "provident_fund_uplift")
    assert line.amount == 120000
    assert "assumed" in line.flags


# --- unpublished, local ---------------------------------------------------------------------------------

def test_unknown_ceiling_leaves_both_amounts_unknown_and_unpublished():
    result = run(loan(loan_date="2025-06-01"))
    for line_id in ("provident_fund_uplift", "provident_fund_interest_saved"):
        line = one(result, line_id)
        assert line.amount is None
        assert line.status == "unpublished"
    assert result.totals()["amounts_to_enter"] >= 2


def test_a_ceiling_typed_into_the_case_is_not_locally_entered_and_the_assumed_uplift_shows():
    # "locally entered" is a counselor's local figure only; the family's own ceiling is an input, and the
    # uplift rests on the assumed 10 % for two children, so both lines are "assumed" (the weakest they rest on)
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"))
    assert one(result, "provident_fund_uplift").status == "assumed"
    assert one(result, "provident_fund_interest_saved").status == "assumed"
    assert "local" not in one(result, "provident_fund_uplift").flags


def test_counselors_local_ceiling_is_used_and_marked_local():
    params = default_parameters().with_local({CEILING: 600000})
    result = run(loan(loan_date="2025-06-01"), params=params)
    line = one(result, "provident_fund_uplift")
    assert line.amount == 60000
    assert line.status == "local"
    assert CEILING in result.local_parameters


# --- interest saved -------------------------------------------------------------------------------------

def rates_used(result):
    line = one(result, "provident_fund_interest_saved")
    return {u.name.rsplit(".", 1)[1]: u.value for u in line.uses if u.name.startswith("national.provident_fund.")}


@pytest.mark.parametrize(("day", "pf", "lpr"), [
    ("2024-05-17", 0.031, 0.0395),
    ("2024-05-18", 0.0285, 0.0395),
    ("2024-10-20", 0.0285, 0.0385),
    ("2024-10-21", 0.0285, 0.036),
    ("2025-05-07", 0.0285, 0.036),
    ("2025-05-08", 0.026, 0.036),
    ("2025-05-19", 0.026, 0.036),
    ("2025-05-20", 0.026, 0.035),
])
def test_rates_in_force_on_the_loan_date_are_used_on_both_sides_of_each_change(day, pf, lpr):
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date=day))
    assert rates_used(result) == {"loan_rate": pf, "commercial_benchmark_rate": lpr}
    assert one(result, "provident_fund_interest_saved").amount == round(
        (annuity(60000, lpr, 360) - annuity(60000, pf, 360)) * 360, 2)


# --- home-purchase subsidy ------------------------------------------------------------------------------

def buy(**more):
    return {"buying_home_in_urban_area": True, **more}


def test_urban_family_with_a_second_child_buying_a_home_is_entitled_but_the_amount_is_unpublished():
    line = one(run(buy(loan_date="2025-06-01")), "home_purchase_subsidy")
    assert line.amount is None
    assert line.status == "unpublished"
    assert line.category == "housing"
    assert line.text("en") and line.text("zh")


@pytest.mark.parametrize("district", ["longzihu", "bengshan", "yuhui", "huaishang"])
def test_counselors_local_figure_is_paid_in_every_district_and_marked_local(district):
    params = default_parameters().with_local({HOME: 30000})
    line = one(run(buy(loan_date="2025-06-01"), area=district, params=params), "home_purchase_subsidy")
    assert line.amount == 30000
    assert line.status == "local"
    assert run(buy(loan_date="2025-06-01"), area=district, params=params).totals()["money_received"] >= 30000


@pytest.mark.parametrize("county", ["huaiyuan", "wuhe", "guzhen"])
def test_county_families_get_their_countys_own_support_whose_amount_is_unpublished(county):
    params = default_parameters().with_local({HOME: 30000})
    line = one(run(buy(loan_date="2025-06-01"), area=county, params=params), "home_purchase_subsidy")
    assert line.amount is None


