"""The household a case file describes (schema version 1 here; version 2's jobs: test_jobs.py): what is
accepted, and how every problem is reported — one line each, starting with the field path
(``children[1].birth_date: ...``), in zh or en."""

import json

import pytest

from simulator import InputError, load_case, load_example, parse_case, save_case, simulate


def valid(**changes):
    data = {"schema_version": 1, "hukou_area": "longzihu", "as_of": "2026-01-01",
            "mother": {"monthly_salary": 8000}, "father": {"monthly_salary": 9000},
            "children": [{"birth_date": "2020-05-10"}, {"birth_date": "2024-03-15"}]}
    data.update(changes)
    return data


def problems(data, lang="en"):
    with pytest.raises(InputError) as err:
        parse_case(data, lang)
    assert err.value.problems, "an InputError must list its problems"
    return err.value.problems


def only_problem(data, lang="en"):
    found = problems(data, lang)
    assert len(found) == 1, found
    return found[0]


# --- accepted -------------------------------------------------------------------------------------------

def test_a_complete_case_is_accepted():
    hh = parse_case(valid())
    assert hh.hukou_area == "longzihu"
    assert [c.birth_date.isoformat() for c in hh.children] == ["2020-05-10", "2024-03-15"]


def test_a_minimal_case_needs_only_the_area_and_one_parent():
    hh = parse_case({"hukou_area": "wuhe", "father": {}})
    assert hh.schema_version == 2  # (a file without a version is version 1, read as the newest: test_jobs.py)
    assert [job.model_dump() for job in hh.father.jobs] == [
        {"from": None, "employer": "private", "insurance": "employee", "monthly_salary": 0,
         "monthly_contributions": 0, "employer_avg_monthly_wage": None}]
    assert hh.children == []
    assert hh.tax_split == "best"


def test_29_february_of_a_leap_year_is_a_date():
    assert parse_case(valid(children=[{"birth_date": "2024-02-29"}])).children[0].birth_date.day == 29


def test_as_of_fixes_the_date_the_case_is_judged_on():
    assert parse_case(valid(as_of="2027-03-04")).today.isoformat() == "2027-03-04"


def test_twelve_children_are_accepted():
    assert len(parse_case(valid(children=[{"birth_date": f"20{10 + i}-01-01"} for i in range(12)])).children) == 12


def test_a_saved_case_reads_back_the_same(tmp_path):
    hh = parse_case(valid(pregnancy_losses=[{"date": "2023-01-05", "months_pregnant": 2}]))
    save_case(hh, tmp_path / "case.json")
    assert load_case(tmp_path / "case.json") == hh


def test_the_example_family_loads_and_simulates():
    assert simulate(load_example()).lines


# --- refused, with the field path -----------------------------------------------------------------------

def test_missing_area_is_reported_at_hukou_area():
    data = valid()
    del data["hukou_area"]
    assert only_problem(data).startswith("hukou_area: ")


def test_missing_birth_date_is_reported_with_the_childs_index():
    assert only_problem(valid(children=[{"birth_date": "2020-01-01"}, {}])).startswith("children[1].birth_date: ")


def test_unknown_top_level_field_is_reported():
    assert only_problem(valid(pets=2)).startswith("pets: ")


def test_unknown_field_of_a_parent_is_reported():
    assert only_problem(valid(mother={"salary": 8000})).startswith("mother.salary: ")


def test_salary_that_is_not_a_number_is_reported():
    assert only_problem(valid(mother={"monthly_salary": "lots"})).startswith("mother.monthly_salary: ")


def test_salary_given_as_true_is_a_wrong_type_not_one_yuan():
    assert only_problem(valid(mother={"monthly_salary": True})).startswith("mother.monthly_salary: ")


def test_birth_date_given_as_a_number_is_a_wrong_type_not_1970():
    assert only_problem(valid(children=[{"birth_date": 0}])).startswith("children[0].birth_date: ")


def test_children_that_are_not_a_list_are_reported():
    assert only_problem(valid(children={"birth_date": "2020-01-01"})).startswith("children: ")


def test_unknown_area_is_reported_with_the_valid_areas():
    message = only_problem(valid(hukou_area="shanghai"))
    assert message.startswith("hukou_area: ")
    assert "longzihu" in message and "outside" in message


@pytest.mark.parametrize("day", ["2024-02-30", "2023-02-29", "2024-13-01", "2024/01/01", "yesterday"])
def test_impossible_or_malformed_date_is_reported(day):
    assert only_problem(valid(children=[{"birth_date": "2020-01-01"}, {"birth_date": day}])).startswith(
        "children[1].birth_date: ")


def test_negative_salary_is_reported():
    assert only_problem(valid(father={"monthly_salary": -1})).startswith("father.monthly_salary: ")


