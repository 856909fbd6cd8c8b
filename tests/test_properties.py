"""What must hold for every valid household (hypothesis): totals are the sum of the lines, no amount is
negative, the same input gives the same output, no measure pays for a child born (or an event happening)
before the measure began, unpublished amounts are unknown (None) rather than 0, every line explains
itself in Chinese and English, and a result holds no reference cycles (the batch runs without the
collector)."""

import datetime as dt
import gc
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from simulator import Household, simulate

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AREAS = ["longzihu", "bengshan", "yuhui", "huaishang", "huaiyuan", "wuhe", "guzhen", "outside"]
EMPLOYERS = ["state_organ", "public_institution", "soe", "private", "flexible", "none"]
INSURANCE = ["employee", "flexible_employee", "resident", "none"]
# Money the family has in hand (grants, allowances, fees no longer paid): every yuan line except the tax
# and interest it saves.
SAVINGS = {"tax_saved", "provident_fund_interest_saved"}
WAGES = {"maternity_allowance", "flexible_maternity_benefit"}  # wage replacement: not added money (issue 13, point 7)
MEASURES_START = dt.date(2024, 1, 1)  # the Bengbu measures (bengbu-2024)


def iso(d: dt.date) -> str:
    return d.isoformat()


def day(lo: str, hi: str):
    return st.dates(dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)).map(iso)


yuan = st.integers(0, 5_000_000).map(lambda fen: fen / 100)  # up to 50,000.00, to the fen


def parents_and_housing(event_from: str):
    training = st.fixed_dictionaries({
        "course_subsidy": st.integers(50_000, 240_000).map(lambda fen: fen / 100),
        "days": st.integers(0, 120), "start": day(event_from, "2030-12-31")})
    parent = st.fixed_dictionaries({}, optional={
        "employer": st.sampled_from(EMPLOYERS), "insurance": st.sampled_from(INSURANCE),
        "monthly_salary": yuan, "monthly_contributions": st.integers(0, 500_000).map(lambda f: f / 100),
        "other_annual_deductions": st.integers(0, 50_000), "employer_avg_monthly_wage": st.none() | yuan,
        "training": st.none() | training})
    housing = st.fixed_dictionaries({}, optional={
        "first_provident_fund_loan": st.booleans(),
        "provident_fund_loan_ceiling": st.none() | st.integers(0, 2_000_000),
        "loan_years": st.integers(1, 30), "buying_home_in_urban_area": st.booleans(),
        "loan_date": st.none() | day(event_from, "2035-12-31")})
    return parent, housing


# The dates where measures begin, drawn often: boundaries get exercised and a date drawn twice is twins.
EDGES = ["2021-11-18", "2021-11-19", "2021-12-31", "2022-01-01", "2022-12-31", "2023-01-01", "2023-12-31",
         "2024-01-01", "2024-12-31", "2025-01-01", "2025-06-15"]


def households(event_from: str = "2024-01-01"):
    """Valid case dicts. Loans and training start no earlier than ``event_from``."""
    parent, housing = parents_and_housing(event_from)
    birth = st.sampled_from(EDGES) | day("2012-01-01", "2031-12-31")
    child = st.fixed_dictionaries({"birth_date": birth}, optional={
        "hukou_in_bengbu": st.booleans(), "difficult_birth": st.booleans(),
        "education_until_age": st.integers(16, 30)})
    loss = st.fixed_dictionaries({"date": day("2015-01-01", "2030-12-31"), "months_pregnant": st.integers(0, 10)})
    return st.fixed_dictionaries({
        "hukou_area": st.sampled_from(AREAS), "as_of": day("2024-01-01", "2032-12-31"),
        "children": st.lists(child, max_size=5), "housing": housing,
        "tax_split": st.sampled_from(["best", "mother", "father", "half"]),
        "pregnancy_losses": st.lists(loss, max_size=2),
        "mother": st.none() | parent, "father": st.none() | parent,
    }).filter(lambda d: d["mother"] is not None or d["father"] is not None).map(
        lambda d: {k: v for k, v in d.items() if v is not None})


def run(case: dict):
    return simulate(Household.model_validate(case))


def fen_sum(amounts) -> float:
    return round(sum(amounts), 2)


@SETTINGS
@given(households())
def test_totals_and_the_timeline_equal_the_sum_of_the_lines(case):
    result = run(case)
    known = [ln for ln in result.lines if ln.amount is not None]
    totals = result.totals()
    assert totals["money_received"] == fen_sum(
        ln.amount for ln in known if ln.unit == "yuan" and ln.id not in SAVINGS and ln.id not in WAGES)
    assert totals["wage_replacement"] == fen_sum(ln.amount for ln in known if ln.id in WAGES)
    assert totals["tax_saved"] == fen_sum(ln.amount for ln in known if ln.id == "tax_saved")
    assert totals["interest_saved"] == fen_sum(ln.amount for ln in known if ln.id == "provident_fund_interest_saved")
    assert totals["loan_capacity"] == fen_sum(ln.amount for ln in known if ln.unit == "loan_yuan")
    assert totals["tax_deductions"] == fen_sum(ln.amount for ln in known if ln.unit == "deduction_yuan")
    for parent in ("mother", "father"):
        assert totals["leave_days"][parent] == sum(
            ln.amount for ln in known if ln.unit == "days" and ln.parent == parent)
    assert totals["amounts_to_enter"] == sum(
        1 for ln in result.lines if ln.amount is None and ln.unit != "entitlement" and ln.status != "not_computed")
    assert totals["not_computed"] == sum(1 for ln in result.lines if ln.status == "not_computed")

    rows = result.timeline()
    yuan_lines = [ln for ln in known if ln.unit == "yuan" and ln.id not in WAGES]  # added money
    if not rows:
        assert not yuan_lines
        return
    for row in rows:
        assert row["total"] == fen_sum(row["money"].values())
        assert row["total"] == fen_sum(ln.amount for ln in yuan_lines if ln.year == row["year"])
        assert row["wage_replacement"] == fen_sum(ln.amount for ln in known if ln.id in WAGES
                                                  and ln.year == row["year"])
        for parent in ("mother", "father"):
            assert row["leave_days"][parent] == sum(
                ln.amount for ln in known if ln.unit == "days" and ln.parent == parent and ln.year == row["year"])
    assert rows[-1]["cumulative"] == fen_sum(ln.amount for ln in yuan_lines)
    assert [r["year"] for r in rows] == list(range(rows[0]["year"], rows[-1]["year"] + 1))


