"""The policy parameters: meta-tests over every file (Tax-Calculator's test_parameters_mentioned), the
figures POLICY.md states, and the loader's refusal of malformed files."""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from simulator import Household, ParameterError, default_parameters, load_parameters, simulate
from simulator.parameters import POLICY_DIR

FILES = sorted(p for p in POLICY_DIR.rglob("*.yaml") if p.name != "sources.yaml")
SOURCES = yaml.safe_load((POLICY_DIR / "sources.yaml").read_text(encoding="utf-8"))
SIMULATOR_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in POLICY_DIR.parent.glob("*.py"))
STATUSES = {"verified", "secondary", "assumed", "unpublished"}


def rel(path: Path) -> str:
    return path.relative_to(POLICY_DIR).as_posix()


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def name_of(path: Path) -> str:
    return rel(path).removesuffix(".yaml").replace("/", ".")


# --- every file -----------------------------------------------------------------------------------------

def test_there_are_parameter_files_and_each_is_loaded_under_its_path_name():
    assert len(FILES) >= 40
    assert sorted(default_parameters()) == sorted(name_of(p) for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_every_parameter_file_has_label_unit_reference_status_and_review_date(path):
    data = raw(path)
    assert set(data) == {"description", "metadata", "values"}
    meta = data["metadata"]
    assert meta["label"]["zh"].strip() and meta["label"]["en"].strip()
    assert re.search(r"[\u4e00-\u9fff]", meta["label"]["zh"]), "the Chinese label has no Chinese"
    assert meta["unit"]
    assert meta["reference"]["source"] in SOURCES
    assert meta["reference"]["clause"].strip()
    assert meta["status"] in STATUSES
    assert isinstance(meta["last_reviewed"], dt.date)


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_every_description_is_a_sentence_without_figures(path):
    description = raw(path)["description"]
    assert description.strip().endswith(".")
    assert not re.search(r"\d", description), description


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_values_are_keyed_by_date_in_the_order_they_took_effect(path):
    dates = list(raw(path)["values"])
    assert dates
    assert all(isinstance(d, dt.date) for d in dates)
    assert dates == sorted(dates)


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_unpublished_parameters_hold_only_nulls(path):
    data = raw(path)
    values = list(data["values"].values())
    if data["metadata"]["status"] == "unpublished":
        assert all(v is None for v in values)


@pytest.mark.parametrize("path", [p for p in FILES if raw(p)["metadata"]["status"] == "assumed"], ids=rel)
def test_every_assumption_says_why_in_a_note(path):
    meta = raw(path)["metadata"]
    assert (meta.get("note") or "").strip()


def test_every_source_cited_is_described():
    for key, entry in SOURCES.items():
        assert entry["title"].strip(), key


# --- every parameter is used ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(name_of(p) for p in FILES))
def test_every_parameter_is_mentioned_in_the_simulator_code(name):
    assert f'"{name}"' in SIMULATOR_SOURCE


VARIED = [
    {"hukou_area": "longzihu", "as_of": "2026-11-28",
     "mother": {"employer": "public_institution", "monthly_salary": 7000, "monthly_contributions": 1500,
                "employer_avg_monthly_wage": 8000},
     "father": {"monthly_salary": 15000, "monthly_contributions": 3200, "other_annual_deductions": 12000},
     "children": [{"birth_date": "2020-05-10"}, {"birth_date": "2024-03-15", "difficult_birth": True},
                  {"birth_date": "2027-09-01"}],
     "housing": {"first_provident_fund_loan": True, "buying_home_in_urban_area": True}},
    {"hukou_area": "bengshan", "as_of": "2026-01-01",
     "mother": {"monthly_salary": 9000, "training": {"course_subsidy": 1000, "days": 3, "start": "2025-02-01"}},
     "father": {"monthly_salary": 9000},
     "children": [{"birth_date": "2019-09-01"}, {"birth_date": "2024-03-01"}, {"birth_date": "2025-06-01"},
                  {"birth_date": "2025-06-01", "education_until_age": 18}],
     "pregnancy_losses": [{"date": "2025-01-10", "months_pregnant": 2}, {"date": "2025-12-10", "months_pregnant": 5}],
     "housing": {"first_provident_fund_loan": True, "provident_fund_loan_ceiling": 500000,
                 "buying_home_in_urban_area": True, "loan_date": "2025-07-01"}},
    {"hukou_area": "huaiyuan", "as_of": "2025-03-01", "mother": {"employer": "soe"}, "father": {"employer": "soe"},
     "children": [{"birth_date": "2024-01-01"}, {"birth_date": "2024-01-01"}], "tax_split": "half"},
    {"hukou_area": "wuhe", "as_of": "2026-12-01", "mother": {"employer": "flexible", "insurance": "flexible_employee"},
     "children": [{"birth_date": "2026-04-01"}]},
    # a 4th child, beyond the law's number of children (national.family.children_per_couple)
    {"hukou_area": "guzhen", "as_of": "2026-06-30", "mother": {}, "father": {}, "parents_married": False,
     "children": [{"birth_date": "2018-01-01"}, {"birth_date": "2020-01-01"}, {"birth_date": "2022-01-01"},
                  {"birth_date": "2025-01-01"}]},
]
# Read directly by code that decides whether a line applies at all, not recorded on a line.
READ_DIRECTLY = {
    "national.family.age_of_majority",  # entitlements: is some child a minor (§5)
    "national.family.nursery_age_limit",  # entitlements: is some child under three (§6, §7)
    "bengbu.training.course_subsidy_minimum",  # input check of the chosen course subsidy
    "bengbu.training.course_subsidy_maximum",
}


def test_every_parameter_is_used_by_some_formula():
    used = set()
    for case in VARIED:
        for line in simulate(Household.model_validate(case)).lines:
            used |= {u.name for u in line.uses}
    assert set(default_parameters()) - used - READ_DIRECTLY == set()
    for name in READ_DIRECTLY:
        assert f'"{name}"' in SIMULATOR_SOURCE


# --- the figures POLICY.md states, on both sides of their dates -----------------------------------------

FIGURES = [
    ("bengbu.birth_subsidy.second_child", "2023-12-31", None),
    ("bengbu.birth_subsidy.second_child", "2024-01-01", 2000),
    ("bengbu.birth_subsidy.third_child", "2024-01-01", 5000),
    ("bengbu.birth_subsidy.city_share_in_districts", "2024-01-01", 0.3),
    ("bengbu.birth_subsidy.employer_payer_when_both_public", "2024-01-01", "mother"),
    ("national.childcare_subsidy.annual_amount", "2024-12-31", None),
    ("national.childcare_subsidy.annual_amount", "2025-01-01", 3600),
    ("national.childcare_subsidy.eligible_months", "2025-01-01", 36),
    ("national.childcare_subsidy.tax_exempt", "2025-01-01", True),
    ("national.income_tax.infant_care_monthly", "2021-12-31", None),
    ("national.income_tax.infant_care_monthly", "2022-01-01", 1000),
    ("national.income_tax.infant_care_monthly", "2022-12-31", 1000),
    ("national.income_tax.infant_care_monthly", "2023-01-01", 2000),
    ("national.income_tax.child_education_monthly", "2022-12-31", 1000),
    ("national.income_tax.child_education_monthly", "2023-01-01", 2000),
    ("national.income_tax.education_until_age", "2023-01-01", 22),
    ("national.income_tax.infant_care_until_age", "2023-01-01", 3),
    ("national.income_tax.basic_deduction", "2024-01-01", 60000),
    ("national.maternity_allowance.day_divisor", "2024-01-01", 30),
    ("national.maternity_leave.basic_days", "2024-01-01", 98),
    ("anhui.maternity_leave.extension_days", "2024-01-01", 60),
    ("national.maternity_leave.difficult_birth_extra_days", "2024-01-01", 15),
    ("anhui.maternity_leave.caesarean_counts_as_difficult", "2024-01-01", True),
    ("national.maternity_leave.extra_baby_days", "2024-01-01", 15),
    ("national.maternity_leave.miscarriage_early_days", "2024-01-01", 15),
    ("national.maternity_leave.miscarriage_late_days", "2024-01-01", 42),
    ("national.maternity_leave.miscarriage_threshold_months", "2024-01-01", 4),
    ("anhui.paternity_leave.days", "2024-01-01", 30),
    ("anhui.parental_leave.days_per_year", "2024-01-01", 10),
    ("anhui.parental_leave.until_age", "2024-01-01", 6),
    ("anhui.parental_leave.per_child", "2024-01-01", False),
    ("bengbu.provident_fund.uplift_two_children", "2024-01-01", 0.1),
    ("bengbu.provident_fund.uplift_three_or_more_children", "2024-01-01", 0.2),
    ("bengbu.provident_fund.loan_ceiling", "2025-01-01", None),
    ("national.provident_fund.loan_rate", "2024-05-17", 0.031),
    ("national.provident_fund.loan_rate", "2024-05-18", 0.0285),
    ("national.provident_fund.loan_rate", "2025-05-07", 0.0285),
    ("national.provident_fund.loan_rate", "2025-05-08", 0.026),
    ("national.provident_fund.commercial_benchmark_rate", "2024-10-20", 0.0385),
    ("national.provident_fund.commercial_benchmark_rate", "2024-10-21", 0.036),
    ("national.provident_fund.commercial_benchmark_rate", "2025-05-19", 0.036),
    ("national.provident_fund.commercial_benchmark_rate", "2025-05-20", 0.035),
    ("bengbu.housing.home_purchase_subsidy", "2025-01-01", None),
    ("bengbu.housing.child_age_limit", "2025-01-01", 18),
    ("bengbu.training.course_subsidy_minimum", "2024-01-01", 500),
    ("bengbu.training.course_subsidy_maximum", "2024-01-01", 2400),
    ("bengbu.training.living_allowance_per_day", "2024-01-01", 50),
    ("bengbu.training.window_years", "2024-01-01", 2),
    ("bengbu.after_school.waived_birth_order", "2024-01-01", 3),
    ("national.preschool.final_year_fee_waived", "2025-08-31", None),
    ("national.preschool.final_year_fee_waived", "2025-09-01", True),
]


@pytest.mark.parametrize(("name", "day", "value"), FIGURES)
def test_parameter_holds_the_figure_policy_md_states(name, day, value):
    assert default_parameters()[name].at(dt.date.fromisoformat(day)) == value


def test_the_tax_brackets_are_the_comprehensive_income_table():
    rows = default_parameters()["national.income_tax.brackets"].at(dt.date(2024, 1, 1))
    assert [(b.up_to, b.rate, b.quick_deduction) for b in rows] == [
        (36000, 0.03, 0), (144000, 0.10, 2520), (300000, 0.20, 16920), (420000, 0.25, 31920),
        (660000, 0.30, 52920), (960000, 0.35, 85920), (None, 0.45, 181920)]


@pytest.mark.parametrize(("name", "status"), [
    ("bengbu.birth_subsidy.employer_payer_when_both_public", "assumed"),
    ("bengbu.provident_fund.uplift_two_children", "assumed"),
    ("bengbu.provident_fund.uplift_three_or_more_children", "assumed"),
    ("national.income_tax.education_until_age", "assumed"),
    ("anhui.parental_leave.per_child", "assumed"),
    ("anhui.leave.for_married_couples", "assumed"),
    ("national.maternity_allowance.day_divisor", "assumed"),
    ("bengbu.provident_fund.loan_ceiling", "unpublished"),
    ("bengbu.housing.home_purchase_subsidy", "unpublished"),
    ("bengbu.childcare.enrolment_subsidy", "unpublished"),
    ("bengbu.after_school.annual_fee", "unpublished"),
    ("bengbu.preschool.annual_fee", "unpublished"),
])
def test_policy_md_assumptions_and_unpublished_amounts_are_marked_so(name, status):
    assert default_parameters()[name].status == status


def test_2025_has_13_statutory_holiday_days():
    holidays = default_parameters()["national.holidays.statutory_holidays"]
    assert len(holidays.at(dt.date(2025, 1, 1))) == 13
    assert all(d.year == 2025 for d in holidays.at(dt.date(2025, 1, 1)))


# --- local figures --------------------------------------------------------------------------------------

def test_local_figure_for_an_unknown_parameter_is_refused():
    with pytest.raises(ParameterError) as err:
        default_parameters().with_local({"bengbu.no_such_thing": 1})
    assert "bengbu.no_such_thing" in str(err.value)


def test_local_figure_out_of_range_is_refused():
    with pytest.raises(ParameterError) as err:
        default_parameters().with_local({"bengbu.provident_fund.loan_ceiling": -1})
    assert "bengbu.provident_fund.loan_ceiling" in str(err.value)


def test_local_figure_that_is_not_a_number_is_refused():
    with pytest.raises(ParameterError):
        default_parameters().with_local({"bengbu.provident_fund.loan_ceiling": "a lot"})


def test_local_figure_is_marked_local_and_leaves_the_shipped_pack_alone():
    local = default_parameters().with_local({"bengbu.provident_fund.loan_ceiling": 600000})
    assert local["bengbu.provident_fund.loan_ceiling"].at(dt.date(2025, 1, 1)) == 600000
    assert local["bengbu.provident_fund.loan_ceiling"].line_status == "local"
    assert local.local_names() == ["bengbu.provident_fund.loan_ceiling"]
    assert default_parameters()["bengbu.provident_fund.loan_ceiling"].at(dt.date(2025, 1, 1)) is None


# --- the loader refuses malformed files -----------------------------------------------------------------

@pytest.fixture
def pack(tmp_path):
    target = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, target)
    return target


