"""Monthly amounts summed by calendar year (``periods.monthly_sums``), which the income-tax deductions and
the childcare subsidy use.

Infant care (national.income_tax.infant_care_monthly): 1,000 yuan a month from 2022-01, 2,000 from 2023-01.
"""

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import default_parameters
from simulator.dates import month_index, month_start
from simulator.money import fen
from simulator.periods import YearSum, monthly_sums

PARAMS = default_parameters()
INFANT = PARAMS["national.income_tax.infant_care_monthly"]
# The same parameter with values that change in the middle of months and years: a value taking effect
# after the 1st first applies in the next month (2021-07-15 → from August); a null stops it.
CHANGING = dataclasses.replace(INFANT, dates=(dt.date(2019, 1, 1), dt.date(2021, 7, 15), dt.date(2022, 3, 1),
                                              dt.date(2030, 1, 1), dt.date(2032, 6, 1)),
                               values=(100, 250, 333, 400, None), evidence=())


def month(year: int, m: int) -> int:
    return month_index(dt.date(year, m, 1))


def test_a_long_stretch_is_summed_year_by_year():
    # 2022-03 .. 2025-02: 10 months at 1,000 in 2022; 12 at 2,000 in 2023 and 2024; 2 at 2,000 in 2025 (fen)
    sums, uses = monthly_sums(INFANT, month(2022, 3), month(2025, 2))
    assert sums == {2022: YearSum(1_000_000, 10), 2023: YearSum(2_400_000, 12), 2024: YearSum(2_400_000, 12),
                    2025: YearSum(400_000, 2)}
    assert [u.value for u in uses] == [1000, 2000]


def test_months_before_the_first_value_count_for_nothing():
    # 2021-11 .. 2022-02: only January and February 2022 have a value (1,000 each)
    sums, _ = monthly_sums(INFANT, month(2021, 11), month(2022, 2))
    assert sums == {2022: YearSum(200_000, 2)}


def test_a_value_changing_within_a_year_adds_both_parts_to_that_year():
    # 2021-05 .. 2021-12: May-July at 100, August-December at 250 → 300 + 1,250 = 1,550 over 8 months
    sums, _ = monthly_sums(CHANGING, month(2021, 5), month(2021, 12))
    assert sums == {2021: YearSum(155_000, 8)}
    # the year after: January-February at 250, March-December at 333 → 500 + 3,330 = 3,830
    sums, _ = monthly_sums(CHANGING, month(2021, 5), month(2022, 12))
    assert sums[2022] == YearSum(383_000, 12)


def test_months_of_a_null_value_count_for_nothing():
    # 2032-01 .. 2032-12: January-May at 400 (2,000), from June no amount is published
    sums, uses = monthly_sums(CHANGING, month(2032, 1), month(2032, 12))
    assert sums == {2032: YearSum(200_000, 5)}
    assert [u.value for u in uses] == [400]


def test_a_yearly_amount_pays_a_twelfth_a_month():
    # 3,600 a year → 300 a month; 2025-01 .. 2025-04: 4 months, 1,200 yuan
    annual = PARAMS["national.childcare_subsidy.annual_amount"]
    assert monthly_sums(annual, month(2025, 1), month(2025, 4), per_year=True)[0] == {2025: YearSum(120_000, 4)}


def test_an_empty_range_gives_nothing():
    assert monthly_sums(INFANT, month(2024, 5), month(2024, 4)) == ({}, ())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([INFANT, CHANGING, PARAMS["national.income_tax.child_education_monthly"]]),
       st.integers(month(2012, 1), month(2050, 12)), st.integers(-3, 420))
def test_the_sums_are_those_of_walking_every_month(param, first, length):
    expected: dict[int, list[int]] = {}
    for m in range(first, first + length + 1):
        value = param.use(month_start(m))[0]
        if value is not None:
            acc = expected.setdefault(m // 12, [0, 0])
            acc[0] += fen(value)
            acc[1] += 1
    sums, _ = monthly_sums(param, first, first + length)
    assert sums == {year: YearSum(*acc) for year, acc in expected.items()}
