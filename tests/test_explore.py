"""The birth-month and pay explorers (simulator/explore.py, ``python -m simulator explore``): every point is what
``simulate`` gives for the family with that one field changed, on both sides of 2024-01-01 (§4), and the cliffs
are read off the lines that change."""

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import InputError, default_parameters, parse_case, simulate
from simulator.cliffs import cliffs
from simulator.explore import (
    birth_month_curve,
    day_in_month,
    flat_totals,
    months_between,
    next_months,
    salary_curve,
    salary_steps,
    to_csv,
    with_monthly_salary,
)

ROOT = Path(__file__).resolve().parents[1]

# A couple in Longzihu with a first child, planning a second (as of mid-2023, so the months span 2024-01-01).
FAMILY = {"schema_version": 1, "hukou_area": "longzihu", "as_of": "2023-06-01",
          "mother": {"employer": "private", "monthly_salary": 8000, "employer_avg_monthly_wage": 8000},
          "father": {"employer": "private", "monthly_salary": 12000},
          "children": [{"birth_date": "2020-05-10"}, {"birth_date": "2023-09-01"}]}


def family(**changes):
    data = {**FAMILY, **changes}
    return parse_case(data)


def simulated_with_birth(date: str):
    """The same family typed with the second child born on ``date``: the case the explorer's point stands for."""
    data = {**FAMILY, "children": [FAMILY["children"][0], {"birth_date": date}]}
    return simulate(parse_case(data), default_parameters())


def line_amount(result, line_id, child):
    found = [ln.amount for ln in result.lines if ln.id == line_id and ln.child == child and ln.amount]
    return sum(found)


