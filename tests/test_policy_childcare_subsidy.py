"""National childcare subsidy (育儿补贴) — cn-2025-childcare; tax-free by cn-2025-tax6.

300 yuan a month (3,600 a year) per child, any birth order, for the 36 months that begin with the month
after the birth month, paying only months from 2025-01 on.
"""

import pytest

from simulator import Household, simulate


def run(*births, area="longzihu"):
    return simulate(Household.model_validate({
        "hukou_area": area, "as_of": "2026-06-30", "mother": {}, "father": {},
        "children": [{"birth_date": b} for b in births]}))


def by_year(result, order=1):
    """{year: yuan} of one child's childcare-subsidy lines, leaving out zero lines."""
    out = {}
    for ln in result.select("childcare_subsidy"):
        if ln.child == order and ln.amount:
            assert ln.year not in out
            out[ln.year] = ln.amount
    return out


@pytest.mark.parametrize("born", ["2023-12-01", "2023-12-15", "2023-12-31"])
def test_child_born_in_december_2023_gets_24_months_7200_yuan(born):
    # months 2024-01 … 2026-12; paid from 2025-01: 2025 and 2026, 12 × 300 each
    assert by_year(run(born)) == {2025: 3600, 2026: 3600}


@pytest.mark.parametrize("born", ["2022-01-01", "2022-01-31"])
def test_child_born_in_january_2022_gets_one_month_300_yuan(born):
    # months 2022-02 … 2025-01: only 2025-01 is paid
    assert by_year(run(born)) == {2025: 300}


@pytest.mark.parametrize("born", ["2021-12-31", "2021-01-01"])
def test_child_born_before_2022_gets_nothing(born):
    # born 2021-12: months 2022-01 … 2024-12, all before payments began
    r = run(born)
    assert by_year(r) == {}
    assert sum(ln.amount for ln in r.select("childcare_subsidy")) == 0


def test_child_born_2022_02_gets_two_months():
    # months 2022-03 … 2025-02 → 2025-01, 2025-02 → 600
    assert by_year(run("2022-02-28")) == {2025: 600}


def test_child_born_on_2024_12_31_gets_the_full_36_months():
    # months 2025-01 … 2027-12
    assert by_year(run("2024-12-31")) == {2025: 3600, 2026: 3600, 2027: 3600}


def test_child_born_on_2025_01_01_gets_36_months_from_february_2025():
    # months 2025-02 … 2028-01: 11 + 12 + 12 + 1 = 36 → 3,300 + 3,600 + 3,600 + 300 = 10,800
    assert by_year(run("2025-01-01")) == {2025: 3300, 2026: 3600, 2027: 3600, 2028: 300}


def test_child_born_2025_06_15_gets_10800_yuan_split_by_calendar_year():
    # months 2025-07 … 2028-06: 2025: 6 × 300 = 1,800; 2026: 3,600; 2027: 3,600; 2028: 6 × 300 = 1,800
    result = run("2025-06-15")
    assert by_year(result) == {2025: 1800, 2026: 3600, 2027: 3600, 2028: 1800}
    assert sum(by_year(result).values()) == 10800


def test_child_born_in_2030_gets_10800_yuan():
    assert sum(by_year(run("2030-12-31")).values()) == 10800


def test_every_child_gets_it_whatever_the_birth_order():
    result = run("2025-01-15", "2026-03-10", "2027-05-05", "2028-07-07")
    assert [sum(by_year(result, n).values()) for n in (1, 2, 3, 4)] == [10800, 10800, 10800, 10800]


def test_twins_each_get_10800_yuan():
    result = run("2025-09-09", "2025-09-09")
    assert [sum(by_year(result, n).values()) for n in (1, 2)] == [10800, 10800]


def test_it_is_a_national_subsidy_so_a_family_registered_outside_bengbu_also_gets_it():
    assert sum(by_year(run("2025-06-15", area="outside")).values()) == 10800


def test_childcare_subsidy_is_cash_paid_by_the_national_scheme_and_said_to_be_tax_free():
    line = run("2025-06-15").select("childcare_subsidy")[0]
    assert line.category == "cash"
    assert line.payers == {"national": 1800}
    assert "tax" in line.text("en")
    assert "免征个人所得税" in line.text("zh")
