"""How to claim each benefit line: where to apply, what to bring and when, as cited data (how_to_claim.yaml).

``claim_for(line_id, measure)`` gives a line's entry (an entitlement's own measure entry when there is one).
Loaded once, with pydantic (``extra="forbid"``, so a misspelt key is an error, not a silently missing step):
every step says its status, every source id is one of policy/sources.yaml, and a step whose status is
"unknown" says so in both languages.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from .parameters import ParameterError

DATA_FILE = Path(__file__).with_name("how_to_claim.yaml")
SOURCES_FILE = Path(__file__).with_name("policy") / "sources.yaml"
ClaimStatus = Literal["verified", "secondary", "assumed", "unknown"]
STEPS = ("where", "bring", "when")
# What an "unknown" step must say in each language.
SAYS_UNKNOWN = {"zh": re.compile("未知"), "en": re.compile(r"\bunknown\b", re.IGNORECASE)}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Step(_Strict):
    zh: str
    en: str
    status: ClaimStatus
    source: str | None = None  # when the step rests on another source than its entry's

    @model_validator(mode="after")
    def _unknown_says_so(self) -> Step:
        if self.status == "unknown":
            for lang, pattern in SAYS_UNKNOWN.items():
                if not pattern.search(getattr(self, lang)):
                    raise ValueError(f"status unknown, but the {lang} text does not say 'unknown'")
        return self

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Claim(_Strict):
    source: str  # "source-id clause", e.g. "bengbu-2024 §4"
    where: Step
    bring: Step
    when: Step

    def steps(self) -> tuple[tuple[str, Step], ...]:
        return (("where", self.where), ("bring", self.bring), ("when", self.when))

    def source_of(self, step: Step) -> str:
        return step.source or self.source


class ClaimData(_Strict):
    lines: dict[str, Claim]
    measures: dict[str, Claim] = {}


def _source_ids() -> set[str]:
    return set(yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8")) or {})


def check(data: ClaimData, line_ids: tuple[str, ...], sources: set[str]) -> list[str]:
    """What is wrong with the data: a line id without an entry, an entry for no line, an unknown source id."""
    problems = [f"lines: {i}: no entry" for i in line_ids if i not in data.lines]
    problems += [f"lines: {i}: not a line id" for i in data.lines if i not in line_ids]
    for part, entries in (("lines", data.lines), ("measures", data.measures)):
        for key, claim in entries.items():
            for name, step in (("(entry)", None), *claim.steps()):
                ref = claim.source if step is None else step.source
                if ref is not None and ref.split(" ")[0] not in sources:
                    problems.append(f"{part}: {key}: {name}: source {ref.split(' ')[0]!r} is not in sources.yaml")
    return problems


@cache
def load() -> ClaimData:
    """The claims data, checked (ParameterError lists every problem)."""
    from pydantic import ValidationError

    from .registry import LINE_IDS

    try:
        data = ClaimData.model_validate(yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")))
    except ValidationError as e:
        raise ParameterError([f"{DATA_FILE.name}: {'.'.join(map(str, err['loc']))}: {err['msg']}"
                          for err in e.errors()]) from None
    problems = check(data, LINE_IDS, _source_ids())
    if problems:
        raise ParameterError([f"{DATA_FILE.name}: {p}" for p in problems])
    return data


def claim_for(line_id: str, measure: str | None = None) -> Claim:
    """How to claim a line: the measure's own entry if it has one, else the line id's. KeyError for an id that
    is not a line."""
    data = load()
    if measure is not None and measure in data.measures:
        return data.measures[measure]
    return data.lines[line_id]
