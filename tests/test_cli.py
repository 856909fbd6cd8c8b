"""The command line: ``python -m simulator simulate|validate|params``.

Bad input exits 2 with one line per problem on stderr, each starting with the field path, never a
traceback. Error paths run in a real subprocess (what a user sees); the rest call ``main`` in-process.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import Household, default_parameters, load_example, simulate
from simulator.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "simulator" / "examples" / "example_family.json"
# a field path (children[1].birth_date, mother/father, (case), (file)) then ": "
PROBLEM = re.compile(r"^(\(case\)|\(file\)|[A-Za-z_][\w/]*(\[\d+\])?(\.[A-Za-z_]\w*(\[\d+\])?)*): \S")


def good_case(**changes):
    data = {"schema_version": 1, "hukou_area": "longzihu", "as_of": "2026-01-01",
            "mother": {"monthly_salary": 8000, "employer_avg_monthly_wage": 8000}, "father": {"monthly_salary": 9000},
            "children": [{"birth_date": "2020-05-10"}, {"birth_date": "2024-03-15"}]}
    data.update(changes)
    return data


def cli(*args):
    return subprocess.run([sys.executable, "-m", "simulator", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)


def write(tmp_path, content, name="case.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def without(key):
    data = good_case()
    del data[key]
    return data


BAD = {
    "malformed_json": ('{"hukou_area": "longzihu",', "(case)"),
    "missing_field": (without("hukou_area"), "hukou_area"),
    "unknown_field": (good_case(pets=1), "pets"),
    "wrong_type": (good_case(mother={"monthly_salary": "lots"}), "mother.monthly_salary"),
    "unknown_area": (good_case(hukou_area="shanghai"), "hukou_area"),
    "impossible_date": (good_case(children=[{"birth_date": "2020-01-01"}, {"birth_date": "2024-02-30"}]),
                        "children[1].birth_date"),
    "negative_salary": (good_case(father={"monthly_salary": -100}), "father.monthly_salary"),
    "too_many_children": (good_case(children=[{"birth_date": "2020-01-01"}] * 13), "children"),
    "newer_schema": (good_case(schema_version=3), "schema_version"),
    "no_parent": ({"hukou_area": "wuhe"}, "mother/father"),
    "course_subsidy_out_of_range": (
        good_case(mother={"training": {"course_subsidy": 3000, "start": "2025-01-01"}}), "mother.training.course_subsidy"),
}


def check_problems(returncode, out, err, path):
    assert returncode == 2
    assert "Traceback" not in err
    assert out == ""
    lines = err.splitlines()
    assert lines
    assert all(PROBLEM.match(line) for line in lines), lines
    assert any(line.startswith(f"{path}: ") for line in lines), lines


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("command", ["simulate", "validate"])
def test_bad_case_exits_2_with_one_line_per_problem_naming_the_field(tmp_path, capsys, kind, command):
    content, path = BAD[kind]
    code = main([command, str(write(tmp_path, content)), "--lang", "en"])
    captured = capsys.readouterr()
    check_problems(code, captured.out, captured.err, path)


@pytest.mark.parametrize("kind", ["malformed_json", "impossible_date", "newer_schema", "course_subsidy_out_of_range"])
def test_bad_case_run_as_a_program_exits_2_without_a_traceback(tmp_path, kind):
    content, path = BAD[kind]
    run = cli("simulate", write(tmp_path, content), "--lang", "en")
    check_problems(run.returncode, run.stdout, run.stderr, path)


def test_missing_case_file_exits_2_without_traceback(tmp_path):
    run = cli("simulate", tmp_path / "nowhere.json")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("(file): ")


def test_messages_follow_lang(tmp_path, capsys):
    path = str(write(tmp_path, good_case(mother={"pets": 1})))
    assert main(["validate", path, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "mother.pets: Extra inputs are not permitted"
    assert main(["validate", path, "--lang", "zh"]) == 2
    assert capsys.readouterr().err.strip() == "mother.pets: 不认识的字段"


def test_chinese_is_the_default_language(tmp_path, capsys):
    assert main(["validate", str(write(tmp_path, good_case(schema_version=3)))]) == 2
    assert "升级" in capsys.readouterr().err


# --- in-process: output ---------------------------------------------------------------------------------

def test_validate_says_ok(tmp_path, capsys):
    assert main(["validate", str(write(tmp_path, good_case())), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "OK"
    assert main(["validate", str(write(tmp_path, good_case()))]) == 0
    assert capsys.readouterr().out.strip() == "有效"


def test_simulate_prints_the_results_json(tmp_path, capsys):
    assert main(["simulate", str(write(tmp_path, good_case()))]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["as_of"] == "2026-01-01"
    second = [ln for ln in out["lines"] if ln["id"] == "birth_subsidy" and ln["child"] == 2]
    assert [ln["amount"] for ln in second] == [2000]
    assert out["totals"]["money_received"] > 0
    assert {"zh", "en"} <= set(second[0]["explanation"])


def test_simulate_example_matches_the_library(capsys):
    assert main(["simulate", "--example"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["totals"] == json.loads(json.dumps(simulate(load_example()).totals()))
    # the allowance has its own total (an added field) and is no longer in money_received (issue 13, point 7)
    assert out["totals"]["money_received"] == 25900 and out["totals"]["wage_replacement"] == 130399.99
    allowance = sum(ln["amount"] for ln in out["lines"] if ln["id"] == "maternity_allowance")
    assert round(allowance, 2) == out["totals"]["wage_replacement"]
    assert {"wage_replacement", "money", "total", "cumulative"} <= set(out["timeline"][0])
    assert "wage_replacement" not in out["timeline"][0]["money"]


def test_table_has_chinese_headers_and_line_names(capsys):
    assert main(["simulate", str(EXAMPLE), "--table"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    for head in ("年份", "项目", "孩次", "金额/天数", "依据", "状态"):
        assert head in header
    assert "一次性生育补助" in out
    assert "2,000" in out
    # added money: birth subsidy 2,000 (2nd) + 5,000 (3rd); childcare subsidy 2024-04…2027-03 paid from 2025-01,
    # 27 × 300 = 8,100, and 36 × 300 = 10,800 for the 2027 child (the 2020 child is too old): 25,900
    assert "政策增加的钱款合计: 25,900 元" in out
    # apart, with the leave: 8,000 ÷ 30 × 158 = 42,133.33 (2020, Anhui's 2016 text), × 173 = 46,133.33
    # (2024, 158 + 15 difficult birth), × 158 = 42,133.33 (2027): 130,399.99
    assert "工资替代（生育津贴）: 130,399.99 元 (产假期间代替工资发放，不是新增的钱)" in out


def test_table_in_english(capsys):
    assert main(["simulate", str(EXAMPLE), "--table", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Year")
    assert "One-time birth subsidy" in out
    assert "年份" not in out


def test_batch_writes_one_json_line_per_case_and_reports_bad_lines_without_stopping(tmp_path, capsys):
    batch = tmp_path / "cases.jsonl"
    batch.write_text("\n".join([
        json.dumps(good_case()),
        '{"hukou_area": "mars", "mother": {}}',
        "",
        "not json",
        json.dumps(good_case(children=[{"birth_date": "2025-06-15"}])),
    ]) + "\n", encoding="utf-8")
    assert main(["simulate", "--batch", str(batch), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert len(records) == 4
    assert "totals" in records[0] and "totals" in records[3]
    assert records[1]["line"] == 2
    assert records[1]["errors"][0].startswith("hukou_area: ")
    assert records[2]["line"] == 4
    assert records[2]["errors"][0].startswith("(case): ")
    assert "2 case(s) had errors" in captured.err
    # the last case: child born 2025-06-15 → 10,800 of childcare subsidy
    assert sum(ln["amount"] for ln in records[3]["lines"] if ln["id"] == "childcare_subsidy") == 10800


LINE_KEYS = {"id", "child", "parent", "year", "amount", "unit", "payers", "source", "status", "explanation",
             "category", "flags"}


@pytest.mark.parametrize("detail", [False, True])
def test_batch_lines_are_the_librarys_lines_with_every_explanation_written_out(tmp_path, capsys, detail):
    batch = write(tmp_path, json.dumps(good_case()) + "\n", "cases.jsonl")
    assert main(["simulate", "--batch", str(batch)] + (["--detail"] if detail else [])) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = simulate(Household.model_validate(good_case())).to_dict(parameters=detail)
    assert record == json.loads(json.dumps(expected))
    extra = {"parameters"} if detail else set()
    for ln in record["lines"]:
        measure = {"measure", "department"} if ln["id"] == "entitlement" else set()
        span = {"start", "end"} if ln["id"] == "maternity_leave" and ln["amount"] else set()  # the leave's days
        assert set(ln) == LINE_KEYS | extra | measure | span
        assert ln["explanation"]["zh"] and ln["explanation"]["en"]


def test_a_batch_sharing_its_sentences_writes_what_each_household_alone_gives(tmp_path, capsys, monkeypatch):
    """The batch puts a sentence several households share into words once; every record is still exactly
    the household's own, also across the point where the batch's sentences are let go."""
    from simulator import cli as cli_module

    monkeypatch.setattr(cli_module, "BATCH_SENTENCES", 40)  # let go of them every few households
    cases = [good_case(), good_case(hukou_area="wuhe"), good_case(), good_case(tax_split="father"), good_case()]
    cases[2]["children"] = [{"birth_date": "2024-02-29"}, {"birth_date": "2026-05-01"}]
    batch = write(tmp_path, "".join(json.dumps(c) + "\n" for c in cases), "cases.jsonl")
    assert main(["simulate", "--batch", str(batch)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records == [json.loads(json.dumps(simulate(Household.model_validate(c)).to_dict(parameters=False)))
                       for c in cases]


def test_batch_of_good_cases_exits_0(tmp_path, capsys):
    batch = write(tmp_path, json.dumps(good_case()) + "\n" + json.dumps(good_case(hukou_area="wuhe")) + "\n",
                  "cases.jsonl")
    assert main(["simulate", "--batch", str(batch)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_batch_line_that_is_not_utf8_is_that_lines_error_and_the_rest_go_on(tmp_path, capsys):
    batch = tmp_path / "cases.jsonl"
    good = json.dumps(good_case()).encode()
    batch.write_bytes(good + b"\n" + b'{"hukou_area": "\xff\xfe"}\n' + good + b"\n")
    assert main(["simulate", "--batch", str(batch), "--lang", "en"]) == 2
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 3
    assert "totals" in records[0] and "totals" in records[2]
    assert records[1] == {"line": 2, "errors": ["(case): not UTF-8 text"]}


def test_a_utf8_byte_order_mark_is_not_part_of_the_case(tmp_path, capsys):
    """Windows editors write one at the start of a file: a case file and a batch's first line still read."""
    case = tmp_path / "case.json"
    case.write_bytes(b"\xef\xbb\xbf" + json.dumps(good_case()).encode())
    assert main(["simulate", str(case)]) == 0
    expected = json.loads(capsys.readouterr().out)["totals"]
    batch = tmp_path / "cases.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + json.dumps(good_case()).encode() + b"\n")
    assert main(["simulate", "--batch", str(batch)]) == 0
    assert json.loads(capsys.readouterr().out)["totals"] == expected


