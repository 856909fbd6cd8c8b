"""Jobs and pay that change over time (case schema 2): how periods are read and checked, the job on a day,
the pay of each month, and that a schema-1 file means exactly what it meant."""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import Household, InputError, load_case, parse_case, save_case, simulate
from simulator.case_tests import collect
from simulator.jobs import jobs_between
from tests.test_properties import EMPLOYERS, INSURANCE, households, yuan

D = dt.date


def job(start=None, **fields):
    return {"from": start, **fields}


def case(mother_jobs, father_jobs=None, **changes):
    data = {"schema_version": 2, "hukou_area": "longzihu", "as_of": "2026-06-30",
            "mother": {"jobs": mother_jobs}, "children": [{"birth_date": "2024-03-15"}]}
    if father_jobs is not None:
        data["father"] = {"jobs": father_jobs}
    data.update(changes)
    return data


def only_problem(data, lang="en"):
    with pytest.raises(InputError) as err:
        parse_case(data, lang)
    assert len(err.value.problems) == 1, err.value.problems
    return err.value.problems[0]


# --- reading -----------------------------------------------------------------------------------------------

def test_a_schema_1_parent_is_one_job_from_always():
    hh = parse_case({"schema_version": 1, "hukou_area": "wuhe",
                     "mother": {"employer": "soe", "insurance": "resident", "monthly_salary": 7000,
                                "monthly_contributions": 700, "employer_avg_monthly_wage": 8000,
                                "other_annual_deductions": 100}})
    (only,) = hh.mother.jobs
    assert (only.start, only.employer, only.insurance, only.monthly_salary, only.monthly_contributions,
            only.employer_avg_monthly_wage) == (None, "soe", "resident", 7000, 700, 8000)
    assert hh.mother.other_annual_deductions == 100


def test_a_schema_1_file_and_its_schema_2_conversion_are_the_same_household(tmp_path):
    v1 = {"hukou_area": "wuhe", "father": {"employer": "state_organ", "monthly_salary": 9000}}
    hh = parse_case(v1)
    save_case(hh, tmp_path / "case.json")
    saved = json.loads((tmp_path / "case.json").read_text(encoding="utf-8"))
    assert saved["schema_version"] == 2
    assert saved["father"]["jobs"] == [{"from": None, "employer": "state_organ", "insurance": "employee",
                                        "monthly_salary": 9000, "monthly_contributions": 0,
                                        "employer_avg_monthly_wage": None}]
    assert "employer" not in saved["father"] and "monthly_salary" not in saved["father"]
    assert load_case(tmp_path / "case.json") == hh


def test_jobs_in_a_version_1_file_are_refused():
    data = case([job()])
    data["schema_version"] = 1
    assert only_problem(data) == "mother.jobs: jobs need schema_version 2 (this file says 1)"


def test_flat_job_fields_in_a_version_2_file_name_the_field():
    data = case([job()])
    data["mother"] = {"monthly_salary": 5000}
    assert only_problem(data).startswith("mother.monthly_salary: schema 2 gives each job under jobs")
    assert "jobs" in only_problem(data, "zh")


def test_flat_job_fields_beside_jobs_are_refused():
    data = case([job()])
    data["mother"]["employer"] = "soe"
    assert only_problem(data).startswith("mother.employer: ")


def test_a_parent_needs_at_least_one_job():
    assert only_problem(case([])).startswith("mother.jobs: at least one job")
    assert only_problem(case([]), "zh").startswith("mother.jobs: 至少需要一段工作")
    data = case([job()])
    data["father"] = {}
    assert only_problem(data).startswith("father.jobs: at least one job")


def test_jobs_must_be_in_order_of_their_from_dates():
    message = only_problem(case([job(), job("2025-01-01"), job("2024-06-01")]))
    assert message == "mother.jobs[2].from: must be later than the job before's (2025-01-01)"
    assert only_problem(case([job(), job("2025-01-01"), job("2024-06-01")]), "zh") == \
        "mother.jobs[2].from: 应晚于上一段工作的起始日期（2025-01-01）"


def test_two_jobs_from_the_same_date_are_refused():
    assert only_problem(case([job("2024-01-01"), job("2024-01-01")])).startswith("mother.jobs[1].from: must be later")


def test_only_the_first_job_may_be_from_always():
    assert only_problem(case([job(), job()])).startswith("mother.jobs[1].from: only the first job")


def test_a_bad_field_of_a_later_job_names_that_job():
    message = only_problem(case([job(), job("2025-01-01", monthly_salary=-5)]))
    assert message.startswith("mother.jobs[1].monthly_salary: ")
    assert only_problem(case([job(), job("2025-01-01", employer="boss")])).startswith("mother.jobs[1].employer: ")
    assert only_problem(case([job(), job("2025-13-01")])).startswith("mother.jobs[1].from: ")


# --- the job on a day, the pay of a month -----------------------------------------------------------------

