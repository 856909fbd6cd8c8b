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
    return [make_line("entitlement", year, None, "entitlement", source, e.zh, e.en, status="verified",
                      measure=e.measure, department=department)
            for e, source, department in _records() if applies.get(e.applies, True)]


@cache
def _records() -> tuple[tuple[Entitlement, str, dict[str, str]], ...]:
    """Each catalogue entry with its source and department as a line holds them: the catalogue's own text,
    the same for every household (lines are read-only, so they share these)."""
    return tuple((e, f"bengbu-2024 {e.measure}", {"zh": e.department_zh, "en": e.department_en})
                 for e in catalogue())
