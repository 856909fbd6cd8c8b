"""Non-money entitlements, one line per measure, with the department the family asks (牵头单位)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter

from .case import Case
from .dates import birthday
from .household import EMPLOYED
from .result import Line, make_line, use_rule

CATALOGUE = Path(__file__).with_name("entitlements.yaml")


class Entitlement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    measure: str
    zh: str
    en: str
    department_zh: str
    department_en: str
    applies: str


@cache
def catalogue() -> tuple[Entitlement, ...]:
    raw = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return tuple(TypeAdapter(list[Entitlement]).validate_python(raw))


def _applicable(case: Case) -> dict[str, bool]:
    today, kids = case.today, case.children
    adult = use_rule(case.p("national.family.age_of_majority"), today)[0]
    nursery = use_rule(case.p("national.family.nursery_age_limit"), today)[0]
    return {
        "always": True,
        "none": True,  # still listed, so the family sees the measure exists and why it gives nothing
        "children": bool(kids),
        "minors": any(today < birthday(oc.born, adult) for oc in kids),
        "under3": any(today < birthday(oc.born, nursery) for oc in kids),
        "employed_mother": case.household.mother is not None and case.household.mother.employer in EMPLOYED,
    }


def entitlements(case: Case) -> list[Line]:
    # Made anew for every household, not cached: a cache keyed on which measures apply would keep a trace of
    # a kiosk visitor's family (children under three, a working mother) after they have gone.
    applies = _applicable(case)
    year = case.today.year
    return [line.for_year(year) for when, line in _templates() if applies.get(when, True)]


@cache
def _templates() -> tuple[tuple[str, Line], ...]:
    """Each catalogue entry's line, but for its year, with when it applies: the catalogue's own text, the
    same for every household. A household's lines are copies of these for the year it is worked out in
    (lines are read-only, so the copies share the text and department dicts)."""
    return tuple((e.applies, make_line("entitlement", 0, None, "entitlement", f"bengbu-2024 {e.measure}", e.zh, e.en,
                                       status="verified", measure=e.measure,
                                       department={"zh": e.department_zh, "en": e.department_en}))
                 for e in catalogue())