def edit(pack: Path, relpath: str, change) -> None:
    path = pack / relpath
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def refusal(pack: Path) -> str:
    with pytest.raises(ParameterError) as err:
        load_parameters(pack)
    return str(err.value)


SECOND = "bengbu/birth_subsidy/second_child.yaml"


def test_a_copy_of_the_shipped_pack_loads(pack):
    assert sorted(load_parameters(pack)) == sorted(default_parameters())


def test_loader_refuses_an_unknown_key_and_names_file_and_key(pack):
    edit(pack, SECOND, lambda d: d["metadata"].update(lable={"zh": "x", "en": "x"}))
    message = refusal(pack)
    assert SECOND in message
    assert "lable" in message


def test_loader_refuses_an_unknown_top_level_key(pack):
    edit(pack, SECOND, lambda d: d.update(valuse={dt.date(2024, 1, 1): 1}))
    message = refusal(pack)
    assert SECOND in message and "valuse" in message


def test_loader_refuses_a_value_above_the_maximum_and_names_file_and_date(pack):
    edit(pack, SECOND, lambda d: d["values"].update({dt.date(2024, 1, 1): 2_000_000}))
    message = refusal(pack)
    assert SECOND in message
    assert "values.2024-01-01" in message
    assert "maximum" in message


def test_loader_refuses_a_rate_above_one(pack):
    path = "bengbu/birth_subsidy/city_share_in_districts.yaml"
    edit(pack, path, lambda d: d["values"].update({dt.date(2024, 1, 1): 30}))
    assert path in refusal(pack)