@SETTINGS
@given(households())
def test_no_amount_is_negative_and_every_amount_is_whole_fen(case):
    for line in run(case).lines:
        if line.amount is not None:
            assert line.amount >= 0, line
            assert round(line.amount, 2) == line.amount, line
            if line.payers:
                assert all(v >= 0 for v in line.payers.values())
                assert fen_sum(line.payers.values()) == line.amount


@SETTINGS
@given(households())
def test_the_same_input_gives_the_same_output(case):
    first = run(case).to_dict()
    again = run(case).to_dict()
    via_json = simulate(Household.model_validate_json(Household.model_validate(case).model_dump_json())).to_dict()
    assert first == again == via_json


@SETTINGS
@given(households())
def test_no_measure_pays_for_a_child_born_or_an_event_before_it_began(case):
    result = run(case)
    born = {}
    hh = Household.model_validate(case)
    order = sorted(enumerate(hh.children), key=lambda ic: (ic[1].birth_date, ic[0]))
    for n, (_, child) in enumerate(order, start=1):
        born[n] = child.birth_date
    for line in result.select("birth_subsidy"):
        if born[line.child] < MEASURES_START:
            assert line.amount == 0, line
        if line.amount:
            assert line.year == born[line.child].year
    for line in result.select("childcare_subsidy"):
        if born[line.child] < dt.date(2022, 1, 1):
            assert line.amount == 0, line
        if line.amount:
            assert line.year >= 2025
    for line in result.select("tax_deduction"):
        assert line.year >= born[line.child].year
    for line in result.select("training_subsidy") + result.select("training_allowance"):
        if line.amount:
            assert line.year >= MEASURES_START.year
    for line in result.select("home_purchase_subsidy") + result.select("provident_fund_uplift"):
        if line.amount:
            assert line.year >= MEASURES_START.year


@SETTINGS
@given(households())
def test_unpublished_amounts_are_none_not_zero(case):
    for line in run(case).lines:
        if line.status == "unpublished":
            assert line.amount is None, line
        if any(u.status == "unpublished" and u.value is None and u.effective is not None for u in line.uses):
            assert line.amount is None, line
        if line.amount is None and line.unit != "entitlement":
            # (not_computed: a birth before the earliest rule in the pack; never 0, never verified)
            assert line.status in ("unpublished", "assumed", "not_computed"), line


@SETTINGS
@given(households())
def test_every_line_explains_itself_in_chinese_and_english(case):
    for line in run(case).lines:
        zh, en = line.text("zh"), line.text("en")
        assert zh.strip() and en.strip(), line
        assert re.search(r"[\u4e00-\u9fff]", zh), line
        assert zh != en
        assert line.source.strip()


TWO_KIDS = [{"birth_date": "2012-01-01"}, {"birth_date": "2014-01-01"}]


@SETTINGS
@given(households(event_from="2019-01-01"))
@example({"hukou_area": "longzihu", "as_of": "2024-01-01", "father": {}, "children": TWO_KIDS,
          "housing": {"first_provident_fund_loan": True, "loan_date": "2023-12-31"}})
@example({"hukou_area": "longzihu", "as_of": "2024-01-01", "father": {}, "children": TWO_KIDS,
          "housing": {"first_provident_fund_loan": True, "provident_fund_loan_ceiling": 600000,
                      "loan_date": "2023-12-31"}})
@example({"hukou_area": "longzihu", "as_of": "2024-01-01", "father": {}, "children": TWO_KIDS,
          "housing": {"buying_home_in_urban_area": True, "loan_date": "2023-12-31"}})
@example({"hukou_area": "longzihu", "as_of": "2024-01-01", "children": TWO_KIDS[:1],
          "mother": {"training": {"course_subsidy": 500, "start": "2023-12-31"}}})
def test_any_valid_household_simulates_without_error(case):
    # Loans, purchases and training may fall before the 2024 measures began: the answer is "nothing",
    # never a crash.
    run(case)


@SETTINGS
@given(households())
def test_a_result_holds_no_reference_cycles(case):
    """Reference counting alone frees a household's objects once it is done with: nothing it makes
    points back at itself (a text that held its case did)."""
    household = Household.model_validate(case)
    gc.collect()
    gc.disable()
    try:
        result = simulate(household)
        result.to_dict(parameters=False)
        result.to_dict()
        for line in result.lines:
            line.text("zh")
        del result, line
        assert gc.collect() == 0
    finally:
        gc.enable()