def household_with_changes():
    return parse_case(case([job(monthly_salary=8000), job("2025-03-15", monthly_salary=10000, employer="soe"),
                            job("2026-01-01", employer="none", insurance="none")]))


def test_the_job_on_a_day_is_the_period_that_contains_it():
    mother = household_with_changes().mother
    assert mother.job_on(D(2025, 3, 14)).monthly_salary == 8000
    assert mother.job_on(D(2025, 3, 15)).employer == "soe"
    assert mother.job_on(D(2025, 12, 31)).employer == "soe"
    assert mother.job_on(D(2026, 1, 1)).employer == "none"


def test_before_the_first_dated_job_a_parent_is_not_working():
    mother = parse_case(case([job("2024-01-01", employer="soe", monthly_salary=5000)])).mother
    assert (mother.job_on(D(2023, 12, 31)).employer, mother.job_on(D(2023, 12, 31)).insurance) == ("none", "none")
    assert mother.job_on(D(2024, 1, 1)).employer == "soe"
    assert mother.salary_in_month(2023, 12) == 0 and mother.salary_in_month(2024, 1) == 5000


def test_a_month_is_paid_by_the_job_held_on_its_first_day():
    mother = household_with_changes().mother
    assert mother.salary_in_month(2025, 3) == 8000  # the raise from 15 March first pays in April
    assert mother.salary_in_month(2025, 4) == 10000
    assert mother.salary_in_month(2025, 12) == 10000
    assert mother.salary_in_month(2026, 1) == 0


def test_a_year_of_pay_adds_the_months_of_each_job():
    mother = household_with_changes().mother
    pay = mother.year_pay(2025)
    # January-March 3 × 8,000 + April-December 9 × 10,000 = 24,000 + 90,000 = 114,000 yuan
    assert (pay.salary_fen, pay.months_paid, pay.changed, pay.mid_month) == (11_400_000, 12, True, True)
    pay = mother.year_pay(2024)
    assert (pay.salary_fen, pay.changed, pay.mid_month) == (9_600_000, False, False)  # 12 × 8,000
    assert mother.year_pay(2026).salary_fen == 0


def test_the_jobs_between_two_days():
    mother = household_with_changes().mother
    assert [j.employer for j in jobs_between(mother.jobs, D(2025, 1, 1), D(2025, 12, 31))] == ["private", "soe"]
    assert [j.employer for j in jobs_between(mother.jobs, D(2026, 1, 1), D(2026, 1, 1))] == ["none"]


# --- what the measures read -------------------------------------------------------------------------------

def test_a_schema_2_conversion_simulates_like_the_schema_1_file():
    v1 = {"hukou_area": "bengshan", "as_of": "2026-06-30", "mother": {"employer": "soe", "monthly_salary": 9000,
                                                                       "employer_avg_monthly_wage": 9500},
          "father": {"monthly_salary": 20000}, "children": [{"birth_date": "2021-05-01"}, {"birth_date": "2024-03-15"}]}
    v2 = json.loads(json.dumps(parse_case(v1).model_dump(mode="json")))
    assert v2["schema_version"] == 2 and "jobs" in v2["mother"]
    assert json.dumps(simulate(parse_case(v1)).to_dict()) == json.dumps(simulate(parse_case(v2)).to_dict())


# --- schema 1 means what it meant: every shipped case and its conversion give the same JSON -------------------

YAML_CASES = collect([Path(__file__).with_name("cases")])


@pytest.mark.parametrize("spec", [c for c in YAML_CASES if c.spec.household.get("schema_version", 1) == 1],
                         ids=lambda c: c.id)
def test_each_schema_1_yaml_case_and_its_schema_2_conversion_give_the_same_json(spec):
    converted = json.loads(json.dumps(spec.household.model_dump(mode="json")))
    assert converted["schema_version"] == 2
    assert all("jobs" in converted[r] for r in ("mother", "father") if converted.get(r))
    as_read = simulate(spec.household, spec.params).to_dict()
    assert json.dumps(simulate(parse_case(converted), spec.params).to_dict(), ensure_ascii=False) == \
        json.dumps(as_read, ensure_ascii=False)


def test_the_example_and_its_schema_2_conversion_print_the_same_bytes(tmp_path, capsysbinary):
    from simulator.caseio import EXAMPLE
    from simulator.cli import main

    assert json.loads(EXAMPLE.read_text(encoding="utf-8")).get("schema_version", 1) == 1
    save_case(load_case(EXAMPLE), tmp_path / "v2.json")
    assert json.loads((tmp_path / "v2.json").read_text(encoding="utf-8"))["schema_version"] == 2
    outputs = []
    for path in (EXAMPLE, tmp_path / "v2.json"):
        for extra in ([], ["--table", "--lang", "en"]):
            assert main(["simulate", str(path), *extra]) == 0
            outputs.append(capsysbinary.readouterr().out)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    lines = tmp_path / "cases.jsonl"
    lines.write_text(EXAMPLE.read_text(encoding="utf-8").replace("\n", "") + "\n"
                     + (tmp_path / "v2.json").read_text(encoding="utf-8").replace("\n", "") + "\n", encoding="utf-8")
    assert main(["simulate", "--batch", str(lines)]) == 0
    first, second = capsysbinary.readouterr().out.splitlines()
    assert first == second