def test_a_null_from_a_date_is_in_force_but_unpublished_from_then_on(pack):
    # the 2nd-child subsidy: 2,000 from 2024-01-01; say the law now leaves the amount to local notice from 2027
    edit(pack, SECOND, lambda d: d["values"].update({dt.date(2027, 1, 1): None}))
    p = load_parameters(pack)["bengbu.birth_subsidy.second_child"]
    before, after = p.use(dt.date(2026, 12, 31)), p.use(dt.date(2027, 1, 1))
    assert (before[0], before[1].status) == (2000, "verified")
    assert (after[0], after[1].status, after[1].effective) == (None, "unpublished", dt.date(2027, 1, 1))


def test_a_dated_value_may_carry_its_own_status_and_reference(pack):
    value = {"value": 1500, "status": "assumed",
             "reference": {"source": "bengbu-2024", "clause": "§4 (as read by a counselor)"}}
    edit(pack, SECOND, lambda d: d["values"].update({dt.date(2026, 1, 1): value}))
    p = load_parameters(pack)["bengbu.birth_subsidy.second_child"]
    old, new = p.use(dt.date(2025, 6, 1))[1], p.use(dt.date(2026, 6, 1))[1]
    assert (old.value, old.status, old.reference) == (2000, "verified", "bengbu-2024 §4")
    assert (new.value, new.status, new.reference) == (1500, "assumed", "bengbu-2024 §4 (as read by a counselor)")


