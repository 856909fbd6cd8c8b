"""Non-money entitlements — one line per measure of bengbu-2024 that gives services, rights or priority,
each with the responsible department (牵头单位) from the city's text, since that is where the family applies.

The hand-worked amounts, days and payers on both sides of every date and threshold are YAML cases in
tests/cases/entitlements.yaml (run by tests/test_yaml_cases.py and `python -m simulator test`); the tests here
check what a case cannot say: explanations, badges, timelines, errors and properties over many cases.
"""

import json
import re
from pathlib import Path

import pytest

from simulator import Household, simulate

# The city's text, where the project keeps it; the lead units copied from it live beside the tests.
SEED = Path("/work/shared/seed/000_9a6a2643a001f20c.txt")
LEAD_UNITS = {k: set(v) for k, v in json.loads(
    (Path(__file__).with_name("cases") / "bengbu_2024_lead_units.json").read_text(encoding="utf-8")).items()
    if k.startswith("§")}
# POLICY.md, "What the app must also show"
LISTED = {"§1", "§2", "§5", "§6", "§8", "§10", "§11", "§12", "§13", "§14", "§15", "§16"}


def lead_units_in_the_text() -> dict[str, set[str]]:
    """{'§N': every unit named in a 牵头单位 bracket of measure N} read from the city's text."""
    units: dict[str, set[str]] = {}
    current = None
    for line in SEED.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d+)\.", line)
        if m:
            current = f"§{m.group(1)}"
        if current:
            for group in re.findall(r"牵头单位：([^）]+)）", line):
                units.setdefault(current, set()).update(u.strip() for u in re.split(r"[、，,]", group))
    return units


def run(children=("2025-06-01",), mother_employer="private", as_of="2026-06-30"):
    return simulate(Household.model_validate({
        "hukou_area": "longzihu", "as_of": as_of, "mother": {"employer": mother_employer}, "father": {},
        "children": [{"birth_date": b} for b in children]}))


def test_a_working_mother_with_a_baby_sees_every_measure_policy_md_lists():
    measures = {ln.measure for ln in run().select("entitlement")}
    assert measures >= LISTED


def test_each_measure_has_exactly_one_line():
    measures = [ln.measure for ln in run().select("entitlement")]
    assert len(measures) == len(set(measures))


def test_every_entitlement_names_its_department_in_chinese_and_english():
    for line in run().select("entitlement"):
        assert line.department["zh"].strip()
        assert line.department["en"].strip()
        assert line.text("zh").strip() and line.text("en").strip()


def test_every_department_shown_is_a_lead_unit_of_that_measure():
    for line in run().select("entitlement"):
        shown = {u.strip() for u in re.split(r"[、，,]", line.department["zh"])}
        assert shown <= LEAD_UNITS[line.measure], (line.measure, shown, LEAD_UNITS[line.measure])


@pytest.mark.skipif(not SEED.exists(), reason="the city's text is not at hand")
def test_the_lead_units_copied_for_the_tests_match_the_citys_text():
    assert lead_units_in_the_text() == LEAD_UNITS


def test_entitlements_carry_no_amount_and_are_not_amounts_to_enter():
    result = run(children=())
    lines = result.select("entitlement")
    assert lines
    assert {ln.amount for ln in lines} == {None}
    assert {ln.unit for ln in lines} == {"entitlement"}
    assert {ln.category for ln in lines} == {"services"}
    assert result.totals()["amounts_to_enter"] == 0


@pytest.mark.parametrize("measure", ["§15", "§16"])
def test_measures_15_and_16_are_shown_saying_they_give_no_household_entitlement(measure):
    (line,) = [ln for ln in run().select("entitlement") if ln.measure == measure]
    assert "no entitlement" in line.text("en")
    assert "不直接给予家庭权益" in line.text("zh")


def test_measure_14_says_it_is_only_for_family_planning_special_families():
    (line,) = [ln for ln in run().select("entitlement") if ln.measure == "§14"]
    assert "计划生育特殊家庭" in line.text("zh")




def test_measure_1_says_delivery_costs_are_to_be_basically_free_from_2026_and_that_it_is_secondary():
    (line,) = [ln for ln in run().select("entitlement") if ln.measure == "§1"]
    assert "2026年起，政策范围内的住院分娩费用目标是个人“基本不花钱”" in line.text("zh")
    assert "二手来源" in line.text("zh") and "安徽、蚌埠的实施文件未查到" in line.text("zh")
    assert "basically free to the insured" in line.text("en") and "secondary source" in line.text("en")
