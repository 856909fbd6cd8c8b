"""One-time birth subsidy — bengbu-2024 §4.

The rule, as POLICY.md states it: a couple's 2nd child born on or after 2024-01-01 with hukou in Bengbu gets
2,000 yuan, a 3rd child 5,000; a 1st child and a 4th or later child get nothing. Birth order counts children
(twins are two children), ordered by birth date with the input order breaking ties. A state organ, public
institution or state-owned enterprise employing a parent pays (the mother's when both — assumed); otherwise
the hukou area pays, a district sharing it city 30% / district 70% and a county paying alone. Paid once, in
the year of birth.
"""

import pytest

from simulator import Household, simulate

DISTRICTS = ("longzihu", "bengshan", "yuhui", "huaishang")
COUNTIES = ("huaiyuan", "wuhe", "guzhen")


def run(*children, area="longzihu", mother="private", father="private"):
    kids = [c if isinstance(c, dict) else {"birth_date": c} for c in children]
    return simulate(Household.model_validate({
        "hukou_area": area, "as_of": "2026-06-30",
        "mother": {"employer": mother}, "father": {"employer": father}, "children": kids}))


def subsidy(result, order):
    """The one birth-subsidy line of the child with this birth order."""
    lines = [ln for ln in result.select("birth_subsidy") if ln.child == order]
    assert len(lines) == 1, lines
    return lines[0]


# --- the 2024-01-01 start, for each birth order ---------------------------------------------------------

def test_first_child_born_2024_gets_no_birth_subsidy():
    assert subsidy(run("2024-05-01"), 1).amount == 0


def test_second_child_born_2023_12_31_gets_no_birth_subsidy():
    assert subsidy(run("2020-01-01", "2023-12-31"), 2).amount == 0


def test_second_child_born_2024_01_01_gets_2000_yuan():
    assert subsidy(run("2020-01-01", "2024-01-01"), 2).amount == 2000


def test_third_child_born_2023_12_31_gets_no_birth_subsidy():
    assert subsidy(run("2018-01-01", "2020-01-01", "2023-12-31"), 3).amount == 0


def test_third_child_born_2024_01_01_gets_5000_yuan():
    assert subsidy(run("2018-01-01", "2020-01-01", "2024-01-01"), 3).amount == 5000


def test_fourth_child_born_2024_gets_nothing_because_the_measure_names_only_the_2nd_and_3rd():
    r = run("2016-01-01", "2018-01-01", "2020-01-01", "2024-06-01")
    assert subsidy(r, 4).amount == 0
    # the 3rd child was born before the measure, so this family gets nothing at all
    assert sum(ln.amount for ln in r.select("birth_subsidy")) == 0


def test_fifth_child_gets_nothing():
    r = run("2024-01-01", "2025-01-01", "2026-01-01", "2027-01-01", "2028-01-01")
    assert [subsidy(r, n).amount for n in range(1, 6)] == [0, 2000, 5000, 0, 0]


def test_subsidy_is_paid_once_in_the_year_of_birth():
    r = run("2020-01-01", "2025-11-30")
    paid = [ln for ln in r.select("birth_subsidy") if ln.amount]
    assert [(ln.year, ln.child, ln.amount) for ln in paid] == [(2025, 2, 2000)]


# --- birth order counts children, not births ----------------------------------------------------------

def test_twins_born_as_first_and_second_children_make_the_second_twin_the_2nd_child():
    r = run("2024-05-01", "2024-05-01")
    assert [subsidy(r, 1).amount, subsidy(r, 2).amount] == [0, 2000]


def test_twins_born_as_second_and_third_children_get_2000_and_5000():
    r = run("2020-01-01", "2024-05-01", "2024-05-01")
    assert [subsidy(r, 2).amount, subsidy(r, 3).amount] == [2000, 5000]
    assert sum(ln.amount for ln in r.select("birth_subsidy")) == 7000


def test_triplets_as_first_second_third_get_0_2000_5000():
    r = run("2024-05-01", "2024-05-01", "2024-05-01")
    assert [subsidy(r, n).amount for n in (1, 2, 3)] == [0, 2000, 5000]