def test_negative_training_days_are_reported():
    training = {"course_subsidy": 1000, "days": -3, "start": "2025-01-01"}
    assert only_problem(valid(mother={"training": training})).startswith("mother.training.days: ")


def test_thirteen_children_are_too_many():
    assert only_problem(valid(children=[{"birth_date": f"20{10 + i}-01-01"} for i in range(13)])).startswith("children: ")


def test_pregnancy_of_eleven_months_is_reported():
    loss = {"date": "2025-01-01", "months_pregnant": 11}
    assert only_problem(valid(pregnancy_losses=[loss])).startswith("pregnancy_losses[0].months_pregnant: ")


def test_loan_term_over_30_years_is_reported():
    assert only_problem(valid(housing={"loan_years": 31})).startswith("housing.loan_years: ")


def test_unknown_tax_split_is_reported():
    assert only_problem(valid(tax_split="grandmother")).startswith("tax_split: ")


def test_a_case_needs_at_least_one_parent():
    data = valid()
    del data["mother"], data["father"]
    assert only_problem(data).startswith("mother/father: ")


def test_newer_schema_version_asks_to_update_the_program():
    message = only_problem(valid(schema_version=3))
    assert message.startswith("schema_version: ")
    assert "update" in message
    assert "升级" in only_problem(valid(schema_version=3), "zh")


def test_a_case_that_is_not_an_object_is_reported_for_the_whole_case():
    assert only_problem([1, 2]).startswith("(case): ")


def test_every_problem_is_listed_one_line_each():
    found = problems(valid(hukou_area="mars", mother={"monthly_salary": -1, "pets": 1},
                           children=[{"birth_date": "2024-02-30"}]))
    paths = sorted(p.split(": ", 1)[0] for p in found)
    assert paths == ["children[0].birth_date", "hukou_area", "mother.monthly_salary", "mother.pets"]
    assert all("\n" not in p for p in found)


def test_messages_in_chinese():
    found = problems(valid(mother={"pets": 1}, children=[{}]), "zh")
    assert "mother.pets: 不认识的字段" in found
    assert "children[0].birth_date: 缺少此项" in found


def test_messages_in_english():
    found = problems(valid(mother={"pets": 1}, children=[{}]), "en")
    assert any(p.startswith("mother.pets: ") and "not permitted" in p for p in found)
    assert any(p.startswith("children[0].birth_date: ") and "required" in p for p in found)


def test_malformed_json_file_is_reported_with_line_and_column(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"hukou_area": "longzihu",\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_case(path)
    (message,) = err.value.problems
    assert message.startswith("(case): ")
    assert "line 2" in message


def test_the_household_cannot_be_changed_after_it_is_read():
    hh = parse_case(valid())
    with pytest.raises(ValueError):
        hh.hukou_area = "wuhe"


def test_a_case_survives_a_json_round_trip():
    hh = parse_case(valid(housing={"first_provident_fund_loan": True, "loan_date": "2025-01-01"}))
    assert parse_case(json.loads(json.dumps(hh.model_dump(mode="json")))) == hh


# --- the dates a case can hold ---------------------------------------------------------------------------

@pytest.mark.parametrize("born", ["1950-01-01", "2099-12-31"])
def test_births_from_1950_to_2099_are_accepted(born):
    assert str(parse_case(valid(children=[{"birth_date": born}])).children[0].birth_date) == born


@pytest.mark.parametrize(("field", "value"), [
    ("children", [{"birth_date": "1949-12-31"}]), ("children", [{"birth_date": "2100-01-01"}]),
    ("as_of", "9999-12-31"), ("pregnancy_losses", [{"date": "1900-01-01", "months_pregnant": 3}])])
def test_dates_outside_1950_to_2099_are_refused_in_both_languages(field, value):
    assert only_problem(valid(**{field: value})).endswith(": date must be between 1950-01-01 and 2099-12-31")
    assert only_problem(valid(**{field: value}), "zh").endswith(": 日期应在 1950-01-01 至 2099-12-31 之间")


@pytest.mark.parametrize("typed", ["2024", "0", "1700000000", "-1", "1e5", 2024])
def test_a_date_written_as_a_number_is_refused_not_read_as_seconds_since_1970(typed):
    assert only_problem(valid(as_of=typed)) == "as_of: date must be written YYYY-MM-DD, not as a number"
    assert only_problem(valid(as_of=typed), "zh") == "as_of: 日期应写成 YYYY-MM-DD，不能只填数字"


def test_an_infinite_course_subsidy_is_refused_so_every_accepted_case_can_be_saved():
    training = {"course_subsidy": float("inf"), "days": 5, "start": "2020-01-01"}
    data = valid(mother={"monthly_salary": 8000, "training": training})
    assert problems(data)  # through JSON: NaN and infinity are not JSON
    from pydantic import ValidationError

    from simulator import Household
    with pytest.raises(ValidationError, match="finite"):
        Household.model_validate(data)  # and the model itself, which the window validates against