def test_each_month_is_what_simulate_gives_on_both_sides_of_2024_01_01():
    points = birth_month_curve(family(), 1, months_between((2023, 11), (2024, 2)))
    assert [p.key for p in points] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    for point, date in zip(points, ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"], strict=True):
        assert point.value == dt.date.fromisoformat(date)
        assert point.totals() == flat_totals(simulated_with_birth(date).totals())


def test_second_child_born_2023_12_gets_no_birth_subsidy_and_2024_01_gets_2000_yuan():
    dec, jan = birth_month_curve(family(), 1, [(2023, 12), (2024, 1)])
    assert line_amount(dec.result, "birth_subsidy", 2) == 0
    assert line_amount(jan.result, "birth_subsidy", 2) == 2000
    # childcare subsidy for child 2: born 2023-12 → months 2024-01…2026-12, paid from 2025-01: 24 × 300 = 7,200;
    # born 2024-01 → months 2024-02…2027-01, paid from 2025-01: 25 × 300 = 7,500.
    assert line_amount(dec.result, "childcare_subsidy", 2) == 7200
    assert line_amount(jan.result, "childcare_subsidy", 2) == 7500
    # money received moves by 2,000 + 300 = 2,300 between the two months
    assert jan.totals()["money_received"] - dec.totals()["money_received"] == pytest.approx(2300, abs=0.001)


def test_the_2024_01_cliff_names_the_birth_subsidy_and_its_clause():
    points = birth_month_curve(family(), 1, months_between((2023, 10), (2024, 3)))
    found = {c.after: c for c in cliffs(points)}
    assert "2024-01" in found and "2023-12" not in found
    # born 2024-02-01 rather than 2024-01-01: the child is still under 6 on some days of 2030 (it turns 6 on
    # 2030-02-01), so one more calendar year of parental leave, 10 days for each parent — a cliff of its own
    assert [c.line for c in found["2024-02"].changes] == [("parental_leave", None)]
    # (the first child, born 2020, brings parental leave from 2022, when the 2021 revision took effect)
    assert "Parental leave goes from 160 days in 2022-2029 to 180 days in 2022-2030" in found["2024-02"].sentence("en")
    sentence_en, sentence_zh = found["2024-01"].sentence("en"), found["2024-01"].sentence("zh")
    assert "One-time birth subsidy (2nd child) appears: 2,000 yuan (bengbu-2024 §4)" in sentence_en
    assert "出现一次性生育补助（二孩） 2,000 元（依据 bengbu-2024 §4）" in sentence_zh


def test_a_dated_parameter_change_is_a_cliff_with_its_date():
    # Anhui's paternity leave: 10 days under the 2016 text, 30 for births from 2022-01-01 (the 2021 revision)
    points = birth_month_curve(family(as_of="2021-06-01"), 1, months_between((2021, 12), (2022, 1)))
    (cliff,) = [c for c in cliffs(points) if c.after == "2022-01"]
    text = cliff.sentence("en")
    assert "Paternity leave (2nd child) goes from 10 days to 30 days" in text
    assert "2022-01-01" in text
    assert points[1].totals()["leave_days.father"] - points[0].totals()["leave_days.father"] == 20


def test_the_day_of_month_is_kept_and_clamped_to_the_months_end():
    born_31 = family(children=[FAMILY["children"][0], {"birth_date": "2024-01-31"}])
    points = birth_month_curve(born_31, 1, [(2024, 2), (2025, 2), (2025, 4), (2025, 5)])
    assert [p.value for p in points] == [dt.date(2024, 2, 29), dt.date(2025, 2, 28), dt.date(2025, 4, 30),
                                         dt.date(2025, 5, 31)]
    assert points[1].totals() == flat_totals(simulated_with_birth("2025-02-28").totals())
    assert day_in_month((2023, 2), 29) == dt.date(2023, 2, 28)


def test_the_next_60_months_start_with_the_month_of_the_case():
    months = next_months(family())
    assert len(months) == 60 and months[0] == (2023, 6) and months[-1] == (2028, 5)


def test_a_missing_child_is_refused_in_the_users_language():
    with pytest.raises(InputError) as e:
        birth_month_curve(family(), 5, [(2024, 1)], lang="zh")
    assert e.value.problems == ["children[5]：没有这个孩子（这个家庭有 2 个孩子）"]


def test_salary_points_are_what_simulate_gives_and_one_year_is_checked_by_hand():
    h = parse_case({"schema_version": 1, "hukou_area": "longzihu", "as_of": "2026-06-30",
                    "mother": {"monthly_salary": 3000}, "children": [{"birth_date": "2023-06-15"}]})
    points = salary_curve(h, "mother", [0, 5000, 10000])
    for point, salary in zip(points, [0, 5000, 10000], strict=True):
        typed = parse_case({**h.model_dump(mode="json", by_alias=True), "mother": {"jobs": [{"monthly_salary": salary}]}})
        assert point.totals() == flat_totals(simulate(typed, default_parameters()).totals())
    by_year = {ln.year: ln.amount for ln in points[2].result.lines if ln.id == "tax_saved"}
    # 10,000 a month: taxable 12 × 10,000 − 60,000 = 60,000, less the 24,000 infant-care deduction:
    # 60,000 × 10 % − 2,520 = 3,480 → 36,000 × 3 % = 1,080; saved 2,400.00 in 2024
    assert by_year[2024] == 2400
    # 5,000 a month is the basic deduction exactly: nothing taxable, nothing saved, in any year
    assert points[1].totals()["tax_saved"] == 0
    assert points[0].totals()["tax_saved"] == 0


def test_a_salary_out_of_range_is_a_point_with_its_problem_not_a_crash():
    (point,) = salary_curve(family(), "father", [20_000_000], lang="en")
    assert point.result is None and point.totals() == {}
    assert point.problems and point.problems[0].startswith("father.jobs[0].monthly_salary")


def test_salary_steps_include_the_end_on_a_step():
    assert salary_steps(0, 50_000, 10_000) == [0, 10_000, 20_000, 30_000, 40_000, 50_000]
    assert salary_steps(0, 2500, 1000) == [0, 1000, 2000]
    with pytest.raises(InputError):
        salary_steps(0, 1000, 0)


def test_csv_columns_come_from_the_totals_and_flatten_leave_days():
    points = birth_month_curve(family(), 1, [(2024, 1)])
    header, row = list(csv.reader(io.StringIO(to_csv(points, "birth_month"))))
    assert header[:3] == ["birth_month", "money_received", "tax_saved"]
    assert "leave_days.mother" in header and "leave_days.father" in header and header[-1] == "problems"
    assert set(header[1:-1]) == set(points[0].totals())
    assert row[0] == "2024-01" and float(row[1]) == points[0].totals()["money_received"]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "simulator", "explore", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)


