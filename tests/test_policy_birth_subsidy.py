"""One-time birth subsidy — bengbu-2024 §4.

The rule, as POLICY.md states it: a couple's 2nd child born on or after 2024-01-01 with hukou in Bengbu gets
2,000 yuan, a 3rd child 5,000; a 1st child and a 4th or later child get nothing. Birth order counts children
(twins are two children), ordered by birth date with the input order breaking ties. A state organ, public
institution or state-owned enterprise employing a parent pays (the mother's when both — assumed); otherwise
the hukou area pays, a district sharing it city 30% / district 70% and a county paying alone. Paid once, in
the year of birth.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/birth_subsidy.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
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
