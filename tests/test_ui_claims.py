"""How to claim, where a family reads it: the explanation panel beside each line, and the handout."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from simulator import load_example, simulate
from simulator.how_to_claim import claim_for
from ui.handout import write_handout_pdf


def show(window, line_id: str, measure: str | None = None):
    line = next(ln for ln in window.session.result.lines if ln.id == line_id and ln.measure == measure
                and (ln.amount or ln.unit == "entitlement" or ln.amount is None))
    window.results.select_line(line)
    assert window.explanation.line() is line
    return window.explanation.text()


def test_the_explanation_says_where_to_claim_the_childcare_subsidy_what_to_bring_and_when(window):
    text = show(window, "childcare_subsidy")
    claim = claim_for("childcare_subsidy")
    assert "怎么申领" in text
    assert "到哪里办" in text and claim.where.zh in text
    assert "带什么" in text and claim.bring.zh in text
    assert "什么时候" in text and claim.when.zh in text
    assert "二手来源" in text and "nhc-2025-childcare-apply" in text


def test_unknowns_are_shown_as_unknown_and_a_measure_gets_its_own_entry(window):
    text = show(window, "home_purchase_subsidy")
    assert text.count("未知") >= 3
    text = show(window, "entitlement", "§2")
    assert claim_for("entitlement", "§2").where.zh in text


def test_the_explanation_follows_a_language_switch(window):
    show(window, "childcare_subsidy")
    window.set_lang("en")
    text = window.explanation.text()
    assert "How to claim" in text and "online" in text and "secondary source" in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_says_how_to_claim_every_kind_of_line_the_family_has(qapp, tmp_path, lang):
    household = load_example()
    result = simulate(household)
    out = tmp_path / "handout.pdf"
    write_handout_pdf(out, household, result, lang)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace("\n", "" if lang == "zh" else " ").replace("\xa0", " ")
    assert ("怎么申领" if lang == "zh" else "How to claim") in flat
    for line_id in {ln.id for ln in result.lines if ln.unit != "entitlement"}:
        where = claim_for(line_id).where.text(lang)
        assert where[:20] in flat, (line_id, where[:20])
    assert "nhc-2025-childcare-apply" in flat and "sta-iit-deduction" in flat
