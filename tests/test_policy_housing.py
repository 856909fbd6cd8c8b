"""Housing — bengbu-2024 §5: the provident-fund loan uplift and the urban-area home-purchase subsidy.

Uplift: a first-time provident-fund (公积金) borrower in a family with 2 or more children at the loan date
may borrow 10%–20% more: 10% with two children, 20% with three (assumed). Bengbu's ceiling is unpublished,
so without one the amount is unknown (None, 'unpublished'); a ceiling typed into the case makes it 'local'.
The interest saved is that extra amount at the provident-fund rate instead of the 5-year LPR, equal monthly
instalments over the term, rates in force on the loan date.

Home purchase: an urban-area family with a 2nd or 3rd child under 18 buying a home to live in; amount
unpublished; counties set their own.
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

def test_not_a_first_provident_fund_loan_gives_no_uplift_line():
    result = run({"first_provident_fund_loan": False, "provident_fund_loan_ceiling": 600000})
    assert result.select("provident_fund_uplift") == []
    assert result.select("provident_fund_interest_saved") == []


def test_family_with_one_child_at_the_loan_date_gets_no_uplift():
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"), children=["2020-01-01"])
    assert one(result, "provident_fund_uplift").amount == 0
    assert result.select("provident_fund_interest_saved") == []


def test_second_child_born_the_day_after_the_loan_does_not_count():
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"),
                 children=["2020-01-01", "2025-06-02"])
    assert one(result, "provident_fund_uplift").amount == 0


def test_second_child_born_on_the_loan_date_counts():
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"),
                 children=["2020-01-01", "2025-06-01"])
    assert one(result, "provident_fund_uplift").amount == 60000


def test_two_children_raise_the_ceiling_10_percent():
    # 600,000 × 10% = 60,000
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"))
    line = one(result, "provident_fund_uplift")
    assert line.amount == 60000
    assert line.unit == "loan_yuan"
    assert result.totals()["loan_capacity"] == 60000


def test_three_children_raise_the_ceiling_20_percent_which_is_marked_assumed():
    # 600,000 × 20% = 120,000
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"),
                 children=["2018-01-01", "2019-01-01", "2020-01-01"])
    line = one(result, "provident_fund_uplift")
    assert line.amount == 120000
    assert "assumed" in line.flags


def test_four_children_get_the_three_child_rate():
    result = run(loan(provident_fund_loan_ceiling=500000, loan_date="2025-06-01"),
                 children=["2016-01-01", "2018-01-01", "2019-01-01", "2020-01-01"])
    assert one(result, "provident_fund_uplift").amount == 100000


def test_uplift_is_to_the_fen():
    # 123,456.78 × 10% = 12,345.678 → 12,345.68
    result = run(loan(provident_fund_loan_ceiling=123456.78, loan_date="2025-06-01"))
    assert one(result, "provident_fund_uplift").amount == 12345.68


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

def test_interest_saved_on_60000_over_30_years_at_the_rates_of_2025_06_01():
    # On 2025-06-01: provident fund 2.6% (from 2025-05-08), LPR 3.5% (from 2025-05-20). 360 months.
    #   LPR: r = 0.035/12 = 0.00291667, (1+r)^360 = 2.853287, instalment = 175 / (1 − 1/2.853287) = 269.426813
    #   PF:  r = 0.026/12 = 0.00216667, (1+r)^360 = 2.179632, instalment = 130 / (1 − 1/2.179632) = 240.203827
    #   saved = (269.426813 − 240.203827) × 360 = 29.222986 × 360 = 10,520.27 (rounded once, at the end)
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2025-06-01"))
    line = one(result, "provident_fund_interest_saved")
    assert line.amount == 10520.27
    assert line.amount == round((annuity(60000, 0.035, 360) - annuity(60000, 0.026, 360)) * 360, 2)
    assert result.totals()["interest_saved"] == 10520.27


def test_interest_saved_over_a_20_year_term():
    # 2024-12-01: PF 2.85%, LPR 3.6%; 120,000 (20% of 600,000), 240 months
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2024-12-01", loan_years=20),
                 children=["2018-01-01", "2019-01-01", "2020-01-01"])
    expected = round((annuity(120000, 0.036, 240) - annuity(120000, 0.0285, 240)) * 240, 2)
    assert expected == 10941.91
    assert one(result, "provident_fund_interest_saved").amount == expected


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


def test_loan_date_defaults_to_the_later_of_as_of_and_the_second_birth():
    # as_of 2026-01-01, 2nd child born 2026-03-01 → the loan is taken to be on 2026-03-01
    result = run(loan(provident_fund_loan_ceiling=600000), children=["2020-01-01", "2026-03-01"])
    line = one(result, "provident_fund_uplift")
    assert line.year == 2026
    assert line.amount == 60000


def test_loan_taken_before_the_measure_existed_gives_no_uplift():
    # §5 is part of the 2024 measures (its parameters start 2024-01-01): a loan on 2023-12-31 is not raised,
    # one on 2024-01-01 is.
    before = run(loan(provident_fund_loan_ceiling=600000, loan_date="2023-12-31"))
    assert [ln.amount for ln in before.select("provident_fund_uplift")] in ([], [0])
    assert [ln.amount for ln in before.select("provident_fund_interest_saved")] in ([], [0])
    after = run(loan(provident_fund_loan_ceiling=600000, loan_date="2024-01-01"))
    assert one(after, "provident_fund_uplift").amount == 60000


# --- home-purchase subsidy ------------------------------------------------------------------------------

def buy(**more):
    return {"buying_home_in_urban_area": True, **more}


def test_not_buying_a_home_gives_no_home_purchase_line():
    assert run({}).select("home_purchase_subsidy") == []


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


def test_family_registered_outside_bengbu_gets_no_home_purchase_subsidy():
    assert one(run(buy(loan_date="2025-06-01"), area="outside"), "home_purchase_subsidy").amount == 0


def test_family_with_only_one_child_gets_no_home_purchase_subsidy():
    line = one(run(buy(loan_date="2025-06-01"), children=["2024-01-01"]), "home_purchase_subsidy")
    assert line.amount == 0


def test_fourth_child_alone_under_18_does_not_qualify():
    # children born 2000, 2001, 2002, 2024: in 2025 the 2nd and 3rd are adults; the measure names 2nd/3rd
    line = one(run(buy(loan_date="2025-06-01"), children=["2000-01-01", "2001-01-01", "2002-01-01", "2024-01-01"]),
               "home_purchase_subsidy")
    assert line.amount == 0


def test_second_child_under_18_on_the_day_before_the_18th_birthday_qualifies():
    params = default_parameters().with_local({HOME: 30000})
    line = one(run(buy(loan_date="2041-12-31"), children=["2020-01-01", "2024-01-01"], params=params),
               "home_purchase_subsidy")
    assert line.amount == 30000


def test_second_child_turning_18_on_the_purchase_day_no_longer_qualifies():
    params = default_parameters().with_local({HOME: 30000})
    line = one(run(buy(loan_date="2042-01-01"), children=["2020-01-01", "2024-01-01"], params=params),
               "home_purchase_subsidy")
    assert line.amount == 0


def test_home_bought_before_the_measure_existed_gets_no_home_purchase_money():
    # the subsidy's parameters start 2024-01-01: a purchase on 2023-12-31 cannot receive the local figure
    params = default_parameters().with_local({HOME: 30000})
    result = run(buy(loan_date="2023-12-31"), params=params)
    assert [ln.amount for ln in result.select("home_purchase_subsidy")] in ([], [0], [None])
    on_the_day = run(buy(loan_date="2024-01-01"), params=params)
    assert one(on_the_day, "home_purchase_subsidy").amount == 30000


def test_uplift_year_follows_the_loan_date():
    result = run(loan(provident_fund_loan_ceiling=600000, loan_date="2027-03-01"))
    assert one(result, "provident_fund_uplift").year == 2027
