"""Monthly amounts summed by calendar year: ``monthly_by_year`` (one entry a year) and ``monthly_runs``
(runs of years with the same sum), which the income-tax deductions use.

Infant care (national.income_tax.infant_care_monthly): 1,000 yuan a month from 2022-01, 2,000 from 2023-01.
"""

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import default_parameters
from simulator.dates import month_index
from simulator.periods import monthly_by_year, monthly_runs

PARAMS = default_parameters()
INFANT = PARAMS["national.income_tax.infant_care_monthly"]
# The same parameter with values that change in the middle of months and years: a value taking effect
# after the 1st first applies in the next month (2021-07-15 → from August).
CHANGING = dataclasses.replace(INFANT, dates=(dt.date(2019, 1, 1), dt.date(2021, 7, 15), dt.date(2022, 3, 1),
                                              dt.date(2030, 1, 1)), values=(100, 250, 333, 400))


def month(year: int, m: int) -> int:
    return month_index(dt.date(year, m, 1))


def test_a_long_stretch_is_its_first_year_its_full_years_and_its_last_year():
    # 2022-03 .. 2025-02: 10 months at 1,000 in 2022; 12 at 2,000 in 2023 and 2024; 2 at 2,000 in 2025 (fen)
    runs, uses = monthly_runs(INFANT, month(2022, 3), month(2025, 2))
    assert runs == [[2022, 2022, 1_000_000, 10], [2023, 2024, 2_400_000, 12], [2025, 2025, 400_000, 2]]
    assert sorted(u.value for u in uses) == [1000, 2000]


def test_months_before_the_first_value_count_for_nothing():
    # 2021-11 .. 2022-02: only January and February 2022 have a value (1,000 each)
    runs, _ = monthly_runs(INFANT, month(2021, 11), month(2022, 2))
    assert runs == [[2022, 2022, 200_000, 2]]


def test_a_value_changing_within_a_year_adds_both_parts_to_that_year():
    # 2021-05 .. 2021-12: May-July at 100, August-December at 250 → 300 + 1,250 = 1,550 over 8 months
    runs, _ = monthly_runs(CHANGING, month(2021, 5), month(2021, 12))
    assert runs == [[2021, 2021, 155_000, 8]]
    # ... and the year after: January-February at 250, March-December at 333 → 500 + 3,330 = 3,830
    runs, _ = monthly_runs(CHANGING, month(2021, 5), month(2023, 6))
    assert runs == [[2021, 2021, 155_000, 8], [2022, 2022, 383_000, 12], [2023, 2023, 199_800, 6]]


def test_an_empty_range_gives_nothing():
    assert monthly_runs(INFANT, month(2024, 5), month(2024, 4)) == ([], set())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([INFANT, CHANGING, PARAMS["national.income_tax.child_education_monthly"]]),
       st.integers(month(2012, 1), month(2050, 12)), st.integers(-3, 420))
def test_runs_hold_the_same_sums_as_the_year_by_year_walk(param, first, length):
    by_year: dict[int, list[int]] = {}
    uses = monthly_by_year(param, first, first + length, by_year)
    runs, run_uses = monthly_runs(param, first, first + length)
    spread = {}
    for y0, y1, amount, months in runs:
        for year in range(y0, y1 + 1):
            assert year not in spread
            spread[year] = [amount, months]
    assert spread == by_year
    assert run_uses == uses
    for a, b in zip(runs, runs[1:], strict=False):
        assert a[1] < b[0]  # sorted, not overlapping
        assert a[1] + 1 < b[0] or a[2:] != b[2:]  # and as long as they can be


def _with_infant_age(age: int):
    """The shipped parameters with the infant-care deduction running to ``age`` (a switch year can then
    follow a birth year of the same number of months)."""
    from simulator.parameters import ParameterSet

    name = "national.income_tax.infant_care_until_age"
    changed = {n: PARAMS[n] for n in PARAMS}
    changed[name] = dataclasses.replace(PARAMS[name], values=(age,) * len(PARAMS[name].values))
    return ParameterSet(changed, PARAMS.sources, PARAMS.pack_date)


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(2012, 1, 1), dt.date(2031, 12, 31)), st.sampled_from([1, 2, 3]),
       st.none() | st.integers(16, 30))
def test_a_childs_deduction_runs_hold_each_years_infant_care_and_education(born, infant_age, until):
    """income_tax.child_deductions joins the two parts' runs; year by year they must hold what the
    year-by-year walk gives for infant care (birth month to the month before the switch birthday) and
    education (that month through the month education ends)."""
    from simulator import Household
    from simulator.case import Case
    from simulator.dates import birthday
    from simulator.income_tax import child_deductions

    params = _with_infant_age(infant_age)
    child = {"birth_date": born.isoformat()} | ({} if until is None else {"education_until_age": until})
    case = Case(Household.model_validate({"hukou_area": "bengshan", "mother": {}, "children": [child]}), params)
    (oc,) = case.children
    switch = month_index(birthday(born, infant_age))
    infant: dict[int, list[int]] = {}
    edu: dict[int, list[int]] = {}
    monthly_by_year(params["national.income_tax.infant_care_monthly"], month_index(born), switch - 1, infant)
    monthly_by_year(params["national.income_tax.child_education_monthly"], switch,
                    case.education_end[oc.order], edu)
    expected = {y: (*infant.get(y, (0, 0)), *edu.get(y, (0, 0))) for y in infant.keys() | edu.keys()}
    runs, _ = child_deductions(case, oc)
    spread = {}
    for y0, y1, cy in runs:
        for year in range(y0, y1 + 1):
            assert year not in spread
            spread[year] = (cy.infant_fen, cy.infant_months, cy.education_fen, cy.education_months)
            assert cy.total == cy.infant_fen + cy.education_fen
    assert spread == expected
