"""Maternity allowance (生育津贴) — cn-lp619 Art. 8, cn-sil Art. 56.

For a mother with employee maternity insurance: the employer's average monthly wage of the previous year
÷ 30 × maternity-leave days (all of them, the Anhui 60 included — assumed), to the fen, rounded half up.
Flexible workers and residents get no allowance.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/maternity_allowance.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
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


# --- births before the rules in this pack: both sides of 2011-07-01 (÷30) and 2012-04-28 (98 days) ------------

@pytest.mark.parametrize("born", ["2012-04-27", "2011-07-01", "2011-06-30", "1995-03-01"])
def test_a_birth_before_the_earliest_leave_or_allowance_rule_is_not_computed_and_says_so(born):
    result = run({"employer_avg_monthly_wage": 8000}, children=[born])
    assert allowance(result) == [None]  # no figure: never 0, never verified
    line = result.select("maternity_allowance")[0]
    assert line.status == "not_computed"
    assert line.zh == f"{born}的生育早于本数据包最早的生育津贴或产假规定，当时的生育津贴按当时的规定发放，这里不计算。"
    leave = result.select("maternity_leave")[0]
    assert leave.amount is None and leave.status == "not_computed"
    # the leave, the allowance on it and the father's paternity leave: none counted as 0, none to enter
    assert result.totals()["not_computed"] == 3 and result.totals()["amounts_to_enter"] == 0
    assert leave.zh == f"{born}生育：早于本数据包最早的产假规定（2012-04-28施行），按当时的规定休假，这里不计算。"


def test_a_miscarriage_before_the_earliest_leave_rule_is_not_computed():
    result = run({"employer_avg_monthly_wage": 8000}, children=[],
                 losses=[{"date": "2012-04-27", "months_pregnant": 5}, {"date": "2012-04-28", "months_pregnant": 5}])
    # from 4 months: 42 days; 8,000 ÷ 30 × 42 = 11,200.00
    assert allowance(result) == [None, 11200.0]
    assert [ln.amount for ln in result.select("maternity_leave")] == [None, 42.0]


# --- who it is paid to: Anhui straight to the woman from 2025-09-01 (issue 13, point 8) ------------------------

def test_a_birth_on_2025_08_31_is_paid_through_the_employer():
    line = run({"employer_avg_monthly_wage": 8000}, children=["2025-08-31"]).select("maternity_allowance")[0]
    assert line.amount == 42133.33  # 8,000 ÷ 30 × 158: the route changes nothing in the amount
    assert "经用人单位转发（安徽自2025-09-01起才改为直接发放给本人）" in line.text("zh")
    assert "through her employer (Anhui paid it straight to the woman only from 2025-09-01)" in line.text("en")
    assert "anhui.maternity_insurance.allowance_paid_directly" in {u.name for u in line.uses}
    direct = next(u for u in line.uses if u.name == "anhui.maternity_insurance.allowance_paid_directly")
    assert direct.value is False and direct.status == "assumed"


def test_a_birth_on_2025_09_01_is_paid_straight_to_her():
    line = run({"employer_avg_monthly_wage": 8000}, children=["2025-09-01"]).select("maternity_allowance")[0]
    assert line.amount == 42133.33
    assert "直接发放到本人账户（安徽自2025-09-01起全省直接发放给参保女职工本人，二手来源）" in line.text("zh")
    assert "straight to her own account" in line.text("en")
    direct = next(u for u in line.uses if u.name == "anhui.maternity_insurance.allowance_paid_directly")
    assert direct.value is True and direct.status == "secondary"


def test_every_paid_allowance_says_it_replaces_the_wage_and_is_not_new_money():
    line = run({"employer_avg_monthly_wage": 8000}).select("maternity_allowance")[0]
    assert line.category == "wage_replacement"
    assert "不是新增的钱" in line.text("zh") and "not new money" in line.text("en")


@pytest.mark.parametrize(("born", "extended"), [("2025-12-31", False), ("2026-01-01", True)])
def test_a_flexible_workers_zero_says_from_2026_that_her_benefit_depends_on_local_rules(born, extended):
    # the flexible-worker benefit starts 2026-01-01 (anhui/maternity_insurance/flexible_worker_allowance.yaml)
    result = run({"employer": "flexible", "insurance": "flexible_employee"}, children=[born])
    line = result.select("maternity_allowance")[0]
    assert line.amount == 0
    assert ("取决于当地规定" in line.text("zh")) is extended
    assert ("depends on local rules" in line.text("en")) is extended
    assert bool(result.select("flexible_maternity_benefit")) is extended
