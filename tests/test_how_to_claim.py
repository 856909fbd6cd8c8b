"""How to claim: where to apply, what to bring and when, for every benefit line, cited and honest about what
is not known."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from simulator import default_parameters
from simulator.how_to_claim import DATA_FILE, STEPS, ClaimData, Step, check, claim_for, load
from simulator.registry import LINE_IDS


def test_every_line_id_has_where_bring_and_when_in_both_languages():
    data = load()
    assert set(data.lines) == set(LINE_IDS)
    for line_id in LINE_IDS:
        claim = claim_for(line_id)
        for name in STEPS:
            step = getattr(claim, name)
            assert step.zh.strip() and step.en.strip(), (line_id, name)
            assert step.status in ("verified", "secondary", "assumed", "unknown")


def test_every_source_is_a_known_source_with_a_clause_where_the_source_has_clauses():
    sources = default_parameters().sources
    data = load()
    for entries in (data.lines, data.measures):
        for key, claim in entries.items():
            for ref in {claim.source} | {s.source for _n, s in claim.steps() if s.source}:
                assert ref.split(" ")[0] in sources, (key, ref)


def test_the_national_childcare_subsidy_is_claimed_at_the_hukou_location_or_online():
    claim = claim_for("childcare_subsidy")
    assert "户籍所在地" in claim.where.zh and "乡镇（街道）" in claim.where.zh
    assert "hukou" in claim.where.en and "online" in claim.where.en and "Alipay" in claim.where.en
    assert claim.where.status == "secondary" and claim.source_of(claim.where) == "nhc-2025-childcare-apply"
    assert "出生医学证明" in claim.bring.zh and "户口簿" in claim.bring.zh
    assert "每年一次" in claim.when.zh and "unknown" in claim.when.en  # Anhui's closing date is not known


def test_what_is_not_published_says_unknown():
    bring = claim_for("birth_subsidy").bring
    assert bring.status == "unknown" and "未知" in bring.zh and "Unknown" in bring.en
    home = claim_for("home_purchase_subsidy")
    assert all(s.status == "unknown" for _n, s in home.steps())


def test_a_step_marked_unknown_must_say_so_in_both_languages():
    with pytest.raises(ValidationError, match="does not say 'unknown'"):
        Step(zh="带身份证。", en="Unknown.", status="unknown")
    with pytest.raises(ValidationError, match="does not say 'unknown'"):
        Step(zh="未知。", en="Bring your ID.", status="unknown")
    assert Step(zh="未知。", en="Unknown.", status="unknown").status == "unknown"


def test_a_misspelt_key_is_an_error_not_a_missing_step():
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    raw["lines"]["birth_subsidy"]["wehre"] = raw["lines"]["birth_subsidy"].pop("where")
    with pytest.raises(ValidationError):
        ClaimData.model_validate(raw)


def test_a_missing_line_or_an_unknown_source_is_reported():
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    del raw["lines"]["tax_saved"]
    raw["lines"]["birth_subsidy"]["source"] = "nowhere-2030 §1"
    problems = check(ClaimData.model_validate(raw), LINE_IDS, set(default_parameters().sources))
    assert "lines: tax_saved: no entry" in problems
    assert any("birth_subsidy" in p and "'nowhere-2030'" in p for p in problems)


def test_an_entitlement_measure_has_its_own_entry_or_its_line_ids():
    assert "市卫生健康委" in claim_for("entitlement", "§2").where.zh
    assert claim_for("entitlement", "§9") == claim_for("entitlement")
    with pytest.raises(KeyError):
        claim_for("no_such_line")
