"""One source for every enumeration (issue 12, point 6): the case schema, the formulas' declarations and the
window's lists all come from simulator/vocabulary.py, and every key has a name in both languages."""

import typing

import pytest
import yaml
from pydantic import ValidationError

from simulator import vocabulary
from simulator.household import Household, Job
from simulator.registry import LINE_KINDS, MEASURES
from simulator.texts import label, strings


def literal_values(model, field):
    return typing.get_args(model.model_fields[field].annotation)


def test_the_case_schema_takes_exactly_the_vocabulary():
    assert literal_values(Household, "hukou_area") == tuple(vocabulary.AREAS)
    assert literal_values(Job, "employer") == tuple(vocabulary.EMPLOYERS)
    assert literal_values(Job, "insurance") == vocabulary.INSURANCE
    assert literal_values(Household, "tax_split") == vocabulary.TAX_SPLITS


def test_the_windows_lists_are_the_models():
    from ui import chart, household_form, job_change_editor, result_model, results_table

    assert tuple(vocabulary.AREAS) == household_form.AREAS and household_form.SPLITS == vocabulary.TAX_SPLITS
    assert tuple(vocabulary.EMPLOYERS) == job_change_editor.EMPLOYERS
    assert job_change_editor.INSURANCE == vocabulary.INSURANCE
    assert result_model.CATEGORIES == vocabulary.CATEGORIES and result_model.STATUS_RANK == vocabulary.STATUS_RANK
    assert results_table.BADGE_COLOURS is vocabulary.BADGE_COLOURS
    assert chart.SERIES["money"] == vocabulary.MONEY_CATEGORIES


def test_every_declared_line_has_a_known_category_and_unit_and_a_name_in_both_languages():
    assert len(MEASURES) >= 14
    for kind in LINE_KINDS.values():
        assert kind.category in vocabulary.CATEGORIES and kind.unit in vocabulary.LINE_UNITS
        assert kind.id in strings(), f"{kind.id}: no name in simulator/texts"
        assert label(kind.id, "zh") != label(kind.id, "en")


@pytest.mark.parametrize("key", [*vocabulary.AREAS, *vocabulary.EMPLOYERS, *vocabulary.CATEGORIES, *vocabulary.ROLES,
                                 *(f"status_{s}" for s in vocabulary.STATUS_RANK)])
def test_every_key_has_a_name_in_both_languages(key):
    assert key in strings()
    assert label(key, "zh") and label(key, "en") and label(key, "zh") != key


def contrast(bg: str, fg: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    darker, lighter = sorted([luminance(bg), luminance(fg)])
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("status", list(vocabulary.BADGE_COLOURS))
def test_badge_colours_have_a_contrast_of_at_least_4_5(status):
    assert contrast(*vocabulary.BADGE_COLOURS[status]) >= 4.5


def test_an_unknown_applies_key_in_the_entitlement_catalogue_fails_at_load(tmp_path, monkeypatch):
    from simulator import entitlements

    raw = yaml.safe_load(entitlements.CATALOGUE.read_text(encoding="utf-8"))
    raw[0]["applies"] = "third_child"  # a key no formula knows
    bad = tmp_path / "entitlements.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(entitlements, "CATALOGUE", bad)
    entitlements.catalogue.cache_clear()
    try:
        with pytest.raises(ValidationError, match="applies"):
            entitlements.catalogue()
    finally:
        entitlements.catalogue.cache_clear()