# --- what must hold for every household (hypothesis) ----------------------------------------------------------

def amounts(result):
    return sorted((ln.id, ln.year, ln.child or 0, ln.parent or "", ln.amount if ln.amount is not None else -1,
                   sorted((ln.payers or {}).items())) for ln in result.lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households(), st.sampled_from(["mother", "father"]), st.dates(dt.date(2015, 1, 1), dt.date(2032, 12, 31)))
def test_a_change_of_job_to_the_same_terms_changes_no_amount(case, role, when):
    """Cutting a parent's one job into two periods with the same terms, at any date, changes no line's amount or
    payers (only the statuses may say "assumed" where the cut falls mid-month)."""
    hh = Household.model_validate(case)
    parent = hh.parent(role)
    if parent is None:
        return
    data = hh.model_dump(mode="json")
    (only,) = data[role]["jobs"]
    data[role]["jobs"] = [only, {**only, "from": when.isoformat()}]
    assert amounts(simulate(Household.model_validate(data))) == amounts(simulate(hh))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households(), st.dates(dt.date(2015, 1, 1), dt.date(2032, 12, 31)))
def test_a_father_who_has_stopped_working_saves_no_tax_in_the_years_after(case, when):
    """A year without salary has no tax to save, whatever the split (a forced split gives him 0)."""
    hh = Household.model_validate(case)
    if hh.father is None:
        return
    data = hh.model_dump(mode="json")
    (only,) = data["father"]["jobs"]
    data["father"]["jobs"] = [only, {"from": when.isoformat(), "employer": "none", "insurance": "none"}]
    stopped = simulate(Household.model_validate(data))
    for line in stopped.lines:
        if line.id == "tax_saved" and line.parent == "father" and line.year > when.year:
            assert line.amount == 0  # no salary that year: no tax to save


def job_changes():
    """Up to four later periods of random terms, in date order (some on the 1st, some mid-month)."""
    period = st.fixed_dictionaries({}, optional={
        "employer": st.sampled_from(EMPLOYERS), "insurance": st.sampled_from(INSURANCE), "monthly_salary": yuan,
        "monthly_contributions": st.integers(0, 500_000).map(lambda f: f / 100),
        "employer_avg_monthly_wage": st.none() | yuan})
    starts = st.lists(st.dates(dt.date(2012, 1, 1), dt.date(2035, 12, 31)), max_size=4, unique=True).map(sorted)
    return starts.flatmap(lambda days: st.tuples(*(period.map(lambda p, d=d: {"from": d.isoformat(), **p})
                                                   for d in days)).map(list))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households(), job_changes(), job_changes(), st.booleans())
def test_every_household_with_changing_jobs_adds_up_and_reads_back_the_same(case, mother, father, dated_first):
    """Whatever the periods: no amount is negative or finer than a fen, payers add up to their line, the totals
    are the lines', and a household saved and read again gives the same result."""
    data = Household.model_validate(case).model_dump(mode="json")
    for role, later in (("mother", mother), ("father", father)):
        if data.get(role):
            if dated_first:
                data[role]["jobs"][0]["from"] = "2011-06-15"
            data[role]["jobs"] += later
    hh = Household.model_validate(data)
    result = simulate(hh)
    for line in result.lines:
        if line.amount is not None:
            assert line.amount >= 0 and round(line.amount, 2) == line.amount, line
            if line.payers:
                assert round(sum(line.payers.values()), 2) == line.amount, line
    known = [ln for ln in result.lines if ln.amount is not None]
    assert result.totals()["tax_saved"] == round(sum(ln.amount for ln in known if ln.id == "tax_saved"), 2)
    assert simulate(parse_case(json.loads(json.dumps(hh.model_dump(mode="json"))))).to_dict() == result.to_dict()


def test_the_command_line_names_a_job_s_field_in_the_chosen_language(tmp_path, capsys):
    from simulator.cli import main

    path = tmp_path / "case.json"
    path.write_text(json.dumps(case([job(), job("2025-01-01"), job("2024-06-01")])), encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "mother.jobs[2].from: must be later than the job before's (2025-01-01)"
    assert main(["simulate", str(path)]) == 2
    assert capsys.readouterr().err.strip() == "mother.jobs[2].from: 应晚于上一段工作的起始日期（2025-01-01）"
    path.write_text(json.dumps(case([job(), job("2025-01-01", monthly_salary=9000)])), encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "OK"
