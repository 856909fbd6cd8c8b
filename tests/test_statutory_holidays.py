"""Statutory public holidays worked out from 《全国年节及纪念日放假办法》 Art. 2 (national.holidays.festival_rules).

Expected days are the State Council's notices read by hand: the 法定节假日 only, never the days off a notice
makes by moving weekends (调休) or the weekends around a holiday. Revisions: 国务院令第513号 (from 2008-01-01:
Spring Festival 除夕, 初一, 初二), 第644号 (from 2014-01-01: 初一..初三), 第795号 (from 2025-01-01: 除夕 and
初一..初三, Labour Day 5-1 and 5-2).
"""

import datetime as dt
import shutil

import pytest
import yaml

from simulator import ParameterError, default_parameters, load_parameters
from simulator.parameters import POLICY_DIR, HolidayRule, _check_value
from simulator.statutory_holidays import coinciding, festival_days, solar_term_day, statutory_holidays

RULES = "national.holidays.festival_rules"
PUBLISHED = "national.holidays.statutory_holidays"


def rules_for(year: int):
    return default_parameters()[RULES].at(dt.date(year, 1, 1))


def computed(year: int) -> set[dt.date]:
    return set(statutory_holidays(rules_for(year), year))


def days(year: int, *month_days: str) -> set[dt.date]:
    return {dt.date(year, *map(int, md.split("-"))) for md in month_days}


# --- the published notices ----------------------------------------------------------------------------

@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_computed_days_are_the_published_notices_statutory_days(year):
    published = default_parameters()[PUBLISHED].at(dt.date(year, 1, 1))
    assert computed(year) == set(published)


def test_2024_is_the_11_days_of_the_2013_revision():
    # 国办发明电〔2023〕7号: Spring Festival 2-10 … 2-17 off, of which 初一..初三 (2-10, 2-11, 2-12) are statutory
    assert computed(2024) == days(2024, "01-01", "02-10", "02-11", "02-12", "04-04", "05-01", "06-10", "09-17",
                                  "10-01", "10-02", "10-03")


def test_2025_adds_new_years_eve_and_2_may():
    # 除夕 2025-01-28 is 腊月二十九 (the 12th month of 甲辰 has 29 days), 初一 01-29; 中秋 10-06
    assert computed(2025) == days(2025, "01-01", "01-28", "01-29", "01-30", "01-31", "04-04", "05-01", "05-02",
                                  "05-31", "10-01", "10-02", "10-03", "10-06")


def test_the_days_a_notice_shifts_or_runs_on_are_not_statutory():
    # 2026 notice (2025-11-04): Spring Festival 2-15 … 2-23 off, Labour Day 5-1 … 5-5, National Day 10-1 … 10-7,
    # New Year 1-1 … 1-3; of those only 2-16 … 2-19, 5-1, 5-2, 10-1 … 10-3 and 1-1 are statutory.
    shifted_or_weekend = days(2026, "01-02", "01-03", "02-15", "02-20", "02-21", "02-22", "02-23", "04-04",
                              "04-06", "05-03", "05-04", "05-05", "06-20", "06-21", "09-26", "09-27",
                              "10-04", "10-05", "10-06", "10-07")
    assert computed(2026).isdisjoint(shifted_or_weekend)
    assert len(computed(2026)) == 13


# --- years no notice in the pack covers (POLICY.md's examples, checked against the lunar calendar) ----------

def test_2023_holidays():
    # 国办发明电〔2022〕16号 gives 1-21 … 1-27 off for Spring Festival: statutory are 初一..初三 = 1-22 … 1-24
    assert computed(2023) == days(2023, "01-01", "01-22", "01-23", "01-24", "04-05", "05-01", "06-22", "09-29",
                                  "10-01", "10-02", "10-03")


def test_2027_holidays():
    # 除夕 2027-02-05 (腊月二十九 of 丙午), 初一 02-06; 端午 06-09; 中秋 09-15
    assert computed(2027) == days(2027, "01-01", "02-05", "02-06", "02-07", "02-08", "04-05", "05-01", "05-02",
                                  "06-09", "09-15", "10-01", "10-02", "10-03")


