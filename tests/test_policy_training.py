"""Re-employment training after a birth — bengbu-2024 §12.

A woman whose job was interrupted by the birth and who trains within 2 years after it gets a course
subsidy of 500–2,400 yuan (by course; the user picks the level) and, where eligible, 50 yuan a training day.
A course subsidy outside 500–2,400 is an input error naming mother.training.course_subsidy.
"""

import pytest

from simulator import Household, InputError, simulate


def household(start="2025-03-01", course=1500, days=20, births=("2024-03-15",), who="mother"):
    data = {"hukou_area": "longzihu", "as_of": "2026-06-30", "mother": {}, "father": {},
            "children": [{"birth_date": b} for b in births]}
    data[who] = {"training": {"course_subsidy": course, "days": days, "start": start}}
    return Household.model_validate(data)


def amounts(result, line_id, parent="mother"):
    return [ln.amount for ln in result.select(line_id) if ln.parent == parent]


def test_training_within_2_years_of_the_birth_earns_the_course_subsidy_and_50_yuan_a_day():
    # course 1,500 (in range); 20 days × 50 = 1,000
    result = simulate(household())
    assert amounts(result, "training_subsidy") == [1500]
    assert amounts(result, "training_allowance") == [1000]
    assert {ln.year for ln in result.select("training_subsidy")} == {2025}
    assert result.select("training_subsidy")[0].payers == {"employment_fund": 1500}


def test_training_allowance_is_50_yuan_a_day_to_the_fen():
    # 37 days × 50 = 1,850
    assert amounts(simulate(household(days=37)), "training_allowance") == [1850]


def test_no_training_days_means_no_living_allowance():
    assert amounts(simulate(household(days=0)), "training_allowance") == [0]


def test_training_starting_the_day_before_the_second_anniversary_of_the_birth_qualifies():
    assert amounts(simulate(household(start="2026-03-14")), "training_subsidy") == [1500]


def test_training_starting_after_the_second_anniversary_of_the_birth_does_not_qualify():
    result = simulate(household(start="2026-03-16"))
    assert amounts(result, "training_subsidy") == [0]
    assert amounts(result, "training_allowance") == []


def test_training_before_any_birth_does_not_qualify():
    assert amounts(simulate(household(start="2024-03-14")), "training_subsidy") == [0]


def test_training_counts_from_the_most_recent_birth():
    # births 2019 and 2024: training in 2025 is within 2 years of the 2024 birth
    assert amounts(simulate(household(births=("2019-05-01", "2024-03-15"))), "training_subsidy") == [1500]


@pytest.mark.parametrize("course", [500, 2400, 1234.56])
def test_course_subsidy_anywhere_in_the_500_to_2400_range_is_paid_as_chosen(course):
    assert amounts(simulate(household(course=course)), "training_subsidy") == [course]


@pytest.mark.parametrize("course", [499.99, 2400.01, 0, 5000])
def test_course_subsidy_outside_500_to_2400_is_an_input_error_naming_the_field(course):
    with pytest.raises(InputError) as err:
        simulate(household(course=course))
    assert len(err.value.problems) == 1
    assert err.value.problems[0].startswith("mother.training.course_subsidy: ")
    assert "500" in err.value.problems[0] and "2400" in err.value.problems[0]


def test_a_father_in_training_gets_nothing_because_the_measure_is_for_women():
    result = simulate(household(who="father"))
    assert amounts(result, "training_subsidy", parent="father") == [0]
    assert amounts(result, "training_allowance", parent="father") == []
    assert "father" in result.select("training_subsidy")[0].text("en")


def test_training_before_the_measure_existed_gets_nothing_and_does_not_break_the_simulation():
    # §12's figures start 2024-01-01: training begun 2023-12-31 (within 2 years of a 2022 birth) is paid
    # nothing; the same training begun 2024-01-01 is paid
    before = simulate(household(start="2023-12-31", births=("2022-06-01",)))
    assert sum(ln.amount or 0 for ln in before.select("training_subsidy") + before.select("training_allowance")) == 0
    after = simulate(household(start="2024-01-01", births=("2022-06-01",)))
    assert amounts(after, "training_subsidy") == [1500]


def test_training_money_counts_as_money_received():
    result = simulate(household(births=("2024-03-15",)))
    by_cat = {row["year"]: row["money"]["training_fees"] for row in result.timeline()}
    assert by_cat[2025] == 2500
