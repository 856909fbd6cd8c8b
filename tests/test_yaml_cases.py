"""The YAML household cases under tests/cases/ (one pytest test each), and the runner that checks them
(``python -m simulator test``): it fails on a mismatch, refuses a malformed file, and fails when a parameter
the cases rest on changes."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import simulator
from simulator import case_tests
from simulator.case_tests import EXIT_FAILED, EXIT_MALFORMED, EXIT_OK, MalformedCases, collect, run_case

CASES_DIR = Path(__file__).with_name("cases")
POLICY_DIR = Path(simulator.__file__).with_name("policy")
ROOT = Path(__file__).resolve().parent.parent

CASES = collect([CASES_DIR])


def test_there_are_at_least_60_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    problems = run_case(case, "en")
    assert not problems, "\n".join(problems)


def run(paths, **kw) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = case_tests.main([str(p) for p in paths], out=out, err=err, **kw)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, text: str, name: str = "cases.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CASE = """\
- name: second child born 2024-01-01 gets 2,000 yuan
  household:
    hukou_area: wuhe
    as_of: 2026-06-30
    mother: {}
    father: {}
    children: [{birth_date: 2020-01-01}, {birth_date: 2024-01-01}]
  expect:
    # a county pays alone
    - {id: birth_subsidy, child: 2, amount: AMOUNT, payers: {wuhe: AMOUNT}}
"""


# --- the runner ------------------------------------------------------------------------------------------

def test_a_passing_file_exits_0_with_the_summary_line(tmp_path):
    code, out, _ = run([write(tmp_path, CASE.replace("AMOUNT", "2000"))], lang="en")
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "1 passed, 0 failed"


def test_a_mismatch_exits_1_naming_the_case_the_line_in_the_file_and_the_benefit_line(tmp_path):
    path = write(tmp_path, CASE.replace("AMOUNT", "2000.01"))
    code, out, _ = run([path], lang="en")
    assert code == EXIT_FAILED
    assert "FAIL cases.yaml::second child born 2024-01-01 gets 2,000 yuan" in out
    # line 10 of the file holds the expectation
    assert f"{path}:10: birth_subsidy child=2: amount 2,000.00, expected 2,000.01" in out
    assert "payers {wuhe: 2,000.00}, expected {wuhe: 2,000.01}" in out
    assert out.splitlines()[-1] == "0 passed, 1 failed"


def test_messages_are_in_chinese_with_lang_zh(tmp_path):
    code, out, _ = run([write(tmp_path, CASE.replace("AMOUNT", "5000"))], lang="zh")
    assert code == EXIT_FAILED
    assert "未通过 cases.yaml::second child born 2024-01-01 gets 2,000 yuan" in out
    assert "金额 2,000.00，应为 5,000.00" in out
    assert out.splitlines()[-2:] == ["通过 0 个，未通过 1 个", "0 passed, 1 failed"]


def test_a_selector_must_match_exactly_one_line(tmp_path):
    text = CASE.replace("{id: birth_subsidy, child: 2, amount: AMOUNT, payers: {wuhe: AMOUNT}}",
                        "{id: birth_subsidy, amount: 2000}")  # both children have a birth-subsidy line
    code, out, _ = run([write(tmp_path, text)], lang="en")
    assert code == EXIT_FAILED
    assert "birth_subsidy: 2 lines match (expected 1)" in out


def test_a_misspelt_line_id_lists_the_ids_there_are(tmp_path):
    text = CASE.replace("{id: birth_subsidy, child: 2,", "{id: birth_subsidies, child: 2,").replace("AMOUNT", "2000")
    code, out, _ = run([write(tmp_path, text)], lang="en")
    assert code == EXIT_FAILED
    assert "birth_subsidies child=2: 0 lines match (expected 1); ids in this result: birth_subsidy," in out


def test_absent_fails_when_a_line_matches_and_when_no_household_has_that_id(tmp_path):
    present = CASE.replace("{id: birth_subsidy, child: 2, amount: AMOUNT, payers: {wuhe: AMOUNT}}",
                           "{id: birth_subsidy, child: 2, absent: true}")
    code, out, _ = run([write(tmp_path, present)], lang="en")
    assert code == EXIT_FAILED
    assert "birth_subsidy child=2: 1 line(s) match, expected none" in out
    misspelt = present.replace("{id: birth_subsidy,", "{id: birth_subsidie,")
    code, out, _ = run([write(tmp_path, misspelt)], lang="en")
    assert code == EXIT_FAILED
    assert "no measure declares lines with id 'birth_subsidie' (misspelt?" in out


def test_days_status_and_totals_are_checked(tmp_path):
    text = """\
- name: three checks that fail and one that passes
  household:
    hukou_area: longzihu
    as_of: 2026-06-30
    mother: {}
    father: {}
    children: [{birth_date: 2024-06-01}]
  expect:
    - {id: maternity_leave, days: 157}
    - {id: paternity_leave, status: assumed}
    - {id: maternity_leave, amount: 158}
    - {id: maternity_leave, child: 1, parent: mother, year: 2024, days: 158}
  totals: {leave_days: {mother: 1}, money_receivd: 0}
