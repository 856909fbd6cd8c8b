"""National childcare subsidy (育儿补贴) — cn-2025-childcare; tax-free by cn-2025-tax6.

300 yuan a month (3,600 a year) per child, any birth order, for the 36 months that begin with the month
after the birth month, paying only months from 2025-01 on.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/childcare_subsidy.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
"""

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


def test_every_child_under_the_law_gets_it_whatever_the_birth_order_and_a_4th_child_gets_none():
    result = run("2025-01-15", "2026-03-10", "2027-05-05", "2028-07-07")
    assert [sum(by_year(result, n).values()) for n in (1, 2, 3, 4)] == [10800, 10800, 10800, 0]
    fourth = [ln for ln in result.select("childcare_subsidy") if ln.child == 4]
    assert len(fourth) == 1 and fourth[0].status == "assumed"
    assert "依法生育" in fourth[0].zh and "under the law" in fourth[0].en


def test_childcare_subsidy_is_cash_paid_by_the_national_scheme_and_said_to_be_tax_free():
    line = run("2025-06-15").select("childcare_subsidy")[0]
    assert line.category == "cash"
    assert line.payers == {"national": 1800}
    assert "tax" in line.text("en")
    assert "免征个人所得税" in line.text("zh")
