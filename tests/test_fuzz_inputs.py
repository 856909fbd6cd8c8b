"""Garbage in, a message out: case files, policy files and policy packs never end in a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import InputError, ParameterError, load_parameters, parse_case, simulate
from simulator.caseio import parse_case_text
from simulator.parameters import POLICY_DIR
from simulator.policy_pack import read_pack

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["schema_version", "hukou_area", "mother", "father", "children", "housing", "tax_split", "as_of",
          "employer", "insurance", "monthly_salary", "birth_date", "hukou_in_bengbu", "training", "course_subsidy"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["2024-02-30", "2025-01-01", "longzihu", "best", "soe"]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), inner, max_size=6)),
    max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_value_is_a_household_or_a_list_of_field_messages(data):
    try:
        household = parse_case(data)
    except InputError as e:
        assert e.problems and all(isinstance(p, str) and ": " in p for p in e.problems)
        return
    try:
        simulate(household)
    except InputError as e:
        assert all(": " in p for p in e.problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_as_a_case_file_is_answered_with_a_message(text):
    with pytest.raises(InputError):
        household = parse_case_text(text)
        simulate(household)
        raise InputError(["(valid)"])  # a valid case is fine too: make both paths end the same way


@pytest.mark.parametrize("content", ["", "{", "[]", "null", '{"schema_version": 99, "hukou_area": "wuhe"}',
                                     "\x00\xff", '{"hukou_area": "wuhe", "mother": {}, "children": [{}]}'])
def test_command_line_answers_garbage_with_exit_2_and_no_traceback(tmp_path, content):
    case = tmp_path / "case.json"
    case.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    proc = subprocess.run([sys.executable, "-m", "simulator", "simulate", str(case)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.strip()


def _policy_copy(tmp_path: Path) -> Path:
    target = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, target)
    return target


yaml_values = st.recursive(scalars | st.dates(), lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=10)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["description", "metadata", "values", "unit", "extra"]), value=yaml_values)
def test_a_mangled_parameter_file_is_rejected_naming_the_file(tmp_path_factory, key, value):
    folder = _policy_copy(tmp_path_factory.mktemp("pol"))
    path = folder / "bengbu" / "birth_subsidy" / "second_child.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if key == "unit":
        data["metadata"]["unit"] = value
    else:
        data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_parameters(folder)
    except ParameterError as e:
        assert any("second_child.yaml" in p for p in e.problems)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_a_garbage_policy_pack_changes_nothing_and_says_why(data):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pack.zip"
        path.write_bytes(data)
        with pytest.raises(ParameterError):
            read_pack(path)


def test_a_pack_with_a_path_escaping_the_folder_is_refused(tmp_path):
    pack = tmp_path / "evil.zip"
    with zipfile.ZipFile(pack, "w") as zf:
        zf.writestr("../escape.yaml", "x: 1")
        zf.writestr("policy/sources.yaml", json.dumps({}))
    with pytest.raises(ParameterError, match="unsafe path"):
        read_pack(pack)
    assert not (tmp_path.parent / "escape.yaml").exists()
