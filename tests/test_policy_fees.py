"""Fee help whose amounts are set locally — childcare enrolment help (bengbu-2024 §7), the after-school fee
waiver for a 3rd child (§9), the free final preschool year (cn-2025-preschool, from autumn 2025).

Without a local figure the amount is unknown (None, 'unpublished'), never 0; with a counselor's figure it is
that figure, marked 'local'. School entry: age 6 reached by 31 August (the parameter files' assumption).

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/fees.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
"""

import pytest

from simulator import Household, default_parameters, simulate

AFTER_SCHOOL = "bengbu.after_school.annual_fee"
PRESCHOOL = "bengbu.preschool.annual_fee"
ENROLMENT = "bengbu.childcare.enrolment_subsidy"


def run(*births, params=None):
    return simulate(Household.model_validate({
        "hukou_area": "longzihu", "as_of": "2026-06-30", "mother": {}, "father": {},
        "children": [{"birth_date": b} for b in births]}), params)


def local(**figures):
    names = {"after_school": AFTER_SCHOOL, "preschool": PRESCHOOL, "enrolment": ENROLMENT}
    return default_parameters().with_local({names[k]: v for k, v in figures.items()})


def of_child(result, line_id, order):
    return [ln for ln in result.select(line_id) if ln.child == order]


# --- after-school fee waiver for a 3rd child -------------------------------------------------------------

def test_third_child_has_nine_years_of_after_school_fee_waiver_with_the_amount_unpublished():
    # born 2024-03-15, 6 on 2030-03-15 → primary school from autumn 2030, 9 compulsory years 2030 … 2038
    lines = of_child(run("2019-01-01", "2021-01-01", "2024-03-15"), "after_school_fee_waiver", 3)
    assert [ln.year for ln in lines] == list(range(2030, 2039))
    assert {ln.amount for ln in lines} == {None}
    assert {ln.status for ln in lines} == {"unpublished"}


def test_local_after_school_fee_is_waived_every_year_and_marked_local():
    # 9 × 1,200 = 10,800
    result = run("2019-01-01", "2021-01-01", "2024-03-15", params=local(after_school=1200))
    lines = of_child(result, "after_school_fee_waiver", 3)
    assert [ln.amount for ln in lines] == [1200] * 9
    assert {ln.status for ln in lines} == {"local"}
    assert sum(ln.amount for ln in lines) == 10800


def test_third_child_born_before_2024_still_has_the_waiver_for_school_years_after_2024():
    # §9 is about school years, not birth dates: a 3rd child born 2023-03-15 is at school 2029 … 2037,
    # all after the 2024 measures
    lines = of_child(run("2019-01-01", "2021-01-01", "2023-03-15"), "after_school_fee_waiver", 3)
    assert [ln.year for ln in lines] == list(range(2029, 2038))


def test_third_child_already_at_school_in_2024_has_the_waiver_from_the_2024_school_year_on():
    # born 2016-03-15: school from autumn 2022, 9 years 2022 … 2030; the measures are from 2024, so the
    # school years 2024 … 2030 are waived (whether the 2023-24 year counts is left open)
    years = [ln.year for ln in of_child(run("2012-01-01", "2014-01-01", "2016-03-15"), "after_school_fee_waiver", 3)]
    assert [y for y in years if y >= 2024] == list(range(2024, 2031))
    assert all(y >= 2022 for y in years)


# --- childcare enrolment help ---------------------------------------------------------------------------

@pytest.mark.parametrize("line_id", ["childcare_enrolment_subsidy", "after_school_fee_waiver", "preschool_fee_waiver"])
def test_unpublished_fee_lines_count_as_amounts_to_enter_not_as_zero(line_id):
    result = run("2019-09-01", "2021-01-01", "2024-03-15")
    unknown = [ln for ln in result.select(line_id) if ln.amount is None]
    assert unknown
    assert result.totals()["amounts_to_enter"] >= len(unknown)


# --- the free preschool year at a private kindergarten (cn-2025-preschool; issue 13, point 8) ------------------

@pytest.mark.parametrize(("born", "waived"), [("2019-08-31", False), ("2019-09-01", True)])
def test_the_free_preschool_year_also_reduces_a_private_kindergartens_fee_by_the_public_amount(born, waived):
    # born 2019-08-31: 6 by 31 August 2025, school from autumn 2025, final preschool year autumn 2024 (before
    # the measure); born 2019-09-01: school from 2026, final preschool year autumn 2025 (waived)
    (line,) = run(born).select("preschool_fee_waiver")
    assert ("民办幼儿园" in line.text("zh")) is waived
    assert ("private kindergarten" in line.text("en")) is waived
    if waived:
        # the reduction is the public fee itself: unpublished until a counselor enters it, then that figure
        assert line.amount is None and line.status == "unpublished"
        assert "按当地同类公办园的免除水平减免同样的金额" in line.text("zh")
        (entered,) = run(born, params=local(preschool=3600)).select("preschool_fee_waiver")
        assert entered.amount == 3600 and entered.status == "local"
        assert "reduced by the same amount, the local public one" in entered.text("en")
    else:
        assert line.amount == 0