def test_loader_refuses_a_dated_value_with_an_unknown_key_or_source(pack):
    edit(pack, SECOND, lambda d: d["values"].update({dt.date(2026, 1, 1): {"value": 1500, "staus": "assumed"}}))
    third = "bengbu/birth_subsidy/third_child.yaml"
    edit(pack, third, lambda d: d["values"].update(
        {dt.date(2026, 1, 1): {"value": 5000, "reference": {"source": "bengbu-2099", "clause": "§4"}}}))
    message = refusal(pack)
    assert f"{SECOND}: values.2026-01-01.staus" in message
    assert third in message and "bengbu-2099" in message


def test_a_dated_value_with_evidence_is_checked_like_any_value(pack):
    edit(pack, SECOND, lambda d: d["values"].update({dt.date(2026, 1, 1): {"value": -1}}))
    assert "values.2026-01-01" in refusal(pack)


def test_loader_refuses_a_source_not_in_sources_yaml(pack):
    edit(pack, SECOND, lambda d: d["metadata"]["reference"].update(source="bengbu-2099"))
    message = refusal(pack)
    assert SECOND in message and "bengbu-2099" in message


def test_loader_refuses_a_missing_english_label(pack):
    edit(pack, SECOND, lambda d: d["metadata"]["label"].pop("en"))
    message = refusal(pack)
    assert SECOND in message and "label.en" in message