def test_input_order_breaks_the_tie_between_twins():
    # The twin listed first is the 2nd child. Only one twin has Bengbu hukou, so which twin is which
    # decides whether the family gets the 2nd-child 2,000 or the 3rd-child 5,000.
    away = {"birth_date": "2024-05-01", "hukou_in_bengbu": False}
    here = {"birth_date": "2024-05-01"}
    first_listed_away = run("2020-01-01", away, here)
    assert [subsidy(first_listed_away, 2).amount, subsidy(first_listed_away, 3).amount] == [0, 5000]
    first_listed_here = run("2020-01-01", here, away)
    assert [subsidy(first_listed_here, 2).amount, subsidy(first_listed_here, 3).amount] == [2000, 0]


def test_children_are_ordered_by_birth_date_whatever_the_input_order():
    r = run("2025-03-01", "2019-07-01", "2024-02-01")
    assert {ln.child: (ln.year, ln.amount) for ln in r.select("birth_subsidy")} == {
        1: (2019, 0), 2: (2024, 2000), 3: (2025, 5000)}


# --- hukou ---------------------------------------------------------------------------------------------

def test_second_child_whose_hukou_is_not_in_bengbu_gets_nothing():
    r = run("2020-01-01", {"birth_date": "2024-05-01", "hukou_in_bengbu": False})
    assert subsidy(r, 2).amount == 0


def test_family_registered_outside_bengbu_gets_nothing():
    r = run("2020-01-01", "2024-05-01", "2025-05-01", area="outside")
    assert [subsidy(r, 2).amount, subsidy(r, 3).amount] == [0, 0]


# --- who pays ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("employer", ["state_organ", "public_institution", "soe"])
def test_mothers_public_employer_pays_the_whole_subsidy(employer):
    line = subsidy(run("2020-01-01", "2024-05-01", mother=employer), 2)
    assert line.payers == {"employer": 2000}
    assert "mother" in line.text("en")
    assert "母亲" in line.text("zh")


@pytest.mark.parametrize("employer", ["state_organ", "public_institution", "soe"])
def test_fathers_public_employer_pays_when_only_he_works_for_one(employer):
    line = subsidy(run("2018-01-01", "2020-01-01", "2024-05-01", father=employer), 3)
    assert line.payers == {"employer": 5000}
    assert "father" in line.text("en")
    assert "父亲" in line.text("zh")


def test_mothers_employer_pays_when_both_parents_work_for_public_employers_and_that_is_marked_assumed():
    line = subsidy(run("2020-01-01", "2024-05-01", mother="soe", father="state_organ"), 2)
    assert line.payers == {"employer": 2000}
    assert "mother" in line.text("en")
    assert line.status == "assumed"


@pytest.mark.parametrize("district", DISTRICTS)
def test_a_district_pays_70_percent_and_the_city_30_percent_of_a_third_child_subsidy(district):
    # 5,000 × 30% = 1,500.00 city; 5,000 − 1,500 = 3,500.00 district
    line = subsidy(run("2018-01-01", "2020-01-01", "2024-05-01", area=district), 3)
    assert line.payers == {"city": 1500, district: 3500}
    assert line.status == "verified"


@pytest.mark.parametrize("district", DISTRICTS)
def test_a_district_pays_70_percent_and_the_city_30_percent_of_a_second_child_subsidy(district):
    # 2,000 × 30% = 600.00 city; 2,000 − 600 = 1,400.00 district
    line = subsidy(run("2020-01-01", "2024-05-01", area=district), 2)
    assert line.payers == {"city": 600, district: 1400}


@pytest.mark.parametrize("county", COUNTIES)
def test_a_county_pays_the_whole_subsidy_alone(county):
    line = subsidy(run("2018-01-01", "2020-01-01", "2024-05-01", area=county), 3)
    assert line.payers == {county: 5000}


@pytest.mark.parametrize("employer", ["private", "flexible", "none"])
def test_the_hukou_area_pays_when_no_parent_works_for_a_public_employer(employer):
    line = subsidy(run("2020-01-01", "2024-05-01", area="wuhe", mother=employer, father=employer), 2)
    assert line.payers == {"wuhe": 2000}


def test_payers_add_up_to_the_subsidy_to_the_fen():
    for area in DISTRICTS + COUNTIES:
        r = run("2018-01-01", "2024-01-01", "2025-01-01", area=area)
        for line in r.select("birth_subsidy"):
            if line.amount:
                assert round(sum(line.payers.values()), 2) == line.amount


def test_birth_subsidy_lines_cite_measure_4_and_are_cash():
    line = subsidy(run("2020-01-01", "2024-05-01"), 2)
    assert line.source == "bengbu-2024 §4"
    assert line.category == "cash"
    assert line.unit == "yuan"
    assert "2,000" in line.text("en")
    assert "2,000" in line.text("zh")