"""
    code, out, _ = run([write(tmp_path, text)], lang="en")
    assert code == EXIT_FAILED
    assert "maternity_leave: days 158.0, expected 157" in out
    assert "paternity_leave: status secondary, expected assumed" in out  # 30 days from 2022-01-01 (date: secondary)
    assert "maternity_leave: the line is in days: use days" in out
    assert "maternity_leave child=1 parent=mother year=2024:" not in out
    assert "total leave_days.mother: 228, expected 1" in out
    assert "no total named 'money_receivd'" in out


@pytest.mark.parametrize(("text", "expected"), [
    (CASE.replace("amount: AMOUNT,", "amout: 2000,").replace("AMOUNT", "2000"),
     "case 1 'second child born 2024-01-01 gets 2,000 yuan': expect.0.amout: unknown key (misspelt?)"),
    (CASE.replace("AMOUNT", "2000.001"), "expect.0.amount: yuan to the fen: at most two decimals"),
    (CASE.replace("AMOUNT", "2000").replace("    as_of: 2026-06-30\n", ""),
     "household.as_of: required, so that the case does not depend on today's date"),
    (CASE.replace("AMOUNT", "2000").replace("as_of: 2026-06-30", "as_of: 2026-02-30"), "household.as_of: "),
    (CASE.replace("AMOUNT", "2000").replace("hukou_area: wuhe", "hukou_area: wuhu"), "household.hukou_area: "),
    (CASE.replace("AMOUNT", "2000").replace("  expect:", "  local: {bengbu.no_such.parameter: 1}\n  expect:"),
     "local.bengbu.no_such.parameter: no such parameter"),
    (CASE.replace("AMOUNT", "2000").replace("amount: 2000, payers: {wuhe: 2000}", "absent: true, amount: 0"),
     "absent: true checks no figure, but amount given"),
    (CASE.replace("AMOUNT", "2000").replace(", amount: 2000, payers: {wuhe: 2000}", ""),
     "give amount, days, payers or status (or absent: true)"),
    (CASE.replace("AMOUNT", "2000") + CASE.replace("AMOUNT", "2000").replace("- name:", "- name:"),
     "case 2 'second child born 2024-01-01 gets 2,000 yuan': name: another case in this file has the same name"),
    ("name: not a list\n", "the file must be a list of cases"),
    ("- name: [unclosed\n", "not valid YAML"),
])
def test_a_malformed_file_exits_2_naming_file_case_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    code, out, err = run([path], lang="en")
    assert code == EXIT_MALFORMED
    assert out == ""
    assert str(path) in err
    assert expected in err, err


def test_a_folder_without_case_files_is_an_error(tmp_path):
    code, _, err = run([tmp_path], lang="en")
    assert code == EXIT_MALFORMED
    assert "no .yaml case file found" in err


def test_collect_raises_for_a_malformed_file(tmp_path):
    with pytest.raises(MalformedCases) as e:
        collect([write(tmp_path, "- name: x\n")])
    assert any("household: required" in p for p in e.value.problems)


# --- the cases fail when a parameter they rest on changes -------------------------------------------------

def test_the_birth_subsidy_cases_fail_when_the_second_child_amount_changes(tmp_path):
    policy = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, policy)
    second = policy / "bengbu" / "birth_subsidy" / "second_child.yaml"
    text = second.read_text(encoding="utf-8")
    assert "  2024-01-01: 2000\n" in text
    second.write_text(text.replace("  2024-01-01: 2000\n", "  2024-01-01: 2500\n"), encoding="utf-8")

    code, out, _ = run([CASES_DIR / "birth_subsidy.yaml"], lang="en", policy=policy)
    assert code == EXIT_FAILED
    failed = {line.removeprefix("FAIL birth_subsidy.yaml::") for line in out.splitlines() if line.startswith("FAIL")}
    # every case that expects a 2nd-child subsidy of 2,000 fails, and only those
    expected = {c.name for c in CASES if c.file.name == "birth_subsidy.yaml"
                and any(e.id == "birth_subsidy" and e.amount == 200000 for e in c.spec.expect)}
    assert len(expected) >= 10
    assert failed == expected
    assert "amount 2,500.00, expected 2,000.00" in out
    # the unchanged pack passes the same file
    assert run([CASES_DIR / "birth_subsidy.yaml"], lang="en", policy=POLICY_DIR)[0] == EXIT_OK


# (parameter file, its line as shipped, the changed line, the case file whose cases rest on it)
MUTATIONS = [
    ("bengbu/birth_subsidy/third_child.yaml", "  2024-01-01: 5000\n", "  2024-01-01: 5001\n", "birth_subsidy.yaml"),
    ("bengbu/birth_subsidy/city_share_in_districts.yaml", "  2024-01-01: 0.3\n", "  2024-01-01: 0.4\n",
     "birth_subsidy.yaml"),
    ("bengbu/birth_subsidy/second_child.yaml", "  2024-01-01: 2000\n", "  2024-01-02: 2000\n", "birth_subsidy.yaml"),
    ("national/childcare_subsidy/annual_amount.yaml", "  2025-01-01: 3600\n", "  2025-01-01: 3720\n",
     "childcare_subsidy.yaml"),
    ("national/childcare_subsidy/eligible_months.yaml", "  2025-01-01: 36\n", "  2025-01-01: 35\n",
     "childcare_subsidy.yaml"),
    ("national/income_tax/infant_care_monthly.yaml", "  2023-01-01: 2000\n", "  2023-01-02: 2000\n",
     "income_tax.yaml"),
    ("national/income_tax/brackets.yaml", "{up_to: 36000, rate: 0.03, quick_deduction: 0}",
     "{up_to: 36000, rate: 0.031, quick_deduction: 0}", "income_tax.yaml"),
    ("national/maternity_allowance/day_divisor.yaml", "  2011-07-01: 30\n", "  2011-07-01: 30.5\n",
     "maternity_allowance.yaml"),
    ("anhui/paternity_leave/days.yaml", "  2022-01-01: {value: 30,", "  2022-01-01: {value: 31,", "leave.yaml"),
    ("anhui/parental_leave/until_age.yaml", "  2022-01-01: 6\n", "  2022-01-01: 7\n", "leave.yaml"),
    ("anhui/leave/for_married_couples.yaml", "  2016-01-16: {value: true,", "  2016-01-16: {value: false,",
     "history.yaml"),
    ("national/provident_fund/commercial_benchmark_rate.yaml", "  2025-05-20: 0.035\n", "  2025-05-21: 0.035\n",
     "housing.yaml"),
    ("bengbu/housing/child_age_limit.yaml", "  2024-01-01: 18\n", "  2024-01-01: 17\n", "housing.yaml"),
    ("bengbu/training/window_years.yaml", "  2024-01-01: 2\n", "  2024-01-01: 3\n", "training.yaml"),
    ("bengbu/training/living_allowance_per_day.yaml", "  2024-01-01: 50\n", "  2024-01-01: 55\n", "training.yaml"),
    ("national/education/entry_cutoff.yaml", '  2006-09-01: "08-31"\n', '  2006-09-01: "08-30"\n', "fees.yaml"),
    ("national/family/nursery_age_limit.yaml", "  2024-01-01: 3\n", "  2024-01-01: 4\n", "entitlements.yaml"),
]


@pytest.mark.parametrize(("name", "before", "after", "cases"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_the_cases_fail_when_a_parameter_they_rest_on_changes(tmp_path, name, before, after, cases):
    policy = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, policy)
    path = policy / name
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1, f"{name} no longer holds {before!r}: update MUTATIONS"
    path.write_text(text.replace(before, after), encoding="utf-8")
    code, out, _ = run([CASES_DIR / cases], lang="en", policy=policy)
    assert code == EXIT_FAILED, out
    assert f"FAIL {cases}::" in out


def test_a_subsidy_dated_before_the_city_share_it_needs_does_not_crash_the_engine(tmp_path):
    # A pack whose 2nd-child amount starts 2023-12-31 while city_share_in_districts starts 2024-01-01 loads;
    # a district family's 2nd child born 2023-12-31 then makes simulate() raise decimal.InvalidOperation
    # (money.share(…, None)). Expected: a clear ParameterError/InputError naming the parameter, or a line.
    policy = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, policy)
    second = policy / "bengbu" / "birth_subsidy" / "second_child.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace("  2024-01-01: 2000\n", "  2023-12-31: 2000\n"),
                      encoding="utf-8")
    case = write(tmp_path, CASE.replace("hukou_area: wuhe", "hukou_area: longzihu")
                 .replace("2024-01-01}]", "2023-12-31}]").replace("amount: AMOUNT, payers: {wuhe: AMOUNT}",
                                                                  "status: verified"))
    code, out, _ = run([case], lang="en", policy=policy)
    assert "the engine failed" not in out, out


# --- the command line -------------------------------------------------------------------------------------

def test_python_m_simulator_test_runs_every_case_and_exits_0():
    proc = subprocess.run([sys.executable, "-m", "simulator", "test", "tests/cases", "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == f"{len(CASES)} passed, 0 failed"


def test_python_m_simulator_test_exits_2_for_a_malformed_file(tmp_path):
    path = write(tmp_path, CASE.replace("amount: AMOUNT,", "amout: 2000,").replace("AMOUNT", "2000"))
    proc = subprocess.run([sys.executable, "-m", "simulator", "test", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 2
    assert "expect.0.amout: 未知的键（拼写错误？）" in proc.stderr
