"""Non-money entitlements, one line per measure, with the department the family asks (牵头单位)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter

from .case import Case
from .dates import birthday
from .measure import LineKind, Measure
from .result import Line
from .texts import Text
from .vocabulary import EMPLOYED

CATALOGUE = Path(__file__).with_name("entitlements.yaml")
ENTITLEMENT = LineKind("entitlement", category="services", unit="entitlement", source="bengbu-2024")
# Which families a catalogue entry applies to; "none": no household entitlement (still listed, so the family
# sees the measure exists and why it gives nothing).
Applies = Literal["always", "none", "children", "minors", "under3", "employed_mother"]


class Entitlement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    measure: str
    zh: str
    en: str
    department_zh: str
    department_en: str
    applies: Applies


@cache
def catalogue() -> tuple[Entitlement, ...]:
    """The catalogue, checked: an unknown key or an unknown ``applies`` fails here, at load."""
    raw = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return tuple(TypeAdapter(list[Entitlement]).validate_python(raw))


def applies(case: Case) -> dict[str, bool]:
    today, kids = case.today, case.children
    adult = case.rule("national.family.age_of_majority", today)[0]
    nursery = case.rule("national.family.nursery_age_limit", today)[0]
    return {
        "always": True,
        "none": True,
        "children": bool(kids),
        "minors": any(today < birthday(child.born, adult) for child in kids),
        "under3": any(today < birthday(child.born, nursery) for child in kids),
        "employed_mother": case.household.mother is not None and case.household.mother.job_on(today).employer in EMPLOYED,
    }


def entitlements(case: Case) -> list[Line]:
    """Each catalogue entry that applies to the family, in the year of the case."""
    which = applies(case)
    return [line._replace(year=case.today.year) for when, line in catalogue_lines() if which[when]]


@cache
def catalogue_lines() -> tuple[tuple[str, Line], ...]:
    """Each catalogue entry's line (for year 0), with when it applies: the catalogue's own text, the same
    for every household."""
    lines = []
    for e in catalogue():
        line = ENTITLEMENT.line(None, 0, None, Text.written(f"entitlement.{e.measure}", e.zh, e.en),
                                source=f"bengbu-2024 {e.measure}")
        lines.append((e.applies, line._replace(measure=e.measure,
                                               department={"zh": e.department_zh, "en": e.department_en})))
    return tuple(lines)


MEASURE = Measure("entitlements", entitlements, lines=(ENTITLEMENT,), dated=False)