def test_output_cut_short_by_its_reader_ends_quietly():
    """``python -m simulator simulate --example | head``: the reader goes away; no error message."""
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "simulate", "--example"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"{"
    proc.stdout.close()  # the result is well over a pipe's buffer, so the writer is still writing
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 1
    assert err == b""


def test_local_figures_file_fills_an_unpublished_amount(tmp_path, capsys):
    case = write(tmp_path, good_case(housing={"first_provident_fund_loan": True, "loan_date": "2025-06-01"}))
    local = write(tmp_path, "bengbu.provident_fund.loan_ceiling: 600000\n", "local.yaml")
    assert main(["simulate", str(case), "--local", str(local)]) == 0
    out = json.loads(capsys.readouterr().out)
    (uplift,) = [ln for ln in out["lines"] if ln["id"] == "provident_fund_uplift"]
    assert uplift["amount"] == 60000
    assert uplift["status"] == "local"
    assert out["local_parameters"] == ["bengbu.provident_fund.loan_ceiling"]


def test_local_figures_file_naming_an_unknown_parameter_exits_2(tmp_path, capsys):
    local = write(tmp_path, "bengbu.made_up: 1\n", "local.yaml")
    assert main(["simulate", str(write(tmp_path, good_case())), "--local", str(local)]) == 2
    assert capsys.readouterr().err.startswith("bengbu.made_up: ")


def test_params_lists_every_parameter(capsys):
    assert main(["params", "--on", "2025-06-01", "--lang", "en"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert listed == set(default_parameters())


@pytest.mark.parametrize(("day", "shown"), [("2022-12-31", "1000"), ("2023-01-01", "2000")])
def test_params_shows_the_value_in_force_on_the_date(capsys, day, shown):
    assert main(["params", "--on", day, "--lang", "en"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines()
              if line.startswith("national.income_tax.infant_care_monthly ")]
    assert shown in row.split()


def test_params_shows_unpublished_amounts_as_a_dash(capsys):
    assert main(["params", "--on", "2025-06-01"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines()
              if line.startswith("bengbu.provident_fund.loan_ceiling ")]
    assert "—" in row