def test_loader_refuses_an_unknown_status(pack):
    edit(pack, SECOND, lambda d: d["metadata"].update(status="rumoured"))
    message = refusal(pack)
    assert SECOND in message and "status" in message


def test_loader_refuses_a_number_where_a_boolean_belongs(pack):
    path = "anhui/parental_leave/per_child.yaml"
    edit(pack, path, lambda d: d["values"].update({dt.date(2021, 11, 19): 1}))
    assert path in refusal(pack)


def test_loader_lists_every_fault_not_just_the_first(pack):
    edit(pack, SECOND, lambda d: d["metadata"].update(lable="x"))
    third = "bengbu/birth_subsidy/third_child.yaml"
    edit(pack, third, lambda d: d["values"].update({dt.date(2024, 1, 1): -5}))
    message = refusal(pack)
    assert SECOND in message and third in message


def test_loader_refuses_a_file_that_is_not_yaml(pack):
    (pack / SECOND).write_text("values: [unclosed\n", encoding="utf-8")
    assert SECOND in refusal(pack)


@pytest.mark.parametrize(("value", "problem"), [("08-31", None), ("02-29", None), ("02-30", "must be 'MM-DD'"),
                                                 ("13-01", "must be 'MM-DD'"), ("0831", "must be 'MM-DD'")])
def test_a_month_day_parameter_takes_any_day_a_year_can_have_and_no_other(value, problem):
    # e.g. the school-entry cut-off (31 August); 29 February exists in leap years, so it is a day one may write
    from simulator.parameters import _check_value

    assert _check_value("month_day", value, None) == problem