def test_2008_to_2013_spring_festival_is_new_years_eve_and_the_first_two_days():
    # 2008 notice: 2-6 (除夕, 腊月三十), 2-7 (春节), 2-8 (初二) are statutory; 端午 6-8, 中秋 9-14
    assert computed(2008) == days(2008, "01-01", "02-06", "02-07", "02-08", "04-04", "05-01", "06-08", "09-14",
                                  "10-01", "10-02", "10-03")
    # 2012: 除夕 is 1-22, 腊月二十九; 初一 1-23
    assert days(2012, "01-22", "01-23", "01-24") <= computed(2012)
    assert dt.date(2012, 1, 25) not in computed(2012)


def test_2014_drops_new_years_eve_and_takes_the_third_day():
    # 2013 (last year of the 2007 rule): 除夕 2-9, 初一 2-10, 初二 2-11; 2014: 初一 1-31 … 初三 2-2, not 除夕 1-30
    assert days(2013, "02-09", "02-10", "02-11") <= computed(2013)
    assert dt.date(2013, 2, 12) not in computed(2013)
    assert days(2014, "01-31", "02-01", "02-02") <= computed(2014)
    assert dt.date(2014, 1, 30) not in computed(2014)


def test_before_the_2007_revision_the_pack_has_no_rule():
    assert default_parameters()[RULES].at(dt.date(2007, 12, 31)) is None


# --- Qingming is a solar term, 4 or 5 April ---------------------------------------------------------------

@pytest.mark.parametrize(("year", "day"), [(2008, 4), (2019, 5), (2023, 5), (2024, 4), (2025, 4), (2026, 5),
                                           (2027, 5), (2028, 4)])
def test_qingming_falls_on_4_or_5_april_by_the_solar_term(year, day):
    assert solar_term_day(year, "qingming") == dt.date(year, 4, day)
    assert dt.date(year, 4, day) in computed(year)
    assert dt.date(year, 4, 9 - day) not in computed(year)  # the other of 4 and 5 April


# --- the rule's own arithmetic --------------------------------------------------------------------------

def test_lunar_day_0_is_the_day_before_the_first_of_the_month():
    eve = HolidayRule(festival="x", calendar="lunar", month=1, days=(0,))
    assert festival_days(eve, 2024) == [dt.date(2024, 2, 9)]  # 腊月三十 of 癸卯, before 初一 2-10
    assert festival_days(eve, 2025) == [dt.date(2025, 1, 28)]  # 腊月二十九 of 甲辰


def test_a_lunar_festival_late_in_the_lunar_year_lands_in_the_next_gregorian_year():
    # 腊月初八 (12th lunar month, day 8) of 乙巳 is 2026-01-26, of 甲辰 2025-01-07: each in its Gregorian year
    laba = HolidayRule(festival="laba", calendar="lunar", month=12, days=(8,))
    assert festival_days(laba, 2026) == [dt.date(2026, 1, 26)]
    assert festival_days(laba, 2025) == [dt.date(2025, 1, 7)]


def test_two_festivals_on_one_day_count_once_and_are_reported():
    # 2028: 中秋 (lunar 8-15) is 10-03, a National Day holiday: 12 distinct days, 10-03 coincides
    assert len(computed(2028)) == 12
    assert coinciding(rules_for(2028), 2028) == {dt.date(2028, 10, 3)}
    assert coinciding(rules_for(2027), 2027) == frozenset()


# --- the loader checks the unit -------------------------------------------------------------------------

