"""Re-employment training after a birth — bengbu-2024 §12.

A woman whose job was interrupted by the birth and who trains within 2 years after it gets a course
subsidy of 500–2,400 yuan (by course; the user picks the level) and, where eligible, 50 yuan a training day.
A course subsidy outside 500–2,400 is an input error naming mother.training.course_subsidy.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/training.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
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


def test_training_money_counts_as_money_received():
    result = simulate(household(births=("2024-03-15",)))
    by_cat = {row["year"]: row["money"]["training_fees"] for row in result.timeline()}
    assert by_cat[2025] == 2500
