"""Income-tax special additional deductions for children — cn-iit, bengbu-2024 §3.

Infant care: from the birth month to the month before the 3rd birthday; 1,000 yuan a month in 2022, 2,000
from 2023-01, nothing before 2022. Children's education: from the 3rd-birthday month through the month
education ends (default the 22nd-birthday month); 1,000 a month before 2023, 2,000 from 2023.
taxable = salary − 60,000 − contributions − other deductions − child deductions (floor 0), taxed on the
yearly comprehensive-income table. Tax saved = family tax without the deductions − with them.

Most cases use a child born 2023-06-15, whose whole 2024 is infant care: 12 × 2,000 = 24,000 yuan.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/income_tax.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
"""

import pytest

from simulator import Household, simulate

CHILD_2023 = "2023-06-15"


def run(children=(CHILD_2023,), mother=None, father=None, split="best"):
    data = {"hukou_area": "longzihu", "as_of": "2026-06-30", "tax_split": split,
            "children": [c if isinstance(c, dict) else {"birth_date": c} for c in children]}
    if mother is not None:
        data["mother"] = mother
    if father is not None:
        data["father"] = father
    return simulate(Household.model_validate(data))


def salary(monthly, **more):
    return {"monthly_salary": monthly, **more}


def saved(result, year):
    """{parent: yuan of tax saved} in one year."""
    return {ln.parent: ln.amount for ln in result.select("tax_saved") if ln.year == year}


def deducted(result, year):
    """{(child order, parent): yuan deducted} in one year."""
    return {(ln.child, ln.parent): ln.amount for ln in result.select("tax_deduction") if ln.year == year}


def child_total(result, year, order=1):
    return sum(ln.amount for ln in result.select("tax_deduction") if ln.year == year and ln.child == order)


def text_of(result, year, order=1):
    lines = [ln for ln in result.select("tax_deduction") if ln.year == year and ln.child == order]
    return " ".join(ln.text("en") for ln in lines)


# --- months and monthly amounts -------------------------------------------------------------------------

def test_infant_care_stops_and_education_starts_in_the_3rd_birthday_month():
    # born 2021-06-15, 3rd birthday 2024-06-15: infant care Jan–May 2024 (5 × 2,000 = 10,000),
    # education Jun–Dec 2024 (7 × 2,000 = 14,000)
    result = run(["2021-06-15"], mother=salary(20000))
    assert child_total(result, 2024) == 24000
    text = text_of(result, 2024)
    assert "infant care 5 months, 10,000 yuan" in text
    assert "children's education 7 months, 14,000 yuan" in text


def test_child_turning_3_on_new_years_day_has_a_whole_year_of_each():
    # born 2021-01-01: 2023 is 12 months of infant care; the 3rd birthday 2024-01-01 starts education in January
    result = run(["2021-01-01"], mother=salary(20000))
    assert "infant care 12 months, 24,000 yuan" in text_of(result, 2023)
    assert "education" not in text_of(result, 2023)
    assert "children's education 12 months, 24,000 yuan" in text_of(result, 2024)
    assert "infant care" not in text_of(result, 2024)


# --- the bracket table, both sides of every edge --------------------------------------------------------
# A single mother with no contributions: taxable before = 12 × salary − 60,000; the 24,000 deduction of 2024.

BRACKETS = [
    # salary, tax before, tax after, saved   (taxable before → after)
    (8000, "1,080", "360", 720),                # 36,000 × 3% → 12,000 × 3%
    (8002, "1,082.40", "360.72", 721.68),       # 36,024 × 10% − 2,520 → 12,024 × 3%
    (10000, "3,480", "1,080", 2400),            # 60,000 × 10% − 2,520 → 36,000 × 3%
    (17000, "11,880", "9,480", 2400),           # 144,000 × 10% − 2,520 → 120,000 × 10% − 2,520
    (17002, "11,884.80", "9,482.40", 2402.40),  # 144,024 × 20% − 16,920 → 120,024 × 10% − 2,520
    (30000, "43,080", "38,280", 4800),          # 300,000 × 20% − 16,920 → 276,000 × 20% − 16,920
    (30002, "43,086", "38,284.80", 4801.20),    # 300,024 × 25% − 31,920 → 276,024 × 20% − 16,920
    (40000, "73,080", "67,080", 6000),          # 420,000 × 25% − 31,920 → 396,000 × 25% − 31,920
    (40002, "73,087.20", "67,086", 6001.20),    # 420,024 × 30% − 52,920 → 396,024 × 25% − 31,920
    (60000, "145,080", "137,880", 7200),        # 660,000 × 30% − 52,920 → 636,000 × 30% − 52,920
    (60002, "145,088.40", "137,887.20", 7201.20),  # 660,024 × 35% − 85,920 → 636,024 × 30% − 52,920
    (85000, "250,080", "241,680", 8400),        # 960,000 × 35% − 85,920 → 936,000 × 35% − 85,920
    (85002, "250,090.80", "241,688.40", 8402.40),  # 960,024 × 45% − 181,920 → 936,024 × 35% − 85,920
]