@pytest.mark.parametrize(("entry", "problem"), [
    ({"festival": "a", "calendar": "solar", "month": 2, "days": [29]}, None),
    ({"festival": "a", "calendar": "solar", "month": 2, "days": [30]}, "2-30 is not a day of the year"),
    ({"festival": "a", "calendar": "lunar", "month": 1, "days": [0, 1]}, None),
    ({"festival": "a", "calendar": "lunar", "month": 1, "days": [30]}, "lunar days must be 0-29"),
    ({"festival": "a", "calendar": "lunar", "month": 13, "days": [1]}, "needs a month 1-12"),
    ({"festival": "a", "calendar": "lunar", "month": 1, "days": []}, "non-empty list without repeats"),
    ({"festival": "a", "calendar": "lunar", "month": 1, "days": [1, 1]}, "non-empty list without repeats"),
    ({"festival": "a", "calendar": "solar_term", "term": "qingming"}, None),
    ({"festival": "a", "calendar": "solar_term", "term": "qingming", "month": 4}, "names a term and no month"),
    ({"festival": "a", "calendar": "solar_term", "term": "lichun"}, "term"),
    ({"festival": "a", "calendar": "moon", "month": 1, "days": [1]}, "calendar"),
    ({"festival": "a", "calendar": "solar", "month": 1, "days": [1], "extra": 1}, "extra"),
])
def test_a_holiday_rule_entry_is_checked(entry, problem):
    result = _check_value("holiday_rules", [entry], None)
    if problem is None:
        assert result is None
    else:
        assert problem in result


def test_a_festival_may_appear_once_in_a_rule():
    entry = {"festival": "a", "calendar": "solar", "month": 1, "days": [1]}
    assert _check_value("holiday_rules", [entry, entry], None) == "each festival may appear only once"
    assert _check_value("holiday_rules", [], None) == "must be a non-empty list of festivals"


def test_the_loader_names_the_file_and_date_of_a_bad_rule(tmp_path):
    pack = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, pack)
    path = pack / "national/holidays/festival_rules.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["values"][dt.date(2025, 1, 1)][1]["days"] = [0, 1, 2, 31]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ParameterError) as err:
        load_parameters(pack)
    assert "national/holidays/festival_rules.yaml: values.2025-01-01" in str(err.value)
    assert "lunar days must be 0-29" in str(err.value)


def test_a_bad_tax_bracket_is_refused_with_the_file_named_not_a_crash(tmp_path):
    # the same freezing step as the holiday rules: before the fix a bracket without its rate escaped the
    # loader as a raw pydantic ValidationError instead of a ParameterError naming the file
    pack = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, pack)
    path = pack / "national/income_tax/brackets.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = next(iter(data["values"]))
    del data["values"][first][0]["rate"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ParameterError) as err:
        load_parameters(pack)
    assert f"national/income_tax/brackets.yaml: values.{first}" in str(err.value)


def test_2017_matches_its_notice():
    # 国办发明电〔2016〕17号: 春节 1-27 … 2-2 (初一 1-28), 清明 4-2 … 4-4, 端午 5-28 … 5-30, 中秋国庆 10-1 … 10-8
    # (中秋 10-4 is a fourth day, not on National Day's three)
    assert computed(2017) == days(2017, "01-01", "01-28", "01-29", "01-30", "04-04", "05-01", "05-30", "10-01",
                                  "10-02", "10-03", "10-04")


def test_a_year_neither_a_notice_nor_a_rule_covers_adds_nothing_and_says_so(tmp_path):
    # a pack whose rule starts in 2030: 2027 has no notice and no rule. 158 days from 2026-09-01 end on
    # 2027-02-05; only 2026's published 09-25, 10-01, 10-02, 10-03 count → 2027-02-09 (with the rule: 2027-02-14)
    from simulator import Household, simulate

    pack = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, pack)
    path = pack / "national/holidays/festival_rules.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["values"] = {dt.date(2030, 1, 1): data["values"][dt.date(2025, 1, 1)]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    household = Household.model_validate({"hukou_area": "longzihu", "as_of": "2026-06-30",
                                          "mother": {"employer_avg_monthly_wage": 8000},
                                          "children": [{"birth_date": "2026-09-01"}]})
    (line,) = simulate(household, load_parameters(pack)).select("maternity_leave")
    assert "to 2027-02-09" in line.text("en")
    assert "no holiday notice or rule for 2027, so none added" in line.text("en")
    assert "本政策包没有2027年的放假通知或放假办法，未顺延" in line.text("zh")
    (line,) = simulate(household).select("maternity_leave")
    assert "to 2027-02-14" in line.text("en")
