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

import datetime as dt

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


def test_leave_reaching_a_year_without_a_published_notice_uses_the_computed_holidays_and_says_so():
    # 158 days from 2026-09-01 end on 2027-02-05; 2026 holidays inside (published): 09-25, 10-01, 10-02, 10-03
    # = 4; 2027 (computed from the holiday regulation): 01-01, 02-05 = 2 → 6 → 2027-02-11, which takes in
    # 02-06, 02-07, 02-08 (Spring Festival 初一..初三) = 3 more → 2027-02-14; 02-12 … 02-14 holds none.
    # (Before 2027 was computed the end was 2027-02-09: 2026's 4 days only.)
    result = run(["2026-09-01"])
    text = maternity_text(result)
    assert "to 2027-02-14" in text
    assert "9 days" in text
    assert "public holidays for 2027 computed" in text
    assert "2027年的法定节假日按《全国年节及纪念日放假办法》推算" in maternity_text(result, "zh")
    assert "not yet published" not in text


def test_a_birth_in_late_2022_is_pushed_back_by_the_2023_spring_festival():
    # 158 days from 2022-11-15 end on 2023-04-21 (days in Nov 16 + Dec 31 + Jan 31 + Feb 28 + Mar 31 + Apr 21 = 158).
    # 2022 holds no holiday after 11-15; 2023 (computed, the 2013 rule): 01-01, 01-22, 01-23, 01-24 (初一..初三;
    # 除夕 01-21 is not statutory under that rule), 04-05 (Qingming) = 5 → 2023-04-26; 04-22 … 04-26 holds none
    # (05-01 is after). The old pack added nothing for 2022-2023 and ended on 2023-04-21.
    result = run(["2022-11-15"])
    text = maternity_text(result)
    assert "to 2023-04-26" in text
    assert "5 days" in text
    assert "public holidays for 2022, 2023 computed" in text
    (line,) = result.select("maternity_leave")
    computed = [u for u in line.uses if u.name == "national.holidays.festival_rules"]
    assert [(u.effective, u.value, u.status) for u in computed] == [
        (dt.date(2014, 1, 1), "11 days computed for 2022", "verified"),
        (dt.date(2014, 1, 1), "11 days computed for 2023", "verified")]


def test_a_birth_in_2027_counts_the_13_day_rule_of_the_2024_revision():
    # 158 days from 2027-03-10 end on 2027-08-14 (days in Mar 22 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 14 = 158);
    # inside: 04-05, 05-01, 05-02 (added by the 2024 revision), 06-09 (端午) = 4 → 2027-08-18; 08-15 … 08-18
    # holds none (中秋 is 09-15)
    text = maternity_text(run(["2027-03-10"]))
    assert "to 2027-08-18" in text
    assert "4 days" in text


def test_a_difficult_birth_in_2027_starting_on_labour_day():
    # 173 days from 2027-05-01 end on 2027-10-20 (days in May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 20 = 173);
    # inside: 05-01, 05-02, 06-09, 09-15, 10-01, 10-02, 10-03 = 7 → 2027-10-27; 10-21 … 10-27 holds none
    text = maternity_text(run([{"birth_date": "2027-05-01", "difficult_birth": True}]))
    assert "to 2027-10-27" in text
    assert "7 days" in text


def test_a_year_where_two_festivals_fall_on_one_day_counts_it_once_and_is_marked_assumed():
    # 158 days from 2028-09-01 end on 2029-02-05. 2028: 中秋 is 10-03, also National Day: 10-01, 10-02, 10-03
    # = 3 days, not 4; 2029: 01-01 = 1 → 4 → 2029-02-09; 02-06 … 02-09 holds none (除夕 2029 is 02-12).
    result = run(["2028-09-01"])
    assert "to 2029-02-09" in maternity_text(result)
    assert "4 days" in maternity_text(result)
    (line,) = result.select("maternity_leave")
    y2028 = next(u for u in line.uses if u.name == "national.holidays.festival_rules" and "2028" in u.value)
    assert y2028.status == "assumed"
    assert "2028-10-03 counted once" in y2028.value
    assert line.status == "assumed"
    assert "2028-10-03 is two festivals' day, counted once (assumed" in line.text("en")
    assert "2028-10-03为两个节日同一天，按1天计（假设" in line.text("zh")


def test_a_shared_festival_day_outside_the_leave_makes_nothing_assumed():
    # 158 days from 2028-01-10 end on 2028-06-15 (days in Jan 22 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 15
    # = 158; 2028 is a leap year); inside: 01-25 (除夕), 01-26 … 01-28, 04-04, 05-01, 05-02, 05-28 = 8
    # → 2028-06-23; 06-16 … 06-23 holds none. The shared 10-03 is far outside: the rule's own status stands.
    result = run(["2028-01-10"])
    text = maternity_text(result)
    assert "to 2028-06-23" in text and "8 days" in text
    assert "counted once" not in text
    (line,) = result.select("maternity_leave")
    (y2028,) = [u for u in line.uses if u.name == "national.holidays.festival_rules"]
    assert (y2028.value, y2028.status) == ("12 days computed for 2028", "verified")
    assert line.status == "secondary"  # from the holiday-extension guidance, not the computed days


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


@pytest.mark.parametrize("born", ["2016-01-16", "2021-12-31", "2022-01-01", {"birth_date": "2024-06-01",
                                                                             "difficult_birth": True}])
def test_the_chinese_explanation_of_maternity_leave_is_all_chinese(born):
    import re

    line = run(children=[born]).select("maternity_leave")[0]
    assert not re.search(r"[A-Za-z]{2,}", line.zh.replace("YYYY", "")), line.zh
    assert line.zh.startswith(f"{line.zh[:10]}生育：国家产假98天＋")