@pytest.mark.parametrize(("monthly", "before", "after", "expected"), BRACKETS)
def test_tax_saved_by_a_24000_deduction_on_either_side_of_each_bracket_edge(monthly, before, after, expected):
    result = run(mother=salary(monthly))
    assert saved(result, 2024) == {"mother": expected}
    (line,) = [ln for ln in result.select("tax_saved") if ln.year == 2024]
    assert f"from {before} to {after} yuan" in line.text("en")


# --- who claims ------------------------------------------------------------------------------------------
# Mother 10,000 a month (taxable 60,000), father 8,000 (taxable 36,000), one child, 24,000 in 2024.
MOTHER_60K, FATHER_36K = salary(10000), salary(8000)


def test_best_split_with_two_children_saves_what_the_hand_optimum_saves():
    # Two children, 24,000 each in 2024 (48,000 to place); both parents taxable 48,000 at 10% down to 36,000.
    # Best: 12,000 off each parent at 10% (2 × 1,200) and the other 24,000 at 3% (720) = 3,120.
    # All to one parent: 48,000 → 0 saves only 2,280.
    result = run(children=["2023-06-15", "2023-09-01"], mother=salary(9000), father=salary(9000))
    assert sum(saved(result, 2024).values()) == 3120
    assert sum(deducted(result, 2024).values()) == 48000


def test_tax_saved_lines_per_parent_add_up_to_the_family_saving_in_the_text():
    result = run(mother=salary(9000), father=salary(9000))
    for line in result.select("tax_saved"):
        if line.year == 2024:
            assert "family: 2,400" in line.text("en")
            assert "家庭合计2,400元" in line.text("zh")


def test_tax_lines_are_in_the_tax_category_and_totals_add_them_up():
    result = run(mother=MOTHER_60K, father=FATHER_36K)
    assert {ln.category for ln in result.select("tax_saved") + result.select("tax_deduction")} == {"tax"}
    assert result.totals()["tax_saved"] == round(sum(ln.amount for ln in result.select("tax_saved")), 2)
    assert result.totals()["tax_deductions"] == round(sum(ln.amount for ln in result.select("tax_deduction")), 2)


def test_no_different_treatment_for_2nd_and_3rd_children_is_modelled_and_the_app_says_so():
    result = run(children=["2020-01-01", "2023-06-15", "2024-06-15"], mother=salary(20000))
    # 2025: three children at 2,000 a month each, no extra for the 2nd or 3rd
    assert deducted(result, 2025) == {(1, "mother"): 24000, (2, "mother"): 24000, (3, "mother"): 24000}
    s3 = [ln for ln in result.select("entitlement") if ln.measure == "§3"]
    assert len(s3) == 1
    assert "not been published" in s3[0].text("en")


def test_a_sentence_that_fits_several_years_is_the_same_sentence_and_leaves_the_year_to_the_line():
    # born 2023-06-15, father alone: 2023 has 7 months of infant care (Jun–Dec, 14,000 yuan); 2024 and
    # 2025 are whole years (12 × 2,000 = 24,000). The line carries the year; the sentence what went in.
    result = run(father=salary(10000))
    whole = "1st child, that year: infant care 12 months, 24,000 yuan; father claims 100%, this line 24,000 yuan."
    assert text_of(result, 2024) == text_of(result, 2025) == whole
    assert "infant care 7 months, 14,000 yuan" in text_of(result, 2023)
    # 10,000 a month: taxable 120,000 − 60,000 = 60,000 → 60,000 × 10% − 2,520 = 3,480;
    # less 24,000 → 36,000 × 3% = 1,080; saved 2,400
    (line_2024,) = [ln for ln in result.select("tax_saved") if ln.year == 2024]
    (line_2025,) = [ln for ln in result.select("tax_saved") if ln.year == 2025]
    assert line_2024.text("en") == line_2025.text("en")
    assert line_2024.text("en").startswith("The father deducts 24,000 yuan for the children that year; "
                                           "income tax falls from 3,480 to 1,080 yuan, saving 2,400 (family: 2,400).")
    assert line_2024.text("zh").startswith("父亲当年扣除子女相关费用24,000元，个税由3,480元降至1,080元，少缴2,400元")
    assert not any(str(y) in ln.text(lang) for ln in result.lines if ln.id.startswith("tax_")
                   for y in range(2020, 2050) for lang in ("zh", "en"))