def test_cli_birth_month_csv(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(family().model_dump_json(), encoding="utf-8")
    out = cli("birth-month", case, "--child", 2, "--from", "2023-11", "--to", "2024-02")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["birth_month"] for r in rows] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    dec, jan = rows[1], rows[2]
    # the 2,000 birth subsidy and one more month of childcare subsidy (300), by hand above
    assert float(jan["money_received"]) - float(dec["money_received"]) == pytest.approx(2300, abs=0.001)
    assert float(jan["money_received"]) == simulated_with_birth("2024-01-01").totals()["money_received"]


def test_cli_salary_csv(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(family().model_dump_json(), encoding="utf-8")
    out = cli("salary", case, "--parent", "father", "--from", 0, "--to", 50000, "--step", 5000)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == 11 and rows[0]["monthly_salary"] == "0" and rows[-1]["monthly_salary"] == "50000"
    assert list(rows[0])[:3] == ["monthly_salary", "money_received", "tax_saved"]


def test_cli_bad_month_names_the_option_in_chinese(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(family().model_dump_json(), encoding="utf-8")
    out = cli("birth-month", case, "--from", "2024-13", "--to", "2025-01")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == "--from：“2024-13”不是 YYYY-MM 格式的月份"


def test_the_planned_child_is_the_last_born_after_the_cases_date():
    from simulator.explore import planned_child

    assert planned_child(family()) == 1  # born 2023-09-01, after 2023-06-01
    assert planned_child(family(as_of="2024-06-01")) == 1  # none after: the last
    assert planned_child(family(children=[{"birth_date": "2024-01-01"}, {"birth_date": "2020-05-10"}])) == 0


def test_cli_without_child_varies_the_planned_one(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(family().model_dump_json(), encoding="utf-8")
    out = cli("birth-month", case, "--from", "2024-01", "--to", "2024-01")
    assert out.returncode == 0, out.stderr
    (row,) = list(csv.DictReader(io.StringIO(out.stdout)))
    assert float(row["money_received"]) == simulated_with_birth("2024-01-01").totals()["money_received"]


def test_for_jobs_that_change_the_pay_explorer_varies_the_job_on_the_cases_date():
    """Schema 2: the mother earned 6,000 until 2025-12-31 and 9,000 from 2026-01-01; on the case's date
    (2026-06-30) the second job is in force, so the curve changes that job's pay and keeps the first."""
    h = parse_case({"schema_version": 2, "hukou_area": "longzihu", "as_of": "2026-06-30",
                    "mother": {"jobs": [{"monthly_salary": 6000}, {"from": "2026-01-01", "monthly_salary": 9000}]},
                    "children": [{"birth_date": "2025-03-15"}]})
    (point,) = salary_curve(h, "mother", [15000])
    varied = with_monthly_salary(h, "mother", 15000)
    assert [job.monthly_salary for job in varied.mother.jobs] == [6000, 15000]
    assert point.totals() == flat_totals(simulate(varied, default_parameters()).totals())
    saved = {ln.year: ln.amount for ln in point.result.lines if ln.id == "tax_saved"}
    # 2025 still on 6,000 a month: taxable 72,000 − 60,000 = 12,000, the 10 months of infant care (2,000 a month,
    # from March) 20,000 deduct it all: 12,000 × 3 % = 360 saved. 2026 on 15,000: taxable 180,000 − 60,000 =
    # 120,000 → 10 % − 2,520 = 9,480; less 24,000 → 96,000 → 7,080: 2,400 saved.
    assert saved[2025] == 360 and saved[2026] == 2400


def test_the_pay_explorer_says_when_a_parent_has_no_job_on_the_cases_date():
    h = parse_case({"schema_version": 2, "hukou_area": "longzihu", "as_of": "2026-06-30",
                    "mother": {"jobs": [{"from": "2027-01-01", "monthly_salary": 9000}]},
                    "children": [{"birth_date": "2025-03-15"}]})
    with pytest.raises(InputError) as e:
        with_monthly_salary(h, "mother", 15000, lang="zh")
    assert e.value.problems == ["母亲：测算日期2026-06-30时没有工作（第一段工作在此之后开始），没有可变的工资"]
