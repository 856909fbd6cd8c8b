"""Maternity allowance (生育津贴) — cn-lp619 Art. 8, cn-sil Art. 56.

For a mother with employee maternity insurance: the employer's average monthly wage of the previous year
÷ 30 × maternity-leave days (all of them, the Anhui 60 included — assumed), to the fen, rounded half up.
Flexible workers and residents get no allowance.
"""

import pytest

from simulator import Household, simulate


def run(mother, children=("2024-06-01",), losses=()):
    return simulate(Household.model_validate({
        "hukou_area": "longzihu", "as_of": "2026-06-30", "mother": mother, "father": {},
        "children": [c if isinstance(c, dict) else {"birth_date": c} for c in children],
        "pregnancy_losses": list(losses)}))


def allowance(result):
    return [ln.amount for ln in result.select("maternity_allowance")]


def test_allowance_is_the_employer_average_wage_over_30_times_158_days():
    # 8,000 ÷ 30 × 158 = 1,264,000 ÷ 30 = 42,133.333… → 42,133.33
    result = run({"employer_avg_monthly_wage": 8000})
    assert allowance(result) == [42133.33]
    line = result.select("maternity_allowance")[0]
    assert line.year == 2024
    assert line.parent == "mother"
    assert line.payers == {"maternity_insurance": 42133.33}


def test_allowance_rounds_half_up_to_the_fen():
    # 7,777 ÷ 30 × 158 = 1,228,766 ÷ 30 = 40,958.866… → 40,958.87
    assert allowance(run({"employer_avg_monthly_wage": 7777})) == [40958.87]


def test_allowance_that_divides_exactly():
    # 9,000 ÷ 30 × 158 = 300 × 158 = 47,400.00
    assert allowance(run({"employer_avg_monthly_wage": 9000})) == [47400]


def test_allowance_pays_the_15_extra_days_of_a_difficult_birth():
    # 8,000 ÷ 30 × 173 = 1,384,000 ÷ 30 = 46,133.333… → 46,133.33
    result = run({"employer_avg_monthly_wage": 8000}, children=[{"birth_date": "2024-06-01", "difficult_birth": True}])
    assert allowance(result) == [46133.33]


def test_twins_are_one_birth_with_one_allowance_for_173_days():
    # 158 + 15 for the second baby = 173 → 46,133.33, once
    result = run({"employer_avg_monthly_wage": 8000}, children=["2024-06-01", "2024-06-01"])
    assert allowance(result) == [46133.33]


def test_each_birth_earns_its_own_allowance():
    result = run({"employer_avg_monthly_wage": 6000}, children=["2024-06-01", "2026-02-01"])
    # 6,000 ÷ 30 × 158 = 200 × 158 = 31,600 each
    assert allowance(result) == [31600, 31600]
    assert result.totals()["money_received"] >= 63200


@pytest.mark.parametrize(("months", "days", "expected"), [(3, 15, 4000), (4, 42, 11200)])
def test_miscarriage_leave_is_paid_too(months, days, expected):
    # 8,000 ÷ 30 × 15 = 4,000.00; 8,000 ÷ 30 × 42 = 11,200.00
    result = run({"employer_avg_monthly_wage": 8000}, children=(),
                 losses=[{"date": "2025-03-01", "months_pregnant": months}])
    assert allowance(result) == [expected]
    assert expected == round(8000 / 30 * days, 2)


@pytest.mark.parametrize("insurance", ["flexible_employee", "resident", "none"])
def test_mother_without_employee_maternity_insurance_gets_no_allowance(insurance):
    result = run({"insurance": insurance, "monthly_salary": 9000, "employer_avg_monthly_wage": 9000})
    assert allowance(result) == [0]
    assert result.select("maternity_allowance")[0].text("en")


def test_missing_employer_average_wage_is_estimated_from_her_own_salary_and_marked_assumed():
    # 6,300 ÷ 30 × 158 = 210 × 158 = 33,180.00
    result = run({"monthly_salary": 6300})
    line = result.select("maternity_allowance")[0]
    assert line.amount == 33180
    assert line.status == "assumed"
    assert "estimate" in line.text("en")
    assert "估算" in line.text("zh")


def test_the_employer_average_wage_is_used_rather_than_her_own_salary_when_given():
    # 5,000 ÷ 30 × 158 = 26,333.333… → 26,333.33 (her own 20,000 salary does not enter)
    assert allowance(run({"monthly_salary": 20000, "employer_avg_monthly_wage": 5000})) == [26333.33]


def test_no_wage_at_all_leaves_the_amount_unknown_not_zero():
    result = run({"monthly_salary": 0})
    assert allowance(result) == [None]


def test_a_household_without_a_mother_has_no_maternity_allowance():
    result = simulate(Household.model_validate({
        "hukou_area": "longzihu", "as_of": "2026-06-30", "father": {"monthly_salary": 9000},
        "children": [{"birth_date": "2024-06-01"}]}))
    assert result.select("maternity_allowance") == []


# --- births before the rules in this pack: both sides of 2011-07-01 (÷30) and 2012-04-28 (98 days) ------------

def test_a_birth_on_the_day_the_national_98_days_begin_is_paid_98_days():
    # 2012-04-28: 98 days, no Anhui extension yet (from 2021-11-19). 8,000 ÷ 30 × 98 = 26,133.333… → 26,133.33
    assert allowance(run({"employer_avg_monthly_wage": 8000}, children=["2012-04-28"])) == [26133.33]


@pytest.mark.parametrize("born", ["2012-04-27", "2011-07-01", "2011-06-30", "1995-03-01"])
def test_a_birth_before_the_earliest_leave_or_allowance_rule_is_not_computed_and_says_so(born):
    result = run({"employer_avg_monthly_wage": 8000}, children=[born])
    assert allowance(result) == [0.0]
    line = result.select("maternity_allowance")[0]
    assert line.zh == f"{born}的生育早于本数据包最早的生育津贴或产假规定，当时的生育津贴按当时的规定发放，这里不计算。"
    leave = result.select("maternity_leave")[0]
    assert leave.amount == 0.0
    assert leave.zh == f"{born}生育：早于本数据包最早的产假规定（2012-04-28施行），按当时的规定休假，这里不计算。"


def test_a_miscarriage_before_the_earliest_leave_rule_is_not_computed():
    result = run({"employer_avg_monthly_wage": 8000}, children=[],
                 losses=[{"date": "2012-04-27", "months_pregnant": 5}, {"date": "2012-04-28", "months_pregnant": 5}])
    # from 4 months: 42 days; 8,000 ÷ 30 × 42 = 11,200.00
    assert allowance(result) == [0.0, 11200.0]
    assert [ln.amount for ln in result.select("maternity_leave")] == [0.0, 42.0]
