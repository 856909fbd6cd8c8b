"""Leave in calendar days — cn-lp619 Art. 7, ah-pfp, bengbu-2024 §11.

Maternity leave per birth: 98 national + 60 Anhui = 158; +15 for a difficult birth or caesarean; +15 for
each extra baby of a multiple birth. Miscarriage: 15 days before 4 months of pregnancy, 42 from 4 months.
Paternity: 30 days per birth. Parental leave: 10 days for each parent for every calendar year in which
some child is under 6 on at least one day, one allowance per family (assumed). Statutory public holidays
inside maternity leave push its end date back.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/leave.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
"""

import pytest

from simulator import Household, simulate


def run(children=("2024-06-01",), losses=(), father=True, mother=True):
    data = {"hukou_area": "longzihu", "as_of": "2026-06-30",
            "children": [c if isinstance(c, dict) else {"birth_date": c} for c in children],
            "pregnancy_losses": list(losses)}
    if mother:
        data["mother"] = {"employer_avg_monthly_wage": 8000}
    if father:
        data["father"] = {}
    return simulate(Household.model_validate(data))


def days(result, line_id, parent=None):
    return [ln.amount for ln in result.select(line_id) if parent is None or ln.parent == parent]


def parental_total(result, parent):
    return sum(ln.amount for ln in result.select("parental_leave") if ln.parent == parent)


def parental_years(result, parent):
    return sorted(ln.year for ln in result.select("parental_leave") if ln.parent == parent)


# --- public holidays push the end date back ------------------------------------------------------------

def maternity_text(result, lang="en"):
    (line,) = result.select("maternity_leave")
    return line.text(lang)


def test_a_years_holiday_list_is_one_record_shared_by_every_household_that_used_it():
    # 2025-09-10 + 158 days runs into 2026: both years' lists went in, and two families' lines hold the same
    # two records (the badge of a line is looked up by its records, as for every other parameter)
    def holiday_records(result):
        (line,) = result.select("maternity_leave")
        return [u for u in line.uses if u.name == "national.holidays.statutory_holidays"]

    a, b = holiday_records(run(["2025-09-10"])), holiday_records(run(["2025-09-10"]))
    assert [u.effective.year for u in a] == [2025, 2026]
    assert all(x is y for x, y in zip(a, b, strict=True))


def test_holidays_inside_maternity_leave_push_the_end_date_back():
    # 158 days from 2025-01-20 end on 2025-06-26 (Jan 20 + 157 days). Holidays inside:
    # 01-28, 01-29, 01-30, 01-31, 04-04, 05-01, 05-02, 05-31 = 8 → end 2025-07-04;
    # no holiday falls in 06-27 … 07-04, so the end stays 2025-07-04. The leave is still 158 days.
    result = run(["2025-01-20"])
    assert days(result, "maternity_leave") == [158]
    text = maternity_text(result)
    assert "to 2025-07-04" in text
    assert "8 days" in text
    assert "2025-07-04" in maternity_text(result, "zh")


def test_holidays_added_at_the_end_can_bring_more_holidays_inside():
    # 158 days from 2025-09-10 end on 2026-02-14. Inside: 2025-10-01, 10-02, 10-03, 10-06 and 2026-01-01 = 5
    # → 2026-02-19, which now takes in the Spring Festival 02-16 … 02-19 = 4 more → 2026-02-23;
    # 02-20 … 02-23 holds none. End 2026-02-23, 9 holidays.
    text = maternity_text(run(["2025-09-10"]))
    assert "to 2026-02-23" in text
    assert "9 days" in text


def test_holidays_of_a_difficult_birth_in_2024():
    # 173 days from 2024-03-15 end on 2024-09-03; inside: 04-04, 05-01, 06-10 = 3 → 2024-09-06
    text = maternity_text(run([{"birth_date": "2024-03-15", "difficult_birth": True}]))
    assert "to 2024-09-06" in text
    assert "3 days" in text


def test_holidays_extend_miscarriage_leave_too():
    # 42 days from 2025-04-25 end on 2025-06-05; inside: 05-01, 05-02, 05-31 = 3 → 2025-06-08
    text = maternity_text(run(children=(), losses=[{"date": "2025-04-25", "months_pregnant": 5}]))
    assert "to 2025-06-08" in text


def test_leave_reaching_a_year_whose_holidays_are_unpublished_says_so():
    # 158 days from 2026-09-01 end on 2027-02-05; 2026 holidays inside: 09-25, 10-01, 10-02, 10-03 = 4
    # → 2027-02-09; 2027's holidays are not in the policy pack, so none are added for it.
    text = maternity_text(run(["2026-09-01"]))
    assert "to 2027-02-09" in text
    assert "2027" in text and "not yet published" in text


def test_a_holiday_on_the_last_day_of_leave_counts():
    # 15 days (3 months pregnant) from 2025-03-21 end on 2025-04-04, Qingming → 2025-04-05
    text = maternity_text(run(children=(), losses=[{"date": "2025-03-21", "months_pregnant": 3}]))
    assert "to 2025-04-05" in text


def test_a_holiday_the_day_after_the_leave_ends_does_not_count():
    # 15 days from 2025-03-20 end on 2025-04-03; Qingming (04-04) is the day after: no extension
    text = maternity_text(run(children=(), losses=[{"date": "2025-03-20", "months_pregnant": 3}]))
    assert "to 2025-04-03" in text
    assert "pushed back" not in text


def test_a_holiday_on_the_first_day_of_leave_counts():
    # 158 days from 2025-10-01 end on 2026-03-07; inside: 10-01, 10-02, 10-03, 10-06, 2026-01-01,
    # 02-16 … 02-19 = 9 → 2026-03-16; 03-08 … 03-16 holds none
    text = maternity_text(run(["2025-10-01"]))
    assert "to 2026-03-16" in text
    assert "9 days" in text


def test_holidays_pushed_into_by_the_extension_are_counted_once_each():
    # 158 days from 2024-11-25 end on 2025-05-01; inside: 2025-01-01, 01-28 … 01-31, 04-04, 05-01 = 7
    # → 2025-05-08, which takes in 05-02 → 2025-05-09; 8 holidays in all
    text = maternity_text(run(["2024-11-25"]))
    assert "to 2025-05-09" in text
    assert "8 days" in text


# --- parental leave --------------------------------------------------------------------------------------

def test_parental_leave_is_marked_assumed_because_of_the_one_allowance_per_family_reading():
    assert {ln.status for ln in run(["2025-06-01"]).select("parental_leave")} == {"assumed"}


# --- totals ---------------------------------------------------------------------------------------------

def test_leave_days_are_not_money():
    result = run(["2025-06-01"])
    assert {ln.unit for ln in result.select("maternity_leave") + result.select("parental_leave")} == {"days"}
    assert {ln.category for ln in result.select("paternity_leave")} == {"leave"}
    assert all(row["money"].get("leave", 0) == 0 for row in result.timeline())


@pytest.mark.parametrize("born", ["2012-04-28", "2021-11-18", "2021-11-19", {"birth_date": "2024-06-01",
                                                                             "difficult_birth": True}])
def test_the_chinese_explanation_of_maternity_leave_is_all_chinese(born):
    import re

    line = run(children=[born]).select("maternity_leave")[0]
    assert not re.search(r"[A-Za-z]{2,}", line.zh.replace("YYYY", "")), line.zh
    assert line.zh.startswith(f"{line.zh[:10]}生育：国家产假98天＋")
